using Governance.People;

namespace Governance.Cases;

/// <summary>事件反馈 — tell the resident the outcome and record their satisfaction; 不满意 reopens the case.</summary>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When.</param>
/// <param name="Satisfaction">The resident's satisfaction.</param>
/// <param name="Note">An optional note.</param>
public sealed record GiveFeedbackCommand(Id<Person> Actor, Instant At, Satisfaction Satisfaction, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.GiveFeedback;
}
