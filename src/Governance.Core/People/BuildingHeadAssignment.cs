using Governance.Organisation;

namespace Governance.People;

/// <summary>楼长分工 — a person is the building head (楼长) of a building.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="BuildingId">The building.</param>
public sealed record BuildingHeadAssignment(Id<Person> PersonId, Id<Building> BuildingId);
