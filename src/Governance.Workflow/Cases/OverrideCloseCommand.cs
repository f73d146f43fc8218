using Governance.People;

namespace Governance.Cases;

/// <summary>督导办结 — a supervisor closes a case without satisfactory feedback, with a reason.</summary>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why; not empty.</param>
/// <param name="Note">An optional note.</param>
public sealed record OverrideCloseCommand(Id<Person> Actor, Instant At, string Reason, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.OverrideClose;
}
