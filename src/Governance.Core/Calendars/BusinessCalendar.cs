using Governance.Resources;

namespace Governance.Calendars;

/// <summary>
/// 工作日历 — which local dates are working days: weekends, statutory holidays (法定节假日) and
/// 调休 make-up working days, with optional working hours. Build one with
/// <see cref="BusinessCalendarBuilder"/>, load one from JSON with <see cref="BusinessCalendarJson"/>,
/// or take China's shipped arrangements from <see cref="ChinaCalendar"/>.
/// </summary>
/// <remarks>
/// <para>The calendar knows the years it has data for (<see cref="CoveredYears"/>). For any other date it
/// falls back to weekends only — no holidays — and <see cref="IsCovered"/> says so: ask it before relying
/// on a date far in the future, because next year's notice is published every November.</para>
/// <para>Working-day arithmetic costs O(1) whatever the span: the calendar precomputes, over its covered
/// years, the count of working days before each date and the date of each working day; outside them it
/// counts whole weeks arithmetically.</para>
/// <para>Dates must be in the ISO calendar.</para>
/// </remarks>
/// <threadsafety>Immutable: safe to share between threads.</threadsafety>
public sealed class BusinessCalendar
{
    private const int UnixEpochDayNumber = 719162; // DateOnly(1970, 1, 1).DayNumber

    private readonly bool[] _weekendByDayNumberMod7 = new bool[7];
    private readonly int _workingPerWeek;
    private readonly int _origin;       // day number of 1 January of the first covered year
    private readonly int _days;         // days in the precomputed range
    private readonly int[] _cumulative; // _cumulative[i] = working days in [_origin, _origin + i)
    private readonly int[] _workingDays; // offsets from _origin of the working days, in order
    private readonly Dictionary<LocalDate, string> _holidayNames = [];
    private readonly Dictionary<LocalDate, string> _makeUpNames = [];
    private readonly long[] _windowStart;
    private readonly long[] _windowEnd;
    private readonly long[] _windowCumulativeEnd;

    internal BusinessCalendar(
        string name,
        IReadOnlyCollection<IsoDayOfWeek> weekend,
        IReadOnlyList<WorkingWindow> workingHours,
        IReadOnlyList<HolidayPeriod> holidays,
        IReadOnlyList<MakeUpWorkingDay> makeUpDays,
        IReadOnlyCollection<int> coveredYears)
    {
        Name = name;
        Weekend = weekend.OrderBy(d => d).ToArray();
        WorkingHours = workingHours;
        Holidays = holidays;
        MakeUpWorkingDays = makeUpDays;
        CoveredYears = coveredYears.OrderBy(y => y).ToArray();

        foreach (var day in Weekend)
        {
            // Day number 0 (0001-01-01) is a Monday, so day number mod 7 is (ISO day of week - 1).
            _weekendByDayNumberMod7[(int)day - 1] = true;
        }

        _workingPerWeek = 7 - Weekend.Count;

        foreach (var h in holidays)
        {
            foreach (var date in h.Dates)
            {
                _holidayNames[date] = h.Name;
            }
        }

        foreach (var m in makeUpDays)
        {
            _makeUpNames[m.Date] = m.Name;
        }

        if (CoveredYears.Count == 0)
        {
            _origin = DayNumber(new LocalDate(2000, 1, 1));
            _days = 0;
        }
        else
        {
            _origin = DayNumber(new LocalDate(CoveredYears[0], 1, 1));
            _days = DayNumber(new LocalDate(CoveredYears[^1] + 1, 1, 1)) - _origin;
        }

        var covered = CoveredYears.ToHashSet();
        _cumulative = new int[_days + 1];
        var working = new List<int>(_days * 5 / 7 + 1);
        for (var i = 0; i < _days; i++)
        {
            var dayNumber = _origin + i;
            var date = FromDayNumber(dayNumber);
            var isWorking = covered.Contains(date.Year)
                ? (_makeUpNames.ContainsKey(date) || (!_holidayNames.ContainsKey(date) && !IsWeekendDayNumber(dayNumber)))
                : !IsWeekendDayNumber(dayNumber);
            if (isWorking)
            {
                working.Add(i);
            }

            _cumulative[i + 1] = working.Count;
        }

        _workingDays = [.. working];

        var windows = workingHours.Count == 0 ? [new WorkingWindow(LocalTime.Midnight, LocalTime.Midnight)] : workingHours;
        _windowStart = new long[windows.Count];
        _windowEnd = new long[windows.Count];
        _windowCumulativeEnd = new long[windows.Count];
        long total = 0;
        for (var i = 0; i < windows.Count; i++)
        {
            _windowStart[i] = windows[i].Start.TickOfDay;
            _windowEnd[i] = windows[i].EndTickOfDay;
            total += _windowEnd[i] - _windowStart[i];
            _windowCumulativeEnd[i] = total;
        }

        WorkingTicksPerDay = total;
    }

