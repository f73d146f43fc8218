namespace Governance.Organisation;

/// <summary>
/// 网格类型 — the kind of a grid: 基础网格 (basic), 专属网格 (dedicated, for enterprises and
/// institutions), 民情网格, or any other kind a district names.
/// </summary>
/// <remarks>Equality is ordinal on <see cref="Code"/>; the display name does not take part.</remarks>
/// <threadsafety>Immutable value type: safe to share between threads.</threadsafety>
public readonly record struct GridKind
{
    /// <summary>Creates a grid kind.</summary>
    /// <param name="code">A stable code, e.g. <c>"basic"</c>; not empty.</param>
    /// <param name="displayName">The zh-CN name shown to people, e.g. <c>"基础网格"</c>; not empty.</param>
    /// <exception cref="ArgumentException">A value is null, empty or white space.</exception>
    [System.Text.Json.Serialization.JsonConstructor]
    public GridKind(string code, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        Code = code;
        DisplayName = displayName;
    }

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The zh-CN display name.</summary>
    public string DisplayName { get; }

    /// <summary>基础网格 — a basic grid, by population and area.</summary>
    public static GridKind Basic { get; } = new("basic", "基础网格");

    /// <summary>专属网格 — a dedicated grid for an enterprise or institution.</summary>
    public static GridKind Dedicated { get; } = new("dedicated", "专属网格");

    /// <summary>民情网格 — a public-sentiment grid (东方御园社区).</summary>
    public static GridKind PublicSentiment { get; } = new("public-sentiment", "民情网格");

    /// <summary>Equality by code only.</summary>
    /// <param name="other">The other kind.</param>
    public bool Equals(GridKind other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => Code is null ? 0 : StringComparer.Ordinal.GetHashCode(Code);

    /// <inheritdoc />
    public override string ToString() => $"{DisplayName} ({Code})";
}
