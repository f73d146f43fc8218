namespace Governance.Scoring.Selection;

/// <summary>评选结果 — who was selected, and which quotas could not be filled.</summary>
/// <param name="Selected">The people selected, best-ranked first.</param>
/// <param name="Unfilled">Each quota with seats left empty, and how many (no eligible candidate was left for them).</param>
public sealed record SelectionResult(IReadOnlyList<SelectedPerson> Selected, IReadOnlyDictionary<string, int> Unfilled)
{
    /// <summary>Whether every seat was filled.</summary>
    public bool IsComplete => Unfilled.Count == 0;
}
