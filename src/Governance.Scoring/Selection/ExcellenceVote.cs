using Governance.People;
using Governance.Resources;
using Governance.Scoring.Periods;

namespace Governance.Scoring.Selection;

/// <summary>
/// 全体楼长投票 — the vote of all building heads on a shortlist: one ballot per eligible voter, each naming up to a
/// number of distinct candidates; the tally, with the quotas applied to it, gives the published result.
/// </summary>
/// <threadsafety>Not thread-safe.</threadsafety>
public sealed class ExcellenceVote
{
    private readonly HashSet<Id<Person>> _eligible;
    private readonly List<Id<Person>> _candidates;
    private readonly Dictionary<Id<Person>, IReadOnlyList<Id<Person>>> _ballots = [];

    /// <summary>Opens a vote.</summary>
    /// <param name="period">The period selected for.</param>
    /// <param name="eligibleVoters">Who may vote.</param>
    /// <param name="candidates">The shortlist, in score-ranking order (used to break equal votes).</param>
    /// <param name="maxChoices">How many candidates a ballot may name; positive.</param>
    public ExcellenceVote(ScoringPeriod period, IEnumerable<Id<Person>> eligibleVoters, IEnumerable<Id<Person>> candidates, int maxChoices)
    {
        Period = period ?? throw new ArgumentNullException(nameof(period));
        ArgumentNullException.ThrowIfNull(eligibleVoters);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChoices, 1);
        _eligible = eligibleVoters.ToHashSet();
        _candidates = candidates.Distinct().ToList();
        MaxChoices = maxChoices;
    }

    /// <summary>The period.</summary>
    public ScoringPeriod Period { get; }

    /// <summary>How many candidates a ballot may name.</summary>
    public int MaxChoices { get; }

    /// <summary>How many ballots have been cast.</summary>
    public int BallotsCast => _ballots.Count;

    /// <summary>Records a ballot.</summary>
    /// <param name="voter">The voter.</param>
    /// <param name="choices">Distinct candidates from the shortlist, at most <see cref="MaxChoices"/>.</param>
    /// <exception cref="GovernanceException">The voter is not eligible or has voted already; nothing changes.</exception>
    /// <exception cref="ArgumentException">The choices are not distinct candidates, or too many.</exception>
    public void Cast(Id<Person> voter, IReadOnlyList<Id<Person>> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (!_eligible.Contains(voter))
        {
            throw new GovernanceException(ScoringMessages.Format("MayVoteSelectionOnlyEligibleVoters", voter, Period, _eligible.Count));
        }

        if (_ballots.ContainsKey(voter))
        {
            throw new GovernanceException(ScoringMessages.Format("AlreadyVotedSelectionOneBallotPer", voter, Period));
        }

        if (choices.Count > MaxChoices || choices.Distinct().Count() != choices.Count)
        {
            throw new ArgumentException(ScoringMessages.Format("BallotNamesUpDistinctCandidatesWas", MaxChoices, string.Join(", ", choices)), nameof(choices));
        }

        if (choices.FirstOrDefault(c => !_candidates.Contains(c)) is { Value: not null } stranger)
        {
            throw new ArgumentException(ScoringMessages.Format("NotOnShortlist", stranger), nameof(choices));
        }

        _ballots.Add(voter, choices.ToArray());
    }

    /// <summary>Votes per candidate (every candidate listed, zero if none).</summary>
    /// <returns>The tally.</returns>
    public IReadOnlyDictionary<Id<Person>, int> Tally()
    {
        var tally = _candidates.ToDictionary(c => c, _ => 0);
        foreach (var ballot in _ballots.Values)
        {
            foreach (var choice in ballot)
            {
                tally[choice]++;
            }
        }

        return tally;
    }

    /// <summary>Applies the quotas to the tally (most votes first; equal votes by the shortlist's order) and publishes the result.</summary>
    /// <param name="quotas">The quotas.</param>
    /// <param name="attributesOf">Each candidate's attributes.</param>
    /// <returns>The published selection.</returns>
    public PublishedSelection Publish(IReadOnlyList<SelectionQuota> quotas, Func<Id<Person>, PersonAttributes> attributesOf)
    {
        var tally = Tally();
        var order = _candidates.Select((c, i) => (c, i)).OrderByDescending(x => tally[x.c]).ThenBy(x => x.i).Select(x => x.c).ToArray();
        return new PublishedSelection(Period, SelectionMethod.Vote, ExcellenceSelection.Select(order, quotas, attributesOf), tally, BallotsCast);
    }
}
