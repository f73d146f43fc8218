using Governance.Cases;

namespace Governance.Assessment;

/// <summary>部门报到结果 — a department summoned to a case (吹哨) and whether it reported in on time every time it was summoned (报到).</summary>
/// <param name="Department">The department.</param>
/// <param name="ReportedOnTime">Whether every summons of it in the case was answered by its report-in deadline.</param>
public readonly record struct DepartmentOutcome(Department Department, bool ReportedOnTime);
