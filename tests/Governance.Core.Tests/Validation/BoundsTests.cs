using Governance.Calendars;

namespace Governance.Tests.Validation;

/// <summary>The domain bounds the audit found missing: each is a typed argument error, not a BCL or NodaTime exception or a silent year 5859.</summary>
public class BoundsTests
{
    [Fact]
    public void Goals_and_calendar_dates_have_documented_bounds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineGoal.CalendarDays(int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineGoal.WorkingDays(DeadlineGoal.MaxDays + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineGoal.Elapsed(Duration.FromDays(16_777_215)));
        Assert.Equal(DeadlineGoal.MaxDays, DeadlineGoal.WorkingDays(DeadlineGoal.MaxDays).Days);

        var china = ChinaCalendar.Mainland;
        Assert.Throws<ArgumentOutOfRangeException>(() => china.AddWorkingDays(new LocalDate(9999, 12, 31), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => china.IsWorkingDay(new LocalDate(-1, 6, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => china.AddWorkingDays(new LocalDate(2026, 1, 1), 1_000_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => china.AddWorkingDays(BusinessCalendar.MaxDate.PlusDays(-3), 10));
        Assert.Equal(new LocalDate(2026, 1, 4), china.AddWorkingDays(new LocalDate(2025, 12, 31), 1));   // 1–3 January off, Sunday 4 January a make-up working day
    }
}
