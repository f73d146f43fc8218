namespace Governance.Cases;

/// <summary>
/// 事件来源 — where a case came from: 上级下派, 居民反映, 巡查发现, a 12345 hotline work order, a part-time grid
/// worker's report, or another source a district names.
/// </summary>
/// <param name="Code">A stable code.</param>
/// <param name="DisplayName">The zh-CN name.</param>
public sealed record CaseSource(string Code, string DisplayName)
{
    /// <summary>上级下派 — assigned from above.</summary>
    public static CaseSource AssignedFromAbove { get; } = new("assigned", "上级下派");

    /// <summary>居民反映 — reported by a resident.</summary>
    public static CaseSource ResidentReport { get; } = new("resident", "居民反映");

    /// <summary>巡查发现 — found on patrol.</summary>
    public static CaseSource PatrolDiscovery { get; } = new("patrol", "巡查发现");

    /// <summary>12345政务服务热线工单 — a 12345 hotline work order.</summary>
    public static CaseSource Hotline12345 { get; } = new("12345", "12345热线工单");

    /// <summary>兼职网格员上报 — reported by a part-time grid worker (e.g. a delivery rider).</summary>
    public static CaseSource PartTimeGridWorker { get; } = new("part-time", "兼职网格员上报");

    /// <summary>The sources above, in order: the codes an SLA policy file may match without declaring them.</summary>
    public static IReadOnlyList<CaseSource> WellKnown { get; } = [AssignedFromAbove, ResidentReport, PatrolDiscovery, Hotline12345, PartTimeGridWorker];
}
