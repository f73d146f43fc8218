namespace Governance.Calendars;

/// <summary>日类型 — what kind of day a date is in a business calendar.</summary>
public enum CalendarDayKind
{
    /// <summary>工作日 — an ordinary working day.</summary>
    WorkingDay,

    /// <summary>周末 — a weekend day with no make-up work.</summary>
    Weekend,

    /// <summary>法定节假日 — a statutory holiday (a day off).</summary>
    Holiday,

    /// <summary>调休上班日 — a weekend day that is a working day.</summary>
    MakeUpWorkingDay,
}
