using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Validation;

namespace Governance.Testing;

/// <summary>
/// The bad-input audit for a JSON loader: malformed documents made from a valid one (a key given twice, an unknown member,
/// comma-joined and numeric enum names, lone surrogates escaped and raw, huge numbers, deep nesting, wrong types), each
/// parsed and classified as the library's typed error (<see cref="ValidationFailedException"/> whose every error has a
/// path), accepted, a raw exception, or a hang.
/// </summary>
public static class MalformedJson
{
    /// <summary>The kinds of damage done to a document.</summary>
    public enum Damage
    {
        DuplicateKey,
        UnknownMember,
        CommaEnum,
        NumericEnum,
        EscapedLoneSurrogate,
        RawLoneSurrogate,
        HugeNumber,
        DeepNesting,
        WrongType,
    }

    /// <summary>How a loader answered a document.</summary>
    public enum Outcome
    {
        Typed,
        Accepted,
        Raw,
        Hang,
    }

    /// <summary>One damaged document and whether it must be refused (some damage can land where it is harmless).</summary>
    public sealed record Case(Damage Damage, string Json, bool MustFail, string Where);

    /// <summary>The audit table: tried, typed, accepted, raw, hang, and accepted although it must fail (silent).</summary>
    public sealed record Table(int Tried, int Typed, int Accepted, int Raw, int Hang, int Silent, IReadOnlyList<string> Problems)
    {
        /// <summary>The audit's goal: no raw exception, nothing silently accepted, no hang.</summary>
        public bool Clean => Raw + Silent + Hang == 0;

        /// <summary>Every problem found, one a line.</summary>
        public string Report => string.Join("\n", Problems);

        /// <summary>The audit table's line: tried, typed, accepted, raw, silent, hang.</summary>
        public override string ToString() => $"tried {Tried}, typed {Typed}, accepted {Accepted}, raw {Raw}, silent {Silent}, hang {Hang}";
    }

    private static readonly JsonDocumentOptions Reading = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Damages <paramref name="valid"/> once in the way <paramref name="damage"/> says, at the place chosen by <paramref name="pick"/>.</summary>
    /// <param name="valid">A valid document.</param>
    /// <param name="damage">The damage.</param>
    /// <param name="pick">Chooses a place among the candidates (any non-negative number; taken modulo their count).</param>
    /// <param name="enumNames">The enum member names the format uses, so comma and numeric damage lands on enum values.</param>
    /// <returns>The damaged document, or null when the document has no place for this damage.</returns>
    public static Case? Make(string valid, Damage damage, int pick, IReadOnlySet<string> enumNames)
    {
        var root = JsonNode.Parse(valid, documentOptions: Reading)!;
        var nodes = new List<(JsonNode? Node, string Path)>();
        Walk(root, "$", nodes);
        var candidates = damage switch
        {
            Damage.DuplicateKey or Damage.UnknownMember => nodes.Where(n => n.Node is JsonObject { Count: > 0 }).ToList(),
            Damage.CommaEnum or Damage.NumericEnum => nodes.Where(n => n.Node is JsonValue v && v.TryGetValue<string>(out var s) && enumNames.Contains(s)).ToList(),
            Damage.EscapedLoneSurrogate or Damage.RawLoneSurrogate => nodes.Where(n => n.Node is JsonValue v && v.TryGetValue<string>(out _)).ToList(),
            Damage.HugeNumber => nodes.Where(n => n.Node is JsonValue v && v.GetValueKind() == JsonValueKind.Number).ToList(),
            _ => nodes.Where(n => n.Path != "$").ToList(),
        };
        if (candidates.Count == 0)
        {
            return null;
        }

        var (target, where) = candidates[pick % candidates.Count];
        var text = new StringBuilder();
        Write(root, target, damage, pick, text);
        var json = text.ToString();
        var mustFail = damage != Damage.WrongType;
        return new Case(damage, json, mustFail, where);
    }

