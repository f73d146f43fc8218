using Governance.People;

namespace Governance.Cases;

/// <summary>协商议事会 — record a consultation meeting held on a case.</summary>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When.</param>
/// <param name="Participants">Who took part (names or organisations); at least one.</param>
/// <param name="Outcome">What was agreed; not empty.</param>
/// <param name="Note">An optional note.</param>
public sealed record RecordMeetingCommand(Id<Person> Actor, Instant At, IReadOnlyList<string> Participants, string Outcome, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.RecordMeeting;
}
