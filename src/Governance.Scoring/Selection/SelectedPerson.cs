using Governance.People;

namespace Governance.Scoring.Selection;

/// <summary>当选人 — a person selected, with the seat they fill.</summary>
/// <param name="Person">The person.</param>
/// <param name="Position">Their position in the ranking the selection used (1 for the best).</param>
/// <param name="Quota">The quota whose seat they fill.</param>
public sealed record SelectedPerson(Id<Person> Person, int Position, string Quota);
