using Governance.Organisation;
using Governance.People;
using Governance.Resources;

namespace Governance.Cases;

/// <summary>
/// 默认授权 — the seeds' rules: a case in a micro-grid is responded to and claimed by the micro-grid's people (楼长/单元长,
/// party-member volunteers, resident representatives, resident group leaders, as the organisation assigns them:
/// 小事不出单元) or the grid's worker or leader; a grid's case by its grid worker or grid leader; once escalated, by the
/// case's level (cooperative cadres, the community committee, sub-district officers); the claimant resolves; the grid
/// worker reports upward what the grid (or micro-grid) cannot solve, the micro-grid's people what the unit cannot, and grid
/// leaders and the community escalate, transfer and reject; the community (or higher) summons departments; only a liaison
/// of the department reports in for it; the grid leader or the community records meetings; the resident who reported the
/// case (or the 回访 caller, as the grid's people or the community) gives feedback; the grid's worker or leader, the
/// claimant or the community closes; supervisors override;
/// the claimant, the grid's people or the community pause and resume the SLA clocks; grid leaders, the community and
/// supervisors change the priority. For 12345 work orders: the receiving grid's worker or leader returns an order (退单) and
/// the community or sub-district dispatches it again (派单); the claimant or the grid's people ask for an extension, which the
/// level above the case decides (the community or sub-district for a grid's case, the sub-district for the community's, a
/// supervisor for the sub-district's); the claimant, the grid's people or the community ask for an exclusion (核减), which a
/// sub-district officer or a supervisor decides. Nobody decides their own request (the workflow refuses it).
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
        Role? OnMicroGrid() => MicroGridRole(@case, actor, organisation);
        Role? Reporter() => @case.Registration.Reporter == actor.Id && actor.HasRole(Role.Resident) ? Role.Resident : null;
        var atOrBelowGrid = @case.Level <= OrganisationLevel.Grid;

        switch (command.Trigger)
        {
            case CaseTrigger.Respond:
            case CaseTrigger.Claim:
                return @case.Level switch
                {
                    OrganisationLevel.MicroGrid =>
                        Decide(OnMicroGrid() ?? OnGrid(Role.GridWorker) ?? OnGrid(Role.GridLeader))
                            ?? Deny(WorkflowMessages.Format("PeopleMicroGridPartyMemberVolunteers", @case.MicroGridId, grid)),
                    OrganisationLevel.Grid =>
                        Decide(OnGrid(Role.GridWorker) ?? OnGrid(Role.GridLeader)) ?? Deny(WorkflowMessages.Format("GridWorkerGridLeaderGrid", grid)),
                    OrganisationLevel.Cooperative =>
                        Decide(Held(Role.CooperativeCadre) ?? Held(Role.CommunityCommittee)) ?? Deny(WorkflowMessages.Text("CooperativeCadreCaseCooperative")),
                    OrganisationLevel.Community =>
                        Decide(Held(Role.CommunityCommittee)) ?? Deny(WorkflowMessages.Text("CommunityCommitteeCaseCommunity")),
                    _ => Decide(Held(Role.SubDistrictOfficer)) ?? Deny(WorkflowMessages.Text("SubDistrictOfficerCaseSubDistrict")),
                };
            case CaseTrigger.Resolve:
                return Decide(Claimant()) ?? AuthorizationDecision.Deny(WorkflowMessages.Format("OnlyClaimantMayResolveCase", @case.Claimant));
            case CaseTrigger.Escalate:
                // 由网格员报送: the grid's worker reports upward what the grid cannot solve, the micro-grid's people what the unit cannot.
                return Decide(
                        (atOrBelowGrid ? OnGrid(Role.GridWorker) : null) ?? OnGrid(Role.GridLeader)
                        ?? (@case.Level == OrganisationLevel.MicroGrid ? OnMicroGrid() : null)
                        ?? Held(Role.CommunityCommittee) ?? Held(Role.SubDistrictOfficer))
                    ?? Deny(WorkflowMessages.Format("GridWorkerGridMicroGridGrid", grid));
            case CaseTrigger.Reject:
            case CaseTrigger.Transfer:
                return Decide(OnGrid(Role.GridLeader) ?? Held(Role.CommunityCommittee) ?? Held(Role.SubDistrictOfficer))
                    ?? Deny(WorkflowMessages.Format("GridLeaderGridCommunityCommitteeSub", grid));
            case CaseTrigger.SummonDepartments:
                return Decide(Held(Role.CommunityCommittee) ?? Held(Role.SubDistrictOfficer)) ?? Deny(WorkflowMessages.Text("CommunityCommitteeSubDistrictOfficer"));
            case CaseTrigger.ReportIn:
                return command is ReportInCommand { Department: { } department } && organisation.IsLiaisonOf(actor.Id, department.Code)
                    ? Decide(Held(Role.DepartmentLiaison)) ?? Deny(WorkflowMessages.Format("LiaisonDepartment", department.Code))
                    : Deny(WorkflowMessages.Format("LiaisonDepartmentReportingDepartmentReportsThrough", (command as ReportInCommand)?.Department?.Code ?? "?"));
            case CaseTrigger.RecordMeeting:
                return Decide(OnGrid(Role.GridLeader) ?? Held(Role.CommunityCommittee)) ?? Deny(WorkflowMessages.Format("GridLeaderGridCommunityCommittee", grid));
            case CaseTrigger.GiveFeedback:
                return Decide(Reporter() ?? OnGrid(Role.GridWorker) ?? OnGrid(Role.GridLeader) ?? Claimant() ?? Held(Role.CommunityCommittee))
                    ?? Deny(WorkflowMessages.Format("ResidentWhoReportedCaseGridWorker", grid));
            case CaseTrigger.Close:
                return Decide(OnGrid(Role.GridWorker) ?? OnGrid(Role.GridLeader) ?? Claimant() ?? Held(Role.CommunityCommittee))
                    ?? Deny(WorkflowMessages.Format("GridWorkerGridLeaderGridClaimant", grid));
            case CaseTrigger.Pause:
            case CaseTrigger.Resume:
                return Decide(Claimant() ?? OnGrid(Role.GridWorker) ?? OnGrid(Role.GridLeader) ?? Held(Role.CommunityCommittee) ?? Held(Role.SubDistrictOfficer))
                    ?? Deny(WorkflowMessages.Format("ClaimantGridWorkerGridLeaderGrid", grid));
            case CaseTrigger.ChangePriority:
                return Decide(OnGrid(Role.GridLeader) ?? Held(Role.CommunityCommittee) ?? Held(Role.SubDistrictOfficer) ?? Held(Role.Supervisor))
                    ?? Deny(WorkflowMessages.Format("GridLeaderGridCommunityCommitteeSub2", grid));
            case CaseTrigger.OverrideClose:
                return Decide(Held(Role.Supervisor)) ?? Deny(WorkflowMessages.Text("Supervisor"));
            case CaseTrigger.Return:
                return Decide(OnGrid(Role.GridWorker) ?? OnGrid(Role.GridLeader)) ?? Deny(WorkflowMessages.Format("GridWorkerGridLeaderGridUnit", grid));
            case CaseTrigger.Dispatch:
                return Decide(Held(Role.CommunityCommittee) ?? Held(Role.SubDistrictOfficer)) ?? Deny(WorkflowMessages.Text("CommunityCommitteeSubDistrictOfficer2"));
            case CaseTrigger.RequestExtension:
                return Decide(Claimant() ?? OnGrid(Role.GridWorker) ?? OnGrid(Role.GridLeader))
                    ?? Deny(WorkflowMessages.Format("ClaimantGridWorkerGridLeaderGrid2", grid));
            case CaseTrigger.ApproveExtension:
            case CaseTrigger.RefuseExtension:
                // The supervising level: the one above the level handling the case.
                return @case.Level switch
                {
                    <= OrganisationLevel.Cooperative => Decide(Held(Role.CommunityCommittee) ?? Held(Role.SubDistrictOfficer)) ?? Deny(WorkflowMessages.Text("CommunityCommitteeSubDistrictOfficerLevel")),
                    OrganisationLevel.Community => Decide(Held(Role.SubDistrictOfficer)) ?? Deny(WorkflowMessages.Text("SubDistrictOfficerLevelAboveCommunity")),
                    _ => Decide(Held(Role.Supervisor)) ?? Deny(WorkflowMessages.Text("SupervisorAboveSubDistrict")),
                };
            case CaseTrigger.RequestExclusion:
                return Decide(Claimant() ?? OnGrid(Role.GridWorker) ?? OnGrid(Role.GridLeader) ?? Held(Role.CommunityCommittee))
                    ?? Deny(WorkflowMessages.Format("ClaimantGridWorkerGridLeaderGrid3", grid));
            case CaseTrigger.ApproveExclusion:
            case CaseTrigger.RefuseExclusion:
                return Decide(Held(Role.SubDistrictOfficer) ?? Held(Role.Supervisor)) ?? Deny(WorkflowMessages.Text("SubDistrictOfficerSupervisor"));
            default:
                return AuthorizationDecision.Deny(WorkflowMessages.Format("NoRuleCovers", command.Trigger));
        }
    }

    private static readonly Role[] MicroGridRoles = [Role.BuildingHead, Role.PartyMemberVolunteer, Role.ResidentRepresentative, Role.ResidentGroupLeader];

    private static Role? MicroGridRole(Case @case, Person actor, OrganisationModel organisation)
    {
        if (@case.MicroGridId is not { } micro)
        {
            return null;
        }

        foreach (var role in MicroGridRoles)
        {
            if (actor.HasRole(role) && organisation.IsAssigned(actor.Id, micro, role))
            {
                return role;
            }
        }

        return null;
    }

    private static AuthorizationDecision? Decide(Role? role) => role is { } r ? AuthorizationDecision.Allow(r) : null;

    private static AuthorizationDecision Deny(string who) => AuthorizationDecision.Deny(WorkflowMessages.Format("OnlyWhoMay", who));
}
