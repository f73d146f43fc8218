using Governance.People;

namespace Governance.Cases;

/// <summary>事件解决 — the claimant resolves the case.</summary>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When.</param>

/// <param name="Note">An optional note.</param>
public sealed record ResolveCommand(Id<Person> Actor, Instant At, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.Resolve;
}
