using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Storage;
using Governance.Json;
using Governance.Testing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Benchmarks.Storage;

/// <summary>
/// One case command made durable on SQLite (a temp file, WAL) and on PostgreSQL (a throwaway local server, pooled
/// connections), load included: load a stored 12-entry case, give it one
/// command (a pause or a resume), store it. Baseline: the whole aggregate loaded into a change-tracked context (the case
/// row and every history row tracked), restored, changed and saved by <c>SaveChanges</c>. Against it: the store's
/// <see cref="CaseStore{TContext}.LoadAsync"/> and <see cref="CaseStore{TContext}.AppendAsync"/> (the new entry only, the
/// read model's version checked). 2,000 stored cases are used in turn.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CaseAppendBenchmarks
{
    private const int Cases = 2_000;
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;
    private readonly CaseWorkflow _workflow = new(SeedCommunities.JiuLong());
    private BenchmarkDatabase? _database;
    private DbContextOptions<GovernanceDbContext> _options = null!;
    private CaseStore<GovernanceDbContext> _store = null!;
    private int _next;

    /// <summary>The database.</summary>
    [Params("SQLite", "PostgreSQL")]
    public string Provider { get; set; } = "SQLite";

    [GlobalSetup]
    public void StoreTheCases()
    {
        _database = new BenchmarkDatabase(Provider, "append");
        _options = _database.Options;
        _store = new CaseStore<GovernanceDbContext>(new GovernanceDbContextFactory(_options), _workflow);
        var w = SeedCommunities.GridWorker(1);
        for (var i = 0; i < Cases; i++)
        {
            var c = _workflow.Register(new CaseRegistration($"E{i:0000}", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(SeedCommunities.Grid(1)), "漏水", T0));
            c.Respond(w, T0 + Duration.FromMinutes(1));
            c.Claim(w, T0 + Duration.FromMinutes(2));
            for (var k = 0; k < 5; k++)
            {
                c.Pause(w, T0 + Duration.FromMinutes(3 + (2 * k)), "等待入户");
                c.Resume(w, T0 + Duration.FromMinutes(4 + (2 * k)));
            }

            _store.AddAsync(c).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void DeleteTheDatabase() => _database?.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<int> ChangeTrackedAggregate()
    {
        var id = $"E{_next++ % Cases:0000}";
        await using var db = new GovernanceDbContext(_options);
        var row = await db.Cases.SingleAsync(r => r.Id == id);
        var history = await db.CaseHistory.Where(h => h.CaseId == id).OrderBy(h => h.Sequence).ToListAsync();
        var c = _workflow.Restore(JsonSerializer.Deserialize<CaseRegistration>(row.Registration, Json)!, history.Select(h => JsonSerializer.Deserialize<CaseHistoryEntry>(h.Entry, Json)!));
        c.Execute(Toggle(c));
        var entry = c.History[^1];
        db.CaseHistory.Add(new CaseHistoryRow { CaseId = id, Sequence = entry.Sequence, At = entry.At, Entry = JsonSerializer.Serialize(entry, Json) });
        row.Version = c.Version;
        row.State = c.State;
        await db.SaveChangesAsync();
        return c.Version;
    }

    [Benchmark]
    public async Task<int> LoadAndAppend()
    {
        var c = (await _store.LoadAsync($"E{_next++ % Cases:0000}"))!;
        var version = c.Version;
        c.Execute(Toggle(c));
        await _store.AppendAsync(c, version);
        return c.Version;
    }

    /// <summary>The next command for a case that is paused and resumed in turn: a resume if it is paused, else a pause.</summary>
    internal static CaseCommand Toggle(Case c)
    {
        var at = c.LastActivityAt + Duration.FromMinutes(1);
        return c.IsPaused ? new ResumeCommand(SeedCommunities.GridWorker(1), at) : new PauseCommand(SeedCommunities.GridWorker(1), at, "等待入户");
    }
}
