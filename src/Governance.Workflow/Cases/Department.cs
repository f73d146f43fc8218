namespace Governance.Cases;

/// <summary>职能部门 — a department the community can summon (吹哨报到).</summary>
/// <param name="Code">A stable code.</param>
/// <param name="DisplayName">The zh-CN name.</param>
public sealed record Department(string Code, string DisplayName)
{
    /// <summary>综合执法 — law enforcement.</summary>
    public static Department LawEnforcement { get; } = new("law-enforcement", "综合执法");

    /// <summary>公安 — police.</summary>
    public static Department Police { get; } = new("police", "公安派出所");

    /// <summary>市场监管 — market regulation.</summary>
    public static Department MarketRegulation { get; } = new("market-regulation", "市场监管");

    /// <summary>安全监管 — safety supervision.</summary>
    public static Department SafetySupervision { get; } = new("safety", "安全监管");

    /// <summary>市容所 — city appearance.</summary>
    public static Department CityAppearance { get; } = new("city-appearance", "市容所");

    /// <summary>物业公司 — the property company.</summary>
    public static Department PropertyCompany { get; } = new("property", "物业公司");
}
