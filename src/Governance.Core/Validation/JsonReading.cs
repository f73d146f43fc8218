using System.Globalization;
using System.Text.Json;
using Governance.Resources;
using NodaTime.Text;

namespace Governance.Validation;

/// <summary>
/// Reads values out of a <see cref="JsonElement"/> tree, recording a <see cref="ValidationError"/> with the
/// JSON path for each problem instead of stopping at the first, so that a malformed file gets every error at once.
/// </summary>
internal sealed class JsonReading
{
    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> Errors => _errors;

    public void Error(string path, string message) => _errors.Add(new ValidationError(path, message));

    public static JsonDocument? Parse(string json, string subject, out ValidationFailedException? failure)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            failure = null;
            // A key given twice is an error, not "the last one wins".
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            failure = new ValidationFailedException(subject, [new ValidationError($"{e.Path ?? "$"} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})", GovernanceMessages.Text("NotValidJson") + e.Message)]);
            return null;
        }
        catch (ArgumentException e)
        {
            // The text itself is not valid UTF-16 (a lone surrogate), so it cannot be read as JSON at all.
            failure = new ValidationFailedException(subject, [new ValidationError("$", GovernanceMessages.Text("NotValidText") + e.Message)]);
            return null;
        }
    }

    /// <summary>Reports every member of <paramref name="obj"/> that is not one of <paramref name="names"/> (a typo is an error, not a default).</summary>
    public void Known(JsonElement obj, string path, params string[] names)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (System.Array.IndexOf(names, property.Name) < 0)
            {
                Error($"{path}.{property.Name}", GovernanceMessages.Format("NotAMemberHere", string.Join(", ", names)));
            }
        }
    }

    /// <summary>The string value of an element, or null (with an error) when it holds an invalid UTF-16 sequence.</summary>
    public string? Text(JsonElement e, string path)
    {
        try
        {
            return e.GetString();
        }
        catch (InvalidOperationException)
        {
            Error(path, GovernanceMessages.Text("ContainsInvalidUTFSequenceLoneSurrogate"));
            return null;
        }
    }

    public bool IsObject(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(path, GovernanceMessages.Format("ExpectedObjectFound", Describe(e)));
        return false;
    }

    public JsonElement? Property(JsonElement obj, string name, string path, bool required)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            Error($"{path}.{name}", GovernanceMessages.Text("IsRequired"));
        }

        return null;
    }

    public IEnumerable<(JsonElement Item, string Path)> Array(JsonElement obj, string name, string path, bool required = false)
    {
        var value = Property(obj, name, path, required);
        if (value is not { } array)
        {
            yield break;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            Error($"{path}.{name}", GovernanceMessages.Format("ExpectedArrayFound", Describe(array)));
            yield break;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            yield return (item, $"{path}.{name}[{i++}]");
        }
    }

    public string? String(JsonElement obj, string name, string path, bool required = true)
    {
        var value = Property(obj, name, path, required);
        if (value is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            Error($"{path}.{name}", GovernanceMessages.Format("ExpectedNonEmptyStringFound", Describe(v)));
            return null;
        }

        var text = Text(v, $"{path}.{name}");
        if (text is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            Error($"{path}.{name}", GovernanceMessages.Text("ExpectedNonEmptyStringFoundEmpty"));
            return null;
        }

        return text;
    }

    public int? Int(JsonElement obj, string name, string path, bool required = true, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = Property(obj, name, path, required);
        if (value is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n) || n < min || n > max)
        {
            Error($"{path}.{name}", GovernanceMessages.Format("ExpectedWholeNumberFound", min, max, Describe(v)));
            return null;
        }

        return n;
    }

    public LocalDate? Date(JsonElement obj, string name, string path, bool required = true)
    {
        var text = String(obj, name, path, required);
        if (text is null)
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(text);
        if (!result.Success)
        {
            Error($"{path}.{name}", GovernanceMessages.Format("NotADate", text));
            return null;
        }

        return result.Value;
    }

    public Duration? Duration(JsonElement obj, string name, string path, bool required = true)
    {
        var text = String(obj, name, path, required);
        if (text is null)
        {
            return null;
        }

        var result = DurationPattern.Roundtrip.Parse(text);
        if (!result.Success || result.Value < NodaTime.Duration.Zero)
        {
            Error($"{path}.{name}", GovernanceMessages.Format("NonNegativeDurationExpectedDHh", text));
            return null;
        }

        return result.Value;
    }

    public TEnum? Enum<TEnum>(JsonElement obj, string name, string path, bool required = true)
        where TEnum : struct, System.Enum
    {
        var text = String(obj, name, path, required);
        return text is null ? null : ParseEnum<TEnum>(text, $"{path}.{name}");
    }

    public TEnum? ParseEnum<TEnum>(string text, string path)
        where TEnum : struct, System.Enum
    {
        // One member, by its exact name (any case): no numbers, no comma-joined flags, no "None".
        var names = System.Enum.GetNames<TEnum>().Where(n => n != "None").ToArray();
        foreach (var n in names)
        {
            if (string.Equals(n, text, StringComparison.OrdinalIgnoreCase))
            {
                return System.Enum.Parse<TEnum>(n);
            }
        }

        Error(path, GovernanceMessages.Format("NotOneOf", text, string.Join(", ", names)));
        return null;
    }

    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => GovernanceMessages.Format("DescribeString", e.GetRawText()),
        JsonValueKind.Number => GovernanceMessages.Format("DescribeNumber", e.GetRawText()),
        JsonValueKind.Object => GovernanceMessages.Text("DescribeObject"),
        JsonValueKind.Array => GovernanceMessages.Text("DescribeArray"),
        JsonValueKind.True or JsonValueKind.False => GovernanceMessages.Format("DescribeValue", e.GetRawText()),
        _ => "null",
    };
}
