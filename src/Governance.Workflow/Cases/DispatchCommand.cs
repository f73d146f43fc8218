using Governance.Organisation;
using Governance.People;

namespace Governance.Cases;

/// <summary>
/// 派单 — dispatch a returned work order again, to a grid that has not returned it; the grid must respond afresh, and the
/// order's time limits count from the dispatch.
/// </summary>
/// <param name="Actor">Who dispatches it (the community or sub-district under the default policy).</param>
/// <param name="At">When.</param>
/// <param name="ToGrid">The grid that receives it; must exist and must not have returned the order before.</param>
/// <param name="Note">An optional note.</param>
public sealed record DispatchCommand(Id<Person> Actor, Instant At, Id<Grid> ToGrid, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.Dispatch;
}
