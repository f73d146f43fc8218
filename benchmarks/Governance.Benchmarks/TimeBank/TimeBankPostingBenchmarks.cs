using BenchmarkDotNet.Attributes;
using Governance.People;
using Governance.TimeBank;
using NodaTime.Testing;

namespace Governance.Benchmarks.TimeBank;

/// <summary>
/// Single-thread posting throughput: 50,000 gifts between 1,000 funded accounts with every check on (idempotency,
/// no negative balance, the storage cap), against a naive ledger (a list of entries scanned for each balance, a
/// hash set of ids) in the same run. Each invocation starts from a fresh ledger (1,000 accounts, 1,000 deposits)
/// built in <c>[IterationSetup]</c>, outside the measurement; rejections (overdrawn gifts) use
/// <see cref="TimeBankLedger.TryExecute"/>, the form for hot paths.
/// </summary>
/// <remarks>
/// One invocation is one iteration here, so the first iterations include tiered JIT and the GC growing its heap:
/// 8 warm-ups and 10 measured iterations whatever job the command line names (job mutators apply to every job).
/// The setup collects garbage after building the ledgers and the cleanup drops them, so that an iteration measures
/// posting into a ledger, not collecting the previous iteration's ledger.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[InvocationCount(1)]
[WarmupCount(8)]
[IterationCount(10)]
public class TimeBankPostingBenchmarks
{
    public const int Transfers = 50_000;
    private const int Accounts = 1_000;
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly TimeBankPolicy Policy = new() { GiftRecipients = GiftRecipients.Anyone };

    private readonly Person[] _people = Enumerable.Range(0, Accounts).Select(i => new Person($"V{i}", $"志愿者{i}", [Role.Resident], birthDate: new LocalDate(1950, 1, 1))).ToArray();
    private readonly DepositRequest[] _deposits;
    private readonly GiftRequest[] _gifts;

    public TimeBankPostingBenchmarks()
    {
        var service = new ServiceRecord(ServiceType.HomeVisit, new Interval(T0 - Duration.FromHours(10), T0));
        _deposits = _people.Select(p => new DepositRequest($"seed-{p.Id}", p.Id.Value, service, "JL-GW1")).ToArray();
        var random = new Random(42);
        _gifts = Enumerable.Range(0, Transfers).Select(i =>
        {
            var from = random.Next(Accounts);
            var to = (from + 1 + random.Next(Accounts - 1)) % Accounts;
            return new GiftRequest($"g{i}", _people[from].Id.Value, _people[to].Id.Value, TimeCredit.FromMinutes(random.Next(1, 60)));
        }).ToArray();
    }

    private TimeBankLedger _ledger = null!;
    private List<(string Account, long Amount)> _entries = null!;
    private HashSet<string> _ids = null!;

    /// <summary>
    /// Posts ten rounds of the gifts into throwaway ledgers, so that the measured iterations run the ledger's tier-1
    /// code: in-process, posting reaches its steady speed only after ~0.5 s (tiered compilation waits for calls to
    /// settle), and the runs before this warm-up measured warm-up iterations still getting faster at the 8th.
    /// </summary>
    [GlobalSetup]
    public void WarmUpTheJit()
    {
        for (var round = 0; round < 10; round++)
        {
            FreshLedgers();
            foreach (var g in _gifts)
            {
                _ledger.TryExecute(g, out _, out _);
            }
        }

        DropLedgers();
    }

    [IterationSetup]
    public void FreshLedgers()
    {
        _entries = new List<(string Account, long Amount)>();
        _ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in _deposits)
        {
            _ids.Add(d.Id.Value);
            _entries.Add((d.Account.Value, 600));
        }

        _ledger = new TimeBankLedger(new FakeClock(T0), Policy);
        foreach (var p in _people)
        {
            _ledger.OpenPersonAccount(p);
        }

        foreach (var d in _deposits)
        {
            _ledger.Deposit(d);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [IterationCleanup]
    public void DropLedgers()
    {
        _ledger = null!;
        _entries = null!;
        _ids = null!;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Transfers)]
    public int Naive_ListScannedForEachBalance()
    {
        var entries = _entries;
        var ids = _ids;

        var accepted = 0;
        foreach (var g in _gifts)
        {
            if (!ids.Add(g.Id.Value))
            {
                continue;
            }

            long balance = 0;
            foreach (var e in entries)
            {
                if (e.Account == g.From.Value)
                {
                    balance += e.Amount;
                }
            }

            if (balance < g.Amount.Minutes)
            {
                ids.Remove(g.Id.Value);
                continue;
            }

            entries.Add((g.From.Value, -g.Amount.Minutes));
            entries.Add((g.To.Value, g.Amount.Minutes));
            accepted++;
        }

        return accepted;
    }

    [Benchmark(OperationsPerInvoke = Transfers)]
    public int Ledger_EveryCheckOn()
    {
        var ledger = _ledger;
        var accepted = 0;
        foreach (var g in _gifts)
        {
            if (ledger.TryExecute(g, out _, out _))
            {
                accepted++;
            }
        }

        return accepted;
    }
}
