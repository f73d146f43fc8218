using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Resources;
using NodaTime.Text;

namespace Governance.Json;

/// <summary>
/// An <see cref="Instant"/> as NodaTime's extended ISO text (<c>"2026-03-02T01:00:30Z"</c>, with up to nine fraction
/// digits), exactly as NodaTime.Serialization.SystemTextJson writes and reads it, but read without allocating: the common
/// shape (a four-digit year, an unescaped string) is parsed from the UTF-8 bytes, and anything else goes to NodaTime's
/// pattern, which accepts or refuses it as before. Journals hold millions of instants; this is their reading cost.
/// </summary>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    private static readonly InstantPattern Pattern = InstantPattern.ExtendedIso;

    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(GovernanceMessages.Format("ExpectedInstantStringSuchTZ", reader.TokenType));
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped && TryParse(reader.ValueSpan, out var instant))
        {
            return instant;
        }

        var text = reader.GetString()!;
        var result = Pattern.Parse(text);
        return result.Success ? result.Value : throw new JsonException(GovernanceMessages.Format("NotAnInstant", text, result.Exception.Message), result.Exception);
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Pattern.Format(value));
    }

    /// <summary>Parses <c>yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z</c>; false for anything else (NodaTime's pattern then decides).</summary>
    internal static bool TryParse(ReadOnlySpan<byte> s, out Instant instant)
    {
        instant = default;
        if (s.Length < 20 || s.Length == 21 || s.Length > 30 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[^1] != 'Z')
        {
            return false;
        }

        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        var nanoseconds = 0;
        if (s.Length > 20)
        {
            var fraction = s[20..^1];
            if (s[19] != '.' || !Digits(fraction, out nanoseconds))
            {
                return false;
            }

            for (var i = fraction.Length; i < 9; i++)
            {
                nanoseconds *= 10;
            }
        }
        else if (s[19] != 'Z')
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        instant = Instant.FromUtc(year, month, day, hour, minute, second) + Duration.FromNanoseconds(nanoseconds);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            var d = b - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
