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
    // The scorer sums the lines as it writes them; other lines are summed here, in one pass.
    private readonly PointSums _sums = Sum(Lines);

    /// <summary>The total: the sum of the lines' points.</summary>
    public decimal Total => _sums.Total;

    /// <summary>The points from base rules.</summary>
    public decimal BasePoints => _sums.Base;

    /// <summary>The points from bonus rules.</summary>
    public decimal BonusPoints => _sums.Bonus;

    /// <summary>The points deducted (a positive number).</summary>
    public decimal Deductions => -_sums.Deductions;

    private static PointSums Sum(IReadOnlyList<ScoreLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines is LineList scored)
        {
            return scored.Sums;
        }

        var sums = default(PointSums);
        foreach (var line in lines)
        {
            sums.Add(line.Rule, line.Points);
        }

        return sums;
    }
}
