namespace Governance.Organisation;

/// <summary>小区 — a residential compound served by one property company and its stewards (物业管家).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its zh-CN name.</param>
/// <param name="CommunityId">The community it belongs to.</param>
public sealed record Compound(Id<Compound> Id, string Name, Id<Community> CommunityId);
