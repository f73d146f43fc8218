using Governance.Cases;

namespace Governance.Reports;

/// <summary>典型案例 — a recurring problem: cases of one category at one place, at least N within the window.</summary>
/// <param name="Category">The category.</param>
/// <param name="Place">The place: a building id or a grid id, as the detector's <see cref="RecurrencePlace"/> says.</param>
/// <param name="Cases">The contributing cases, in registration order.</param>
/// <param name="First">The first contributing registration.</param>
/// <param name="Last">The last contributing registration.</param>
public sealed record TypicalCase(CaseCategory Category, string Place, IReadOnlyList<Id<Case>> Cases, Instant First, Instant Last);
