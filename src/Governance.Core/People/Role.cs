namespace Governance.People;

/// <summary>
/// 角色 — a role a person holds: the "六员" of seed 001 and the others the workflow needs.
/// One person can hold several roles.
/// </summary>
/// <remarks>No member is 0: a role left unset (<c>default</c>) is not "grid worker" but undefined, and refused.</remarks>
public enum Role
{
    /// <summary>网格员 — full-time grid worker who owns a grid ("蓝马甲").</summary>
    GridWorker = 1,

    /// <summary>网格长 — the grid worker's supervisor; convenes 协商议事会.</summary>
    GridLeader,

    /// <summary>网格助理员 — grid assistant.</summary>
    GridAssistant,

    /// <summary>兼职网格员 — part-time grid worker, e.g. a delivery rider reporting hazards by photo.</summary>
    PartTimeGridWorker,

    /// <summary>物业管家 — property-management steward of a compound.</summary>
    PropertySteward,

    /// <summary>楼长 — building head, one per building.</summary>
    BuildingHead,

    /// <summary>经合社干部 — cadre of the economic cooperative.</summary>
    CooperativeCadre,

    /// <summary>党员志愿者 — party-member volunteer.</summary>
    PartyMemberVolunteer,

    /// <summary>居民代表 — resident representative.</summary>
    ResidentRepresentative,

    /// <summary>居民小组长 — resident group leader.</summary>
    ResidentGroupLeader,

    /// <summary>社区两委 — member of the community committee (party and residents' committees).</summary>
    CommunityCommittee,

    /// <summary>街道干部 — officer of the sub-district office.</summary>
    SubDistrictOfficer,

    /// <summary>督导员 — supervisor who inspects grid work and may override a closure.</summary>
    Supervisor,

    /// <summary>职能部门 — liaison of a summoned department (law enforcement, police, market regulation …).</summary>
    DepartmentLiaison,

    /// <summary>居民 — a resident.</summary>
    Resident,
}
