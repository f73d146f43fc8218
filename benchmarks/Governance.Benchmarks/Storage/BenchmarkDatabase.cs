using Governance.EntityFrameworkCore.Storage;
using Governance.Testing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Benchmarks.Storage;

/// <summary>
/// A throwaway database for a storage benchmark, with the schema created: a SQLite temp file (WAL) or a database on a
/// throwaway local PostgreSQL server (pooled connections). Disposing it stops the server or deletes the file.
/// </summary>
internal sealed class BenchmarkDatabase : IDisposable
{
    private readonly string? _folder;
    private readonly PostgresServer? _server;

    /// <param name="provider"><c>SQLite</c> or <c>PostgreSQL</c>.</param>
    /// <param name="name">A name for the temp folder.</param>
    public BenchmarkDatabase(string provider, string name)
    {
        var builder = new DbContextOptionsBuilder<GovernanceDbContext>();
        if (provider == "SQLite")
        {
            _folder = Directory.CreateTempSubdirectory($"governance-{name}-").FullName;
            builder.UseSqlite($"Data Source={Path.Combine(_folder, "bench.db")};Default Timeout=30");
        }
        else
        {
            _server = new PostgresServer();
            builder.UseNpgsql(_server.NewDatabase().Replace("Pooling=false", "Pooling=true", StringComparison.Ordinal));
        }

        Options = builder.Options;
        using var db = new GovernanceDbContext(Options);
        GovernanceDatabase.MigrateAsync(db).GetAwaiter().GetResult();
        if (provider == "SQLite")
        {
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>The options for contexts on it.</summary>
    public DbContextOptions<GovernanceDbContext> Options { get; }

    public void Dispose()
    {
        _server?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
