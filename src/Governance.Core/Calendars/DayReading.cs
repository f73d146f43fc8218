namespace Governance.Calendars;

/// <summary>
/// 日的计算口径 — how "within N days" is read. The seeds say "3日内解决" without saying which;
/// both readings are offered and <see cref="EndOfDay"/> is the default.
/// </summary>
public enum DayReading
{
    /// <summary>
    /// 按日截止 (default): the deadline is the end (local midnight) of the N-th day after the start's local date.
    /// The start day itself is not counted, so a case registered on Friday 17:00 with 1 working day is due at
    /// the end of Monday (or of the next working day after it). This is how district ledgers are read:
    /// "3日内" means "by the end of the third day".
    /// </summary>
    EndOfDay,

    /// <summary>
    /// 滚动计时: N days of 24 hours on the goal's clock, from the start instant — for working days, N times the
    /// working day's length of working time (the clock stops on days off and outside working hours).
    /// Registered Friday 17:00 with 1 working day: due Monday 17:00.
    /// </summary>
    Rolling,
}
