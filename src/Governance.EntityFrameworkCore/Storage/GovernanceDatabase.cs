using System.Data.Common;
using Governance.Resources;
using Microsoft.EntityFrameworkCore;

namespace Governance.EntityFrameworkCore.Storage;

/// <summary>数据库结构 — creating and checking the stores' schema.</summary>
public static class GovernanceDatabase
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int SchemaVersion = 3;

    internal const string SchemaName = "governance";

    // The PostgreSQL advisory lock under which one instance at a time migrates (its key is "GOVMIGR" in ASCII).
    private const string LockSql = "SELECT pg_advisory_lock(20071955428886354)";
    private const string UnlockSql = "SELECT pg_advisory_unlock(20071955428886354)";

    /// <summary>
    /// Creates the stores' schema in an empty database or upgrades an older one in place, with the migrations this package
    /// ships (<c>Storage/Migrations</c>, provider-neutral: SQLite and PostgreSQL), then checks it (<see cref="CheckAsync"/>).
    /// Safe when several instances start at once: EF Core's migrator holds a database lock while it applies migrations
    /// (a lock table on SQLite, a table lock on PostgreSQL), so each migration is applied once and the others wait.
    /// </summary>
    /// <remarks>
    /// A host that maps the stores into its own context (<c>modelBuilder.UseGovernance()</c>) creates the tables with its
    /// own migrations and calls <see cref="CheckAsync"/> only.
    /// </remarks>
    /// <param name="context">The stores' context.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task completed when the schema is this package's.</returns>
    /// <exception cref="GovernanceSchemaException">
    /// The database holds a newer schema (migrations this package does not know) or a foreign one (Governance tables not
    /// created by these migrations); nothing was written.
    /// </exception>
    public static async Task MigrateAsync(GovernanceDbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var postgres = context.Database.ProviderName?.StartsWith("Npgsql", StringComparison.Ordinal) == true;
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (postgres)
            {
                // EF Core's own lock does not cover reading what is applied; one instance migrates at a time.
                await context.Database.ExecuteSqlRawAsync(LockSql, cancellationToken).ConfigureAwait(false);
            }

            await RefuseNewerOrForeignAsync(context, cancellationToken).ConfigureAwait(false);
            try
            {
                await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw new GovernanceSchemaException(StoreMessages.Format("GovernanceSchemaCouldCreatedUpgradedMigration", e.Message), null);
            }
        }
        finally
        {
            if (postgres)
            {
                await context.Database.ExecuteSqlRawAsync(UnlockSql, CancellationToken.None).ConfigureAwait(false);
            }

            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        await CheckAsync(context, cancellationToken).ConfigureAwait(false);
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
            found = await ReadVersionAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new GovernanceSchemaException(StoreMessages.Format("DatabaseNoGovernanceSchemaVersionTable", e.Message), null);
        }

        if (found is null)
        {
            throw new GovernanceSchemaException(StoreMessages.Text("DatabaseSGovSchemaTableNo"), null);
        }

        if (found != SchemaVersion)
        {
            throw new GovernanceSchemaException(
                found > SchemaVersion
                    ? StoreMessages.Format("DatabaseHoldsGovernanceSchemaVersionWritten", found, SchemaVersion)
                    : StoreMessages.Format("DatabaseHoldsGovernanceSchemaVersionPackage", found, SchemaVersion),
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
            await context.Set<TimeBank.TimeBankWriterRow>().AsNoTracking().Where(_ => false).ToListAsync(cancellationToken).ConfigureAwait(false);
            await context.Set<Organisation.OrganisationVersionRow>().AsNoTracking().Where(_ => false).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new GovernanceSchemaException(StoreMessages.Format("DatabaseSGovernanceTablesDoMatch", SchemaVersion, e.Message), found);
        }
    }

    private static async Task<int?> TryReadVersionAsync(DbContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadVersionAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            return null;   // no gov_schema table: an empty or foreign database
        }
    }

    private static async Task RefuseNewerOrForeignAsync(GovernanceDbContext context, CancellationToken cancellationToken)
    {
        var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = await AppliedAsync(context, cancellationToken).ConfigureAwait(false);
        var unknown = applied.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new GovernanceSchemaException(
                StoreMessages.Format("DatabaseHoldsMigrationsPackageDoesKnow", string.Join(", ", unknown), SchemaVersion),
                await TryReadVersionAsync(context, cancellationToken).ConfigureAwait(false));
        }

        // Tables and their history row commit together: a schema seen without history after reading again is foreign
        // (reading again covers an instance that migrated between the two reads).
        if (applied.Count == 0 && await TryReadVersionAsync(context, cancellationToken).ConfigureAwait(false) is { } found
            && (await AppliedAsync(context, cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            throw new GovernanceSchemaException(
                StoreMessages.Format("DatabaseHoldsGovernanceTablesSchemaVersion", found), found);
        }
    }

    private static async Task<List<string>> AppliedAsync(DbContext context, CancellationToken cancellationToken)
    {
        try
        {
            return [.. await context.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)];
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            throw new GovernanceSchemaException(StoreMessages.Format("DatabaseSMigrationHistoryCannotRead", e.Message), null);
        }
    }

    private static Task<int?> ReadVersionAsync(DbContext context, CancellationToken cancellationToken) =>
        context.Set<SchemaVersionRow>().AsNoTracking().Where(r => r.Name == SchemaName).Select(r => (int?)r.Version).SingleOrDefaultAsync(cancellationToken);
}
