using Governance.People;
using Governance.Scoring.Periods;

namespace Governance.Scoring.Selection;

/// <summary>评选公示 — the published result of a selection for a period.</summary>
/// <param name="Period">The period.</param>
/// <param name="Method">How it was decided.</param>
/// <param name="Result">Who was selected, and unfilled seats.</param>
/// <param name="Votes">Votes per candidate (empty unless decided by vote).</param>
/// <param name="BallotsCast">How many ballots were cast (0 unless decided by vote).</param>
/// <param name="Note">The committee's reasons, or other remarks.</param>
public sealed record PublishedSelection(ScoringPeriod Period, SelectionMethod Method, SelectionResult Result, IReadOnlyDictionary<Id<Person>, int> Votes, int BallotsCast, string? Note = null);
