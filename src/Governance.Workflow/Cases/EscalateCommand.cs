using Governance.People;

namespace Governance.Cases;

/// <summary>上报 — escalate a case one level up the community's ladder.</summary>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why the current level cannot solve it; not empty.</param>
/// <param name="Note">An optional note.</param>
public sealed record EscalateCommand(Id<Person> Actor, Instant At, string Reason, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.Escalate;
}
