using Governance.Organisation;

namespace Governance.Cases;

/// <summary>事件位置 — where a case is: at least a grid, often a building, unit and floor ("3号楼1单元三楼西户").</summary>
/// <param name="GridId">The grid; required.</param>
/// <param name="BuildingId">The building, if known.</param>
/// <param name="UnitId">The building unit, if known.</param>
/// <param name="Floor">The floor, if known.</param>
/// <param name="Address">A free-text address.</param>
public sealed record CaseLocation(Id<Grid> GridId, Id<Building>? BuildingId = null, Id<BuildingUnit>? UnitId = null, int? Floor = null, string? Address = null);
