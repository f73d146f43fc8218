using Governance.Scoring.Scores;

namespace Governance.Scoring.Rankings;

/// <summary>积分排名 — orders scores: the higher total first, then the tie-breaks in order, then the person id.</summary>
public static class Ranking
{
    /// <summary>The default tie-breaks: more bonus points, then fewer deductions.</summary>
    public static IReadOnlyList<RankingTieBreak> DefaultTieBreaks { get; } = [RankingTieBreak.MoreBonusPoints, RankingTieBreak.FewerDeductions];

    /// <summary>Ranks scores.</summary>
    /// <param name="scores">The scores, in any order.</param>
    /// <param name="tieBreaks">The tie-breaks; <see cref="DefaultTieBreaks"/> if null.</param>
    /// <returns>The ranking, best first; the same for any order of the input.</returns>
    public static IReadOnlyList<RankedScore> Rank(IEnumerable<PersonScore> scores, IReadOnlyList<RankingTieBreak>? tieBreaks = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var breaks = tieBreaks ?? DefaultTieBreaks;
        var sorted = scores.ToArray();
        Array.Sort(sorted, (x, y) =>
        {
            var c = y.Total.CompareTo(x.Total);
            for (var i = 0; c == 0 && i < breaks.Count; i++)
            {
                c = breaks[i] switch
                {
                    RankingTieBreak.MoreBonusPoints => y.BonusPoints.CompareTo(x.BonusPoints),
                    RankingTieBreak.FewerDeductions => x.Deductions.CompareTo(y.Deductions),
                    RankingTieBreak.MoreBasePoints => y.BasePoints.CompareTo(x.BasePoints),
                    _ => 0,
                };
            }

            return c != 0 ? c : x.Person.CompareTo(y.Person);
        });
        return sorted.Select((s, i) => new RankedScore(i + 1, s)).ToArray();
    }
}
