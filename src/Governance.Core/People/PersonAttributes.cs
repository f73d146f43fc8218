namespace Governance.People;

/// <summary>
/// 身份属性 — the attributes that the scoring quotas select on (seed 004: 3 party members,
/// 3 resident group leaders, 3 resident representatives) and that the time bank's pool gives priority to.
/// </summary>
[Flags]
public enum PersonAttributes
{
    /// <summary>None of the attributes.</summary>
    None = 0,

    /// <summary>党员 — a party member.</summary>
    PartyMember = 1,

    /// <summary>居民小组长 — a resident group leader.</summary>
    ResidentGroupLeader = 2,

    /// <summary>居民代表 — a resident representative.</summary>
    ResidentRepresentative = 4,

    /// <summary>独居老人 — an elderly person living alone; the time bank's pool serves them first (Nanjing 2019).</summary>
    LivesAlone = 8,
}
