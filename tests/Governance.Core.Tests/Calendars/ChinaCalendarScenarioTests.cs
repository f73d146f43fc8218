using Governance.Calendars;

namespace Governance.Tests.Calendars;

/// <summary>Scenarios from the State Council's notices (domain.md, "Calendar facts").</summary>
public class ChinaCalendarScenarioTests
{
    private static readonly BusinessCalendar China = ChinaCalendar.Mainland;
    private static readonly DeadlineCalculator Calculator = new(China, ChinaCalendar.TimeZone);

    private static Instant Shanghai(int y, int m, int d, int h, int min) =>
        new LocalDateTime(y, m, d, h, min).InZoneStrictly(ChinaCalendar.TimeZone).ToInstant();

    [Fact]
    public void Case_on_Friday_before_Spring_Festival_2026_is_due_after_it_counting_the_make_up_Saturday()
    {
        // 2026-02-13 (Fri) 17:00 + 3 working days: 2/14 (Sat, make-up) is day 1; 2/15–2/23 off; 2/24 day 2, 2/25 day 3.
        var deadline = Calculator.Deadline(Shanghai(2026, 2, 13, 17, 0), DeadlineGoal.WorkingDays(3));
        Assert.Equal(Shanghai(2026, 2, 26, 0, 0), deadline);
    }

    [Fact]
    public void Rolling_reading_of_the_same_case_is_due_at_the_same_local_time()
    {
        var deadline = Calculator.Deadline(Shanghai(2026, 2, 13, 17, 0), DeadlineGoal.WorkingDays(3, DayReading.Rolling));
        Assert.Equal(Shanghai(2026, 2, 25, 17, 0), deadline);
    }

    [Theory]
    [InlineData("2025-09-28", true)]  // Sunday, National Day make-up
    [InlineData("2025-10-11", true)]  // Saturday, make-up
    [InlineData("2025-10-08", false)] // last day of 国庆+中秋 2025
    [InlineData("2026-10-08", true)]  // Thursday after 国庆 2026 (10/1–10/7)
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-10", true)]  // Saturday, make-up
    [InlineData("2026-02-14", true)]  // Saturday, make-up
    [InlineData("2026-02-23", false)]
    [InlineData("2026-05-09", true)]  // Saturday, 劳动节 make-up
    [InlineData("2026-01-04", true)]  // Sunday, 元旦 make-up
    [InlineData("2026-06-19", false)] // 端午, a Friday
    [InlineData("2026-11-23", true)]  // an ordinary Monday
    [InlineData("2026-11-22", false)] // an ordinary Sunday
    public void Shipped_dates_are_working_days_or_not_as_the_notices_say(string date, bool working)
    {
        var d = NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;
        Assert.Equal(working, China.IsWorkingDay(d));
    }

    [Fact]
    public void The_notice_for_2026_10_08_is_read_as_a_working_day_since_the_holiday_is_10_01_to_10_07()
    {
        Assert.Equal(CalendarDayKind.WorkingDay, China.KindOf(new LocalDate(2026, 10, 8)));
        Assert.Equal(CalendarDayKind.Holiday, China.KindOf(new LocalDate(2026, 10, 7)));
        Assert.Equal("国庆节", China.NameOf(new LocalDate(2026, 10, 7)));
    }

    [Fact]
    public void Beyond_the_shipped_years_the_calendar_says_it_is_not_covered_and_uses_weekends_only()
    {
        Assert.False(China.IsCovered(new LocalDate(2027, 1, 1)));
        Assert.True(China.IsWorkingDay(new LocalDate(2027, 1, 1))); // a Friday, no data
        Assert.True(China.IsCovered(new LocalDate(2026, 12, 31)));
    }

    [Fact]
    public void Case_registered_2025_09_30_with_3_working_days_resolves_after_National_Day()
    {
        // 9/30 (Tue); 10/1–10/8 off; 10/9 day 1, 10/10 day 2, 10/11 (Sat, make-up) day 3.
        var deadline = Calculator.Deadline(Shanghai(2025, 9, 30, 10, 0), DeadlineGoal.WorkingDays(3));
        Assert.Equal(Shanghai(2025, 10, 12, 0, 0), deadline);
    }

    [Fact]
    public void Working_hours_respond_goal_at_17_50_before_Spring_Festival_runs_into_the_make_up_Saturday()
    {
        var calendar = BusinessCalendarBuilder.From(China)
            .WithWorkingHours([new WorkingWindow(new LocalTime(8, 30), new LocalTime(12, 0)), new WorkingWindow(new LocalTime(13, 30), new LocalTime(18, 0))])
            .Build();
        var calculator = new DeadlineCalculator(calendar, ChinaCalendar.TimeZone);

        // 2026-02-14 (Sat) is the last working day before 春节: 10 minutes that day, 50 minutes on 2/24.
        var deadline = calculator.Deadline(Shanghai(2026, 2, 14, 17, 50), DeadlineGoal.WorkingTime(Duration.FromHours(1)));
        Assert.Equal(Shanghai(2026, 2, 24, 9, 20), deadline);
        Assert.Equal(Duration.FromHours(1), calculator.Elapsed(Shanghai(2026, 2, 14, 17, 50), deadline, DeadlineGoal.WorkingTime(Duration.FromHours(1))));
    }

    [Fact]
    public void Five_calendar_days_feedback_crossing_Labour_Day_counts_every_day()
    {
        var deadline = Calculator.Deadline(Shanghai(2026, 5, 4, 9, 0), DeadlineGoal.CalendarDays(5));
        Assert.Equal(Shanghai(2026, 5, 10, 0, 0), deadline);
    }

    [Fact]
    public void Five_working_days_feedback_crossing_Labour_Day_counts_the_make_up_Saturday()
    {
        // 4/30 (Thu); 5/1–5/5 off; 5/6 1, 5/7 2, 5/8 3, 5/9 (Sat, make-up) 4, 5/11 (Mon) 5.
        var deadline = Calculator.Deadline(Shanghai(2026, 4, 30, 9, 0), DeadlineGoal.WorkingDays(5));
        Assert.Equal(Shanghai(2026, 5, 12, 0, 0), deadline);
    }

    [Fact]
    public void Working_days_between_counts_the_2026_Spring_Festival_correctly()
    {
        // 2/9–2/28: 2/9–2/13 (5), 2/14 (1), 2/24–2/27 (4), 2/28 is excluded (end exclusive).
        Assert.Equal(10, China.WorkingDaysBetween(new LocalDate(2026, 2, 9), new LocalDate(2026, 2, 28)));
        Assert.Equal(new LocalDate(2026, 2, 24), China.AddWorkingDays(new LocalDate(2026, 2, 14), 1));
        Assert.Equal(new LocalDate(2026, 2, 14), China.AddWorkingDays(new LocalDate(2026, 2, 24), -1));
    }
}
