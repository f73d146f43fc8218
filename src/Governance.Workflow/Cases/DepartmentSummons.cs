using Governance.People;

namespace Governance.Cases;

/// <summary>吹哨报到记录 — a department summoned to a case, and whether and when it reported in.</summary>
/// <param name="Department">The department.</param>
/// <param name="SummonedAt">When it was summoned.</param>
/// <param name="SummonedBy">Who summoned it.</param>
/// <param name="ReportedAt">When it reported in, or <see langword="null"/> while it has not.</param>
/// <param name="ReportedBy">Who reported in for it.</param>
public sealed record DepartmentSummons(Department Department, Instant SummonedAt, Id<Person> SummonedBy, Instant? ReportedAt = null, Id<Person>? ReportedBy = null)
{
    /// <summary>Whether the department has reported in.</summary>
    public bool HasReported => ReportedAt is not null;
}
