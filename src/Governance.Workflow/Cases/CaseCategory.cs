namespace Governance.Cases;

/// <summary>事件类别 — what a case is about; extensible, seeded with the seeds' examples.</summary>
/// <param name="Code">A stable code.</param>
/// <param name="DisplayName">The zh-CN name.</param>
public sealed record CaseCategory(string Code, string DisplayName)
{
    /// <summary>楼道堆物 — clutter in a corridor or fire lane.</summary>
    public static CaseCategory CorridorClutter { get; } = new("corridor-clutter", "楼道堆物");

    /// <summary>消防通道堵塞 — a blocked fire lane.</summary>
    public static CaseCategory BlockedFireLane { get; } = new("fire-lane", "消防通道堵塞");

    /// <summary>油烟扰民 — cooking fumes.</summary>
    public static CaseCategory CookingFumes { get; } = new("cooking-fumes", "油烟扰民");

    /// <summary>道路破损 — road damage.</summary>
    public static CaseCategory RoadDamage { get; } = new("road-damage", "道路破损");

    /// <summary>管道漏水 — a leaking pipe.</summary>
    public static CaseCategory LeakingPipe { get; } = new("leaking-pipe", "管道漏水");

    /// <summary>飞线充电 — flying-wire e-bike charging.</summary>
    public static CaseCategory FlyingWireCharging { get; } = new("flying-wire", "飞线充电");

    /// <summary>化粪池堵塞 — a blocked septic tank.</summary>
    public static CaseCategory BlockedSepticTank { get; } = new("septic-tank", "化粪池堵塞");

    /// <summary>垃圾未清运 — uncollected rubbish.</summary>
    public static CaseCategory UncollectedRubbish { get; } = new("rubbish", "垃圾未清运");

    /// <summary>墙皮脱落 — falling wall plaster.</summary>
    public static CaseCategory FallingPlaster { get; } = new("plaster", "墙皮脱落");

    /// <summary>暖气不热 — heating not warm.</summary>
    public static CaseCategory HeatingNotWarm { get; } = new("heating", "暖气不热");

    /// <summary>高空抛物 — high-altitude throwing.</summary>
    public static CaseCategory HighAltitudeThrowing { get; } = new("high-throwing", "高空抛物");

    /// <summary>停车问题 — parking.</summary>
    public static CaseCategory Parking { get; } = new("parking", "停车问题");

    /// <summary>The categories above, in order: the codes an SLA policy file may match without declaring them.</summary>
    public static IReadOnlyList<CaseCategory> WellKnown { get; } = [CorridorClutter, BlockedFireLane, CookingFumes, RoadDamage, LeakingPipe, FlyingWireCharging, BlockedSepticTank, UncollectedRubbish, FallingPlaster, HeatingNotWarm, HighAltitudeThrowing, Parking];
}
