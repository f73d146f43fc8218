using BenchmarkDotNet.Attributes;
using Governance.People;
using Governance.TimeBank;
using NodaTime.Testing;

namespace Governance.Benchmarks.TimeBank;

/// <summary>
/// Cold start of a ledger of 1,000,000 transactions (10,000 volunteers; deposits, gifts, donations and redemptions):
/// <see cref="TimeBankLedger.Restore"/> from its export against replaying the requests into a fresh ledger under a fake
/// clock set to each original timestamp (what a host had to do before), in the same run. The export is built once in
/// <c>[GlobalSetup]</c>; each invocation builds a whole ledger, so one invocation is one iteration.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[InvocationCount(1)]
[WarmupCount(3)]
[IterationCount(10)]
public class TimeBankRestoreBenchmarks
{
    public const int Transactions = 1_000_000;
    private const int People = 10_000;
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);

    private TimeBankLedgerExport _export = null!;
    private Person[] _people = null!;
    private TimeBankLedger? _built;

    [GlobalSetup]
    public void BuildTheLedger()
    {
        _people = Enumerable.Range(0, People).Select(i => new Person($"V{i}", $"志愿者{i}", [Role.Resident], birthDate: new LocalDate(1950 + (i % 30), 1, 1))).ToArray();
        var clock = new FakeClock(T0);
        var ledger = new TimeBankLedger(clock, new TimeBankPolicy { GiftRecipients = GiftRecipients.Anyone, StorageCap = null });
        foreach (var p in _people)
        {
            ledger.OpenPersonAccount(p);
        }

        var random = new Random(7);
        var n = 0;
        var accepted = 0;
        while (accepted < Transactions)
        {
            clock.Advance(Duration.FromSeconds(random.Next(1, 30)));
            var who = _people[random.Next(People)].Id.Value;
            var other = _people[random.Next(People)].Id.Value;
            TimeBankRequest request = (n % 4) switch
            {
                0 => new DepositRequest($"t{n}", who, new ServiceRecord(ServiceType.HomeVisit, new Interval(clock.GetCurrentInstant() - Duration.FromHours(2), clock.GetCurrentInstant())), "GW1"),
                1 when who != other => new GiftRequest($"t{n}", who, other, TimeCredit.FromMinutes(random.Next(1, 30))),
                2 => new DonationRequest($"t{n}", who, TimeCredit.FromMinutes(random.Next(1, 10))),
                _ => new RedemptionRequest($"t{n}", who, who, ServiceType.CanteenMeal, new LocalDate(2026, 3, 2), TimeCredit.FromMinutes(random.Next(1, 20))),
            };
            accepted += ledger.TryExecute(request, out _, out _) ? 1 : 0;
            n++;
        }

        _export = ledger.Export();
    }

    [IterationCleanup]
    public void DropTheLedger()
    {
        _built = null;
        GC.Collect();
    }

    [Benchmark(Baseline = true)]
    public int ReplayRequests()
    {
        var clock = new FakeClock(T0);
        var ledger = new TimeBankLedger(clock, _export.Policy);
        foreach (var account in _export.Accounts)
        {
            ledger.OpenPersonAccount(account.Person!);
        }

        foreach (var t in _export.Transactions)
        {
            clock.Reset(t.Timestamp);
            ledger.TryExecute(t.Request!, out _, out _);
        }

        _built = ledger;
        return ledger.Accounts.Count;
    }

    [Benchmark]
    public int RestoreFromExport()
    {
        var ledger = TimeBankLedger.Restore(_export, new FakeClock(T0));
        _built = ledger;
        return ledger.Accounts.Count;
    }
}
