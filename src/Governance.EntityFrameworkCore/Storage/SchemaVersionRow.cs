namespace Governance.EntityFrameworkCore.Storage;

/// <summary>结构版本行 — the version of the stores' schema a database holds (one row), checked when a host starts.</summary>
public sealed class SchemaVersionRow
{
    /// <summary>The key of the one row: <c>governance</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The schema version.</summary>
    public int Version { get; set; }
}
