using System.Globalization;
using Governance.Resources;

namespace Governance.Calendars;

/// <summary>
/// 时限目标 — how long something may take: an elapsed <see cref="Duration"/> ("1小时响应"), a number of
/// calendar days (自然日) or working days (工作日) read as <see cref="DayReading"/> says, or an amount of
/// working time (working hours).
/// </summary>
/// <remarks>
/// Create goals with the factory methods. Equality is by kind, amount and reading. <c>default</c> is an
/// elapsed goal of zero length (due at once). A goal is at most ten years long (<see cref="MaxDays"/> days,
/// <see cref="MaxLength"/>): a longer one is no time limit, and would carry a deadline past the calendar's years.
/// </remarks>
/// <threadsafety>Immutable value type: safe to share between threads.</threadsafety>
[System.Text.Json.Serialization.JsonConverter(typeof(Governance.Json.DeadlineGoalJsonConverter))]
public readonly record struct DeadlineGoal
{
    private DeadlineGoal(DeadlineGoalKind kind, int days, Duration length, DayReading reading)
    {
        Kind = kind;
        Days = days;
        Length = length;
        Reading = reading;
    }

    /// <summary>The most days a day goal counts: 3,650 (ten years).</summary>
    public const int MaxDays = 3650;

    /// <summary>The longest elapsed or working-time goal: 3,650 days.</summary>
    public static Duration MaxLength { get; } = Duration.FromDays(MaxDays);

    /// <summary>What the goal counts.</summary>
    public DeadlineGoalKind Kind { get; }

    /// <summary>The number of days, for <see cref="DeadlineGoalKind.CalendarDays"/> and <see cref="DeadlineGoalKind.WorkingDays"/>; otherwise 0.</summary>
    public int Days { get; }

    /// <summary>The length, for <see cref="DeadlineGoalKind.Elapsed"/> and <see cref="DeadlineGoalKind.WorkingTime"/>; otherwise zero.</summary>
    public Duration Length { get; }

    /// <summary>How days are read, for day goals; <see cref="DayReading.Rolling"/> for the others.</summary>
    public DayReading Reading { get; }

    /// <summary>The clock the goal runs on.</summary>
    public DeadlineClock Clock => Kind switch
    {
        DeadlineGoalKind.Elapsed => DeadlineClock.Elapsed,
        DeadlineGoalKind.CalendarDays => DeadlineClock.CalendarDays,
        _ => DeadlineClock.WorkingTime,
    };

    /// <summary>An elapsed-time goal, e.g. 1 hour to respond.</summary>
    /// <param name="length">The length; zero or more.</param>
    /// <returns>The goal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative or longer than <see cref="MaxLength"/>.</exception>
    public static DeadlineGoal Elapsed(Duration length) => new(DeadlineGoalKind.Elapsed, 0, NonNegative(length, nameof(length)), DayReading.Rolling);

    /// <summary>A working-time goal, e.g. 4 working hours: only working hours of working days count.</summary>
    /// <param name="length">The working time; zero or more.</param>
    /// <returns>The goal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative or longer than <see cref="MaxLength"/>.</exception>
    public static DeadlineGoal WorkingTime(Duration length) => new(DeadlineGoalKind.WorkingTime, 0, NonNegative(length, nameof(length)), DayReading.Rolling);

    /// <summary>A calendar-day (自然日) goal, e.g. feedback within 5 days.</summary>
    /// <param name="days">The number of days; 1 or more.</param>
    /// <param name="reading">How the days are read; the end of the day by default.</param>
    /// <returns>The goal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1 or more than <see cref="MaxDays"/>, or <paramref name="reading"/> is undefined.</exception>
    public static DeadlineGoal CalendarDays(int days, DayReading reading = DayReading.EndOfDay) =>
        new(DeadlineGoalKind.CalendarDays, Positive(days), Duration.Zero, Defined(reading));

    /// <summary>A working-day (工作日) goal, e.g. resolve within 3 working days.</summary>
    /// <param name="days">The number of working days; 1 or more.</param>
    /// <param name="reading">How the days are read; the end of the day by default.</param>
    /// <returns>The goal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1 or more than <see cref="MaxDays"/>, or <paramref name="reading"/> is undefined.</exception>
    public static DeadlineGoal WorkingDays(int days, DayReading reading = DayReading.EndOfDay) =>
        new(DeadlineGoalKind.WorkingDays, Positive(days), Duration.Zero, Defined(reading));

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        DeadlineGoalKind.Elapsed => $"{Format(Length)} elapsed",
        DeadlineGoalKind.WorkingTime => $"{Format(Length)} of working time",
        DeadlineGoalKind.CalendarDays => $"{Days} calendar day{(Days == 1 ? "" : "s")} ({Reading})",
        _ => $"{Days} working day{(Days == 1 ? "" : "s")} ({Reading})",
    };

    private static string Format(Duration d) => d.ToString("-D:hh:mm:ss", CultureInfo.InvariantCulture);

    private static Duration NonNegative(Duration d, string name) =>
        d < Duration.Zero || d > MaxLength ? throw new ArgumentOutOfRangeException(name, d, GovernanceMessages.Format("ExpectedLengthZeroDays", MaxDays)) : d;

    private static int Positive(int days) =>
        days is < 1 or > MaxDays ? throw new ArgumentOutOfRangeException(nameof(days), days, GovernanceMessages.Format("ExpectedDays", MaxDays)) : days;

    private static DayReading Defined(DayReading reading) =>
        Enum.IsDefined(reading) ? reading : throw new ArgumentOutOfRangeException(nameof(reading), reading, GovernanceMessages.Text("ExpectedEndOfDayRolling"));
}
