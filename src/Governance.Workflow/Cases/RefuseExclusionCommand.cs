using Governance.People;

namespace Governance.Cases;

/// <summary>不予核减 — refuse the waiting exclusion request, with the reason: the order keeps counting.</summary>
/// <param name="Actor">Who refuses (not the one who asked).</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why; not empty.</param>
/// <param name="Note">An optional note.</param>
public sealed record RefuseExclusionCommand(Id<Person> Actor, Instant At, string Reason, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.RefuseExclusion;
}
