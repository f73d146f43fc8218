using Governance.People;

namespace Governance.Cases;

/// <summary>
/// 批准延期 — the supervising level approves the waiting extension request, for the time asked or less: the resolve
/// deadline moves by exactly <paramref name="Length"/> on the goal's clock (see <see cref="Sla.CaseSla"/>).
/// </summary>
/// <param name="Actor">Who approves (not the one who asked).</param>
/// <param name="At">When.</param>
/// <param name="Length">The time approved, on the resolve goal's clock; more than zero and at most the time asked for.</param>
/// <param name="Note">An optional note.</param>
public sealed record ApproveExtensionCommand(Id<Person> Actor, Instant At, Duration Length, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.ApproveExtension;
}
