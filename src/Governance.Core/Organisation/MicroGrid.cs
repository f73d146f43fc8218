namespace Governance.Organisation;

/// <summary>微网格 — a micro-grid of a grid; in 九龙社区 each building unit is one micro-grid.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its zh-CN name, e.g. "3号楼1单元".</param>
/// <param name="GridId">The grid it belongs to (exactly one).</param>
public sealed record MicroGrid(Id<MicroGrid> Id, string Name, Id<Grid> GridId);
