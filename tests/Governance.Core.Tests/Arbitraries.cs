using Governance.Calendars;

namespace Governance.Tests;

/// <summary>Domain generators for the Core tests.</summary>
public static class Arbitraries
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    /// <summary>A calendar with working hours 08:30–12:00 and 13:30–17:30 over China's data.</summary>
    public static readonly BusinessCalendar ChinaWithHours = BusinessCalendarBuilder.From(ChinaCalendar.Mainland)
        .WithWorkingHours([new WorkingWindow(new LocalTime(8, 30), new LocalTime(12, 0)), new WorkingWindow(new LocalTime(13, 30), new LocalTime(17, 30))])
        .Build();

    /// <summary>Instants from 2024 to 2028 (so across and beyond the covered years), to the minute or to the tick.</summary>
    public static Gen<Instant> Instants { get; } =
        from minutes in Gen.Choose(0, 5 * 366 * 24 * 60)
        from ticks in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, (int)NodaConstants.TicksPerMinute - 1)))
        select Instant.FromUtc(2024, 1, 1, 0, 0) + Duration.FromMinutes(minutes) + Duration.FromTicks(ticks);

    /// <summary>Instants near the Berlin DST transitions of 2025 and 2026, where gaps and folds are.</summary>
    public static Gen<Instant> NearDstTransitions { get; } =
        from transition in Gen.Elements(
            Instant.FromUtc(2025, 3, 30, 1, 0), Instant.FromUtc(2025, 10, 26, 1, 0),
            Instant.FromUtc(2026, 3, 29, 1, 0), Instant.FromUtc(2026, 10, 25, 1, 0))
        from minutes in Gen.Choose(-72 * 60, 72 * 60)
        select transition + Duration.FromMinutes(minutes);

    public static Gen<BusinessCalendar> Calendars { get; } = Gen.Elements(ChinaCalendar.Mainland, ChinaWithHours);

    public static Gen<DeadlineGoal> Goals { get; } = Gen.OneOf(
        Gen.Choose(0, 10_000).Select(m => DeadlineGoal.Elapsed(Duration.FromMinutes(m))),
        Gen.Choose(0, 20_000).Select(m => DeadlineGoal.WorkingTime(Duration.FromMinutes(m))),
        from d in Gen.Choose(1, 400) from r in Gen.Elements(DayReading.EndOfDay, DayReading.Rolling) select DeadlineGoal.WorkingDays(d, r),
        from d in Gen.Choose(1, 400) from r in Gen.Elements(DayReading.EndOfDay, DayReading.Rolling) select DeadlineGoal.CalendarDays(d, r));

    /// <summary>Goals measured on a working-time or calendar clock (the ones with an inverse to check).</summary>
    public static Gen<DeadlineGoal> RollingGoals { get; } = Gen.OneOf(
        Gen.Choose(1, 20_000).Select(m => DeadlineGoal.WorkingTime(Duration.FromMinutes(m))),
        Gen.Choose(1, 400).Select(d => DeadlineGoal.WorkingDays(d, DayReading.Rolling)),
        Gen.Choose(1, 400).Select(d => DeadlineGoal.CalendarDays(d, DayReading.Rolling)));
}
