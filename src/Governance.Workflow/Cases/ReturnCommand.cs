using Governance.People;

namespace Governance.Cases;

/// <summary>
/// 退单 — the unit a work order was dispatched to returns it as not theirs, with the reason; the order waits in
/// <see cref="CaseState.Returned"/> to be dispatched again (<see cref="DispatchCommand"/>). Returns are counted per unit.
/// </summary>
/// <param name="Actor">Who returns it (the receiving grid's worker or leader under the default policy).</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why it is not the unit's (e.g. 不属于本网格辖区); not empty.</param>
/// <param name="Note">An optional note.</param>
public sealed record ReturnCommand(Id<Person> Actor, Instant At, string Reason, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.Return;
}
