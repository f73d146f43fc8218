using Governance.People;

namespace Governance.Cases;

/// <summary>暂停计时 — pause the case's SLA clocks (e.g. waiting for the resident to give access); recorded in the history.</summary>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why; not empty.</param>
/// <param name="Note">An optional note.</param>
public sealed record PauseCommand(Id<Person> Actor, Instant At, string Reason, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.Pause;
}
