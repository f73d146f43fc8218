using Governance.Organisation;
using Governance.People;

namespace Governance.Cases;

/// <summary>
/// 默认授权 — the seeds' rules: the grid worker or grid leader of the case's grid responds and claims (at the
/// case's level once escalated: cooperative cadres, the community committee, sub-district officers); the
/// claimant resolves; grid leaders and the community escalate, transfer and reject; the community (or higher)
/// summons departments; department liaisons report in; the grid leader or the community records meetings;
/// the grid's worker or leader, the community, or the reporter gives feedback and closes; supervisors override.
/// </summary>
public sealed class DefaultCaseAuthorizationPolicy : ICaseAuthorizationPolicy
{
    /// <inheritdoc />
    public AuthorizationDecision Authorize(Case @case, CaseCommand command, Person actor, OrganisationModel organisation)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(organisation);
        var grid = @case.GridId;
        bool OnGrid(Role role) => actor.HasRole(role) && organisation.IsAssigned(actor.Id, grid, role);

        AuthorizationDecision FirstOf(string who, params (bool Ok, Role Role)[] options)
        {
            foreach (var (ok, role) in options)
            {
                if (ok)
                {
                    return AuthorizationDecision.Allow(role);
                }
            }

            return AuthorizationDecision.Deny($"only {who} may do this");
        }

        var community = (actor.HasRole(Role.CommunityCommittee), Role.CommunityCommittee);
        var subDistrict = (actor.HasRole(Role.SubDistrictOfficer), Role.SubDistrictOfficer);
        var leader = (OnGrid(Role.GridLeader), Role.GridLeader);
        var worker = (OnGrid(Role.GridWorker), Role.GridWorker);

        switch (command.Trigger)
        {
            case CaseTrigger.Respond:
            case CaseTrigger.Claim:
                return @case.Level switch
                {
                    OrganisationLevel.MicroGrid or OrganisationLevel.Grid => FirstOf($"the grid worker or grid leader of grid '{grid}'", worker, leader),
                    OrganisationLevel.Cooperative => FirstOf("a cooperative cadre (the case is at the cooperative)", (actor.HasRole(Role.CooperativeCadre), Role.CooperativeCadre), community),
                    OrganisationLevel.Community => FirstOf("the community committee (the case is at the community)", community),
                    _ => FirstOf("a sub-district officer (the case is at the sub-district)", subDistrict),
                };
            case CaseTrigger.Resolve:
                return actor.Id == @case.Claimant
                    ? AuthorizationDecision.Allow(actor.Roles.First())
                    : AuthorizationDecision.Deny($"only the claimant ('{@case.Claimant}') may resolve the case");
            case CaseTrigger.Escalate:
                return FirstOf($"the grid leader of grid '{grid}', the community committee or a sub-district officer", leader, community, subDistrict);
            case CaseTrigger.Reject:
            case CaseTrigger.Transfer:
                return FirstOf($"the grid leader of grid '{grid}', the community committee or a sub-district officer", leader, community, subDistrict);
            case CaseTrigger.SummonDepartments:
                return FirstOf("the community committee or a sub-district officer (社区吹哨)", community, subDistrict);
            case CaseTrigger.ReportIn:
                return FirstOf("a liaison of the summoned department (部门报到)", (actor.HasRole(Role.DepartmentLiaison), Role.DepartmentLiaison));
            case CaseTrigger.RecordMeeting:
                return FirstOf($"the grid leader of grid '{grid}' or the community committee", leader, community);
            case CaseTrigger.GiveFeedback:
            case CaseTrigger.Close:
                return FirstOf(
                    $"the grid worker or grid leader of grid '{grid}', the claimant, or the community committee",
                    worker,
                    leader,
                    (actor.Id == @case.Claimant, actor.Roles.First()),
                    community);
            case CaseTrigger.OverrideClose:
                return FirstOf("a supervisor (督导)", (actor.HasRole(Role.Supervisor), Role.Supervisor));
            default:
                return AuthorizationDecision.Deny($"no rule covers {command.Trigger}");
        }
    }
}
