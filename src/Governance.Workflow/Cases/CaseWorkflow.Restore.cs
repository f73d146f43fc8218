using Governance.Organisation;
using Governance.People;
using Governance.Resources;

namespace Governance.Cases;

/// <content>Restoring a case from its registration and stored history: the history is what happened, not commands to try again.</content>
public sealed partial class CaseWorkflow
{
    /// <summary>
    /// 恢复 — rebuilds a stored case from its registration and history entries, as they were recorded: no command is
    /// authorized again (the acting role is in each entry), today's organisation is not consulted (a grid worker who has
    /// left, a grid since merged), and no event is raised. Each entry is checked only for being what the workflow can have
    /// written: numbered in order from 1, dated no earlier than the one before, a transition the workflow permits from the
    /// state before it with the destination it records, and consistent with the case (departments summoned before they
    /// report in, a resume only while paused, an escalation one level up).
    /// </summary>
    /// <param name="registration">The registration as stored (with its pinned SLA policy).</param>
    /// <param name="history">The history entries, oldest first.</param>
    /// <returns>The case, equal to the one that was saved; <see cref="Case.DomainEvents"/> is empty.</returns>
    /// <exception cref="ArgumentException">The registration is incomplete.</exception>
    /// <exception cref="CaseHistoryCorruptException">An entry cannot follow the ones before it; the exception names its sequence.</exception>
    public Case Restore(CaseRegistration registration, IEnumerable<CaseHistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(history);
        if (registration.Id.Value is null || registration.Source is null || registration.Category is null || registration.Location?.GridId.Value is null
            || string.IsNullOrWhiteSpace(registration.Description) || !Enum.IsDefined(registration.Priority))
        {
            throw new ArgumentException(WorkflowMessages.Format("CaseCannotRestoredRegistrationNeedsId", registration.Id), nameof(registration));
        }

        var c = new Case(this, registration);
        var sequence = 0;
        foreach (var entry in history)
        {
            sequence++;
            var (command, to, level) = Check(c, entry, sequence);
            c.Apply(command, entry!.ActingRole, c.State, to, level, entry.SlaPolicy, entry);
        }

        return c;
    }

