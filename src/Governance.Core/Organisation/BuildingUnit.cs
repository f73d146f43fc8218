namespace Governance.Organisation;

/// <summary>单元 — a unit (stairwell) of a building, mapped to exactly one micro-grid.</summary>
/// <param name="Id">Its id.</param>
/// <param name="BuildingId">The building it belongs to.</param>
/// <param name="Number">Its number within the building, from 1.</param>
/// <param name="MicroGridId">The micro-grid it is mapped to.</param>
public sealed record BuildingUnit(Id<BuildingUnit> Id, Id<Building> BuildingId, int Number, Id<MicroGrid> MicroGridId);
