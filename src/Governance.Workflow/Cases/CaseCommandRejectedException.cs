using Governance.People;
using Governance.Resources;

namespace Governance.Cases;

/// <summary>
/// 指令被拒 — a command was not accepted: the trigger is not permitted in the case's state, a domain rule
/// forbids it now, or the actor is not authorised. The case is unchanged. The message is in the current UI culture
/// (English or zh-CN); <see cref="GovernanceException.Refusal"/> says what kind of refusal it is.
/// </summary>
public sealed class CaseCommandRejectedException : GovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="state">Its state.</param>
    /// <param name="trigger">What was attempted.</param>
    /// <param name="actor">Who tried.</param>
    /// <param name="actorRoles">The roles they hold.</param>
    /// <param name="permittedNow">The triggers permitted in the current state.</param>
    /// <param name="reason">Why it was refused.</param>
    /// <param name="refusal">What kind of refusal: not permitted now (the default), not authorized, or out of order in time.</param>
    public CaseCommandRejectedException(
        Id<Case> caseId, CaseState state, CaseTrigger trigger, Id<Person> actor, IReadOnlyCollection<Role> actorRoles, IReadOnlyList<CaseTrigger> permittedNow, string reason,
        RefusalReason refusal = RefusalReason.NotPermitted)
        : base(refusal, WorkflowMessages.Format(
            "CaseCommandRefused", caseId, state, CaseDisplayNames.Of(state), trigger, CaseDisplayNames.Of(trigger), actor,
            actorRoles.Count == 0 ? WorkflowMessages.Text("NoKnownRoles") : string.Join(", ", actorRoles),
            reason,
            permittedNow.Count == 0 ? WorkflowMessages.Text("NothingPermitted") : string.Join(", ", permittedNow)))
    {
        CaseId = caseId;
        State = state;
        Trigger = trigger;
        Actor = actor;
        ActorRoles = actorRoles;
        PermittedNow = permittedNow;
        Reason = reason;
    }

    /// <summary>The case.</summary>
    public Id<Case> CaseId { get; }

    /// <summary>Its state, unchanged.</summary>
    public CaseState State { get; }

    /// <summary>What was attempted.</summary>
    public CaseTrigger Trigger { get; }

    /// <summary>Who tried.</summary>
    public Id<Person> Actor { get; }

    /// <summary>The roles they hold.</summary>
    public IReadOnlyCollection<Role> ActorRoles { get; }

    /// <summary>The triggers permitted in the current state.</summary>
    public IReadOnlyList<CaseTrigger> PermittedNow { get; }

    /// <summary>Why it was refused.</summary>
    public string Reason { get; }
}
