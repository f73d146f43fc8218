using Governance.Organisation;
using Governance.People;
using Governance.Resources;

namespace Governance.Cases;

/// <content>The checks a command passes before anything changes: its arguments, then the case's own rules.</content>
public sealed partial class CaseWorkflow
{
    /// <summary>The longest extension asked for or approved at once: 365 days on the goal's clock.</summary>
    private static readonly Duration MaxExtension = Duration.FromDays(365);

    private void CheckArguments(Case c, CaseCommand command)
    {
        if (command.At < c.LastActivityAt)
        {
            throw Refuse(c, command, [], WorkflowMessages.Format("CommandBeforeLast", command.At, c.LastActivityAt), RefusalReason.OutOfOrder);
        }

        var latest = LatestAcceptable(c.RegisteredAt);
        if (command.At > latest)
        {
            throw Refuse(c, command, [], WorkflowMessages.Format(_clock is null ? "CommandTooLongAfterRegistration" : "CommandAheadOfClock", command.At, latest), RefusalReason.OutOfOrder);
        }

        if (command.Note is { Length: > MaxNoteLength })
        {
            throw new ArgumentException(WorkflowMessages.Format("NoteCharactersMostAllowed", command.Trigger, command.Note.Length, MaxNoteLength), nameof(command));
        }

        static void Require(bool ok, string key, params ReadOnlySpan<object?> args)
        {
            if (!ok)
            {
                throw new ArgumentException(WorkflowMessages.Format(key, args), nameof(command));
            }
        }

        switch (command)
        {
            case EscalateCommand e:
                Require(!string.IsNullOrWhiteSpace(e.Reason), "EscalationNeedsReasonWhyCurrentLevel");
                break;
            case PauseCommand p:
                Require(!string.IsNullOrWhiteSpace(p.Reason), "PauseNeedsReasonEG");
                break;
            case ChangePriorityCommand p:
                Require(Enum.IsDefined(p.Priority), "PriorityOneNormalUrgentCritical", (int)p.Priority);
                break;
            case OverrideCloseCommand o:
                Require(!string.IsNullOrWhiteSpace(o.Reason), "SupervisorSOverrideNeedsReason");
                break;
            case SummonDepartmentsCommand s:
                Require(s.Departments is { Count: > 0 } && s.Departments.All(d => d is not null), "SummoningNeedsLeastOneDepartmentNo");
                Require(s.Departments.Distinct().Count() == s.Departments.Count, "DepartmentListedTwice", string.Join(", ", s.Departments.Select(d => d.DisplayName)));
                break;
            case ReportInCommand r:
                Require(r.Department is not null, "ReportingNeedsDepartment");
                break;
            case RecordMeetingCommand m:
                Require(m.Participants is { Count: > 0 } && m.Participants.All(p => !string.IsNullOrWhiteSpace(p)), "ConsultationMeetingNeedsLeastOneNamed");
                Require(!string.IsNullOrWhiteSpace(m.Outcome), "ConsultationMeetingNeedsOutcome");
                break;
            case GiveFeedbackCommand f:
                Require(Enum.IsDefined(f.Satisfaction), "SatisfactionOneSatisfiedMostlySatisfiedUnsatisfied", (int)f.Satisfaction);
                break;
            case RejectCommand j:
                Require(Enum.IsDefined(j.Kind), "RejectionKindDefined", (int)j.Kind);
                Require(!string.IsNullOrWhiteSpace(j.Reason), "RejectionNeedsReason");
                Require(j.Kind != RejectionKind.Duplicate || (j.DuplicateOf is { } original && original != c.Id), "DuplicateNeedsIdOriginalCaseOther", c.Id);
                Require(j.Kind == RejectionKind.Duplicate || j.DuplicateOf is null, "OnlyDuplicateNamesOriginalCase");
                break;
            case TransferCommand t:
                Require(_organisation.ContainsGrid(t.ToGrid), "GridOrganisationModel", t.ToGrid);
                Require(t.ToGrid != c.GridId, "CaseAlreadyGrid", t.ToGrid);
                break;
            case ReturnCommand r:
                Require(!string.IsNullOrWhiteSpace(r.Reason), "ReturnNeedsReasonWhyOrderUnit");
                break;
            case DispatchCommand d:
                Require(d.ToGrid.Value is not null && _organisation.ContainsGrid(d.ToGrid), "GridOrganisationModel", d.ToGrid);
                break;
            case RequestExtensionCommand x:
                Require(x.Length > Duration.Zero && x.Length <= MaxExtension, "ExtensionOutRangeMoreThanZero", x.Length, MaxExtension.Days);
                Require(!string.IsNullOrWhiteSpace(x.Reason), "ExtensionRequestNeedsReason");
                break;
            case ApproveExtensionCommand a:
                Require(a.Length > Duration.Zero && a.Length <= MaxExtension, "ApprovedExtensionOutRangeMoreThan", a.Length, MaxExtension.Days);
                break;
            case RefuseExtensionCommand x:
                Require(!string.IsNullOrWhiteSpace(x.Reason), "RefusingExtensionNeedsReason");
                break;
            case RequestExclusionCommand x:
                Require(Enum.IsDefined(x.Kind), "ExclusionKindOneUnreasonableInvalid", (int)x.Kind);
                Require(!string.IsNullOrWhiteSpace(x.Reason), "ExclusionRequestNeedsReason");
                break;
            case RefuseExclusionCommand x:
                Require(!string.IsNullOrWhiteSpace(x.Reason), "RefusingExclusionNeedsReason");
                break;
        }
    }

