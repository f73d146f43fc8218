using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Governance.Testing;

/// <summary>
/// A throwaway PostgreSQL server for the tests: <c>initdb</c> in a temporary folder, <c>pg_ctl start</c> on a free
/// loopback port, <c>pg_ctl stop</c> and the folder deleted at the end. As root it runs the server as the <c>postgres</c>
/// user (PostgreSQL refuses to run as root). A server that cannot start fails the tests; it is never skipped.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _asPostgres;
    private int _databases;
    private int _stopped;

    public PostgresServer()
    {
        _bin = FindBin() ?? throw new InvalidOperationException(
            "PostgreSQL's server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin or on PATH; install Debian's 'postgresql' package (.ci/run does).");
        _asPostgres = Environment.UserName == "root";
        _folder = Directory.CreateTempSubdirectory("governance-pg-").FullName;
        if (_asPostgres)
        {
            Run("chown", $"postgres {_folder}");
        }

        Port = FreePort();
        var data = Path.Combine(_folder, "data");
        Server("initdb", $"-D {data} -A trust -U governance -E UTF8 --locale=C.UTF-8");
        Server("pg_ctl", $"-D {data} -l {Path.Combine(_folder, "server.log")} -w -t 60 -o \"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=100\" start");

        // A process that ends without disposing (a failed benchmark) still stops its server.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A connection string to a new, empty database on the server.</summary>
    public string NewDatabase()
    {
        var name = $"gov_test_{Interlocked.Increment(ref _databases)}";
        Server("psql", $"-h 127.0.0.1 -p {Port} -U governance -d postgres -v ON_ERROR_STOP=1 -c \"CREATE DATABASE {name}\"");
        return $"Host=127.0.0.1;Port={Port};Username=governance;Database={name};Pooling=false;Timeout=30;Command Timeout=60";
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            Server("pg_ctl", $"-D {Path.Combine(_folder, "data")} -m fast -w stop");
        }
        finally
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string? FindBin()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().ToList()
            : [];
        if (versions.Count > 0)
        {
            return versions[^1];
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Server(string tool, string arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (_asPostgres)
        {
            Run("runuser", $"-u postgres -- {path} {arguments}");
        }
        else
        {
            Run(path, arguments);
        }
    }

    private void Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder ?? Path.GetTempPath() };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {arguments} did not finish in 2 minutes.");
        }

        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder ?? "", "server.log");
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error.Result}{output.Result}{(File.Exists(log) ? File.ReadAllText(log) : "")}");
        }
    }
}
