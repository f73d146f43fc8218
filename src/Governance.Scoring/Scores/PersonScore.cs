using Governance.People;
using Governance.Scoring.Periods;
using Governance.Scoring.Rules;

namespace Governance.Scoring.Scores;

/// <summary>个人积分 — one person's score for a period, with the lines that explain it.</summary>
/// <param name="Person">The person.</param>
/// <param name="Period">The period.</param>
/// <param name="Lines">The lines, ordered by period then rule id.</param>
public sealed record PersonScore(Id<Person> Person, ScoringPeriod Period, IReadOnlyList<ScoreLine> Lines)
{
    /// <summary>The total: the sum of the lines' points.</summary>
    public decimal Total { get; } = Lines.Sum(l => l.Points);

    /// <summary>The points from base rules.</summary>
    public decimal BasePoints { get; } = Lines.Where(l => l.Kind == RuleKind.Base).Sum(l => l.Points);

    /// <summary>The points from bonus rules.</summary>
    public decimal BonusPoints { get; } = Lines.Where(l => l.Kind == RuleKind.Bonus).Sum(l => l.Points);

    /// <summary>The points deducted (a positive number).</summary>
    public decimal Deductions { get; } = -Lines.Where(l => l.Kind == RuleKind.Deduction).Sum(l => l.Points);
}
