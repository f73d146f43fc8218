using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Governance.EntityFrameworkCore.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Governance.Server.Tests;

/// <summary>
/// 压力测试 — two instances of the host on one PostgreSQL, over loopback HTTP, with a bounded load (fixed counts and
/// durations): concurrent clients on their own cases (throughput), a paced 500 requests/s (latency), clients contending
/// for shared cases (zero lost updates, every acknowledged write stored once, conflicts 409 and succeeding on retry), and
/// deposits to shared ledger accounts through both instances (stored once, the ledger balancing to zero), and the dashboard's
/// summary polled through both. The figures are
/// written to the test output and to <c>load-report.md</c> beside the binaries; they are reported, not asserted.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LoadTests(Governance.Testing.PostgresServer postgres, ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Quiet = new() { ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft"] = "Warning" };

    /// <summary>The trait that keeps the load test out of the main test run, so that it runs alone: it measures.</summary>
    public const string Category = "Load";

    [Fact]
    [Trait("Category", Category)]
    public async Task Two_instances_on_one_PostgreSQL_lose_nothing_under_load()
    {
        await using var a = ServerFactory.Postgres(postgres.NewDatabase(), settings: Quiet);
        await using var b = a.Twin();
        var clients = new[] { Start(a), Start(b) };
        var report = new StringBuilder("| phase | endpoint | requests | requests/s | p50 ms | p99 ms | max ms | 409s | GC pauses ms | CPU stolen |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");

        // Warm-up (not reported): the first requests compile the host's code.
        await RunAsync("warm-up", 16, null, async (worker, n, send) => n >= 4
            ? (HttpStatusCode.NoContent, "")
            : await send(clients[(worker + n) % 2], $"C1-R{(worker % 20) + 1}", "", "report", $"C1-B{(n % 8) + 1}"));

        // 0. Reports: 16 clients register 40 cases each through both instances (Open311).
        var cases = new ConcurrentDictionary<int, (string Id, string Worker)>();
        var registered = await RunAsync("register", 16, null, async (worker, n, send) =>
        {
            if (n >= 40)
            {
                return (HttpStatusCode.NoContent, "");
            }

            var building = ((worker + n) % 8) + 1;
            var (status, body) = await send(clients[(worker + n) % 2], $"C1-R{(worker % 20) + 1}", "", "report", $"C1-B{building}");
            Assert.True(status == HttpStatusCode.Created, $"{(int)status}: {body}");
            cases[(worker * 40) + n] = (JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!, $"C1-GW{building}");
            return (status, body);
        });
        report.Append(registered.Line);

        // Warm-up (not reported): 4 s of the throughput phase's traffic.
        await RunAsync("warm-up", 16, Duration.FromSeconds(4), async (worker, n, send) =>
        {
            var (id, gw) = cases[(worker * 40) + 39];
            var pause = n % 2 == 0;
            return await send(clients[worker % 2], gw, id, pause ? "pause" : "resume", pause ? new { reason = "预热" } : new { });
        });

        // 1. Throughput: 16 clients for 6 s, each over its own 30 cases in turn, pausing and resuming (a case's history
        // stays as short as real ones).
        var own = await RunAsync("throughput", 16, Duration.FromSeconds(6), async (worker, n, send) =>
        {
            var (id, gw) = cases[(worker * 40) + (n % 30)];
            var pause = (n / 30) % 2 == 0;
            return await send(clients[worker % 2], gw, id, pause ? "pause" : "resume", pause ? new { reason = "等待材料", note = $"t{worker}-{n}" } : new { note = $"t{worker}-{n}" });
        });
        report.Append(own.Line);

        // 2. Latency at a paced 500 requests/s for 6 s (open loop: a request leaves every 2 ms whatever the answers do).
        var paced = await PacedAsync(clients, Enumerable.Range(0, 16).SelectMany(w => Enumerable.Range(30, 8).Select(k => cases[(w * 40) + k])).ToList(), 500, Duration.FromSeconds(6));
        report.Append(paced.Line);

        // 3. Contention: 16 clients over 4 shared cases for 5 s; a refused command backs off, reads the case and tries again.
        var shared = Enumerable.Range(0, 4).Select(w => cases[(w * 40) + 38]).ToList();
        var acknowledged = new ConcurrentBag<(string Case, string Note, int Version)>();
        var retriedAndSucceeded = 0;
        var contention = await RunAsync("contention", 16, Duration.FromSeconds(5), async (worker, n, send) =>
        {
            var (id, gw) = shared[worker % 4];
            var client = clients[worker % 2];
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var current = await Api.CaseAsync(As(client, gw), id);
                var paused = current.GetProperty("paused").GetBoolean();
                var note = $"c{worker}-{n}-{attempt}";
                var (status, body) = await send(client, gw, id, paused ? "resume" : "pause", paused ? new { note } : new { reason = "等待材料", note });
                if (status == HttpStatusCode.OK)
                {
                    acknowledged.Add((id, note, JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt32()));
                    if (attempt > 0)
                    {
                        Interlocked.Increment(ref retriedAndSucceeded);
                    }

                    return (status, body);
                }

                Assert.True(status == HttpStatusCode.Conflict, $"{(int)status}: {body}");
                await Task.Delay(Random.Shared.Next(1, 4 * (attempt + 1)));   // back off, with jitter, as a client should
            }

            throw new InvalidOperationException("50 attempts were all refused.");
        });
        report.Append(contention.Line);

        await using (var db = await a.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>().CreateDbContextAsync())
        {
            foreach (var (id, _) in shared)
            {
                var entries = await db.CaseHistory.AsNoTracking().Where(h => h.CaseId == id).OrderBy(h => h.Sequence).Select(h => h.Entry).ToListAsync();
                var stored = entries.Select(e => JsonSerializer.Deserialize<Governance.Cases.CaseHistoryEntry>(e, Governance.Json.GovernanceJson.Options)!.Note).ToArray();
                var acks = acknowledged.Where(x => x.Case == id).ToArray();
                Assert.Equal(acks.Select(x => x.Note).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));   // every ack stored, once; nothing else
                Assert.Equal(acks.Length, acks.Select(x => x.Version).Distinct().Count());   // no two acks at one version: no lost update
            }
        }

        Assert.True(contention.Conflicts > 0, "the shared cases never conflicted: the contention phase tested nothing");
        Assert.True(retriedAndSucceeded > 0);

        // 4. The time bank through both instances: 8 clients × 15 deposits to 20 volunteers, each sent twice (a retry).
        var deposited = new ConcurrentDictionary<string, int>();
        var ledger = await RunAsync("time bank", 8, null, async (worker, n, send) =>
        {
            if (n >= 15)
            {
                return (HttpStatusCode.NoContent, "");
            }

            var id = $"load-dep-{worker}-{n}";
            var volunteer = $"C1-V{((worker * 15) + n) % 20 + 1}";
            var start = Instant.FromUtc(2026, 11, 1, 0, 0) + Duration.FromMinutes(((worker * 15) + n) * 61);
            var body = Api.Body(new Governance.TimeBank.DepositRequest(id, volunteer,
                new Governance.TimeBank.ServiceRecord(Governance.TimeBank.ServiceType.HomeVisit, new NodaTime.Interval(start, start + Duration.FromMinutes(30))), "nobody"));
            (HttpStatusCode, string) last = default;
            foreach (var client in new[] { clients[n % 2], clients[(n + 1) % 2] })
            {
                for (var attempt = 0; attempt < 10; attempt++)
                {
                    last = await send(client, "C1-SEC", "", "deposit", body);
                    if (last.Item1 == HttpStatusCode.OK)
                    {
                        deposited[id] = 30;
                        break;
                    }

                    Assert.True(last.Item1 == HttpStatusCode.Conflict, $"{(int)last.Item1}: {last.Item2}");
                }
            }

            return last;
        });
        report.Append(ledger.Line);

        // 5. The dashboard's summary (a wall screen's poll), 8 clients for 3 s through both instances, over the month's cases.
        var dashboard = await RunAsync("dashboard", 8, Duration.FromSeconds(3), async (worker, n, send) =>
        {
            var (status, body) = await send(clients[(worker + n) % 2], "C1-SEC", "", "dashboard", "");
            Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
            return (status, body);
        });
        report.Append(dashboard.Line);
        Assert.Equal(120, deposited.Count);
        foreach (var client in clients)
        {
            var trial = await Api.OkAsync(await As(client, "C1-SEC").GetAsync("/api/timebank/trial-balance"));
            Assert.Equal(0, trial.GetProperty("postedMinutes").GetInt64());
        }

        var total = 0L;
        for (var v = 1; v <= 20; v++)
        {
            total += (await Api.OkAsync(await As(clients[v % 2], "C1-SEC").GetAsync($"/api/timebank/accounts/C1-V{v}"))).GetProperty("postedMinutes").GetInt64();
        }

        Assert.Equal(120 * 30, total);
        await using (var db = await a.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>().CreateDbContextAsync())
        {
            var ids = await db.TimeBankJournal.AsNoTracking().Where(j => j.TransactionId != null && j.TransactionId.StartsWith("load-dep-")).Select(j => j.TransactionId!).ToListAsync();
            Assert.Equal(120, ids.Count);
            Assert.Equal(120, ids.Distinct().Count());
        }

        var text = $"Two instances of Governance.Server on one PostgreSQL 15 (a throwaway server), the load generator in the same process, loopback HTTP/1.1, on this machine ({Environment.ProcessorCount} cores).\n\n{report}\n"
            + $"Contention: {contention.Conflicts} answers were 409 and {retriedAndSucceeded} commands succeeded on a retry; time bank: the two instances restored the journal {a.Services.GetRequiredService<LedgerHost>().Restores + b.Services.GetRequiredService<LedgerHost>().Restores} times in all (once at start each, then once per takeover).\n";
        output.WriteLine(text);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "load-report.md"), text);
    }

    private static readonly ConcurrentDictionary<string, string> Tokens = new();

    private static string TokenOf(string person) => Tokens.GetOrAdd(person, p => ServerFactory.Token(p, Duration.FromHours(2)));

    private static readonly ConcurrentDictionary<HttpClient, SocketsHttpHandler> Handlers = new();

    private static HttpClient Start(ServerFactory server)
    {
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 };
        var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(address), Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        Handlers[client] = handler;
        return client;
    }

    /// <summary>A client with one person's token on the instance's shared connection pool.</summary>
    private static HttpClient As(HttpClient client, string person) =>
        new(new Bearer(TokenOf(person)) { InnerHandler = Handlers[client] }, disposeHandler: false) { BaseAddress = client.BaseAddress };

    private sealed class Bearer(string token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private delegate Task<(HttpStatusCode Status, string Body)> Send(HttpClient client, string person, string id, string command, object body);

    private sealed record PhaseResult(string Line, int Conflicts);

    /// <summary>Closed loop: each worker sends, waits for the answer, sends again, until the duration is over (or the step says it is done).</summary>
    private static async Task<PhaseResult> RunAsync(string phase, int workers, Duration? duration, Func<int, int, Send, Task<(HttpStatusCode, string)>> step)
    {
        var latencies = new ConcurrentBag<double>();
        var conflicts = 0;
        async Task<(HttpStatusCode, string)> Timed(HttpClient client, string person, string id, string command, object body)
        {
            var watch = Stopwatch.StartNew();
            using var request = command switch
            {
                "report" => new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["service_code"] = "parking", ["description"] = "楼下车辆乱停放", ["address_id"] = (string)body }),
                },
                "deposit" => new HttpRequestMessage(HttpMethod.Post, "/api/timebank/deposit") { Content = new StringContent((string)body, Encoding.UTF8, "application/json") },
                "dashboard" => new HttpRequestMessage(HttpMethod.Get, "/api/dashboard"),
                _ => new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/{command}") { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") },
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenOf(person));
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                Interlocked.Increment(ref conflicts);
            }

            return (response.StatusCode, text);
        }

        var machine = Machine.Now();
        var clock = Stopwatch.StartNew();
        var end = duration is { } d ? d.TotalMilliseconds : double.MaxValue;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; clock.Elapsed.TotalMilliseconds < end; n++)
            {
                var (status, body) = await step(w, n, Timed);
                if (status == HttpStatusCode.NoContent)
                {
                    return;
                }

                if (phase == "throughput")
                {
                    Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
                }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var endpoint = phase switch
        {
            "time bank" => "POST /api/timebank/deposit",
            "dashboard" => "GET /api/dashboard",
            "register" => "POST /open311/v2/requests.json",
            _ => "POST /api/cases/{id}/pause, resume",
        };
        return new PhaseResult(Line(phase, endpoint, latencies.ToArray(), seconds, conflicts, machine), conflicts);
    }

    /// <summary>Open loop at a fixed rate: a request leaves every 1/rate s, spread over both instances and the cases.</summary>
    private static async Task<PhaseResult> PacedAsync(HttpClient[] clients, List<(string Id, string Worker)> cases, int rate, Duration duration)
    {
        var latencies = new ConcurrentBag<double>();
        var count = (int)(rate * duration.TotalSeconds);
        var paused = new bool[cases.Count];
        var gates = cases.Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        var machine = Machine.Now();
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = i * 1000.0 / rate;
            var wait = due - clock.Elapsed.TotalMilliseconds;
            if (wait > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }

            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var k = n % cases.Count;
                var (id, gw) = cases[k];
                await gates[k].WaitAsync();   // one command in flight per case, so each is permitted when it arrives
                try
                {
                    var command = paused[k] ? "resume" : "pause";
                    var watch = Stopwatch.StartNew();
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/{command}")
                    {
                        Content = new StringContent(command == "pause" ? """{"reason":"等待材料"}""" : "{}", Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenOf(gw));
                    using var response = await clients[n % 2].SendAsync(request);
                    await response.Content.ReadAsStringAsync();
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    paused[k] = !paused[k];
                }
                finally
                {
                    gates[k].Release();
                }
            }));
        }

        await Task.WhenAll(tasks);
        return new PhaseResult(Line($"paced {rate}/s", "POST /api/cases/{id}/pause, resume", latencies.ToArray(), clock.Elapsed.TotalSeconds, 0, machine), 0);
    }

    private static string Line(string phase, string endpoint, double[] latencies, double seconds, int conflicts, Machine before)
    {
        var (pauses, stolen) = Machine.Now().Since(before);
        Array.Sort(latencies);
        double P(double q) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))];
        return string.Create(CultureInfo.InvariantCulture,
            $"| {phase} | {endpoint} | {latencies.Length} | {latencies.Length / seconds:F0} | {P(0.5):F1} | {P(0.99):F1} | {(latencies.Length == 0 ? 0 : latencies[^1]):F0} | {conflicts} | {pauses:F0} | {stolen:P0} |\n");
    }

    /// <summary>What the process and the machine did meanwhile: the GC's pauses, and the CPU time the hypervisor took (steal).</summary>
    private sealed record Machine(TimeSpan Pauses, long Steal, long Total)
    {
        public static Machine Now()
        {
            var cpu = File.Exists("/proc/stat") ? File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray() : [];
            return new Machine(GC.GetTotalPauseDuration(), cpu.Length > 7 ? cpu[7] : 0, cpu.Sum());
        }

        public (double PausesMs, double Stolen) Since(Machine before)
        {
            var now = Now();
            return ((now.Pauses - before.Pauses).TotalMilliseconds, now.Total == before.Total ? 0 : (double)(now.Steal - before.Steal) / (now.Total - before.Total));
        }
    }
}
