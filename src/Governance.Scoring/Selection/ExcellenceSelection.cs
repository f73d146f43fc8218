using Governance.People;
using Governance.Resources;

namespace Governance.Scoring.Selection;

/// <summary>
/// 优秀评选 — fills quota seats from a ranking so that the selected set is the best the ranking allows: as many seats
/// filled as possible, and among such sets the one whose positions, sorted, are lexicographically smallest. A person in
/// several categories fills one seat at most.
/// </summary>
/// <remarks>
/// The sets of candidates that can be seated together form a transversal matroid, on which the greedy algorithm is
/// optimal: candidates are taken best first, each accepted if an augmenting path in the candidate–seat bipartite graph
/// still seats everyone accepted (so a party member who is also a group leader is moved to the other seat when that lets
/// a better candidate in). Unlike a greedy pass over categories, it never leaves a quota empty that could be filled nor
/// passes over a better candidate when categories overlap. O(candidates × seats²).
/// </remarks>
public static class ExcellenceSelection
{
    /// <summary>Selects.</summary>
    /// <param name="ranking">The candidates, best first.</param>
    /// <param name="quotas">The quotas.</param>
    /// <param name="attributesOf">Each candidate's attributes.</param>
    /// <returns>The selection and any unfilled seats.</returns>
    /// <exception cref="ArgumentException">A candidate appears twice, or a quota is null or has no seats or more than <see cref="SelectionQuota.MaxSeats"/>.</exception>
    public static SelectionResult Select(IReadOnlyList<Id<Person>> ranking, IReadOnlyList<SelectionQuota> quotas, Func<Id<Person>, PersonAttributes> attributesOf)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(quotas);
        ArgumentNullException.ThrowIfNull(attributesOf);
        if (ranking.Distinct().Count() != ranking.Count)
        {
            throw new ArgumentException(ScoringMessages.Text("EachCandidateMayAppearOnceRanking"), nameof(ranking));
        }

        var seatQuota = new List<int>();
        for (var q = 0; q < quotas.Count; q++)
        {
            if (quotas[q] is null || quotas[q].Seats < 1 || quotas[q].Seats > SelectionQuota.MaxSeats)
            {
                throw new ArgumentOutOfRangeException(nameof(quotas), quotas[q]?.Seats, ScoringMessages.Format("QuotaNeedsSeats", q, quotas[q]?.Name, SelectionQuota.MaxSeats));
            }

            seatQuota.AddRange(Enumerable.Repeat(q, quotas[q].Seats));
        }

        var seatHolder = Enumerable.Repeat(-1, seatQuota.Count).ToArray();
        var admitted = new List<bool[]>(ranking.Count);
        var filled = 0;
        for (var c = 0; c < ranking.Count && filled < seatQuota.Count; c++)
        {
            var attributes = attributesOf(ranking[c]);
            admitted.Add(seatQuota.Select(q => quotas[q].Admits(attributes)).ToArray());
            if (Augment(c, admitted, seatHolder, new bool[seatQuota.Count]))
            {
                filled++;
            }
        }

        var selected = seatHolder.Select((holder, seat) => (holder, seat)).Where(x => x.holder >= 0).OrderBy(x => x.holder)
            .Select(x => new SelectedPerson(ranking[x.holder], x.holder + 1, quotas[seatQuota[x.seat]].Name)).ToArray();
        var unfilled = quotas.Select((q, i) => (q.Name, Empty: seatQuota.Where((quota, seat) => quota == i && seatHolder[seat] < 0).Count()))
            .Where(x => x.Empty > 0).ToDictionary(x => x.Name, x => x.Empty);
        return new SelectionResult(selected, unfilled);
    }

    /// <summary>
    /// 两委推选 — the community's two committees nominate, in their order of preference (seed 004's annual selection,
    /// decided on the previous year's four quarters); the quotas are applied to that order and the result is published
    /// with the committees' reasons.
    /// </summary>
    /// <param name="period">The period selected for (e.g. <see cref="Periods.ScoringPeriod.AnnualEvaluation"/>).</param>
    /// <param name="nominated">The nominees, most preferred first.</param>
    /// <param name="quotas">The quotas.</param>
    /// <param name="attributesOf">Each nominee's attributes.</param>
    /// <param name="reasons">The committees' reasons, for the publication (公示); not empty.</param>
    /// <returns>The published selection.</returns>
    /// <exception cref="ArgumentException"><paramref name="reasons"/> is empty or a nominee appears twice.</exception>
    public static PublishedSelection Nominate(Periods.ScoringPeriod period, IReadOnlyList<Id<Person>> nominated, IReadOnlyList<SelectionQuota> quotas, Func<Id<Person>, PersonAttributes> attributesOf, string reasons)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentException.ThrowIfNullOrWhiteSpace(reasons);
        return new PublishedSelection(period, SelectionMethod.CommitteeNomination, Select(nominated, quotas, attributesOf), new Dictionary<Id<Person>, int>(), 0, reasons);
    }

    private static bool Augment(int candidate, List<bool[]> admitted, int[] seatHolder, bool[] visited)
    {
        var seats = admitted[candidate];
        for (var s = 0; s < seats.Length; s++)
        {
            if (!seats[s] || visited[s])
            {
                continue;
            }

            visited[s] = true;
            if (seatHolder[s] < 0 || Augment(seatHolder[s], admitted, seatHolder, visited))
            {
                seatHolder[s] = candidate;
                return true;
            }
        }

        return false;
    }
}
