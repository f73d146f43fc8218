namespace Governance.Calendars;

/// <summary>时限类型 — what a <see cref="DeadlineGoal"/> counts.</summary>
public enum DeadlineGoalKind
{
    /// <summary>Elapsed physical time (a <see cref="Duration"/>).</summary>
    Elapsed,

    /// <summary>Calendar days (自然日).</summary>
    CalendarDays,

    /// <summary>Working days (工作日).</summary>
    WorkingDays,

    /// <summary>Working time: working hours of working days.</summary>
    WorkingTime,
}
