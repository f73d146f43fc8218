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
/// 64 callers at once, each appending one command (a pause or a resume) to its own case, on SQLite (a temp file, WAL)
/// and on PostgreSQL (a throwaway local server, pooled connections): <see cref="CaseStore{TContext}.AppendAsync"/>,
/// whose overlapping appends are committed together, against each append in its own transaction (baseline: the rows the
/// store writes for one append alone, the read model's version checked). The cases stay in memory, so only the appends
/// are measured; the time is per append. Each caller starts on the thread pool (SQLite's calls complete synchronously, so
/// callers started in a loop would otherwise run one after another).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CaseGroupCommitBenchmarks
{
    private const int Callers = 64;
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;
    private readonly CaseWorkflow _workflow = new(SeedCommunities.JiuLong());
    private BenchmarkDatabase? _database;
    private GovernanceDbContextFactory _contexts = null!;
    private CaseStore<GovernanceDbContext> _store = null!;
    private Case[] _cases = null!;

    /// <summary>The database.</summary>
    [Params("SQLite", "PostgreSQL")]
    public string Provider { get; set; } = "SQLite";

    [GlobalSetup]
    public void StoreTheCases()
    {
        _database = new BenchmarkDatabase(Provider, "group-commit");
        _contexts = new GovernanceDbContextFactory(_database.Options);
        _store = new CaseStore<GovernanceDbContext>(_contexts, _workflow);
        var w = SeedCommunities.GridWorker(1);
        _cases = new Case[Callers];
        for (var i = 0; i < Callers; i++)
        {
            var c = _workflow.Register(new CaseRegistration($"E{i:00}", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(SeedCommunities.Grid(1)), "漏水", T0));
            c.Respond(w, T0 + Duration.FromMinutes(1));
            c.Claim(w, T0 + Duration.FromMinutes(2));
            _store.AddAsync(c).GetAwaiter().GetResult();
            _cases[i] = c;
        }
    }

    [GlobalCleanup]
    public void DeleteTheDatabase() => _database?.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Callers)]
    public Task OneTransactionEach() => Task.WhenAll(_cases.Select(async c =>
    {
        await Task.Yield();
        var version = c.Version;
        c.Execute(CaseAppendBenchmarks.Toggle(c));
        await using var db = _contexts.CreateDbContext();
        var row = new CaseRow { Id = c.Id.Value, Version = version };
        var entry = db.Attach(row);
        (row.Version, row.State, row.GridId, row.Category, row.Source, row.Priority, row.RegisteredAt) =
            (c.Version, c.State, c.GridId.Value, c.Category.Code, c.Source.Code, c.Priority, c.RegisteredAt);
        foreach (var property in entry.Properties)
        {
            property.IsModified = property.Metadata.Name is not (nameof(CaseRow.Id) or nameof(CaseRow.Registration));
        }

        var last = c.History[^1];
        db.Add(new CaseHistoryRow { CaseId = c.Id.Value, Sequence = last.Sequence, At = last.At, Entry = JsonSerializer.Serialize(last, Json) });
        await db.SaveChangesAsync();
    }));

    [Benchmark(OperationsPerInvoke = Callers)]
    public Task GroupCommit() => Task.WhenAll(_cases.Select(async c =>
    {
        await Task.Yield();
        var version = c.Version;
        c.Execute(CaseAppendBenchmarks.Toggle(c));
        await _store.AppendAsync(c, version);
    }));
}
