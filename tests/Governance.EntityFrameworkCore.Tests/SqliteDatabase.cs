using Governance.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace Governance.Tests.Storage;

/// <summary>A SQLite database in a temporary file (WAL journal), with its schema, deleted when disposed; the SQL it ran is kept.</summary>
internal sealed class SqliteDatabase : ITestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("governance-sqlite-").FullName;

    public SqliteDatabase(bool migrate = true)
    {
        var path = Path.Combine(_folder, "governance.db");
        Options = new DbContextOptionsBuilder<GovernanceDbContext>()
            .UseSqlite(ConnectionString = $"Data Source={path};Pooling=False;Default Timeout=30")
            .LogTo(sql => { lock (Sql) { Sql.Add(sql); } }, [DbLoggerCategory.Database.Command.Name], Microsoft.Extensions.Logging.LogLevel.Information)
            .ConfigureWarnings(w => w.Throw(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning))
            .Options;
        if (!migrate)
        {
            return;
        }

        using var db = new GovernanceDbContext(Options);
        GovernanceDatabase.MigrateAsync(db).GetAwaiter().GetResult();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public DbContextOptions<GovernanceDbContext> Options { get; }

    public List<string> Sql { get; } = [];

    public IDbContextFactory<GovernanceDbContext> Factory => new GovernanceDbContextFactory(Options);

    public string Provider => "sqlite";

    public string ConnectionString { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
