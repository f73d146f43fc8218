namespace Governance.Organisation;

/// <summary>网格 — a grid of a community, owned by a full-time grid worker.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its zh-CN name, e.g. "第三网格".</param>
/// <param name="CommunityId">The community it belongs to.</param>
/// <param name="Kind">Basic, dedicated, or another kind the district names.</param>
public sealed record Grid(Id<Grid> Id, string Name, Id<Community> CommunityId, GridKind Kind);
