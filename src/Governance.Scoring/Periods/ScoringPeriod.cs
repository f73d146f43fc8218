using Governance.Resources;

namespace Governance.Scoring.Periods;

/// <summary>评定周期 — a month, quarter or year of local dates in the community's zone.</summary>
/// <remarks>Equality is by value.</remarks>
public sealed record ScoringPeriod
{
    private ScoringPeriod(ScoringPeriodKind kind, int year, int number, DateInterval dates)
    {
        Kind = kind;
        Year = year;
        Number = number;
        Dates = dates;
    }

    /// <summary>Month, quarter or year.</summary>
    public ScoringPeriodKind Kind { get; }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month (1–12) or quarter (1–4); 1 for a year.</summary>
    public int Number { get; }

    /// <summary>Its local dates.</summary>
    public DateInterval Dates { get; }

    /// <summary>The first year a period can be in: 1900.</summary>
    public const int MinYear = 1900;

    /// <summary>The last year a period can be in: 2999 (the years deadlines and calendars answer for).</summary>
    public const int MaxYear = 2999;

    /// <summary>A calendar month.</summary>
    /// <param name="year">The year, <see cref="MinYear"/>–<see cref="MaxYear"/>.</param>
    /// <param name="month">1–12.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public static ScoringPeriod Month(int year, int month)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        var start = new LocalDate(year, month, 1);
        return new(ScoringPeriodKind.Month, year, month, new DateInterval(start, start.PlusMonths(1).PlusDays(-1)));
    }

    /// <summary>A calendar quarter.</summary>
    /// <param name="year">The year, <see cref="MinYear"/>–<see cref="MaxYear"/>.</param>
    /// <param name="quarter">1–4.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or quarter is out of range.</exception>
    public static ScoringPeriod Quarter(int year, int quarter)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new LocalDate(year, ((quarter - 1) * 3) + 1, 1);
        return new(ScoringPeriodKind.Quarter, year, quarter, new DateInterval(start, start.PlusMonths(3).PlusDays(-1)));
    }

    /// <summary>A calendar year.</summary>
    /// <param name="year">The year, <see cref="MinYear"/>–<see cref="MaxYear"/>.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static ScoringPeriod CalendarYear(int year) => new(ScoringPeriodKind.Year, CheckYear(year), 1, new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)));

    private static int CheckYear(int year) => year is >= MinYear and <= MaxYear
        ? year
        : throw new ArgumentOutOfRangeException(nameof(year), year, ScoringMessages.Format("ExpectedYear", MinYear, MaxYear));

    /// <summary>年度评优 — the period the annual evaluation held in July of <paramref name="evaluationYear"/> scores: the previous calendar year's four quarters.</summary>
    /// <param name="evaluationYear">The year the evaluation is held.</param>
    /// <returns>The previous calendar year.</returns>
    public static ScoringPeriod AnnualEvaluation(int evaluationYear) => CalendarYear(evaluationYear - 1);

    /// <summary>The months it is made of.</summary>
    public IEnumerable<ScoringPeriod> Months => Enumerable.Range(0, Kind switch { ScoringPeriodKind.Month => 1, ScoringPeriodKind.Quarter => 3, _ => 12 })
        .Select(i => Month(Dates.Start.PlusMonths(i).Year, Dates.Start.PlusMonths(i).Month));

    /// <summary>The quarters it is made of (empty for a month).</summary>
    public IEnumerable<ScoringPeriod> Quarters => Kind switch
    {
        ScoringPeriodKind.Quarter => [this],
        ScoringPeriodKind.Year => Enumerable.Range(1, 4).Select(q => Quarter(Year, q)),
        _ => [],
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ScoringPeriodKind.Month => $"{Year}-{Number:00}",
        ScoringPeriodKind.Quarter => $"{Year}-Q{Number}",
        _ => $"{Year}",
    };
}
