using Governance.Organisation;
using Governance.People;
using Governance.Sla;

namespace Governance.Cases;

/// <summary>事件登记 — what is entered in the ledger (工作台账) when a case arrives.</summary>
/// <param name="Id">The case id.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Category">What it is about.</param>
/// <param name="Location">Where it is; at least the grid.</param>
/// <param name="Description">What was reported; not empty.</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="Reporter">Who reported it, if a known person.</param>
/// <param name="Priority">How urgent.</param>
/// <param name="Attachments">References to photos or documents kept by the host.</param>
/// <param name="SlaPolicy">The SLA policy version the case is judged by; filled in by <see cref="CaseWorkflow.Register"/> from
/// the workflow's policy set when it has one (the policy is pinned at registration), and kept as given otherwise.</param>
/// <param name="MicroGridId">The micro-grid the case starts at (小事不出单元); filled in by <see cref="CaseWorkflow.Register"/> from
/// the location's unit when the community's ladder starts at the micro-grid. A case without one starts at the grid.</param>
public sealed record CaseRegistration(
    Id<Case> Id,
    CaseSource Source,
    CaseCategory Category,
    CaseLocation Location,
    string Description,
    Instant RegisteredAt,
    Id<Person>? Reporter = null,
    Priority Priority = Priority.Normal,
    IReadOnlyList<string>? Attachments = null,
    SlaPolicyReference? SlaPolicy = null,
    Id<MicroGrid>? MicroGridId = null);
