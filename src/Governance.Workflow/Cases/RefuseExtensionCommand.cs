using Governance.People;

namespace Governance.Cases;

/// <summary>不予延期 — the supervising level refuses the waiting extension request, with the reason; the deadline stays.</summary>
/// <param name="Actor">Who refuses (not the one who asked).</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why; not empty.</param>
/// <param name="Note">An optional note.</param>
public sealed record RefuseExtensionCommand(Id<Person> Actor, Instant At, string Reason, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.RefuseExtension;
}
