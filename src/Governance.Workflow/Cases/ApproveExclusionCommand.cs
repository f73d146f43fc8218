using Governance.People;

namespace Governance.Cases;

/// <summary>批准核减 — approve the waiting exclusion request: the order is excluded from every rate (<see cref="Case.Exclusion"/>).</summary>
/// <param name="Actor">Who approves (not the one who asked).</param>
/// <param name="At">When.</param>
/// <param name="Note">An optional note.</param>
public sealed record ApproveExclusionCommand(Id<Person> Actor, Instant At, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.ApproveExclusion;
}
