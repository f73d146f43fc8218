using Governance.Organisation;
using Governance.People;

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
            throw Refuse(c, command, [], Resources.GovernanceMessages.Format("CommandBeforeLast", command.At, c.LastActivityAt), RefusalReason.OutOfOrder);
        }

        var latest = LatestAcceptable(c.RegisteredAt);
        if (command.At > latest)
        {
            throw Refuse(c, command, [], $"it is dated {command.At}, after {latest}: {(_clock is null ? "more than ten years after the registration" : "ahead of the clock by more than a day")}", RefusalReason.OutOfOrder);
        }

        if (command.Note is { Length: > MaxNoteLength })
        {
            throw new ArgumentException($"The note of {command.Trigger} has {command.Note.Length} characters; at most {MaxNoteLength} are allowed.", nameof(command));
        }

        static void Require(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentException(message, nameof(command));
            }
        }

        switch (command)
        {
            case EscalateCommand e:
                Require(!string.IsNullOrWhiteSpace(e.Reason), "An escalation needs a reason: why the current level cannot solve the case.");
                break;
            case PauseCommand p:
                Require(!string.IsNullOrWhiteSpace(p.Reason), "A pause needs a reason (e.g. 住户外出，无法入户).");
                break;
            case ChangePriorityCommand p:
                Require(Enum.IsDefined(p.Priority), $"Priority {(int)p.Priority} is not one of Normal, Urgent, Critical.");
                break;
            case OverrideCloseCommand o:
                Require(!string.IsNullOrWhiteSpace(o.Reason), "A supervisor's override needs a reason.");
                break;
            case SummonDepartmentsCommand s:
                Require(s.Departments is { Count: > 0 } && s.Departments.All(d => d is not null), "Summoning needs at least one department, and no null entries.");
                Require(s.Departments.Distinct().Count() == s.Departments.Count, $"A department is listed twice: {string.Join(", ", s.Departments.Select(d => d.DisplayName))}.");
                break;
            case ReportInCommand r:
                Require(r.Department is not null, "Reporting in needs the department.");
                break;
            case RecordMeetingCommand m:
                Require(m.Participants is { Count: > 0 } && m.Participants.All(p => !string.IsNullOrWhiteSpace(p)), "A consultation meeting needs at least one named participant.");
                Require(!string.IsNullOrWhiteSpace(m.Outcome), "A consultation meeting needs its outcome.");
                break;
            case GiveFeedbackCommand f:
                Require(Enum.IsDefined(f.Satisfaction), $"Satisfaction {(int)f.Satisfaction} is not one of Satisfied, MostlySatisfied, Unsatisfied.");
                break;
            case RejectCommand j:
                Require(Enum.IsDefined(j.Kind), $"Rejection kind {(int)j.Kind} is not defined.");
                Require(!string.IsNullOrWhiteSpace(j.Reason), "A rejection needs a reason.");
                Require(j.Kind != RejectionKind.Duplicate || (j.DuplicateOf is { } original && original != c.Id), $"A duplicate needs the id of the original case, other than '{c.Id}' itself.");
                Require(j.Kind == RejectionKind.Duplicate || j.DuplicateOf is null, "Only a duplicate names an original case.");
                break;
            case TransferCommand t:
                Require(_organisation.ContainsGrid(t.ToGrid), $"Grid '{t.ToGrid}' is not in the organisation model.");
                Require(t.ToGrid != c.GridId, $"The case is already in grid '{t.ToGrid}'.");
                break;
            case ReturnCommand r:
                Require(!string.IsNullOrWhiteSpace(r.Reason), "A return needs a reason: why the order is not the unit's (退单理由).");
                break;
            case DispatchCommand d:
                Require(d.ToGrid.Value is not null && _organisation.ContainsGrid(d.ToGrid), $"Grid '{d.ToGrid}' is not in the organisation model.");
                break;
            case RequestExtensionCommand x:
                Require(x.Length > Duration.Zero && x.Length <= MaxExtension, $"An extension of {x.Length} is out of range: more than zero and at most {MaxExtension.Days} days.");
                Require(!string.IsNullOrWhiteSpace(x.Reason), "An extension request needs a reason (延期理由).");
                break;
            case ApproveExtensionCommand a:
                Require(a.Length > Duration.Zero && a.Length <= MaxExtension, $"An approved extension of {a.Length} is out of range: more than zero and at most {MaxExtension.Days} days.");
                break;
            case RefuseExtensionCommand x:
                Require(!string.IsNullOrWhiteSpace(x.Reason), "Refusing an extension needs a reason.");
                break;
            case RequestExclusionCommand x:
                Require(Enum.IsDefined(x.Kind), $"Exclusion kind {(int)x.Kind} is not one of Unreasonable, Invalid.");
                Require(!string.IsNullOrWhiteSpace(x.Reason), "An exclusion request needs a reason (核减理由).");
                break;
            case RefuseExclusionCommand x:
                Require(!string.IsNullOrWhiteSpace(x.Reason), "Refusing an exclusion needs a reason.");
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
                return _organisation.LadderFor(c.GridId).Next(c.Level) ?? throw No($"the case is already at the top of its ladder ({c.Level})");
            case ReportInCommand r when !c.IsAwaiting(r.Department):
                throw No($"department '{r.Department.DisplayName}' has not been summoned or has already reported in");
            case SummonDepartmentsCommand s:
                foreach (var department in s.Departments)
                {
                    if (c.IsAwaiting(department))
                    {
                        throw No($"department '{department.DisplayName}' is already summoned and has not reported in");
                    }
                }

                break;
            case PauseCommand when c.IsPaused:
                throw No($"the SLA clocks are already paused since {c.Pauses[^1].Start} ({c.Pauses[^1].Reason}); resume them first");
            case ResumeCommand when !c.IsPaused:
                throw No("the SLA clocks are not paused");
            case ChangePriorityCommand p when p.Priority == c.Priority:
                throw No($"the case is already {p.Priority}");
            case ReturnCommand when c.Level > OrganisationLevel.Grid:
                throw No($"the case has been escalated to {c.Level}; a work order is returned by the grid it was dispatched to, before it climbs");
            case DispatchCommand d when ReturnedBy(c, d.ToGrid) is { } returned:
                throw No($"grid '{d.ToGrid}' returned this order at {returned.At} ({returned.Reason}); a returned order is not sent back to a unit that returned it");
            case TransferCommand t when ReturnedBy(c, t.ToGrid) is { } returned:
                throw No($"grid '{t.ToGrid}' returned this order at {returned.At} ({returned.Reason}); a returned order is not sent back to a unit that returned it");
            case RequestExtensionCommand when c.PendingExtension is { } waiting:
                throw No($"an extension asked for at {waiting.RequestedAt} is still waiting for a decision");
            case ApproveExtensionCommand or RefuseExtensionCommand when c.PendingExtension is null:
                throw No("no extension request is waiting for a decision");
            case ApproveExtensionCommand a when a.Length > c.PendingExtension!.Requested:
                throw No($"{a.Length} is more than the {c.PendingExtension.Requested} asked for");
            case ApproveExtensionCommand or RefuseExtensionCommand when c.PendingExtension!.RequestedBy == command.Actor:
                throw No("an extension is decided by someone other than the one who asked for it");
            case RequestExclusionCommand when c.Exclusion is { } excluded:
                throw No($"the order is already excluded ({excluded.Kind}, approved at {excluded.DecidedAt})");
            case RequestExclusionCommand when c.PendingExclusion is { } waiting:
                throw No($"an exclusion asked for at {waiting.RequestedAt} is still waiting for a decision");
            case ApproveExclusionCommand or RefuseExclusionCommand when c.PendingExclusion is null:
                throw No("no exclusion request is waiting for a decision");
            case ApproveExclusionCommand or RefuseExclusionCommand when c.PendingExclusion!.RequestedBy == command.Actor:
                throw No("an exclusion is decided by someone other than the one who asked for it");
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