    /// <summary>The case's own rules for a command the state permits; returns the level an escalation moves to.</summary>
    private OrganisationLevel? CheckRules(Case c, CaseCommand command, Person actor)
    {
        CaseCommandRejectedException No(string reason) => Refuse(c, command, actor.Roles, reason);
        switch (command)
        {
            case EscalateCommand:
                return _organisation.LadderFor(c.GridId).Next(c.Level) ?? throw No(WorkflowMessages.Format("CaseAlreadyTopLadder", c.Level));
            case ReportInCommand r when !c.IsAwaiting(r.Department):
                throw No(WorkflowMessages.Format("DepartmentBeenSummonedAlreadyReported", r.Department.DisplayName));
            case SummonDepartmentsCommand s:
                foreach (var department in s.Departments)
                {
                    if (c.IsAwaiting(department))
                    {
                        throw No(WorkflowMessages.Format("DepartmentAlreadySummonedReported", department.DisplayName));
                    }
                }

                break;
            case PauseCommand when c.IsPaused:
                throw No(WorkflowMessages.Format("SLAClocksAlreadyPausedSinceResume", c.Pauses[^1].Start, c.Pauses[^1].Reason));
            case ResumeCommand when !c.IsPaused:
                throw No(WorkflowMessages.Text("ClocksNotPaused"));
            case ChangePriorityCommand p when p.Priority == c.Priority:
                throw No(WorkflowMessages.Format("PriorityAlready", p.Priority));
            case ReturnCommand when c.Level > OrganisationLevel.Grid:
                throw No(WorkflowMessages.Format("CaseBeenEscalatedWorkOrderReturned", c.Level));
            case DispatchCommand d when ReturnedBy(c, d.ToGrid) is { } returned:
                throw No(WorkflowMessages.Format("GridReturnedOrderReturnedOrderSent", d.ToGrid, returned.At, returned.Reason));
            case TransferCommand t when ReturnedBy(c, t.ToGrid) is { } returned:
                throw No(WorkflowMessages.Format("GridReturnedOrderReturnedOrderSent", t.ToGrid, returned.At, returned.Reason));
            case RequestExtensionCommand when c.PendingExtension is { } waiting:
                throw No(WorkflowMessages.Format("ExtensionAskedStillWaitingDecision", waiting.RequestedAt));
            case ApproveExtensionCommand or RefuseExtensionCommand when c.PendingExtension is null:
                throw No(WorkflowMessages.Text("NoExtensionRequestWaitingDecision"));
            case ApproveExtensionCommand a when a.Length > c.PendingExtension!.Requested:
                throw No(WorkflowMessages.Format("ApprovalMoreThanAsked", a.Length, c.PendingExtension.Requested));
            case ApproveExtensionCommand or RefuseExtensionCommand when c.PendingExtension!.RequestedBy == command.Actor:
                throw No(WorkflowMessages.Text("ExtensionDecidedSomeoneOtherThanOne"));
            case RequestExclusionCommand when c.Exclusion is { } excluded:
                throw No(WorkflowMessages.Format("OrderAlreadyExcludedApproved", excluded.Kind, excluded.DecidedAt));
            case RequestExclusionCommand when c.PendingExclusion is { } waiting:
                throw No(WorkflowMessages.Format("ExclusionAskedStillWaitingDecision", waiting.RequestedAt));
            case ApproveExclusionCommand or RefuseExclusionCommand when c.PendingExclusion is null:
                throw No(WorkflowMessages.Text("NoExclusionRequestWaitingDecision"));
            case ApproveExclusionCommand or RefuseExclusionCommand when c.PendingExclusion!.RequestedBy == command.Actor:
                throw No(WorkflowMessages.Text("ExclusionDecidedSomeoneOtherThanOne"));
        }

        return null;
    }

    private static WorkOrderReturn? ReturnedBy(Case c, Id<Grid> grid)
    {
        foreach (var r in c.Returns)
        {
            if (r.GridId == grid)
            {
                return r;
            }
        }

        return null;
    }

    private CaseCommandRejectedException Refuse(Case c, CaseCommand command, IReadOnlyCollection<Role> roles, string reason, RefusalReason refusal = RefusalReason.NotPermitted) =>
        new(c.Id, c.State, command.Trigger, command.Actor, roles, _permitted[(int)c.State], reason, refusal);
}
