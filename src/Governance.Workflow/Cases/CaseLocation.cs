using Governance.Organisation;

namespace Governance.Cases;

/// <summary>事件位置 — where a case is: at least a grid, often a building, unit and floor ("3号楼1单元三楼西户").</summary>
/// <param name="GridId">The grid; required.</param>
/// <param name="BuildingId">The building, if known.</param>
/// <param name="UnitId">The building unit, if known.</param>
/// <param name="Floor">The floor, if known; from <see cref="MinFloor"/> to <see cref="MaxFloor"/>.</param>
/// <param name="Address">A free-text address.</param>
public sealed record CaseLocation(Id<Grid> GridId, Id<Building>? BuildingId = null, Id<BuildingUnit>? UnitId = null, int? Floor = null, string? Address = null)
{
    /// <summary>The lowest floor a case can be on (the deepest basement levels): −10.</summary>
    public const int MinFloor = -10;

    /// <summary>The highest floor a case can be on (above the tallest towers): 200.</summary>
    public const int MaxFloor = 200;
}
