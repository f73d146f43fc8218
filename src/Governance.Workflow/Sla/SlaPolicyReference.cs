using System.Text.Json.Serialization;

namespace Governance.Sla;

/// <summary>
/// 时限策略版本 — names one version of an SLA policy: the policy a case was registered under (or moved to by a priority
/// change) is pinned by its reference, so editing the policy later never changes how that case is judged.
/// </summary>
/// <remarks>Equality is ordinal on the name and by the version. <c>default</c> has a null name and names no policy.</remarks>
/// <param name="Name">The policy's <see cref="SlaPolicy.Name"/>.</param>
/// <param name="Version">The policy's <see cref="SlaPolicy.Version"/>, from 1.</param>
public readonly record struct SlaPolicyReference([property: JsonRequired] string Name, [property: JsonRequired] int Version)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} v{Version}";
}
