using Governance.People;

namespace Governance.Cases;

/// <summary>调整优先级 — change the case's priority; running SLA steps take the goals of the policy that then matches.</summary>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When.</param>
/// <param name="Priority">The new priority; a defined value other than the current one.</param>
/// <param name="Note">An optional note.</param>
public sealed record ChangePriorityCommand(Id<Person> Actor, Instant At, Priority Priority, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.ChangePriority;
}
