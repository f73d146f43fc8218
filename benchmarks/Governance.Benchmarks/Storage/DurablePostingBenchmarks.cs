using BenchmarkDotNet.Attributes;
using Governance.EntityFrameworkCore.Storage;
using Governance.EntityFrameworkCore.TimeBank;
using Governance.People;
using Governance.Testing;
using Governance.TimeBank;
using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;

namespace Governance.Benchmarks.Storage;

/// <summary>
/// Durable time-bank postings from 64 or 256 concurrent callers: 2,000 gifts, each answered only once it is committed, on SQLite
/// (a temp file, WAL, synchronous=FULL) and on PostgreSQL (a throwaway local server, fsync on). Baseline: the write-ahead
/// store that commits one database transaction per posting (<see cref="TimeBankJournalStore{TContext}"/>); against it,
/// group commit (<see cref="GroupCommitJournal{TContext}"/>). Each invocation starts from an empty journal with one funded
/// account per caller, set up outside the measurement; postings per second = 2,000 / the time.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[InvocationCount(1)]
[WarmupCount(2)]
[IterationCount(6)]
public class DurablePostingBenchmarks
{
    public const int Postings = 2_000;

    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly TimeBankPolicy Policy = new() { GiftRecipients = GiftRecipients.Anyone };

    private BenchmarkDatabase? _database;
    private DbContextOptions<GovernanceDbContext> _options = null!;
    private TimeBankLedger _ledger = null!;
    private GroupCommitJournal<GovernanceDbContext>? _groupCommit;

    [Params("SQLite", "PostgreSQL")]
    public string Provider { get; set; } = "SQLite";

    /// <summary>How many callers post at once (each awaits its answer before its next posting).</summary>
    [Params(64, 256)]
    public int Callers { get; set; } = 64;

    [GlobalSetup]
    public void StartTheDatabase()
    {
        _database = new BenchmarkDatabase(Provider, "bench");
        _options = _database.Options;
    }

    [GlobalCleanup]
    public void StopTheDatabase() => _database?.Dispose();

    [IterationSetup(Target = nameof(OneTransactionPerPosting))]
    public void FreshPerPostingLedger() => _ledger = Fund(new TimeBankJournalStore<GovernanceDbContext>(Factory()).RestoreAsync(Policy, new FakeClock(T0)).GetAwaiter().GetResult());

    [IterationSetup(Target = nameof(GroupCommit))]
    public void FreshGroupCommitLedger()
    {
        _groupCommit = new GroupCommitJournal<GovernanceDbContext>(Factory());
        _ledger = Fund(_groupCommit.RestoreAsync(Policy, new FakeClock(T0)).GetAwaiter().GetResult());
        _groupCommit.DurableAsync().GetAwaiter().GetResult();
    }

    [IterationCleanup(Target = nameof(GroupCommit))]
    public void StopGroupCommit() => _groupCommit!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task OneTransactionPerPosting() => Post(request => Task.FromResult(_ledger.Execute(request)));

    [Benchmark]
    public Task GroupCommit() => Post(request => _groupCommit!.ExecuteAsync(request));

    private Task Post(Func<TimeBankRequest, Task<TimeBankTransaction>> execute) =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            for (var k = 0; k < Postings / Callers + (c < Postings % Callers ? 1 : 0); k++)
            {
                await execute(new GiftRequest($"g{c}-{k}", $"V{c}", $"V{(c + 1 + (k % (Callers - 1))) % Callers}", TimeCredit.FromMinutes(1)));
            }
        })));

    private IDbContextFactory<GovernanceDbContext> Factory()
    {
        using (var db = new GovernanceDbContext(_options))
        {
            db.TimeBankJournal.ExecuteDelete();
        }

        return new GovernanceDbContextFactory(_options);
    }

    private TimeBankLedger Fund(TimeBankLedger ledger)
    {
        var service = new ServiceRecord(ServiceType.HomeVisit, new Interval(T0 - Duration.FromHours(20), T0));
        for (var i = 0; i < Callers; i++)
        {
            ledger.OpenPersonAccount(new Person($"V{i}", $"志愿者{i}", [Role.Resident], birthDate: new LocalDate(1950, 1, 1)));
            ledger.Deposit(new DepositRequest($"d{i}", $"V{i}", service, "GW1"));
        }

        return ledger;
    }
}
