namespace Governance.Organisation;

/// <summary>街道 — a sub-district office, the top level of the grid organisation.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its zh-CN name, e.g. "灵山卫街道".</param>
public sealed record SubDistrict(Id<SubDistrict> Id, string Name);
