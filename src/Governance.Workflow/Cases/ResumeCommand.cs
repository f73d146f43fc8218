using Governance.People;

namespace Governance.Cases;

/// <summary>恢复计时 — resume the case's SLA clocks after a pause.</summary>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When.</param>
/// <param name="Note">An optional note.</param>
public sealed record ResumeCommand(Id<Person> Actor, Instant At, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.Resume;
}
