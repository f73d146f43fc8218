using System.Data.Common;
using Governance.EntityFrameworkCore.Storage;
using Governance.EntityFrameworkCore.Storage.Migrations;
using Governance.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Governance.Tests.Storage;

/// <summary>
/// The shipped migrations create what the model maps, upgrade an older schema in place, are safe when instances start
/// at once, and refuse a newer, foreign or incomplete schema with a clear error, writing nothing.
/// </summary>
public abstract class SchemaTests
{
    /// <summary>A database with nothing in it (its schema not created).</summary>
    protected abstract ITestDatabase CreateEmptyDatabase();

    /// <summary>The database's catalog of the Governance tables: columns (type, nullability) and indexes, sorted.</summary>
    protected abstract string CatalogQuery { get; }

    [Fact]
    public async Task The_migrations_create_exactly_the_tables_the_model_maps()
    {
        using var migrated = CreateEmptyDatabase();
        using var created = CreateEmptyDatabase();
        await using (var db = new GovernanceDbContext(migrated.Options))
        {
            await GovernanceDatabase.MigrateAsync(db);
        }

        await using (var db = new GovernanceDbContext(created.Options))
        {
            await db.Database.EnsureCreatedAsync();   // from the model alone
        }

        var fromMigrations = await CatalogAsync(migrated);
        Assert.Equal(await CatalogAsync(created), fromMigrations);
        Assert.Contains(fromMigrations, row => row.Contains("gov_timebank_writer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_older_schema_is_upgraded_in_place_and_keeps_its_rows()
    {
        using var database = CreateEmptyDatabase();
        await using (var db = new GovernanceDbContext(database.Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(Initial.Id);   // schema version 1
            await db.Database.ExecuteSqlRawAsync("INSERT INTO gov_scoring_facts (\"Id\", \"Person\", \"Date\", \"Kind\", \"Fact\") VALUES ('f-1', 'p-1', 20000, 'patrol', '{{}}')");
            foreach (var (id, closed) in new[] { ("E-open", (long?)null), ("E-closed", 99L) })
            {
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO gov_cases (\"Id\", \"Registration\", \"Version\", \"State\", \"GridId\", \"Category\", \"Source\", \"Priority\", \"RegisteredAt\", \"NextDeadline\", \"ClosedAt\") VALUES ({id}, '{{}}', 1, 'Registered', 'G1', 'parking', 'resident', 'Normal', 42, 50, {closed})");
            }
            var old = await Assert.ThrowsAsync<GovernanceSchemaException>(() => GovernanceDatabase.CheckAsync(db));
            Assert.Equal(1, old.Found);
            Assert.Contains("MigrateAsync", old.Message, StringComparison.Ordinal);
        }

        await using (var db = new GovernanceDbContext(database.Options))
        {
            await GovernanceDatabase.MigrateAsync(db);
            await GovernanceDatabase.CheckAsync(db);
            Assert.Equal(["f-1"], await db.ScoringFacts.Select(f => f.Id).ToListAsync());
            Assert.Equal(0, await db.TimeBankWriters.Select(w => w.Epoch).SingleAsync());
            Assert.Equal(3, (await db.Database.GetAppliedMigrationsAsync()).Count());

            // Schema version 3: the open case is due for an SLA check at once (its registration), the closed one never.
            var checks = await db.Cases.OrderBy(c => c.Id).Select(c => new { c.Id, c.SlaCheckAt }).ToListAsync();
            Assert.Equal([("E-closed", (Instant?)null), ("E-open", Instant.FromUnixTimeTicks(42))], checks.Select(c => (c.Id, c.SlaCheckAt)));
        }
    }

    [Fact]
    public async Task Instances_starting_at_once_apply_each_migration_once()
    {
        using var database = CreateEmptyDatabase();
        var starts = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = new GovernanceDbContext(database.Options);
            await GovernanceDatabase.MigrateAsync(db);
        }));
        await Task.WhenAll(starts);

        await using var check = new GovernanceDbContext(database.Options);
        Assert.Equal([Initial.Id, WritersAndOrganisations.Id, SlaCheck.Id], await check.Database.GetAppliedMigrationsAsync());
        Assert.Equal(1, await check.TimeBankWriters.CountAsync());
        Assert.Equal(GovernanceDatabase.SchemaVersion, await check.Set<SchemaVersionRow>().Select(v => v.Version).SingleAsync());
    }

    [Fact]
    public async Task A_newer_schema_is_refused_before_anything_is_written()
    {
        using var database = CreateEmptyDatabase();
        await using var db = new GovernanceDbContext(database.Options);
        await GovernanceDatabase.MigrateAsync(db);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29990101000000_FromTheFuture', '10.0.15')");
        await db.Database.ExecuteSqlRawAsync("UPDATE gov_schema SET \"Version\" = 4");
        var before = await CatalogAsync(database);

        var newer = await Assert.ThrowsAsync<GovernanceSchemaException>(() => GovernanceDatabase.MigrateAsync(db));
        Assert.Equal(4, newer.Found);
        Assert.Contains("29990101000000_FromTheFuture", newer.Message, StringComparison.Ordinal);
        Assert.Contains("newer", (await Assert.ThrowsAsync<GovernanceSchemaException>(() => GovernanceDatabase.CheckAsync(db))).Message, StringComparison.Ordinal);
        Assert.Equal(before, await CatalogAsync(database));
    }

    [Fact]
    public async Task A_foreign_or_incomplete_schema_is_refused()
    {
        using (var database = CreateEmptyDatabase())
        {
            await using var db = new GovernanceDbContext(database.Options);
            await db.Database.EnsureCreatedAsync();   // the tables, but not by the migrations
            await db.Database.ExecuteSqlRawAsync("INSERT INTO gov_schema (\"Name\", \"Version\") VALUES ('governance', 3)");
            var foreign = await Assert.ThrowsAsync<GovernanceSchemaException>(() => GovernanceDatabase.MigrateAsync(db));
            Assert.Contains("not created by this package's migrations", foreign.Message, StringComparison.Ordinal);
            Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
        }

        using (var database = CreateEmptyDatabase())
        {
            await using var db = new GovernanceDbContext(database.Options);
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE gov_cases (\"Id\" TEXT PRIMARY KEY)");   // someone else's table of that name
            var clash = await Assert.ThrowsAsync<GovernanceSchemaException>(() => GovernanceDatabase.MigrateAsync(db));
            Assert.Contains("rolled back", clash.Message, StringComparison.Ordinal);
            Assert.Null(await db.Database.SqlQueryRaw<int?>("SELECT NULL AS \"Value\"").SingleAsync());
        }

        using (var database = CreateEmptyDatabase())
        {
            await using var db = new GovernanceDbContext(database.Options);
            await GovernanceDatabase.MigrateAsync(db);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM gov_schema");
            Assert.Null((await Assert.ThrowsAsync<GovernanceSchemaException>(() => GovernanceDatabase.CheckAsync(db))).Found);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO gov_schema (\"Name\", \"Version\") VALUES ('governance', 3)");
            await db.Database.ExecuteSqlRawAsync("DROP TABLE gov_sla_reported");
            Assert.Contains("do not match", (await Assert.ThrowsAsync<GovernanceSchemaException>(() => GovernanceDatabase.CheckAsync(db))).Message, StringComparison.Ordinal);
            await db.Database.ExecuteSqlRawAsync("DROP TABLE gov_schema");
            Assert.Contains("no Governance schema version", (await Assert.ThrowsAsync<GovernanceSchemaException>(() => GovernanceDatabase.CheckAsync(db))).Message, StringComparison.Ordinal);
        }
    }

    private async Task<List<string>> CatalogAsync(ITestDatabase database)
    {
        await using var db = new GovernanceDbContext(database.Options);
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = CatalogQuery;
        var rows = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}

/// <summary>On SQLite (a temp file, WAL).</summary>
public sealed class SqliteSchemaTests : SchemaTests
{
    protected override ITestDatabase CreateEmptyDatabase() => new SqliteDatabase(migrate: false);

    protected override string CatalogQuery => """
        SELECT m.name, c.name, c.type, c."notnull", c.pk FROM sqlite_master m JOIN pragma_table_info(m.name) c
        WHERE m.type = 'table' AND m.name LIKE 'gov%'
        UNION ALL
        SELECT m.name, i.name || ':' || i."unique" || ':' || i.origin, x.name, x.seqno, '' FROM sqlite_master m JOIN pragma_index_list(m.name) i JOIN pragma_index_info(i.name) x
        WHERE m.type = 'table' AND m.name LIKE 'gov%'
        """;
}

/// <summary>On a real PostgreSQL server the tests start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresServer server) : SchemaTests
{
    protected override ITestDatabase CreateEmptyDatabase() => new PostgresDatabase(server, migrate: false);

    protected override string CatalogQuery => """
        SELECT table_name, column_name, data_type, coalesce(character_maximum_length, -1), is_nullable, coalesce(column_default, '')
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name LIKE 'gov%'
        UNION ALL
        SELECT tablename, indexname, indexdef, 0, '', '' FROM pg_indexes WHERE schemaname = 'public' AND tablename LIKE 'gov%'
        """;
}
