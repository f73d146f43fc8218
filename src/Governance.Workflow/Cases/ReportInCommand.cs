using Governance.People;

namespace Governance.Cases;

/// <summary>部门报到 — a summoned department reports in.</summary>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When.</param>
/// <param name="Department">The department reporting in; it must have been summoned and not yet reported.</param>
/// <param name="Note">An optional note.</param>
public sealed record ReportInCommand(Id<Person> Actor, Instant At, Department Department, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.ReportIn;
}
