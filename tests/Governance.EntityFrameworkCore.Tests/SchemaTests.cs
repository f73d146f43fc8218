using Governance.EntityFrameworkCore.Storage;
using Governance.Testing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Tests.Storage;

/// <summary>A database with a newer, foreign or incomplete schema is a clear error.</summary>
public abstract class SchemaTests
{
    protected abstract ITestDatabase CreateDatabase();

    [Fact]
    public async Task The_schema_is_created_once_checked_and_refused_when_newer_foreign_or_incomplete()
    {
        using var database = CreateDatabase();
        await using var db = new GovernanceDbContext(database.Options);
        Assert.False(await GovernanceDatabase.EnsureCreatedAsync(db));   // the test database created it already
        await GovernanceDatabase.CheckAsync(db);

        await db.Database.ExecuteSqlRawAsync("UPDATE gov_schema SET \"Version\" = 2");
        var newer = await Assert.ThrowsAsync<GovernanceSchemaException>(() => GovernanceDatabase.CheckAsync(db));
        Assert.Equal(2, newer.Found);
        Assert.Contains("newer", newer.Message, StringComparison.Ordinal);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM gov_schema");
        Assert.Null((await Assert.ThrowsAsync<GovernanceSchemaException>(() => GovernanceDatabase.CheckAsync(db))).Found);

        await db.Database.ExecuteSqlRawAsync("INSERT INTO gov_schema (\"Name\", \"Version\") VALUES ('governance', 1)");
        await db.Database.ExecuteSqlRawAsync("DROP TABLE gov_sla_reported");
        Assert.Contains("do not match", (await Assert.ThrowsAsync<GovernanceSchemaException>(() => GovernanceDatabase.CheckAsync(db))).Message, StringComparison.Ordinal);

        await db.Database.ExecuteSqlRawAsync("DROP TABLE gov_schema");
        Assert.Contains("no Governance schema version", (await Assert.ThrowsAsync<GovernanceSchemaException>(() => GovernanceDatabase.EnsureCreatedAsync(db))).Message, StringComparison.Ordinal);
    }
}

/// <summary>On SQLite (a temp file, WAL).</summary>
public sealed class SqliteSchemaTests : SchemaTests
{
    protected override ITestDatabase CreateDatabase() => new SqliteDatabase();
}

/// <summary>On a real PostgreSQL server the tests start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresServer server) : SchemaTests
{
    protected override ITestDatabase CreateDatabase() => new PostgresDatabase(server);
}
