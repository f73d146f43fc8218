using Governance.Organisation;

namespace Governance.People;

/// <summary>网格分工 — a person works a grid in a role (grid worker, grid leader, assistant, part-time grid worker).</summary>
/// <param name="PersonId">The person.</param>
/// <param name="GridId">The grid.</param>
/// <param name="Role">The role they hold there.</param>
public sealed record GridAssignment(Id<Person> PersonId, Id<Grid> GridId, Role Role);
