using Microsoft.EntityFrameworkCore;

namespace Governance.EntityFrameworkCore.Storage;

/// <summary>数据库结构 — creating and checking the stores' schema.</summary>
public static class GovernanceDatabase
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int SchemaVersion = 1;

    internal const string SchemaName = "governance";

    /// <summary>
    /// Creates the stores' tables if the database has none yet (EF Core's <c>EnsureCreated</c>) and records the schema
    /// version, then checks the schema (<see cref="CheckAsync"/>): for tests, embedded SQLite files and first starts.
    /// Versioned migrations for upgrading a database in place are not shipped yet.
    /// </summary>
    /// <param name="context">A context whose model includes the stores' tables.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the schema was created now.</returns>
    /// <exception cref="GovernanceSchemaException">The database holds another schema; nothing was written.</exception>
    public static async Task<bool> EnsureCreatedAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var created = await context.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (created)
        {
            context.Add(new SchemaVersionRow { Name = SchemaName, Version = SchemaVersion });
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            context.ChangeTracker.Clear();
        }

        await CheckAsync(context, cancellationToken).ConfigureAwait(false);
        return created;
    }

    /// <summary>Checks that the database holds this library's schema version, with every table it reads.</summary>
    /// <param name="context">A context whose model includes the stores' tables.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task completed when the schema is the expected one.</returns>
    /// <exception cref="GovernanceSchemaException">The schema is newer, foreign or incomplete.</exception>
    public static async Task CheckAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        int? found;
        try
        {
            found = await context.Set<SchemaVersionRow>().AsNoTracking().Where(r => r.Name == SchemaName).Select(r => (int?)r.Version)
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new GovernanceSchemaException($"The database has no Governance schema version (table gov_schema is missing or foreign): {e.Message}", null);
        }

        if (found is null)
        {
            throw new GovernanceSchemaException("The database's gov_schema table has no 'governance' row: it was not created by this library.", null);
        }

        if (found != SchemaVersion)
        {
            throw new GovernanceSchemaException(
                found > SchemaVersion
                    ? $"The database holds Governance schema version {found}, written by a newer version of the package; this one reads version {SchemaVersion}."
                    : $"The database holds Governance schema version {found}; this package reads version {SchemaVersion} and does not upgrade in place yet.",
                found);
        }

        // Every table the stores read must answer a query of its mapped columns.
        try
        {
            await context.Set<Cases.CaseRow>().AsNoTracking().Where(_ => false).ToListAsync(cancellationToken).ConfigureAwait(false);
            await context.Set<Cases.CaseHistoryRow>().AsNoTracking().Where(_ => false).ToListAsync(cancellationToken).ConfigureAwait(false);
            await context.Set<Sla.SlaReportedRow>().AsNoTracking().Where(_ => false).ToListAsync(cancellationToken).ConfigureAwait(false);
            await context.Set<Scoring.ScoringFactRow>().AsNoTracking().Where(_ => false).ToListAsync(cancellationToken).ConfigureAwait(false);
            await context.Set<TimeBank.TimeBankJournalRow>().AsNoTracking().Where(_ => false).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new GovernanceSchemaException($"The database's Governance tables do not match schema version {SchemaVersion}: {e.Message}", found);
        }
    }
}
