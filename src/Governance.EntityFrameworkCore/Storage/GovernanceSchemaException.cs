namespace Governance.EntityFrameworkCore.Storage;

/// <summary>
/// 数据库结构不符 — the database does not hold the stores' schema this library writes: it is newer (written by a later
/// version of the package), foreign (other tables under the same names, or no schema version), or incomplete.
/// Nothing was written.
/// </summary>
public sealed class GovernanceSchemaException : GovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="found">The schema version the database holds, if it has one.</param>
    public GovernanceSchemaException(string message, int? found)
        : base(RefusalReason.Conflict, message)
    {
        Found = found;
    }

    /// <summary>The schema version the database holds, if it has one.</summary>
    public int? Found { get; }
}
