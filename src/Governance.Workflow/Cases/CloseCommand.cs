using Governance.People;

namespace Governance.Cases;

/// <summary>办结 — close a case after satisfactory feedback.</summary>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When.</param>

/// <param name="Note">An optional note.</param>
public sealed record CloseCommand(Id<Person> Actor, Instant At, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.Close;
}
