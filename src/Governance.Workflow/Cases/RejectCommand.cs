using Governance.People;

namespace Governance.Cases;

/// <summary>驳回 — reject a case as a duplicate, not our responsibility, or invalid.</summary>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When.</param>
/// <param name="Kind">Why it is rejected.</param>
/// <param name="Reason">The explanation; not empty.</param>
/// <param name="DuplicateOf">For a duplicate, the original case; required then, and not this case.</param>
/// <param name="Note">An optional note.</param>
public sealed record RejectCommand(Id<Person> Actor, Instant At, RejectionKind Kind, string Reason, Id<Case>? DuplicateOf = null, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.Reject;
}
