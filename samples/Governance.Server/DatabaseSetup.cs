using Governance.EntityFrameworkCore.Organisation;
using Governance.EntityFrameworkCore.Storage;
using Governance.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Server;

/// <summary>
/// 数据库准备 — before the host serves: the stores' schema is created or checked, and the organisation is read from the
/// database, or the demo district is stored as its first version when the database has none.
/// </summary>
internal static class DatabaseSetup
{
    public static void Configure(DbContextOptionsBuilder builder, ServerOptions options, string contentRoot)
    {
        if (options.Provider == "postgresql")
        {
            builder.UseNpgsql(Tuned(options.ConnectionString ?? throw new InvalidOperationException("Governance:ConnectionString is required for PostgreSQL.")));
        }
        else
        {
            builder.UseSqlite(options.ConnectionString ?? $"Data Source={Path.Combine(contentRoot, "governance.db")}");
        }
    }

    /// <summary>
    /// The connection string with the settings a busy host wants unless it set them itself: statements used twice are
    /// prepared (the same few statements run for every command), and a pooled connection is not reset on every return.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        // The keys the string sets, spelled either way ("Max Auto Prepare", "MaxAutoPrepare").
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        if (!given.Contains("MAXAUTOPREPARE"))
        {
            b.MaxAutoPrepare = 32;
            b.AutoPrepareMinUsages = 2;
        }

        if (!given.Contains("NORESETONCLOSE"))
        {
            b.NoResetOnClose = true;
        }

        return b.ConnectionString;
    }

    public static async Task<OrganisationModel> PrepareAsync(DbContextOptions<GovernanceDbContext> options, CancellationToken cancellationToken = default)
    {
        var contexts = new GovernanceDbContextFactory(options);
        await using (var db = contexts.CreateDbContext())
        {
            await GovernanceDatabase.MigrateAsync(db, cancellationToken);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        var store = new OrganisationVersionStore<GovernanceDbContext>(contexts);
        if ((await store.ListAsync(cancellationToken)).Count == 0)
        {
            try
            {
                await store.AddAsync(DemoDistrict.Build(), DemoDistrict.EffectiveFrom, cancellationToken);
            }
            catch (OrganisationVersionRefusedException)
            {
                // Another instance stored the first version at the same moment: read theirs.
            }
        }

        var versions = await store.ListAsync(cancellationToken);
        return await store.AsOfAsync(versions[^1].EffectiveFrom, cancellationToken)
            ?? throw new InvalidOperationException("The database's organisation versions could not be read.");
    }
}

/// <summary>健康检查 — the database answers and holds the schema version this build reads.</summary>
internal sealed class SchemaHealthCheck(IDbContextFactory<GovernanceDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await GovernanceDatabase.CheckAsync(db, cancellationToken);
            return HealthCheckResult.Healthy($"schema version {GovernanceDatabase.SchemaVersion}");
        }
        catch (Exception e) when (e is GovernanceException or InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("The database is unreachable or its schema is not this build's.", e);
        }
    }
}
