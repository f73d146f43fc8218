namespace Governance.EntityFrameworkCore.Organisation;

/// <summary>组织架构版本 — a stored version of the organisation and the instant from which it holds.</summary>
/// <param name="Version">The version, from 1.</param>
/// <param name="EffectiveFrom">The instant from which it holds, until the next version's.</param>
public sealed record OrganisationVersion(int Version, Instant EffectiveFrom);
