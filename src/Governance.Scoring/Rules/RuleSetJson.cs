using System.Text.Json;
using Governance.People;
using Governance.Resources;
using Governance.Scoring.Facts;
using Governance.Validation;

namespace Governance.Scoring.Rules;

/// <summary>
/// 规则文件 — reads a rule set from JSON; every problem is reported at once with its JSON path.
/// </summary>
/// <remarks>
/// <code language="json"><![CDATA[
/// {
///   "name": "楚润社区楼长积分",
///   "rules": [
///     { "id": "bh.meeting", "nameZh": "参加楼长会议", "nameEn": "Meeting attended", "role": "BuildingHead",
///       "kind": "Base", "fact": "meeting", "points": 2, "cap": 8, "capPer": "Month",
///       "from": "2026-01-01", "to": "2026-06-30" }
///   ]
/// }
/// ]]></code>
/// <para><c>cap</c>, <c>capPer</c> (Month by default), <c>from</c> and <c>to</c> are optional; <c>points</c> (at most 10,000)
/// and <c>cap</c> (at most 1,000,000) are positive numbers (a deduction's sign comes from its kind). A member this format does
/// not name is an error, and so is a <c>fact</c> that is neither one of <see cref="ScoringFactKinds.All"/> nor declared in a
/// top-level <c>"facts": ["my-district.code"]</c> list.</para>
/// </remarks>
public static class RuleSetJson
{
    /// <summary>Reads a rule set.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ValidationFailedException">The text is not valid JSON or breaks the format; <c>Errors</c> lists every problem with its path.</exception>
    public static RuleSet Parse(string json)
    {
        using var document = JsonReading.Parse(json, ScoringMessages.Text("RuleSetJSON"), out var failure);
        if (document is null)
        {
            throw failure!;
        }

        var r = new JsonReading();
        var root = document.RootElement;
        var rules = new List<ScoringRule>();
        string? name = null;
        if (r.IsObject(root, "$"))
        {
            r.Known(root, "$", "name", "facts", "rules");
            name = r.String(root, "name", "$");
            var facts = new HashSet<string>(ScoringFactKinds.All, StringComparer.Ordinal);
            foreach (var (item, path) in r.Array(root, "facts", "$"))
            {
                if (item.ValueKind == JsonValueKind.String && r.Text(item, path) is { } code && !string.IsNullOrWhiteSpace(code))
                {
                    facts.Add(code);
                }
                else if (item.ValueKind != JsonValueKind.String)
                {
                    r.Error(path, ScoringMessages.Format("ExpectedFactCodeFound", JsonReading.Describe(item)));
                }
            }

            foreach (var (item, path) in r.Array(root, "rules", "$", required: true))
            {
                if (!r.IsObject(item, path))
                {
                    continue;
                }

                r.Known(item, path, "id", "nameZh", "nameEn", "role", "kind", "fact", "points", "cap", "capPer", "from", "to");
                var id = r.String(item, "id", path);
                var nameZh = r.String(item, "nameZh", path);
                var nameEn = r.String(item, "nameEn", path);
                var role = r.Enum<Role>(item, "role", path);
                var kind = r.Enum<RuleKind>(item, "kind", path);
                var fact = r.String(item, "fact", path);
                if (fact is not null && !facts.Contains(fact))
                {
                    r.Error($"{path}.fact", ScoringMessages.Format("KnownFactCodeDeclareDistrictS", fact));
                    fact = null;
                }

                var points = Number(r, item, "points", path, required: true, ScoringRule.MaxPointsPerUnit);
                var cap = Number(r, item, "cap", path, required: false, ScoringRule.MaxCap);
                var capPer = r.Enum<CapPeriod>(item, "capPer", path, required: false) ?? CapPeriod.Month;
                var from = r.Date(item, "from", path, required: false);
                var to = r.Date(item, "to", path, required: false);
                if (from is { } f && to is { } t && t < f)
                {
                    r.Error($"{path}.to", ScoringMessages.Format("ToBeforeFrom", t, f));
                    continue;
                }

                if (id is null || nameZh is null || nameEn is null || role is null || kind is null || fact is null || points is null)
                {
                    continue;
                }

                rules.Add(new ScoringRule(id, nameZh, nameEn, role.Value, kind.Value, fact, points.Value, cap, capPer,
                    new DateInterval(from ?? new LocalDate(1900, 1, 1), to ?? new LocalDate(9999, 12, 31))));
            }
        }

        if (r.Errors.Count > 0)
        {
            throw new ValidationFailedException(ScoringMessages.Text("RuleSetJSON"), r.Errors);
        }

        return new RuleSet(name!, rules);
    }

    private static decimal? Number(JsonReading r, JsonElement obj, string name, string path, bool required, decimal max)
    {
        if (r.Property(obj, name, path, required) is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d) || d <= 0 || d > max)
        {
            r.Error($"{path}.{name}", ScoringMessages.Format("ExpectedPositiveNumberMostFound", max.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonReading.Describe(v)));
            return null;
        }

        return d;
    }
}
