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
    // One pass over the lines for the four sums (the scorer makes one of these per person scored).
    private readonly Sums _sums = Sums.Of(Lines);

    /// <summary>The total: the sum of the lines' points.</summary>
    public decimal Total => _sums.Total;

    /// <summary>The points from base rules.</summary>
    public decimal BasePoints => _sums.Base;

    /// <summary>The points from bonus rules.</summary>
    public decimal BonusPoints => _sums.Bonus;

    /// <summary>The points deducted (a positive number).</summary>
    public decimal Deductions => -_sums.Deductions;

    private readonly record struct Sums(decimal Total, decimal Base, decimal Bonus, decimal Deductions)
    {
        public static Sums Of(IReadOnlyList<ScoreLine> lines)
        {
            ArgumentNullException.ThrowIfNull(lines);
            decimal total = 0, basePoints = 0, bonus = 0, deductions = 0;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                total += line.Points;
                switch (line.Kind)
                {
                    case RuleKind.Base: basePoints += line.Points; break;
                    case RuleKind.Bonus: bonus += line.Points; break;
                    case RuleKind.Deduction: deductions += line.Points; break;
                }
            }

            return new Sums(total, basePoints, bonus, deductions);
        }
    }
}
