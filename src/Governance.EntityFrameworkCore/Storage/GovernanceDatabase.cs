using Microsoft.EntityFrameworkCore;

namespace Governance.EntityFrameworkCore.Storage;

/// <summary>数据库结构 — creating the stores' schema.</summary>
public static class GovernanceDatabase
{
    /// <summary>
    /// Creates the stores' tables if the database has none yet (EF Core's <c>EnsureCreated</c>): for tests, embedded SQLite
    /// files and first starts. Versioned migrations for upgrading a database in place are not shipped yet.
    /// </summary>
    /// <param name="context">A context whose model includes the stores' tables.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the schema was created now.</returns>
    public static Task<bool> EnsureCreatedAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Database.EnsureCreatedAsync(cancellationToken);
    }
}
