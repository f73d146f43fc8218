using Governance.People;

namespace Governance.Cases;

/// <summary>
/// 处置记录 — one immutable line of a case's audit trail: the command (with its actor, instant and note),
/// the role the actor acted in, and the states before and after.
/// </summary>
/// <param name="Sequence">Its position in the history, from 1.</param>
/// <param name="Command">The command that was accepted.</param>
/// <param name="ActingRole">The role that authorised the actor.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after (equal to <paramref name="From"/> for actions that do not move the case).</param>
public sealed record CaseHistoryEntry(int Sequence, CaseCommand Command, Role ActingRole, CaseState From, CaseState To)
{
    /// <summary>Who acted.</summary>
    public Id<Person> Actor => Command.Actor;

    /// <summary>When.</summary>
    public Instant At => Command.At;

    /// <summary>What was done.</summary>
    public CaseTrigger Trigger => Command.Trigger;

    /// <summary>The note, if any.</summary>
    public string? Note => Command.Note;
}
