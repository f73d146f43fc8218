using Governance.Organisation;
using Governance.People;

namespace Governance.Cases;

/// <summary>退单记录 — one return of a work order: the unit that returned it, who, when and why.</summary>
/// <param name="GridId">The grid that returned it.</param>
/// <param name="By">Who returned it.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why.</param>
public sealed record WorkOrderReturn(Id<Grid> GridId, Id<Person> By, Instant At, string Reason);
