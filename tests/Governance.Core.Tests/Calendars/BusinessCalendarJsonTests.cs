using FsCheck.Xunit;
using Governance.Calendars;
using Governance.Validation;

namespace Governance.Tests.Calendars;

public class BusinessCalendarJsonTests
{
    private static readonly Gen<BusinessCalendar> RandomCalendars =
        from year in Gen.Choose(2020, 2030)
        from holidayStarts in Gen.ListOf(Gen.Choose(0, 360)).Select(l => l.Distinct().OrderBy(x => x).ToList())
        from lengths in Gen.ArrayOf(Gen.Choose(1, 3), 400)
        from hours in Gen.Elements(
            Array.Empty<WorkingWindow>(),
            [new WorkingWindow(new LocalTime(9, 0), new LocalTime(17, 0))],
            [new WorkingWindow(new LocalTime(8, 30), new LocalTime(12, 0)), new WorkingWindow(new LocalTime(13, 30), LocalTime.Midnight)])
        select Build(year, holidayStarts, lengths, hours);

    private static BusinessCalendar Build(int year, List<int> starts, int[] lengths, WorkingWindow[] hours)
    {
        var builder = new BusinessCalendarBuilder().WithName($"测试日历 {year}").WithWorkingHours(hours).CoverYear(year);
        var next = 0;
        for (var i = 0; i < starts.Count; i++)
        {
            if (starts[i] < next)
            {
                continue;
            }

            var first = new LocalDate(year, 1, 1).PlusDays(starts[i]);
            var last = first.PlusDays(lengths[i] - 1);
            builder.AddHoliday($"假{i}", first, last);
            next = starts[i] + lengths[i];
            var after = last.PlusDays(1);
            if (after.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday && after.Year == year)
            {
                builder.AddMakeUpWorkingDay($"调休{i}", after);
                next++;
            }
        }

        return builder.Build();
    }

    [Property]
    public Property A_calendar_survives_a_round_trip_through_its_JSON_format() =>
        Prop.ForAll(RandomCalendars.ToArbitrary(), calendar =>
        {
            var again = BusinessCalendarJson.Parse(BusinessCalendarJson.ToJson(calendar));
            var first = new LocalDate(calendar.CoveredYears[0], 1, 1);
            var sameDays = Enumerable.Range(-10, 390).Select(first.PlusDays).All(d => calendar.IsWorkingDay(d) == again.IsWorkingDay(d) && calendar.NameOf(d) == again.NameOf(d));
            return sameDays
                && again.Name == calendar.Name
                && again.WorkingHours.SequenceEqual(calendar.WorkingHours)
                && again.CoveredYears.SequenceEqual(calendar.CoveredYears)
                && BusinessCalendarJson.ToJson(again) == BusinessCalendarJson.ToJson(calendar);
        });

    [Fact]
    public void The_shipped_China_data_round_trips()
    {
        var json = BusinessCalendarJson.ToJson(ChinaCalendar.Mainland);
        Assert.Equal(json, BusinessCalendarJson.ToJson(BusinessCalendarJson.Parse(json)));
        Assert.Contains("春节", json);
    }

    [Fact]
    public void A_malformed_file_gets_every_error_at_once_with_its_path()
    {
        const string json = """
        {
          "weekend": ["Saturday", "Caturday"],
          "workingHours": [ { "start": "9am", "end": "17:00" } ],
          "holidays": [
            { "name": "春节", "from": "2026-02-15", "to": "2026-02-32" },
            { "from": "2026-05-01", "to": "2026-05-05" },
            { "name": "倒着", "from": "2026-06-03", "to": "2026-06-01" }
          ],
          "makeUpWorkingDays": [ { "name": "调休", "date": 20260214 } ]
        }
        """;
        var e = Assert.Throws<ValidationFailedException>(() => BusinessCalendarJson.Parse(json));
        var paths = e.Errors.Select(x => x.Path).ToList();
        Assert.Contains("$.weekend[1]", paths);
        Assert.Contains("$.workingHours[0].start", paths);
        Assert.Contains("$.holidays[0].to", paths);
        Assert.Contains("$.holidays[1].name", paths);
        Assert.Contains("$.holidays[2].to", paths);
        Assert.Contains("$.makeUpWorkingDays[0].date", paths);
        Assert.Equal(6, e.Errors.Count);
        Assert.Contains("2026-02-32", e.Message);
    }

    [Fact]
    public void Rule_violations_found_after_parsing_are_reported_too()
    {
        const string json = """
        { "holidays": [ { "name": "A", "from": "2026-02-15", "to": "2026-02-16" } ],
          "makeUpWorkingDays": [ { "name": "B", "date": "2026-02-16" }, { "name": "C", "date": "2026-02-18" } ] }
        """;
        var e = Assert.Throws<ValidationFailedException>(() => BusinessCalendarJson.Parse(json));
        Assert.Equal(3, e.Errors.Count); // 2/16 is a holiday, and a Monday; 2/18 is a Wednesday
    }

    [Fact]
    public void Invalid_JSON_says_where()
    {
        var e = Assert.Throws<ValidationFailedException>(() => BusinessCalendarJson.Parse("{ \"holidays\": [ }"));
        Assert.StartsWith("$ (line 1", e.Errors[0].Path);
    }

    [Fact]
    public void Next_years_notice_can_be_added_at_run_time()
    {
        var extended = BusinessCalendarBuilder.From(ChinaCalendar.Mainland)
            .AddHoliday("元旦", new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 3))
            .Build();
        Assert.True(extended.IsCovered(new LocalDate(2027, 6, 1)));
        Assert.False(extended.IsWorkingDay(new LocalDate(2027, 1, 1)));
        Assert.False(extended.IsWorkingDay(new LocalDate(2026, 2, 16)));
    }
}
