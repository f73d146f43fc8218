using Governance.People;

namespace Governance.Cases;

/// <summary>
/// 申请核减 — ask for an order to be judged 不合理诉求 or 无效 and left out of the three rates, with the reason; one request
/// waits at a time, and it lapses if the case finishes before it is decided.
/// </summary>
/// <param name="Actor">Who asks.</param>
/// <param name="At">When.</param>
/// <param name="Kind">The judgment asked for.</param>
/// <param name="Reason">Why; not empty.</param>
/// <param name="Note">An optional note.</param>
public sealed record RequestExclusionCommand(Id<Person> Actor, Instant At, ExclusionKind Kind, string Reason, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.RequestExclusion;
}
