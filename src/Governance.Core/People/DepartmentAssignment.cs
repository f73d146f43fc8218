namespace Governance.People;

/// <summary>
/// 部门联络员 — a person who reports in for a department when it is summoned (吹哨报到): only a liaison of the summoned
/// department reports in for it.
/// </summary>
/// <param name="PersonId">The person; must hold <see cref="Role.DepartmentLiaison"/>.</param>
/// <param name="DepartmentCode">The department's stable code (e.g. <c>police</c>, <c>law-enforcement</c>).</param>
public sealed record DepartmentAssignment(Id<Person> PersonId, string DepartmentCode);
