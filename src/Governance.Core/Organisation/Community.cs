namespace Governance.Organisation;

/// <summary>社区 — a community, with the escalation ladder it uses.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its zh-CN name, e.g. "九龙社区".</param>
/// <param name="SubDistrictId">The sub-district it belongs to.</param>
/// <param name="Ladder">Its escalation ladder (e.g. 小事不出单元、大事不出合作社、难事不出社区).</param>
public sealed record Community(Id<Community> Id, string Name, Id<SubDistrict> SubDistrictId, EscalationLadder Ladder);
