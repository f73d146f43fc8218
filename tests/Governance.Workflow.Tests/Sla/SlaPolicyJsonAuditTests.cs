using System.Globalization;
using Governance.Cases;
using Governance.Sla;
using Governance.Testing;
using Governance.Validation;
using Xunit.Abstractions;

namespace Governance.Tests.Sla;

/// <summary>The SLA policy loader under the bad-input audit: only typed errors with a path, nothing silently accepted, no hang.</summary>
public class SlaPolicyJsonAuditTests(ITestOutputHelper output)
{
    internal const string Valid = """
        {
          "categories": ["district.noise"],
          "policies": [
            {
              "name": "urgent-fire-lane", "version": 2,
              "match": { "categories": ["fire-lane", "district.noise"], "priorities": ["Urgent", "Critical"], "sources": ["12345"] },
              "respond":  { "kind": "Elapsed", "length": "0:00:30:00", "anchor": "Registration" },
              "claim":    { "kind": "Elapsed", "length": "0:00:30:00", "anchor": "PreviousStep" },
              "resolve":  { "kind": "CalendarDays", "days": 1, "reading": "EndOfDay", "anchor": "Registration" },
              "feedback": { "kind": "WorkingDays", "days": 2, "anchor": "Registration" },
              "reportIn": { "kind": "WorkingTime", "length": "0:02:00:00", "anchor": "PreviousStep" },
              "callback": { "kind": "WorkingDays", "days": 2 },
              "warnings": [50, 75, 90],
              "onEscalation": "KeepElapsed", "onTransfer": "Restart", "onPriorityChange": "KeepElapsed"
            }
          ],
          "default": { "name": "default" }
        }
        """;

    private static readonly HashSet<string> EnumNames =
        ["Elapsed", "WorkingTime", "CalendarDays", "WorkingDays", "EndOfDay", "Rolling", "Registration", "PreviousStep", "KeepElapsed", "Restart", "Normal", "Urgent", "Critical"];

    [Fact]
    public void Malformed_policy_files_get_only_typed_errors_with_a_path()
    {
        SlaPolicyJson.Parse(Valid);
        var table = MalformedJson.Audit(MalformedJson.All(Valid, EnumNames), json => SlaPolicyJson.Parse(json));
        output.WriteLine($"SLA policies: {table}");
        Assert.True(table.Clean, table.Report);
        Assert.True(table.Tried > 80);
    }

    [Theory]
    [InlineData("""{ "policies": [ { "name": "p", "resolv": { "kind": "WorkingDays", "days": 5 } } ] }""", "$.policies[0].resolv")]
    [InlineData("""{ "policies": [ { "name": "p", "onEscalation": "KeepElapsed,Restart" } ] }""", "$.policies[0].onEscalation")]
    [InlineData("""{ "policies": [ { "name": "p", "onEscalation": "1" } ] }""", "$.policies[0].onEscalation")]
    [InlineData("""{ "policies": [ { "name": "p", "match": { "categories": ["fire-lanes"] } } ] }""", "$.policies[0].match.categories[0]")]
    [InlineData("""{ "policies": [ { "name": "p", "match": { "sources": ["hotline"] } } ] }""", "$.policies[0].match.sources[0]")]
    [InlineData("""{ "policies": [ { "name": "p", "resolve": { "kind": "Elapsed", "length": "16777215:00:00:00" } } ] }""", "$.policies[0].resolve.length")]
    [InlineData("""{ "policies": [ { "name": "p", "resolve": { "kind": "WorkingDays", "days": 3651 } } ] }""", "$.policies[0].resolve.days")]
    [InlineData("""{ "policies": [], "policies": [] }""", "policies")]
    public void What_the_audit_found_is_refused_naming_the_path(string json, string path)
    {
        var e = Assert.Throws<ValidationFailedException>(() => SlaPolicyJson.Parse(json));
        Assert.Contains(e.Errors, x => (x.Path + " " + x.Message).Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public void A_district_declares_its_own_codes_and_the_library_knows_its_own()
    {
        var set = SlaPolicyJson.Parse("""{ "sources": ["wechat"], "policies": [ { "name": "p", "match": { "sources": ["wechat", "12345"] } } ] }""");
        Assert.Equal(["12345", "wechat"], set.Policies[0].Sources.Order());
        Assert.Contains(CaseCategory.Parking, CaseCategory.WellKnown);
        Assert.Contains(CaseSource.Hotline12345, CaseSource.WellKnown);
    }

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("ar-SA")]
    [InlineData("tr-TR")]
    public void Policies_read_the_same_under_any_culture(string culture)
    {
        CultureScope.Run(culture, () =>
        {
            var policy = SlaPolicyJson.Parse(Valid).Policies[0];
            Assert.Equal(Duration.FromMinutes(30), policy.Respond.Goal.Length);
            Assert.Equal([50, 75, 90], policy.WarningThresholds);
            Assert.Equal("50.0 % (1/2)", new Governance.Assessment.Rate(1, 2).ToString());
        });
    }
}
