using Governance.People;

namespace Governance.Cases;

/// <summary>
/// 申请延期 — ask the supervising level for more time to resolve a claimed case, with the reason; one request waits at a
/// time, and it lapses if the case is resolved, transferred, returned or finished before it is decided.
/// </summary>
/// <param name="Actor">Who asks (the claimant or the grid's people under the default policy).</param>
/// <param name="At">When.</param>
/// <param name="Length">The time asked for, on the resolve goal's clock (working time for a working-day goal); more than zero, at most 365 days.</param>
/// <param name="Reason">Why (e.g. 需协调产权单位); not empty.</param>
/// <param name="Note">An optional note.</param>
public sealed record RequestExtensionCommand(Id<Person> Actor, Instant At, Duration Length, string Reason, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.RequestExtension;
}
