namespace Governance.Specifications;

/// <summary>排序方式 — how one ordering expression of a <see cref="Specification{T}"/> sorts.</summary>
public enum OrderType
{
    /// <summary>First key, ascending.</summary>
    OrderBy,

    /// <summary>First key, descending.</summary>
    OrderByDescending,

    /// <summary>Further key, ascending.</summary>
    ThenBy,

    /// <summary>Further key, descending.</summary>
    ThenByDescending,
}
