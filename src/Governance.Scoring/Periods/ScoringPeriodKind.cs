namespace Governance.Scoring.Periods;

/// <summary>评定周期 — month, quarter or year.</summary>
public enum ScoringPeriodKind
{
    /// <summary>月 — a calendar month, the basis ("每月积分作为季度、年终评分依据").</summary>
    Month,

    /// <summary>季度 — a calendar quarter: the sum of its months.</summary>
    Quarter,

    /// <summary>年度 — a calendar year: the sum of its quarters.</summary>
    Year,
}
