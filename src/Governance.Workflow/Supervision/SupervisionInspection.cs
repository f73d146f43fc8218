using Governance.Organisation;
using Governance.People;

namespace Governance.Supervision;

/// <summary>
/// 督导检查 — an inspection of a grid worker's visits and reports, by their own community or by another one
/// (交叉督导, cross-supervision), with its findings.
/// </summary>
/// <param name="Id">Its code.</param>
/// <param name="Date">The local date of the inspection.</param>
/// <param name="Inspector">Who inspected.</param>
/// <param name="InspectorCommunity">The inspector's community.</param>
/// <param name="Worker">The grid worker inspected.</param>
/// <param name="Grid">The worker's grid.</param>
/// <param name="WorkerCommunity">The worker's community.</param>
/// <param name="Findings">What was found; empty for a clean inspection.</param>
public sealed record SupervisionInspection(
    string Id,
    LocalDate Date,
    Id<Person> Inspector,
    Id<Community> InspectorCommunity,
    Id<Person> Worker,
    Id<Grid> Grid,
    Id<Community> WorkerCommunity,
    IReadOnlyList<SupervisionFinding> Findings)
{
    /// <summary>Whether another community inspected (交叉督导).</summary>
    public bool IsCrossInspection => InspectorCommunity != WorkerCommunity;

    /// <summary>The rectification items still open and past due on <paramref name="today"/>.</summary>
    /// <param name="today">The local date.</param>
    /// <returns>The overdue items.</returns>
    public IEnumerable<RectificationItem> OverdueOn(LocalDate today) =>
        Findings.Select(f => f.Rectification).OfType<RectificationItem>().Where(r => r.IsOverdueOn(today));
}
