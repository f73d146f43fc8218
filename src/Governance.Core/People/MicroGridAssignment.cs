using Governance.Organisation;

namespace Governance.People;

/// <summary>
/// 微网格分工 — a person who handles a micro-grid's cases in a role: its 楼长/单元长 (<see cref="Role.BuildingHead"/>),
/// party-member volunteers (<see cref="Role.PartyMemberVolunteer"/>), resident representatives
/// (<see cref="Role.ResidentRepresentative"/>) or resident group leaders (<see cref="Role.ResidentGroupLeader"/>):
/// 小事不出单元 (seed 001).
/// </summary>
/// <param name="PersonId">The person.</param>
/// <param name="MicroGridId">The micro-grid.</param>
/// <param name="Role">The role they act in; the person must hold it.</param>
public sealed record MicroGridAssignment(Id<Person> PersonId, Id<MicroGrid> MicroGridId, Role Role);