    /// <summary>The calendar's name, e.g. "中国 (国务院办公厅通知)".</summary>
    public string Name { get; }

    /// <summary>The days of the week that are days off unless made up (usually Saturday and Sunday).</summary>
    public IReadOnlyList<IsoDayOfWeek> Weekend { get; }

    /// <summary>
    /// The working hours of a working day, in local time, ordered and not overlapping; empty when the
    /// calendar counts whole working days (00:00–24:00).
    /// </summary>
    public IReadOnlyList<WorkingWindow> WorkingHours { get; }

    /// <summary>The statutory holidays, as declared.</summary>
    public IReadOnlyList<HolidayPeriod> Holidays { get; }

    /// <summary>The make-up working days (调休), as declared.</summary>
    public IReadOnlyList<MakeUpWorkingDay> MakeUpWorkingDays { get; }

    /// <summary>The years the calendar has holiday data for, ascending.</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>The length of a working day's working hours on the local clock (24 hours when <see cref="WorkingHours"/> is empty).</summary>
    public Duration WorkingDayLength => Duration.FromTicks(WorkingTicksPerDay);

    internal long WorkingTicksPerDay { get; }

    /// <summary>The first date a calendar answers for: 1900-01-01 (the range deadlines are computed in).</summary>
    public static LocalDate MinDate { get; } = new(1900, 1, 1);

    /// <summary>The last date a calendar answers for: 2999-12-31.</summary>
    public static LocalDate MaxDate { get; } = new(2999, 12, 31);

    private static readonly int MinDayNumber = MinDate.ToDateOnly().DayNumber;
    private static readonly int MaxDayNumber = MaxDate.ToDateOnly().DayNumber;

    /// <summary>Whether the calendar has holiday data for the date's year; when not, it treats the date by weekends only.</summary>
    /// <param name="date">The date.</param>
    public bool IsCovered(LocalDate date) => CoveredYears.Contains(date.Year);

    /// <summary>Whether the date is a working day.</summary>
    /// <param name="date">The date (ISO calendar).</param>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar, or is outside <see cref="MinDate"/>–<see cref="MaxDate"/>.</exception>
    public bool IsWorkingDay(LocalDate date) => IsWorkingDayNumber(DayNumber(date));

    /// <summary>What kind of day the date is.</summary>
    /// <param name="date">The date (ISO calendar).</param>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar, or is outside <see cref="MinDate"/>–<see cref="MaxDate"/>.</exception>
    public CalendarDayKind KindOf(LocalDate date)
    {
        var dayNumber = DayNumber(date);
        if (IsCovered(date))
        {
            if (_makeUpNames.ContainsKey(date))
            {
                return CalendarDayKind.MakeUpWorkingDay;
            }

            if (_holidayNames.ContainsKey(date))
            {
                return CalendarDayKind.Holiday;
            }
        }

        return IsWeekendDayNumber(dayNumber) ? CalendarDayKind.Weekend : CalendarDayKind.WorkingDay;
    }

    /// <summary>The name of the holiday or make-up day on this date, or <see langword="null"/> for an ordinary day.</summary>
    /// <param name="date">The date.</param>
    public string? NameOf(LocalDate date) =>
        _holidayNames.TryGetValue(date, out var h) ? h : _makeUpNames.GetValueOrDefault(date);

    /// <summary>
    /// The working day <paramref name="count"/> working days after <paramref name="date"/>
    /// (or before it, for a negative count). The date itself is never counted.
    /// </summary>
    /// <param name="date">The date to count from.</param>
    /// <param name="count">How many working days; not zero.</param>
    /// <returns>For count 1, the first working day after <paramref name="date"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is zero, or the date or the result is outside <see cref="MinDate"/>–<see cref="MaxDate"/>.</exception>
    public LocalDate AddWorkingDays(LocalDate date, int count)
    {
        if (count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, GovernanceMessages.Text("ExpectedNonZeroNumberWorkingDays"));
        }

