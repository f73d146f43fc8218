using Governance.People;

namespace Governance.Cases;

/// <summary>社区吹哨 — summon departments to a case; each must report in (部门报到).</summary>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When.</param>
/// <param name="Departments">The departments; at least one, none already waiting to report in.</param>
/// <param name="Note">An optional note.</param>
public sealed record SummonDepartmentsCommand(Id<Person> Actor, Instant At, IReadOnlyList<Department> Departments, string? Note = null) : CaseCommand(Actor, At, Note)
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    private protected override CaseTrigger TriggerKind => CaseTrigger.SummonDepartments;
}
