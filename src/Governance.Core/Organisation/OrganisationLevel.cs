namespace Governance.Organisation;

/// <summary>
/// 层级 — a level of the grid organisation, from the smallest to the largest:
/// 微网格 → 网格 → 合作社 → 社区 → 街道. The numeric order is the order of the ladder.
/// </summary>
public enum OrganisationLevel
{
    /// <summary>微网格 — a micro-grid, usually one building unit (单元).</summary>
    MicroGrid = 0,

    /// <summary>网格 — a grid, owned by one full-time grid worker.</summary>
    Grid = 1,

    /// <summary>合作社 — the community's economic cooperative (股份经济合作社); only some communities have this level.</summary>
    Cooperative = 2,

    /// <summary>社区 — a community (its 两委, the community committee).</summary>
    Community = 3,

    /// <summary>街道 — a sub-district office.</summary>
    SubDistrict = 4,
}