    private (CaseCommand Command, CaseState To, OrganisationLevel Level) Check(Case c, CaseHistoryEntry? entry, int sequence)
    {
        CaseHistoryCorruptException Corrupt(string reason) => new(c.Id, sequence, reason);
        if (entry?.Command is not { } command)
        {
            throw Corrupt(WorkflowMessages.Text("EntryCommandMissing"));
        }

        if (entry.Sequence != sequence)
        {
            throw Corrupt(WorkflowMessages.Format("NumberedEntriesNumberedOrder", entry.Sequence));
        }

        if (command.Actor.Value is null || !Enum.IsDefined(entry.ActingRole) || !Enum.IsDefined(entry.Level) || !IsDefinedTrigger(command))
        {
            throw Corrupt(WorkflowMessages.Text("NeedsActorDefinedActingRoleLevel"));
        }

        if (command.At < c.LastActivityAt)
        {
            throw Corrupt(WorkflowMessages.Format("DatedBeforeEntryBefore", command.At, c.LastActivityAt));
        }

        if (entry.From != c.State)
        {
            throw Corrupt(WorkflowMessages.Format("StartsButCaseAfterEntriesBefore", entry.From, c.State));
        }

        var destination = Destination(c.State, command.Trigger, GuardInput(command));
        if (destination != entry.To)
        {
            throw Corrupt(destination is null
                ? WorkflowMessages.Format("NotPermittedInState", command.Trigger, c.State)
                : WorkflowMessages.Format("TransitionLeadsElsewhere", command.Trigger, c.State, destination, entry.To));
        }

        var expectedLevel = command switch
        {
            EscalateCommand when entry.Level > c.Level => entry.Level,
            EscalateCommand => throw Corrupt(WorkflowMessages.Format("EscalationMustGoUp", c.Level, entry.Level)),
            TransferCommand or DispatchCommand => OrganisationLevel.Grid,
            _ => c.Level,
        };
        var consistent = command switch
        {
            _ when entry.Level != expectedLevel => WorkflowMessages.Format("LevelAfterEntry", expectedLevel, entry.Level),
            ReportInCommand r when r.Department is null || !c.IsAwaiting(r.Department) => WorkflowMessages.Format("DepartmentReportsWithoutSummonsWaiting", r.Department?.DisplayName),
            SummonDepartmentsCommand s when s.Departments is not { Count: > 0 } || s.Departments.Any(d => d is null || c.IsAwaiting(d)) => WorkflowMessages.Text("SummonsNoDepartmentOneAlreadyWaiting"),
            RecordMeetingCommand m when m.Participants is null || m.Outcome is null => WorkflowMessages.Text("MeetingNeedsParticipantsOutcome"),
            GiveFeedbackCommand f when !Enum.IsDefined(f.Satisfaction) => WorkflowMessages.Text("EntrySatisfactionUndefined"),
            TransferCommand t when t.ToGrid.Value is null || t.ToGrid == c.GridId => WorkflowMessages.Text("TransferMustNameAnotherGrid"),
            RejectCommand j when !Enum.IsDefined(j.Kind) => WorkflowMessages.Text("EntryRejectionKindUndefined"),
            PauseCommand when c.IsPaused => WorkflowMessages.Text("PausesCaseAlreadyPaused"),
            PauseCommand p when string.IsNullOrWhiteSpace(p.Reason) => WorkflowMessages.Text("PauseNeedsReason"),
            ResumeCommand when !c.IsPaused => WorkflowMessages.Text("ResumesCasePaused"),
            ReturnCommand r when string.IsNullOrWhiteSpace(r.Reason) || c.Level > OrganisationLevel.Grid => WorkflowMessages.Text("ReturnNeedsReasonCaseBelowGrid"),
            DispatchCommand d when d.ToGrid.Value is null || c.Returns.Any(x => x.GridId == d.ToGrid) => WorkflowMessages.Text("DispatchMustNameGridReturnedOrder"),
            RequestExtensionCommand x when x.Length <= Duration.Zero || c.PendingExtension is not null => WorkflowMessages.Text("ExtensionRequestNeedsPositiveLengthNo"),
            ApproveExtensionCommand a when c.PendingExtension is not { } w || a.Length <= Duration.Zero || a.Length > w.Requested => WorkflowMessages.Text("ApprovalNeedsRequestWaitingNoMore"),
            RefuseExtensionCommand when c.PendingExtension is null => WorkflowMessages.Text("RefusalNeedsExtensionRequestWaiting"),
            RequestExclusionCommand x when !Enum.IsDefined(x.Kind) || c.PendingExclusion is not null || c.Exclusion is not null => WorkflowMessages.Text("ExclusionRequestNeedsDefinedKindNo"),
            ApproveExclusionCommand or RefuseExclusionCommand when c.PendingExclusion is null => WorkflowMessages.Text("DecisionNeedsExclusionRequestWaiting"),
            ChangePriorityCommand p when !Enum.IsDefined(p.Priority) || p.Priority == c.Priority => WorkflowMessages.Text("ChangesPriorityUndefinedOneOneCase"),
            _ => null,
        };
        return consistent is null ? (command, entry.To, entry.Level) : throw Corrupt(consistent);
    }

    private static bool IsDefinedTrigger(CaseCommand command) => command is RespondCommand or ClaimCommand or EscalateCommand or SummonDepartmentsCommand
        or ReportInCommand or RecordMeetingCommand or ResolveCommand or GiveFeedbackCommand or CloseCommand or OverrideCloseCommand
        or RejectCommand or TransferCommand or PauseCommand or ResumeCommand or ChangePriorityCommand
        or ReturnCommand or DispatchCommand or RequestExtensionCommand or ApproveExtensionCommand or RefuseExtensionCommand
        or RequestExclusionCommand or ApproveExclusionCommand or RefuseExclusionCommand;
}
