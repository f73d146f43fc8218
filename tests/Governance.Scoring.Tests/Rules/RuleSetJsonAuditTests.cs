using System.Globalization;
using Governance.Scoring.Rules;
using Governance.Testing;
using Governance.Validation;
using Xunit.Abstractions;

namespace Governance.Tests.Rules;

/// <summary>The rule-set loader under the bad-input audit: only typed errors with a path, nothing silently accepted, no hang.</summary>
public class RuleSetJsonAuditTests(ITestOutputHelper output)
{
    private const string Valid = """
        {
          "name": "楚润社区楼长积分",
          "facts": ["district.cleanup"],
          "rules": [
            { "id": "bh.meeting", "nameZh": "参加楼长会议", "nameEn": "Meeting attended", "role": "BuildingHead",
              "kind": "Base", "fact": "meeting", "points": 2, "cap": 8, "capPer": "Month", "from": "2026-01-01", "to": "2026-06-30" },
            { "id": "bh.cleanup", "nameZh": "环境整治", "nameEn": "Clean-up", "role": "BuildingHead",
              "kind": "Bonus", "fact": "district.cleanup", "points": 1.5, "capPer": "Quarter" }
          ]
        }
        """;

    private static readonly HashSet<string> EnumNames = ["BuildingHead", "Base", "Bonus", "Deduction", "Month", "Quarter"];

    [Fact]
    public void Malformed_rule_files_get_only_typed_errors_with_a_path()
    {
        RuleSetJson.Parse(Valid);
        var table = MalformedJson.Audit(MalformedJson.All(Valid, EnumNames), json => RuleSetJson.Parse(json));
        output.WriteLine($"rule sets: {table}");
        Assert.True(table.Clean, table.Report);
        Assert.True(table.Tried > 50);
    }

    [Theory]
    [InlineData("""{ "name": "x", "rules": [ { "id": "a", "nameZh": "甲", "nameEn": "A", "role": "BuildingHead", "kind": "Base", "fact": "meetings", "points": 1 } ] }""", "$.rules[0].fact")]
    [InlineData("""{ "name": "x", "rules": [ { "id": "a", "nameZh": "甲", "nameEn": "A", "role": "BuildingHead", "kind": "Base", "fact": "meeting", "points": 79228162514264337593543950335 } ] }""", "$.rules[0].points")]
    [InlineData("""{ "name": "x", "rules": [ { "id": "a", "nameZh": "甲", "nameEn": "A", "role": "BuildingHead", "kind": "Base,Bonus", "fact": "meeting", "points": 1 } ] }""", "$.rules[0].kind")]
    [InlineData("""{ "name": "x", "rules": [ { "id": "a", "nameZh": "甲", "nameEn": "A", "role": "6", "kind": "Base", "fact": "meeting", "points": 1 } ] }""", "$.rules[0].role")]
    [InlineData("""{ "name": "x", "rules": [ { "id": "a", "nameZh": "甲", "nameEn": "A", "role": "BuildingHead", "kind": "Base", "fact": "meeting", "points": 1, "caps": 3 } ] }""", "$.rules[0].caps")]
    public void What_the_audit_found_is_refused_naming_the_path(string json, string path)
    {
        var e = Assert.Throws<ValidationFailedException>(() => RuleSetJson.Parse(json));
        Assert.Contains(e.Errors, x => (x.Path + " " + x.Message).Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public void Periods_and_rules_have_documented_bounds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Governance.Scoring.Periods.ScoringPeriod.Quarter(10000, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Governance.Scoring.Periods.ScoringPeriod.Month(1899, 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoringRule("x", "甲", "A", Governance.People.Role.GridWorker, RuleKind.Bonus, "visit", decimal.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoringRule("x", "甲", "A", Governance.People.Role.GridWorker, RuleKind.Bonus, "visit", 1, decimal.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoringRule("x", "甲", "A", (Governance.People.Role)99, RuleKind.Bonus, "visit", 1));
    }

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("ar-SA")]
    [InlineData("tr-TR")]
    public void Rules_read_the_same_under_any_culture(string culture)
    {
        CultureScope.Run(culture, () =>
        {
            var rules = RuleSetJson.Parse(Valid);
            Assert.Equal(1.5m, rules.Rules[1].PointsPerUnit);
            Assert.Equal(new LocalDate(2026, 6, 30), rules.Rules[0].Effective.End);
        });
    }
}
