using Governance.Testing;
using Governance.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace Governance.Tests.Storage;

/// <summary>A database with the stores' schema for one test, on one provider; the SQL it ran is kept.</summary>
public interface ITestDatabase : IDisposable
{
    DbContextOptions<GovernanceDbContext> Options { get; }

    List<string> Sql { get; }

    IDbContextFactory<GovernanceDbContext> Factory { get; }

    /// <summary>The provider, as the storage worker names it: <c>sqlite</c> or <c>postgres</c>.</summary>
    string Provider { get; }

    /// <summary>The connection string (for a child process).</summary>
    string ConnectionString { get; }
}

/// <summary>A new database on the shared test server.</summary>
internal sealed class PostgresDatabase : ITestDatabase
{
    public PostgresDatabase(PostgresServer server, bool migrate = true)
    {
        ConnectionString = server.NewDatabase();
        Options = new DbContextOptionsBuilder<GovernanceDbContext>()
            .UseNpgsql(ConnectionString)
            .LogTo(sql => { lock (Sql) { Sql.Add(sql); } }, [DbLoggerCategory.Database.Command.Name], Microsoft.Extensions.Logging.LogLevel.Information)
            .Options;
        if (!migrate)
        {
            return;
        }

        using var db = new GovernanceDbContext(Options);
        GovernanceDatabase.MigrateAsync(db).GetAwaiter().GetResult();
    }

    public DbContextOptions<GovernanceDbContext> Options { get; }

    public List<string> Sql { get; } = [];

    public IDbContextFactory<GovernanceDbContext> Factory => new GovernanceDbContextFactory(Options);

    public string Provider => "postgres";

    public string ConnectionString { get; }

    public void Dispose()
    {
    }
}
