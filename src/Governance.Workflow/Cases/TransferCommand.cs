using Governance.People;
using Governance.Organisation;

namespace Governance.Cases;

/// <summary>转办 — transfer a case to another grid, which must respond to it afresh.</summary>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When.</param>
/// <param name="ToGrid">The grid that takes the case; must exist, differ from the current one and not have returned the order (退单).</param>
/// <param name="Note">An optional note.</param>
public sealed record TransferCommand(Id<Person> Actor, Instant At, Id<Grid> ToGrid, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.Transfer;
}
