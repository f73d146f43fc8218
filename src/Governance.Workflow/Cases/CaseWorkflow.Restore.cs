using Governance.Organisation;
using Governance.People;

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
            throw new ArgumentException($"Case '{registration.Id}' cannot be restored: its registration needs an id, source, category, grid, description and a defined priority.", nameof(registration));
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
            throw Corrupt("the entry or its command is missing");
        }

        if (entry.Sequence != sequence)
        {
            throw Corrupt($"it is numbered {entry.Sequence}; entries are numbered in order from 1");
        }

        if (command.Actor.Value is null || !Enum.IsDefined(entry.ActingRole) || !Enum.IsDefined(entry.Level) || !IsDefinedTrigger(command))
        {
            throw Corrupt("it needs an actor, a defined acting role, level and command");
        }

        if (command.At < c.LastActivityAt)
        {
            throw Corrupt($"it is dated {command.At}, before the entry before it ({c.LastActivityAt})");
        }

        if (entry.From != c.State)
        {
            throw Corrupt($"it starts from {entry.From}, but the case is {c.State} after the entries before it");
        }

        var destination = Destination(c.State, command.Trigger, GuardInput(command));
        if (destination != entry.To)
        {
            throw Corrupt(destination is null
                ? $"{command.Trigger} is not permitted while the case is {c.State}"
                : $"{command.Trigger} from {c.State} leads to {destination}, not {entry.To}");
        }

        var expectedLevel = command switch
        {
            EscalateCommand when entry.Level > c.Level => entry.Level,
            EscalateCommand => throw Corrupt($"an escalation from {c.Level} must go up, not to {entry.Level}"),
            TransferCommand or DispatchCommand => OrganisationLevel.Grid,
            _ => c.Level,
        };
        var consistent = command switch
        {
            _ when entry.Level != expectedLevel => $"the case is at {expectedLevel} after it, not {entry.Level}",
            ReportInCommand r when r.Department is null || !c.IsAwaiting(r.Department) => $"department '{r.Department?.DisplayName}' reports in without a summons waiting for it",
            SummonDepartmentsCommand s when s.Departments is not { Count: > 0 } || s.Departments.Any(d => d is null || c.IsAwaiting(d)) => "it summons no department, or one already waiting",
            RecordMeetingCommand m when m.Participants is null || m.Outcome is null => "a meeting needs its participants and outcome",
            GiveFeedbackCommand f when !Enum.IsDefined(f.Satisfaction) => "its satisfaction is not defined",
            TransferCommand t when t.ToGrid.Value is null || t.ToGrid == c.GridId => "a transfer must name another grid",
            RejectCommand j when !Enum.IsDefined(j.Kind) => "its rejection kind is not defined",
            PauseCommand when c.IsPaused => "it pauses a case already paused",
            PauseCommand p when string.IsNullOrWhiteSpace(p.Reason) => "a pause needs its reason",
            ResumeCommand when !c.IsPaused => "it resumes a case that is not paused",
            ReturnCommand r when string.IsNullOrWhiteSpace(r.Reason) || c.Level > OrganisationLevel.Grid => "a return needs its reason and a case at or below its grid",
            DispatchCommand d when d.ToGrid.Value is null || c.Returns.Any(x => x.GridId == d.ToGrid) => "a dispatch must name a grid that has not returned the order",
            RequestExtensionCommand x when x.Length <= Duration.Zero || c.PendingExtension is not null => "an extension request needs a positive length and no request waiting",
            ApproveExtensionCommand a when c.PendingExtension is not { } w || a.Length <= Duration.Zero || a.Length > w.Requested => "an approval needs a request waiting, for no more than was asked",
            RefuseExtensionCommand when c.PendingExtension is null => "a refusal needs an extension request waiting",
            RequestExclusionCommand x when !Enum.IsDefined(x.Kind) || c.PendingExclusion is not null || c.Exclusion is not null => "an exclusion request needs a defined kind, no request waiting and no exclusion approved",
            ApproveExclusionCommand or RefuseExclusionCommand when c.PendingExclusion is null => "a decision needs an exclusion request waiting",
            ChangePriorityCommand p when !Enum.IsDefined(p.Priority) || p.Priority == c.Priority => "it changes the priority to an undefined one or to the one the case has",
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
