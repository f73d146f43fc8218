using Governance.Resources;
using Governance.Validation;

namespace Governance.Calendars;

/// <summary>
/// 工作日历构建器 — builds a <see cref="BusinessCalendar"/> in code, or extends an existing one
/// (<see cref="From"/>) when next year's notice arrives.
/// </summary>
/// <example>
/// <code>
/// var calendar = BusinessCalendarBuilder.From(ChinaCalendar.Mainland)
///     .AddHoliday("元旦", new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 3))
///     .Build();
/// </code>
/// </example>
/// <remarks>The builder is not thread-safe; the calendar it builds is immutable.</remarks>
public sealed class BusinessCalendarBuilder
{
    private readonly List<HolidayPeriod> _holidays = [];
    private readonly List<MakeUpWorkingDay> _makeUpDays = [];
    private readonly SortedSet<int> _years = [];
    private readonly List<WorkingWindow> _workingHours = [];
    private List<IsoDayOfWeek> _weekend = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];
    private string _name = "Business calendar";

    /// <summary>A builder that starts with everything <paramref name="calendar"/> has.</summary>
    /// <param name="calendar">The calendar to extend.</param>
    /// <returns>A new builder.</returns>
    public static BusinessCalendarBuilder From(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var builder = new BusinessCalendarBuilder()
            .WithName(calendar.Name)
            .WithWeekend(calendar.Weekend)
            .WithWorkingHours(calendar.WorkingHours);
        builder._holidays.AddRange(calendar.Holidays);
        builder._makeUpDays.AddRange(calendar.MakeUpWorkingDays);
        builder._years.UnionWith(calendar.CoveredYears);
        return builder;
    }

    /// <summary>Sets the calendar's name.</summary>
    /// <param name="name">The name; not empty.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder WithName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
        return this;
    }

    /// <summary>Sets the weekend days (Saturday and Sunday by default).</summary>
    /// <param name="days">The days off each week; checked at <see cref="Build"/>.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder WithWeekend(IEnumerable<IsoDayOfWeek> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        _weekend = [.. days];
        return this;
    }

    /// <summary>Sets the working hours of every working day (none by default: whole days count).</summary>
    /// <param name="windows">The windows, e.g. 08:30–12:00 and 13:30–17:30; checked at <see cref="Build"/>.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder WithWorkingHours(IEnumerable<WorkingWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        _workingHours.Clear();
        _workingHours.AddRange(windows);
        return this;
    }

    /// <summary>Declares a year as covered even if it has no holidays (its dates then count as known).</summary>
    /// <param name="year">The year.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder CoverYear(int year)
    {
        _years.Add(year);
        return this;
    }

    /// <summary>Adds a statutory holiday; its years become covered.</summary>
    /// <param name="name">The holiday's name, e.g. "春节".</param>
    /// <param name="first">The first day off.</param>
    /// <param name="last">The last day off (inclusive).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or <paramref name="last"/> is before <paramref name="first"/>.</exception>
    public BusinessCalendarBuilder AddHoliday(string name, LocalDate first, LocalDate last)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (last < first)
        {
            throw new ArgumentException(GovernanceMessages.Format("HolidayEndsBeforeStarts", name, last, first), nameof(last));
        }

        _holidays.Add(new HolidayPeriod(name, new DateInterval(first, last)));
        for (var y = first.Year; y <= last.Year; y++)
        {
            _years.Add(y);
        }

        return this;
    }

    /// <summary>Adds a 调休 make-up working day (a weekend day worked); its year becomes covered.</summary>
    /// <param name="name">What it makes up for, e.g. "春节调休".</param>
    /// <param name="date">The date; must be a weekend day (checked at <see cref="Build"/>).</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder AddMakeUpWorkingDay(string name, LocalDate date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _makeUpDays.Add(new MakeUpWorkingDay(name, date));
        _years.Add(date.Year);
        return this;
    }

    /// <summary>Checks everything and builds the calendar.</summary>
    /// <returns>The calendar.</returns>
    /// <exception cref="ValidationFailedException">Something is inconsistent; every problem is listed.</exception>
    public BusinessCalendar Build()
    {
        var errors = Validate(_weekend, _workingHours, _holidays, _makeUpDays, _years);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(GovernanceMessages.Text("BusinessCalendar"), errors);
        }

        return new BusinessCalendar(_name, _weekend.Distinct().ToArray(), [.. _workingHours], [.. _holidays], [.. _makeUpDays], _years.ToArray());
    }

    private static List<ValidationError> Validate(
        List<IsoDayOfWeek> weekend,
        List<WorkingWindow> hours,
        List<HolidayPeriod> holidays,
        List<MakeUpWorkingDay> makeUps,
        SortedSet<int> years)
    {
        var errors = new List<ValidationError>();
        foreach (var d in weekend.Where(d => d is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday))
        {
            errors.Add(new ValidationError("weekend", GovernanceMessages.Format("NotADayOfWeek", d)));
        }

        if (weekend.Distinct().Count() != weekend.Count)
        {
            errors.Add(new ValidationError("weekend", GovernanceMessages.Format("DayListedTwice", string.Join(", ", weekend))));
        }

        if (weekend.Distinct().Count() >= 7)
        {
            errors.Add(new ValidationError("weekend", GovernanceMessages.Text("EveryDayWeekWeekendDayLeast")));
        }

        for (var i = 1; i < hours.Count; i++)
        {
            if (hours[i - 1].End == LocalTime.Midnight || hours[i].Start < hours[i - 1].End)
            {
                errors.Add(new ValidationError($"workingHours[{i}]", GovernanceMessages.Format("WindowOverlapsComesBeforeWindowsMust", hours[i], hours[i - 1])));
            }
        }

        if (years.Count > 0 && (years.Min < 1900 || years.Max > 2999))
        {
            errors.Add(new ValidationError("years", GovernanceMessages.Format("CoveredYearsMustWithinGot", years.Min, years.Max)));
        }

        var holidayDates = new Dictionary<LocalDate, string>();
        for (var i = 0; i < holidays.Count; i++)
        {
            var h = holidays[i];
            if (h.Dates.Start.Calendar != CalendarSystem.Iso)
            {
                errors.Add(new ValidationError($"holidays[{i}]", GovernanceMessages.Format("HolidayNotIso", h.Name)));
                continue;
            }

            foreach (var date in h.Dates)
            {
                if (!holidayDates.TryAdd(date, h.Name))
                {
                    errors.Add(new ValidationError($"holidays[{i}]", GovernanceMessages.Format("DateInTwoHolidays", date, h.Name, holidayDates[date])));
                }
            }
        }

        var makeUpDates = new HashSet<LocalDate>();
        for (var i = 0; i < makeUps.Count; i++)
        {
            var m = makeUps[i];
            var path = $"makeUpWorkingDays[{i}]";
            if (!makeUpDates.Add(m.Date))
            {
                errors.Add(new ValidationError(path, GovernanceMessages.Format("ListedTwiceMakeUpWorkingDay", m.Date)));
            }

            if (holidayDates.TryGetValue(m.Date, out var holiday))
            {
                errors.Add(new ValidationError(path, GovernanceMessages.Format("BothMakeUpWorkingDayDay", m.Date, m.Name, holiday)));
            }

            if (!weekend.Contains(m.Date.DayOfWeek))
            {
                errors.Add(new ValidationError(path, GovernanceMessages.Format("AlreadyWorkingDayMakeUpWorking", m.Date, m.Date.DayOfWeek, string.Join(", ", weekend))));
            }
        }

        return errors;
    }
}