        var d = DayNumber(date);
        var index = count > 0 ? WorkingDaysBefore(d + 1) + count - 1 : WorkingDaysBefore(d) + count;
        if (index < WorkingDaysBefore(MinDayNumber) || index >= WorkingDaysBefore(MaxDayNumber + 1))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, GovernanceMessages.Format("WorkingDaysOutsideCalendar", count, date, MinDate, MaxDate));
        }

        return FromDayNumber(WorkingDayAt(index));
    }

    /// <summary>The number of working days in [<paramref name="start"/>, <paramref name="end"/>); negative when <paramref name="end"/> is before <paramref name="start"/>.</summary>
    /// <param name="start">The first date, inclusive.</param>
    /// <param name="end">The last date, exclusive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside <see cref="MinDate"/>–<see cref="MaxDate"/>.</exception>
    public long WorkingDaysBetween(LocalDate start, LocalDate end) => WorkingDaysBefore(DayNumber(end)) - WorkingDaysBefore(DayNumber(start));

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name} ({(CoveredYears.Count == 0 ? "weekends only" : $"{CoveredYears[0]}–{CoveredYears[^1]}")})";

    internal static int DayNumber(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException(GovernanceMessages.Format("NotAnIsoDate", date, date.Calendar.Id), nameof(date));
        }

        if (date < MinDate || date > MaxDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, OutOfRange(date));
        }

        return date.ToDateOnly().DayNumber;
    }

    private static string OutOfRange(LocalDate date) =>
        GovernanceMessages.Format("DateOutsideCalendar", date, MinDate, MaxDate);

    internal static LocalDate FromDayNumber(int dayNumber) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(dayNumber));

    internal static int UnixDayToDayNumber(long unixDay) => (int)(unixDay + UnixEpochDayNumber);

    internal static long DayNumberToUnixDay(int dayNumber) => dayNumber - (long)UnixEpochDayNumber;

    internal bool IsWorkingDayNumber(int dayNumber)
    {
        var i = dayNumber - _origin;
        return (uint)i < (uint)_days ? _cumulative[i + 1] != _cumulative[i] : !IsWeekendDayNumber(dayNumber);
    }

    /// <summary>Working days in [origin, dayNumber): the position of a date on the working-day line.</summary>
    internal long WorkingDaysBefore(int dayNumber)
    {
        var i = dayNumber - _origin;
        if ((uint)i <= (uint)_days)
        {
            return _cumulative[i];
        }

        return i < 0
            ? -CountWeekdays(dayNumber, _origin)
            : _cumulative[_days] + CountWeekdays(_origin + _days, dayNumber);
    }

    /// <summary>The day number of the working day with index <paramref name="index"/> (0 is the first working day on or after the origin).</summary>
    internal int WorkingDayAt(long index)
    {
        if (index >= 0 && index < _workingDays.Length)
        {
            return _origin + _workingDays[index];
        }

        return index < 0
            ? NthWeekdayBackward(_origin, -index - 1)
            : NthWeekdayForward(_origin + _days, index - _workingDays.Length);
    }

    /// <summary>Working ticks of the day's working hours before <paramref name="tickOfDay"/>.</summary>
    internal long WorkingTicksBefore(long tickOfDay)
    {
        long sum = 0;
        for (var i = 0; i < _windowStart.Length; i++)
        {
            if (tickOfDay <= _windowStart[i])
            {
                break;
            }

            sum += Math.Min(tickOfDay, _windowEnd[i]) - _windowStart[i];
        }

        return sum;
    }

    /// <summary>The earliest tick of day at which <paramref name="workingTicks"/> (in (0, day length]) of working time have passed.</summary>
    internal long TickOfDayAfterWorking(long workingTicks)
    {
        for (var i = 0; i < _windowStart.Length; i++)
        {
            if (workingTicks <= _windowCumulativeEnd[i])
            {
                return _windowEnd[i] - (_windowCumulativeEnd[i] - workingTicks);
            }
        }

        return _windowEnd[^1];
    }

    private bool IsWeekendDayNumber(int dayNumber) => _weekendByDayNumberMod7[dayNumber % 7];

    /// <summary>Weekdays (non-weekend days) in [from, to), from ≤ to.</summary>
    private long CountWeekdays(int from, int to)
    {
        var span = to - from;
        long count = (long)(span / 7) * _workingPerWeek;
        for (var d = from + (span / 7 * 7); d < to; d++)
        {
            if (!IsWeekendDayNumber(d))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The n-th (from 0) weekday on or after <paramref name="from"/>.</summary>
    private int NthWeekdayForward(int from, long n)
    {
        var d = checked(from + (int)(n / _workingPerWeek * 7));
        var rest = n % _workingPerWeek;
        while (true)
        {
            if (!IsWeekendDayNumber(d))
            {
                if (rest == 0)
                {
                    return d;
                }

                rest--;
            }

            d++;
        }
    }

    /// <summary>The n-th (from 0) weekday strictly before <paramref name="before"/>, counting backwards.</summary>
    private int NthWeekdayBackward(int before, long n)
    {
        var d = checked(before - 1 - (int)(n / _workingPerWeek * 7));
        var rest = n % _workingPerWeek;
        while (true)
        {
            if (!IsWeekendDayNumber(d))
            {
                if (rest == 0)
                {
                    return d;
                }

                rest--;
            }

            d--;
        }
    }
}