    /// <summary>Runs a loader over the cases and tabulates its answers.</summary>
    /// <param name="cases">The damaged documents.</param>
    /// <param name="parse">The loader.</param>
    /// <returns>The table.</returns>
    public static Table Audit(IEnumerable<Case> cases, Action<string> parse)
    {
        int tried = 0, typed = 0, accepted = 0, raw = 0, hang = 0, silent = 0;
        var problems = new List<string>();
        foreach (var c in cases)
        {
            tried++;
            var outcome = Run(c.Json, parse, out var detail);
            switch (outcome)
            {
                case Outcome.Typed:
                    typed++;
                    break;
                case Outcome.Accepted:
                    accepted++;
                    if (c.MustFail)
                    {
                        silent++;
                        problems.Add($"silently accepted: {c.Damage} at {c.Where}");
                    }

                    break;
                case Outcome.Raw:
                    raw++;
                    problems.Add($"raw {detail}: {c.Damage} at {c.Where}");
                    break;
                default:
                    hang++;
                    problems.Add($"hang: {c.Damage} at {c.Where}");
                    break;
            }
        }

        return new Table(tried, typed, accepted, raw, hang, silent, problems);
    }

    /// <summary>Every damage at several places of <paramref name="valid"/>.</summary>
    /// <param name="valid">A valid document.</param>
    /// <param name="enumNames">The enum member names the format uses.</param>
    /// <param name="places">How many places to try per damage.</param>
    /// <returns>The damaged documents.</returns>
    public static IEnumerable<Case> All(string valid, IReadOnlySet<string> enumNames, int places = 12)
    {
        foreach (var damage in Enum.GetValues<Damage>())
        {
            for (var pick = 0; pick < places; pick++)
            {
                if (Make(valid, damage, pick * 7919, enumNames) is { } c)
                {
                    yield return c;
                }
            }
        }
    }

    private static Outcome Run(string json, Action<string> parse, out string? detail)
    {
        detail = null;
        Exception? thrown = null;
        var task = Task.Run(() =>
        {
            try
            {
                parse(json);
            }
            catch (Exception e)
            {
                thrown = e;
            }
        });
        if (!task.Wait(TimeSpan.FromSeconds(10)))
        {
            return Outcome.Hang;
        }

        switch (thrown)
        {
            case null:
                return Outcome.Accepted;
            case ValidationFailedException v when v.Errors.Count > 0 && v.Errors.All(e => e.Path.StartsWith('$')):
                return Outcome.Typed;
            default:
                detail = $"{thrown.GetType().Name}: {thrown.Message}";
                return Outcome.Raw;
        }
    }

    private static void Walk(JsonNode? node, string path, List<(JsonNode? Node, string Path)> into)
    {
        into.Add((node, path));
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    Walk(value, $"{path}.{name}", into);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], $"{path}[{i}]", into);
                }

                break;
        }
    }

    private static void Write(JsonNode? node, JsonNode? target, Damage damage, int pick, StringBuilder into)
    {
        if (node is not null && ReferenceEquals(node, target) && damage is not (Damage.DuplicateKey or Damage.UnknownMember))
        {
            into.Append(damage switch
            {
                Damage.CommaEnum => $"\"{node.GetValue<string>()},{node.GetValue<string>()}\"",
                Damage.NumericEnum => pick % 2 == 0 ? "\"1\"" : "\" 2\"",
                Damage.EscapedLoneSurrogate => "\"\\ud800" + JsonEncodedText.Encode(node.GetValue<string>()).Value + "\"",
                Damage.RawLoneSurrogate => "\"\ud800" + JsonEncodedText.Encode(node.GetValue<string>()).Value + "\"",
                Damage.HugeNumber => pick % 2 == 0 ? "1e400" : "99999999999999999999999999999999",
                Damage.DeepNesting => new string('[', 200) + node.ToJsonString() + new string(']', 200),
                _ => (pick % 3) switch { 0 => "{}", 1 => "[]", _ => "true" },
            });
            return;
        }

        switch (node)
        {
            case JsonObject o:
                into.Append('{');
                var first = true;
                foreach (var (name, value) in o)
                {
                    Member(name, value);
                }

                if (ReferenceEquals(node, target))
                {
                    var (name, value) = o.First();
                    Member(damage == Damage.DuplicateKey ? name : name[..^1] + "x", value);
                }

                into.Append('}');

                void Member(string name, JsonNode? value)
                {
                    if (!first)
                    {
                        into.Append(',');
                    }

                    first = false;
                    into.Append(JsonSerializer.Serialize(name)).Append(':');
                    Write(value, target, damage, pick, into);
                }

                break;
            case JsonArray a:
                into.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0)
                    {
                        into.Append(',');
                    }

                    Write(a[i], target, damage, pick, into);
                }

                into.Append(']');
                break;
            case null:
                into.Append("null");
                break;
            default:
                into.Append(node.ToJsonString());
                break;
        }
    }
}
