using Governance.Cases;
using Governance.Resources;

namespace Governance.Sla;

/// <summary>
/// 时限策略缺失 — a case is pinned to a policy version the engine does not have: give the engine the earlier versions a
/// district's cases were registered under (<see cref="SlaEngine(SlaPolicySet, Calendars.DeadlineCalculator, IEnumerable{SlaPolicy}?)"/>).
/// </summary>
public sealed class SlaPolicyNotFoundException : GovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="policy">The policy version it is pinned to.</param>
    public SlaPolicyNotFoundException(Id<Case> caseId, SlaPolicyReference policy)
        : base(RefusalReason.NotFound, WorkflowMessages.Format("CasePinnedSLAPolicyVersionEngine", caseId, policy.Name, policy.Version)
            + WorkflowMessages.Text("PassEarlierPolicyVersionsSlaEngineEvaluate"))
    {
        CaseId = caseId;
        Policy = policy;
    }

    /// <summary>The case.</summary>
    public Id<Case> CaseId { get; }

    /// <summary>The policy version it is pinned to.</summary>
    public SlaPolicyReference Policy { get; }
}
