using Governance.Organisation;
using Governance.People;

namespace Governance.Cases;

/// <summary>
/// 默认授权 — the seeds' rules: the grid worker or grid leader of the case's grid responds and claims (at the
/// case's level once escalated: cooperative cadres, the community committee, sub-district officers); the
/// claimant resolves; grid leaders and the community escalate, transfer and reject; the community (or higher)
/// summons departments; department liaisons report in; the grid leader or the community records meetings;
/// the grid's worker or leader, the community, or the reporter gives feedback and closes; supervisors override;
/// the claimant, the grid's people or the community pause and resume the SLA clocks; grid leaders, the community and
/// supervisors change the priority.
/// </summary>
public sealed class DefaultCaseAuthorizationPolicy : ICaseAuthorizationPolicy
{
    /// <inheritdoc />
    /// <remarks>Allocation-free when the command is allowed: the reason for a refusal is written only when refusing.</remarks>
    public AuthorizationDecision Authorize(Case @case, CaseCommand command, Person actor, OrganisationModel organisation)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(organisation);
        var grid = @case.GridId;
        Role? Held(Role role) => actor.HasRole(role) ? role : null;
        Role? OnGrid(Role role) => actor.HasRole(role) && organisation.IsAssigned(actor.Id, grid, role) ? role : null;
        Role? Claimant() => actor.Id == @case.Claimant ? @case.ClaimedAs : null;

        switch (command.Trigger)
        {
            case CaseTrigger.Respond:
            case CaseTrigger.Claim:
                return @case.Level switch
                {
                    OrganisationLevel.MicroGrid or OrganisationLevel.Grid =>
                        Decide(OnGrid(Role.GridWorker) ?? OnGrid(Role.GridLeader)) ?? Deny($"the grid worker or grid leader of grid '{grid}'"),
                    OrganisationLevel.Cooperative =>
                        Decide(Held(Role.CooperativeCadre) ?? Held(Role.CommunityCommittee)) ?? Deny("a cooperative cadre (the case is at the cooperative)"),
                    OrganisationLevel.Community =>
                        Decide(Held(Role.CommunityCommittee)) ?? Deny("the community committee (the case is at the community)"),
                    _ => Decide(Held(Role.SubDistrictOfficer)) ?? Deny("a sub-district officer (the case is at the sub-district)"),
                };
            case CaseTrigger.Resolve:
                return Decide(Claimant()) ?? AuthorizationDecision.Deny($"only the claimant ('{@case.Claimant}') may resolve the case");
            case CaseTrigger.Escalate:
            case CaseTrigger.Reject:
            case CaseTrigger.Transfer:
                return Decide(OnGrid(Role.GridLeader) ?? Held(Role.CommunityCommittee) ?? Held(Role.SubDistrictOfficer))
                    ?? Deny($"the grid leader of grid '{grid}', the community committee or a sub-district officer");
            case CaseTrigger.SummonDepartments:
                return Decide(Held(Role.CommunityCommittee) ?? Held(Role.SubDistrictOfficer)) ?? Deny("the community committee or a sub-district officer (社区吹哨)");
            case CaseTrigger.ReportIn:
                return Decide(Held(Role.DepartmentLiaison)) ?? Deny("a liaison of the summoned department (部门报到)");
            case CaseTrigger.RecordMeeting:
                return Decide(OnGrid(Role.GridLeader) ?? Held(Role.CommunityCommittee)) ?? Deny($"the grid leader of grid '{grid}' or the community committee");
            case CaseTrigger.GiveFeedback:
            case CaseTrigger.Close:
                return Decide(OnGrid(Role.GridWorker) ?? OnGrid(Role.GridLeader) ?? Claimant() ?? Held(Role.CommunityCommittee))
                    ?? Deny($"the grid worker or grid leader of grid '{grid}', the claimant, or the community committee");
            case CaseTrigger.Pause:
            case CaseTrigger.Resume:
                return Decide(Claimant() ?? OnGrid(Role.GridWorker) ?? OnGrid(Role.GridLeader) ?? Held(Role.CommunityCommittee) ?? Held(Role.SubDistrictOfficer))
                    ?? Deny($"the claimant, the grid worker or grid leader of grid '{grid}', the community committee or a sub-district officer");
            case CaseTrigger.ChangePriority:
                return Decide(OnGrid(Role.GridLeader) ?? Held(Role.CommunityCommittee) ?? Held(Role.SubDistrictOfficer) ?? Held(Role.Supervisor))
                    ?? Deny($"the grid leader of grid '{grid}', the community committee, a sub-district officer or a supervisor");
            case CaseTrigger.OverrideClose:
                return Decide(Held(Role.Supervisor)) ?? Deny("a supervisor (督导)");
            default:
                return AuthorizationDecision.Deny($"no rule covers {command.Trigger}");
        }
    }

    private static AuthorizationDecision? Decide(Role? role) => role is { } r ? AuthorizationDecision.Allow(r) : null;

    private static AuthorizationDecision Deny(string who) => AuthorizationDecision.Deny($"only {who} may do this");
}
