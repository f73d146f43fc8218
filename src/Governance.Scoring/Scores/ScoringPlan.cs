using System.Runtime.CompilerServices;
using Governance.People;
using Governance.Resources;
using Governance.Scoring.Facts;
using Governance.Scoring.Periods;
using Governance.Scoring.Rules;

namespace Governance.Scoring.Scores;

/// <summary>
/// A rule set compiled for one role and one period: for each fact kind, the rules that score it as (rule, first day,
/// last day, per quarter?) with days as integers; and the cells a person's points are summed in, one per rule per
/// month, or per quarter for a rule capped per quarter.
/// </summary>
/// <remarks>
/// Cells are numbered rule · slots + slot (months first, then quarters). A person's lines are ordered by period, then
/// rule id, then the rule's place in the set; <see cref="SortKey"/> maps a cell to an integer in that order, so lines
/// sort as plain integers.
/// </remarks>
internal sealed class ScoringPlan
{
    private const int KindCacheSize = 64;

    private readonly ScoringRule[] _rules;
    private readonly ScoringPeriod[] _periods;
    private readonly int _months;
    private readonly int _slots;
    private readonly int _startYear;
    private readonly int _startMonth;
    private readonly int[] _rank;
    private readonly int[] _byRank;
    private readonly Dictionary<string, Target[]> _byKind;
    private readonly (string? Kind, Target[] Targets)[] _kindCache = new (string?, Target[])[KindCacheSize];

    public ScoringPlan(RuleSet rules, Role role, ScoringPeriod period)
    {
        Period = period;
        var months = period.Months.ToArray();
        var quarters = period.Kind == ScoringPeriodKind.Month ? [ScoringPeriod.Quarter(period.Year, ((period.Number - 1) / 3) + 1)] : period.Quarters.ToArray();
        _periods = [.. months, .. quarters];
        _months = months.Length;
        _slots = _periods.Length;
        (_startYear, _startMonth) = (period.Dates.Start.Year, period.Dates.Start.Month);
        _rules = [.. rules.Rules];

        _byRank = Enumerable.Range(0, _rules.Length).OrderBy(r => _rules[r].Id, StringComparer.Ordinal).ThenBy(r => r).ToArray();
        _rank = new int[_rules.Length];
        for (var k = 0; k < _byRank.Length; k++)
        {
            _rank[_byRank[k]] = k;
        }

        _byKind = Enumerable.Range(0, _rules.Length)
            .Where(r => _rules[r].Role == role)
            .GroupBy(r => _rules[r].FactKind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => new Target(r, DayKey(_rules[r].Effective.Start), DayKey(_rules[r].Effective.End), _rules[r].CapPer == CapPeriod.Quarter)).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The period scored.</summary>
    public ScoringPeriod Period { get; }

    /// <summary>How many cells a person's points can fall in.</summary>
    public int Cells => _rules.Length * _slots;

    /// <summary>A date as an integer that orders as the date does (ISO calendar).</summary>
    public static int DayKey(LocalDate date) => (date.Year * 512) + (date.Month * 32) + date.Day;

    /// <summary>The month of the period the fact falls in (0 for the first), or −1 outside the period.</summary>
    /// <exception cref="ArgumentException">The fact is dated in a calendar other than ISO.</exception>
    public int MonthOf(ScoringFact fact, string parameter)
    {
        var date = fact.Date;
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException(ScoringMessages.Format("FactDatedCalendarExpectedISOCalendar", fact.Id, date, date.Calendar.Id), parameter);
        }

        var month = ((date.Year - _startYear) * 12) + date.Month - _startMonth;
        return (uint)month < (uint)_months ? month : -1;
    }

    /// <summary>The rules of the role scored that score facts of this kind.</summary>
    /// <remarks>Fact kinds are usually a handful of shared string instances: a small cache keyed by reference answers first.</remarks>
    public Target[] TargetsFor(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ref var cached = ref _kindCache[RuntimeHelpers.GetHashCode(kind) & (KindCacheSize - 1)];
        if (!ReferenceEquals(cached.Kind, kind))
        {
            cached = (kind, _byKind.GetValueOrDefault(kind) ?? []);
        }

        return cached.Targets;
    }

    /// <summary>The cell a fact in month <paramref name="month"/> counts in for <paramref name="target"/>'s rule.</summary>
    public int Cell(Target target, int month) => (target.Rule * _slots) + (target.PerQuarter ? _months + (month / 3) : month);

    public ScoringRule RuleOf(int cell) => _rules[cell / _slots];

    public ScoringPeriod PeriodOf(int cell) => _periods[cell % _slots];

    /// <summary>The cell's place in line order: period, then rule id, then the rule's place in the set.</summary>
    public int SortKey(int cell) => ((cell % _slots) * _rules.Length) + _rank[cell / _slots];

    public int CellOfSortKey(int key) => (_byRank[key % _rules.Length] * _slots) + (key / _rules.Length);

    /// <summary>A rule that scores a fact kind: its index in the set, its effective days as <see cref="DayKey"/>s, and whether it is capped per quarter.</summary>
    internal readonly record struct Target(int Rule, int From, int To, bool PerQuarter);
}
