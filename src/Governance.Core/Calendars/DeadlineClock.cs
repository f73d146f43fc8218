namespace Governance.Calendars;

/// <summary>
/// 计时钟 — the clock a goal's time runs on. Pausing, elapsed time and SLA percentages are all measured
/// on the goal's own clock.
/// </summary>
public enum DeadlineClock
{
    /// <summary>物理时间: physical elapsed time; every hour counts, at any time of day, on any day.</summary>
    Elapsed,

    /// <summary>
    /// 自然日: every day counts, measured on the local wall clock. On a DST day the wall clock, not the
    /// physical length, is what counts: a 24-hour day on this clock is midnight to midnight.
    /// </summary>
    CalendarDays,

    /// <summary>
    /// 工作时间: only working days count, and within them only the calendar's working hours (whole days when
    /// none are set), measured on the local wall clock.
    /// </summary>
    WorkingTime,
}
