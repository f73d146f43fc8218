namespace Governance.Assessment;

/// <summary>考核单位类别 — what kind of unit an assessment is of.</summary>
/// <remarks>No member is 0.</remarks>
public enum AssessedUnitKind
{
    /// <summary>网格 — a grid, answerable for the cases it holds.</summary>
    Grid = 1,

    /// <summary>社区 — a community: the sum of its grids.</summary>
    Community,

    /// <summary>街道 — a sub-district: the sum of its communities.</summary>
    SubDistrict,

    /// <summary>职能部门 — a department, assessed on the cases it was summoned to (吹哨报到).</summary>
    Department,
}
