using System.Net.Http.Headers;
using Governance.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace Governance.Server.Tests;

/// <summary>
/// The reference host in-process on a database of the test's choosing (a SQLite temp file, or a database on the throwaway
/// PostgreSQL server), with a fake clock and the SLA monitor driven by hand.
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    /// <summary>Monday 2026-11-30 09:00 in Shanghai: a working morning.</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 30, 1, 0);

    private readonly string _provider;
    private readonly string _connection;
    private readonly string? _sqliteFile;
    private readonly Dictionary<string, string> _settings;

    private ServerFactory(string provider, string connection, string? sqliteFile, FakeClock clock, Dictionary<string, string>? settings)
    {
        (_provider, _connection, _sqliteFile, Clock) = (provider, connection, sqliteFile, clock);
        _settings = settings ?? [];
    }

    public FakeClock Clock { get; }

    public string ConnectionString => _connection;

    public string Provider => _provider;

    /// <summary>A host on a new SQLite file.</summary>
    public static ServerFactory Sqlite(Dictionary<string, string>? settings = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"governance-server-{Guid.NewGuid():N}.db");
        return new ServerFactory("sqlite", $"Data Source={file}", file, new FakeClock(Start), settings);
    }

    /// <summary>A host on a PostgreSQL database (several hosts may share one: pass the same connection string and clock).</summary>
    public static ServerFactory Postgres(string connection, FakeClock? clock = null, Dictionary<string, string>? settings = null) =>
        new("postgresql", connection.Replace("Pooling=false", "Pooling=true;Maximum Pool Size=40", StringComparison.Ordinal), null, clock ?? new FakeClock(Start), settings);

    /// <summary>Another host on the same database and clock (a second instance).</summary>
    public ServerFactory Twin() => new(_provider, _connection, null, Clock, _settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Governance:Provider", _provider);
        builder.UseSetting("Governance:ConnectionString", _connection);
        builder.UseSetting("Governance:SlaMonitorSeconds", "0");
        builder.UseSetting("Governance:PublicRequestsPerMinute", "100000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(Clock));
    }

    /// <summary>A client with a bearer token for a person of the demo district.</summary>
    public HttpClient As(string person, Duration? lifetime = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(person, lifetime));
        return client;
    }

    /// <summary>A token for a person, valid around the real clock (tokens are checked on the machine's time).</summary>
    internal static string Token(string person, Duration? lifetime = null, TokenOptions? options = null) =>
        Access.Issue(options ?? new TokenOptions(), person, SystemClock.Instance.GetCurrentInstant(), lifetime ?? Duration.FromHours(1));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(f);
            }
        }
    }
}
