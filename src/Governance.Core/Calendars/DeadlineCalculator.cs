using Governance.Resources;
using NodaTime.TimeZones;

namespace Governance.Calendars;

/// <summary>
/// 时限计算 — turns a start <see cref="Instant"/> and a <see cref="DeadlineGoal"/> into a deadline
/// <see cref="Instant"/>, and measures time elapsed on a goal's clock (the inverse, which SLA percentages need).
/// </summary>
/// <remarks>
/// <para><b>Readings.</b> "Within N days" is read as <see cref="DayReading"/> says; the default,
/// <see cref="DayReading.EndOfDay"/>, is the end (local midnight) of the N-th day after the start's local date.
/// Elapsed goals add physical time. Working-time goals and <see cref="DayReading.Rolling"/> day goals run on a
/// clock that counts only working hours of working days (<see cref="DeadlineClock"/>).</para>
/// <para><b>Time zones and DST.</b> Calendar-day and working-time clocks are read on the local wall clock of
/// <see cref="Zone"/>, so a deadline is the local time a person expects ("Thursday 10:00"), never an hour off.
/// When the wall clock springs forward, the skipped local hour does not exist and the clock jumps with it; a
/// deadline that would fall in the gap is the instant the gap ends. When the wall clock falls back, the repeated
/// hour is counted once: the clock stands still during its second occurrence, and a deadline in it is its
/// first occurrence. Nothing ever throws for an ambiguous or skipped local time.</para>
/// <para><b>Cost.</b> O(1) whatever the span (see <see cref="BusinessCalendar"/>); no allocation.</para>
/// <para><b>Precision.</b> Calendar and working clocks count in ticks (100 ns); elapsed goals in nanoseconds.</para>
/// </remarks>
/// <threadsafety>Immutable: safe to share between threads.</threadsafety>
public sealed class DeadlineCalculator
{
    private const long TicksPerDay = NodaConstants.TicksPerDay;
    private static readonly Instant MinSupported = Instant.FromUtc(1900, 1, 2, 0, 0);
    private static readonly Instant MaxSupported = Instant.FromUtc(2999, 12, 30, 0, 0);
    private static readonly Duration MaxAmount = Duration.FromDays(36_500);
    private static readonly Duration FoldSearchWindow = Duration.FromDays(1);
    private static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private readonly BusinessCalendar _calendar;
    private readonly DateTimeZone _zone;

    /// <summary>Creates a calculator for a calendar in a time zone.</summary>
    /// <param name="calendar">The business calendar.</param>
    /// <param name="zone">The zone whose local dates the calendar speaks of (Asia/Shanghai for China).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public DeadlineCalculator(BusinessCalendar calendar, DateTimeZone zone)
    {
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
    }

    /// <summary>The business calendar.</summary>
    public BusinessCalendar Calendar => _calendar;

    /// <summary>The time zone.</summary>
    public DateTimeZone Zone => _zone;

    /// <summary>The deadline of a goal that starts at <paramref name="start"/>.</summary>
    /// <param name="start">When the clock starts (e.g. the case's registration).</param>
    /// <param name="goal">The goal.</param>
    /// <returns>The deadline; never before <paramref name="start"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is outside the years 1900–2999.</exception>
    public Instant Deadline(Instant start, DeadlineGoal goal)
    {
        CheckInstant(start, nameof(start));
        switch (goal.Kind)
        {
            case DeadlineGoalKind.Elapsed:
                return start + goal.Length;
            case DeadlineGoalKind.WorkingTime:
                return Advance(start, goal.Length, DeadlineClock.WorkingTime);
            case DeadlineGoalKind.CalendarDays when goal.Reading == DayReading.EndOfDay:
                return StartOfDay(LocalDayNumber(start) + goal.Days + 1);
            case DeadlineGoalKind.CalendarDays:
                return Advance(start, Duration.FromDays(goal.Days), DeadlineClock.CalendarDays);
            case DeadlineGoalKind.WorkingDays when goal.Reading == DayReading.EndOfDay:
                var index = _calendar.WorkingDaysBefore(LocalDayNumber(start) + 1) + goal.Days - 1;
                return StartOfDay(_calendar.WorkingDayAt(index) + 1);
            default:
                return Advance(start, Duration.FromTicks(_calendar.WorkingTicksPerDay * goal.Days), DeadlineClock.WorkingTime);
        }
    }

    /// <summary>Time elapsed between two instants on a goal's clock (e.g. working time for a working-day goal).</summary>
    /// <param name="from">The earlier instant.</param>
    /// <param name="to">The later instant.</param>
    /// <param name="goal">The goal whose clock to use.</param>
    /// <returns>The elapsed time; negative when <paramref name="to"/> is before <paramref name="from"/>.</returns>
    public Duration Elapsed(Instant from, Instant to, DeadlineGoal goal) => Measure(from, to, goal.Clock);

    /// <summary>Time between two instants on a clock.</summary>
    /// <param name="from">The earlier instant.</param>
    /// <param name="to">The later instant.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The time on that clock; negative when <paramref name="to"/> is before <paramref name="from"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside the years 1900–2999, or the clock is undefined.</exception>
    public Duration Measure(Instant from, Instant to, DeadlineClock clock)
    {
        CheckInstant(from, nameof(from));
        CheckInstant(to, nameof(to));
        return clock == DeadlineClock.Elapsed
            ? to - from
            : Duration.FromTicks(Position(to, clock) - Position(from, clock));
    }

