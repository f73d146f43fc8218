using System.Globalization;
using Governance.Calendars;
using Governance.Testing;
using Governance.Validation;
using Xunit.Abstractions;

namespace Governance.Tests.Validation;

/// <summary>The calendar loader under the bad-input audit: only typed errors with a path, nothing silently accepted, no hang.</summary>
public class CalendarJsonAuditTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> DayNames = [.. Enum.GetNames<IsoDayOfWeek>()];

    [Fact]
    public void Malformed_calendars_get_only_typed_errors_with_a_path()
    {
        var valid = BusinessCalendarJson.ToJson(BusinessCalendarBuilder.From(ChinaCalendar.Mainland)
            .WithWorkingHours([new WorkingWindow(new LocalTime(8, 30), new LocalTime(12, 0))]).Build());
        BusinessCalendarJson.Parse(valid);
        var table = MalformedJson.Audit(MalformedJson.All(valid, DayNames), json => BusinessCalendarJson.Parse(json));
        output.WriteLine($"calendar: {table}");
        Assert.True(table.Clean, table.Report);
        Assert.True(table.Tried > 50);
    }

    [Theory]
    [InlineData("""{ "holidays": [], "holidays": [ { "name": "春节", "from": "2026-02-15", "to": "2026-02-23" } ] }""", "holidays")]
    [InlineData("""{ "weekend": ["Monday,Tuesday"], "holidays": [] }""", "$.weekend[0]")]
    [InlineData("""{ "weekend": ["6"], "holidays": [] }""", "$.weekend[0]")]
    [InlineData("""{ "weekend": ["None", "Sunday"], "holidays": [] }""", "$.weekend[0]")]
    [InlineData("""{ "weekends": ["Sunday"], "holidays": [] }""", "$.weekends")]
    [InlineData("""{ "holidays": [ { "name": "春节", "from": "2026-02-15", "to": "2026-02-23", "note": "x" } ] }""", "$.holidays[0].note")]
    [InlineData("""{ "name": "\ud800", "holidays": [] }""", "$.name")]
    public void What_the_audit_found_is_refused_naming_the_path(string json, string path)
    {
        var e = Assert.Throws<ValidationFailedException>(() => BusinessCalendarJson.Parse(json));
        Assert.Contains(e.Errors, x => (x.Path + " " + x.Message).Contains(path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("ar-SA")]
    [InlineData("tr-TR")]
    public void A_calendar_round_trips_and_prints_the_same_under_any_culture(string culture)
    {
        var calendar = BusinessCalendarBuilder.From(ChinaCalendar.Mainland)
            .WithWorkingHours([new WorkingWindow(new LocalTime(8, 30), new LocalTime(12, 0)), new WorkingWindow(new LocalTime(13, 30), LocalTime.Midnight)]).Build();
        var invariant = BusinessCalendarJson.ToJson(calendar);
        CultureScope.Run(culture, () =>
        {
            var json = BusinessCalendarJson.ToJson(calendar);
            Assert.Equal(invariant, json);
            Assert.Equal(json, BusinessCalendarJson.ToJson(BusinessCalendarJson.Parse(json)));
            Assert.Equal("08:30–12:00", calendar.WorkingHours[0].ToString());
            Assert.Equal("13:30–24:00", calendar.WorkingHours[1].ToString());
            Assert.Equal("0:01:30:00 elapsed", DeadlineGoal.Elapsed(Duration.FromMinutes(90)).ToString());
        });
    }
}
