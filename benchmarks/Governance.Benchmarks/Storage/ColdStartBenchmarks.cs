using BenchmarkDotNet.Attributes;
using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Storage;
using Governance.EntityFrameworkCore.TimeBank;
using Governance.People;
using Governance.TimeBank;
using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;

namespace Governance.Benchmarks.Storage;

/// <summary>
/// Cold start of a district on SQLite: a database holding 100,000 cases (registration, read model, five history rows each)
/// and a time-bank journal of 1,000,000 transactions over 10,000 accounts. "Ready" is: the schema checked and the ledger
/// restored from its journal (cases are loaded when first asked for). Baseline: only reading the journal's rows.
/// Target: ≤ 10 s.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[InvocationCount(1)]
[WarmupCount(1)]
[IterationCount(5)]
public class ColdStartBenchmarks
{
    private const int Cases = 100_000;
    private const int Transactions = 1_000_000;
    private const int People = 10_000;
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly TimeBankPolicy Policy = new() { GiftRecipients = GiftRecipients.Anyone, StorageCap = null };

    private string _folder = null!;
    private DbContextOptions<GovernanceDbContext> _options = null!;

    [GlobalSetup]
    public void FillTheDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("governance-cold-").FullName;
        _options = new DbContextOptionsBuilder<GovernanceDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "district.db")}").Options;
        using (var db = new GovernanceDbContext(_options))
        {
            GovernanceDatabase.MigrateAsync(db).GetAwaiter().GetResult();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }

        // The ledger, written through the group-commit journal's batches.
        var clock = new FakeClock(T0);
        var journal = new GroupCommitJournal<GovernanceDbContext>(new GovernanceDbContextFactory(_options));
        var ledger = journal.RestoreAsync(Policy, clock).GetAwaiter().GetResult();
        for (var i = 0; i < People; i++)
        {
            ledger.OpenPersonAccount(new Person($"V{i}", $"志愿者{i}", [Role.Resident], birthDate: new LocalDate(1950 + (i % 30), 1, 1)));
        }

        var random = new Random(11);
        for (var n = 0; n < Transactions; n++)
        {
            clock.Advance(Duration.FromSeconds(random.Next(1, 30)));
            var who = $"V{random.Next(People)}";
            var now = clock.GetCurrentInstant();
            TimeBankRequest request = n % 2 == 0
                ? new DepositRequest($"t{n}", who, new ServiceRecord(ServiceType.HomeVisit, new Interval(now - Duration.FromHours(1), now)), "GW1")
                : new DonationRequest($"t{n}", who, TimeCredit.FromMinutes(1));
            if (!ledger.TryExecute(request, out _, out _))
            {
                ledger.TryExecute(new DepositRequest($"t{n}", who, new ServiceRecord(ServiceType.HomeVisit, new Interval(now - Duration.FromHours(1), now)), "GW1"), out _, out _);
            }
        }

        journal.DurableAsync().GetAwaiter().GetResult();
        journal.DisposeAsync().AsTask().GetAwaiter().GetResult();

        // The cases, by the store's own rows (registration, read model, history), added in large batches.
        var workflow = new CaseWorkflow(Testing.SeedCommunities.JiuLong());
        var w = Testing.SeedCommunities.GridWorker(1);
        for (var start = 0; start < Cases; start += 5_000)
        {
            using var db = new GovernanceDbContext(_options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < start + 5_000; i++)
            {
                var at = T0 + Duration.FromMinutes(i);
                var c = workflow.Register(new CaseRegistration($"E{i:000000}", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Testing.SeedCommunities.Grid(1)), "漏水", at));
                c.Respond(w, at + Duration.FromMinutes(5));
                c.Claim(w, at + Duration.FromMinutes(6));
                c.Resolve(w, at + Duration.FromHours(5));
                c.GiveFeedback(w, at + Duration.FromHours(6), Satisfaction.Satisfied);
                c.Close(w, at + Duration.FromHours(6));
                db.Add(new CaseRow
                {
                    Id = c.Id.Value,
                    Registration = System.Text.Json.JsonSerializer.Serialize(c.Registration, Json.GovernanceJson.Options),
                    Version = c.Version,
                    State = c.State,
                    GridId = c.GridId.Value,
                    Category = c.Category.Code,
                    Source = c.Source.Code,
                    Priority = c.Priority,
                    RegisteredAt = c.RegisteredAt,
                    ClosedAt = c.LastActivityAt,
                });
                db.AddRange(c.History.Select(h => new CaseHistoryRow { CaseId = c.Id.Value, Sequence = h.Sequence, At = h.At, Entry = System.Text.Json.JsonSerializer.Serialize(h, Json.GovernanceJson.Options) }));
            }

            db.SaveChanges();
        }
    }

    [GlobalCleanup]
    public void DeleteTheDatabase()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [IterationCleanup]
    public void Collect() => GC.Collect();

    [Benchmark(Baseline = true)]
    public async Task<int> ReadJournalRowsOnly()
    {
        await using var db = new GovernanceDbContext(_options);
        var count = 0;
        await foreach (var row in db.TimeBankJournal.AsNoTracking().OrderBy(r => r.Sequence).AsAsyncEnumerable())
        {
            count += row.Payload.Length > 0 ? 1 : 0;
        }

        return count;
    }

    [Benchmark]
    public async Task<int> ColdStartToReady()
    {
        await using (var db = new GovernanceDbContext(_options))
        {
            await GovernanceDatabase.CheckAsync(db);
        }

        var journal = new GroupCommitJournal<GovernanceDbContext>(new GovernanceDbContextFactory(_options));
        var ledger = await journal.RestoreAsync(Policy, new FakeClock(T0));
        await journal.DisposeAsync();
        return ledger.Accounts.Count;
    }
}