    /// <summary>
    /// The earliest instant at which <paramref name="amount"/> has passed on <paramref name="clock"/> since
    /// <paramref name="from"/> — e.g. a deadline moved by a pause of that length on the goal's clock.
    /// </summary>
    /// <param name="from">The instant to count from.</param>
    /// <param name="amount">The time to add on the clock; zero or more, at most 36,500 days.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The instant; <paramref name="from"/> itself when <paramref name="amount"/> is zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public Instant Advance(Instant from, Duration amount, DeadlineClock clock)
    {
        CheckInstant(from, nameof(from));
        if (amount < Duration.Zero || amount > MaxAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, GovernanceMessages.Text("ExpectedAmountZeroDays"));
        }

        if (amount == Duration.Zero)
        {
            return from;
        }

        return clock switch
        {
            DeadlineClock.Elapsed => from + amount,
            DeadlineClock.CalendarDays or DeadlineClock.WorkingTime =>
                AtPosition(Position(from, clock) + amount.BclCompatibleTicks, clock),
            _ => throw new ArgumentOutOfRangeException(nameof(clock), clock, GovernanceMessages.Text("ExpectedElapsedCalendarDaysWorkingTime")),
        };
    }

    /// <summary>The local date of an instant in this calculator's zone.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The local date.</returns>
    public LocalDate LocalDateOf(Instant instant) => instant.InZone(_zone).Date;

    private static void CheckInstant(Instant instant, string name)
    {
        if (instant < MinSupported || instant > MaxSupported)
        {
            throw new ArgumentOutOfRangeException(name, instant, GovernanceMessages.Text("ExpectedInstantWithinYears"));
        }
    }

    private static long FloorDiv(long a, long b, out long remainder)
    {
        var q = Math.DivRem(a, b, out remainder);
        if (remainder < 0)
        {
            q--;
            remainder += b;
        }

        return q;
    }

    private long Position(Instant instant, DeadlineClock clock)
    {
        var day = LocalDayNumber(instant, out var tickOfDay);
        if (clock == DeadlineClock.CalendarDays)
        {
            return (day * TicksPerDay) + tickOfDay;
        }

        if (clock != DeadlineClock.WorkingTime)
        {
            throw new ArgumentOutOfRangeException(nameof(clock), clock, GovernanceMessages.Text("ExpectedElapsedCalendarDaysWorkingTime"));
        }

        var position = _calendar.WorkingDaysBefore(day) * _calendar.WorkingTicksPerDay;
        return _calendar.IsWorkingDayNumber(day) ? position + _calendar.WorkingTicksBefore(tickOfDay) : position;
    }

    private Instant AtPosition(long position, DeadlineClock clock)
    {
        if (clock == DeadlineClock.CalendarDays)
        {
            var d = FloorDiv(position, TicksPerDay, out var tick);
            return Resolve((int)d, tick);
        }

        var perDay = _calendar.WorkingTicksPerDay;
        var k = FloorDiv(position, perDay, out var rest);

        // At a whole number of working days, the earliest instant is the end of the previous working day's hours.
        return rest == 0
            ? Resolve(_calendar.WorkingDayAt(k - 1), _calendar.TickOfDayAfterWorking(perDay))
            : Resolve(_calendar.WorkingDayAt(k), _calendar.TickOfDayAfterWorking(rest));
    }

    private Instant StartOfDay(int dayNumber) => Resolve(dayNumber, 0);

    private Instant Resolve(int dayNumber, long tickOfDay)
    {
        if (tickOfDay >= TicksPerDay)
        {
            dayNumber++;
            tickOfDay -= TicksPerDay;
        }

        var local = BusinessCalendar.FromDayNumber(dayNumber).At(LocalTime.FromTicksSinceMidnight(tickOfDay));
        return _zone.ResolveLocal(local, Resolver).ToInstant();
    }

    private int LocalDayNumber(Instant instant) => LocalDayNumber(instant, out _);

    /// <summary>
    /// The local day number and tick of day of an instant; during the second occurrence of a repeated
    /// (fall-back) hour, the local time at the end of the repetition, so that local time never goes backwards.
    /// </summary>
    private int LocalDayNumber(Instant instant, out long tickOfDay)
    {
        var interval = _zone.GetZoneInterval(instant);
        var offsetTicks = interval.WallOffset.Ticks;
        var localTicks = instant.ToUnixTimeTicks() + offsetTicks;
        if (interval.HasStart)
        {
            var sinceStart = instant - interval.Start;
            if (sinceStart < FoldSearchWindow)
            {
                var previous = _zone.GetZoneInterval(interval.Start - Duration.Epsilon);
                var fold = previous.WallOffset.Ticks - offsetTicks;
                if (fold > 0 && sinceStart.BclCompatibleTicks < fold)
                {
                    localTicks = interval.Start.ToUnixTimeTicks() + previous.WallOffset.Ticks;
                }
            }
        }

        var unixDay = FloorDiv(localTicks, TicksPerDay, out tickOfDay);
        return BusinessCalendar.UnixDayToDayNumber(unixDay);
    }
}
