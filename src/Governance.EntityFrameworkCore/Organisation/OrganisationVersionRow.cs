namespace Governance.EntityFrameworkCore.Organisation;

/// <summary>
/// 组织架构版本行 — one version of a sub-district's organisation (grids, people, who works where) and the instant from
/// which it holds, so a case is read with the organisation of its time.
/// </summary>
public sealed class OrganisationVersionRow
{
    /// <summary>The version, from 1, in the order they were stored.</summary>
    public int Version { get; set; }

    /// <summary>The instant from which this version holds (until the next one's).</summary>
    public Instant EffectiveFrom { get; set; }

    /// <summary>The organisation as JSON (<c>GovernanceJson.Options</c>).</summary>
    public string Model { get; set; } = "";
}
