using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Governance.Server.Tests;

/// <summary>
/// The host as a user starts it: the built program in an empty folder, no settings but a loopback port. It creates its
/// SQLite file there with the demo district, serves the dashboard, health and the API, and a token printed by its
/// <c>token</c> command is accepted. Stopped after.
/// </summary>
public sealed class ServerProcessTests
{
    [Fact]
    public async Task The_program_runs_with_no_set_up_on_a_new_sqlite_file()
    {
        var folder = Directory.CreateTempSubdirectory("governance-server-").FullName;
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Governance.Server.dll");
        using var server = Start(folder, dll, "--urls", $"http://127.0.0.1:{port}", "--Governance:SlaMonitorSeconds", "0");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            string? health = null;
            for (var i = 0; i < 120 && health != "Healthy"; i++)
            {
                Assert.False(server.HasExited, $"the server exited with {(server.HasExited ? server.ExitCode : 0)}");
                try
                {
                    health = await http.GetStringAsync("/health");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(500);
                }
            }

            Assert.Equal("Healthy", health);
            Assert.True(File.Exists(Path.Combine(folder, "governance.db")));
            Assert.Contains("辖区看板", await http.GetStringAsync("/"), StringComparison.Ordinal);

            using var token = Start(folder, dll, "token", "C1-GW3");
            var printed = (await token.StandardOutput.ReadToEndAsync()).Trim();
            Assert.True(token.WaitForExit(30_000));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", printed);
            var me = await http.GetStringAsync("/api/me");
            Assert.Contains("\"id\":\"C1-GW3\"", me, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/open311/v2/services.json")).StatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Process Start(string folder, string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        if (args is not ["token", ..])
        {
            // Drain the server's output so it never blocks on a full pipe.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
        }

        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
