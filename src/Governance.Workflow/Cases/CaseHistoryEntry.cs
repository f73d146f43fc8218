using System.Text.Json.Serialization;
using Governance.Organisation;
using Governance.People;
using Governance.Sla;

namespace Governance.Cases;

/// <summary>
/// 处置记录 — one immutable line of a case's audit trail: the command (with its actor, instant and note),
/// the role the actor acted in, the states before and after, the level handling the case after it, and (for a priority
/// change) the SLA policy version it moved the case to. A case restores from its registration and these entries alone
/// (<see cref="CaseWorkflow.Restore"/>), without today's organisation or authorization.
/// </summary>
/// <param name="Sequence">Its position in the history, from 1.</param>
/// <param name="Command">The command that was accepted.</param>
/// <param name="ActingRole">The role that authorised the actor.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after (equal to <paramref name="From"/> for actions that do not move the case).</param>
/// <param name="Level">The level handling the case after the entry (it changes on escalation and transfer).</param>
/// <param name="SlaPolicy">For a priority change under a workflow with SLA policies, the policy version the case moved to; otherwise null.</param>
public sealed record CaseHistoryEntry(int Sequence, CaseCommand Command, Role ActingRole, CaseState From, CaseState To, OrganisationLevel Level, SlaPolicyReference? SlaPolicy = null)
{
    /// <summary>Who acted.</summary>
    [JsonIgnore]
    public Id<Person> Actor => Command.Actor;

    /// <summary>When.</summary>
    [JsonIgnore]
    public Instant At => Command.At;

    /// <summary>What was done.</summary>
    [JsonIgnore]
    public CaseTrigger Trigger => Command.Trigger;

    /// <summary>The note, if any.</summary>
    [JsonIgnore]
    public string? Note => Command.Note;
}
