namespace Governance.Organisation;

/// <summary>楼栋 — a building of a community, optionally inside a compound (小区).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its zh-CN name, e.g. "3号楼".</param>
/// <param name="CommunityId">The community it belongs to.</param>
/// <param name="CompoundId">The compound it stands in, if the community records compounds.</param>
public sealed record Building(Id<Building> Id, string Name, Id<Community> CommunityId, Id<Compound>? CompoundId = null);
