using BenchmarkDotNet.Attributes;
using Governance.People;
using Governance.TimeBank;
using NodaTime.Testing;

namespace Governance.Benchmarks.TimeBank;

/// <summary>
/// A passbook statement for one month of an account with 100,000 entries over about a year, against a naive
/// statement that scans a list of every entry for the opening balance and the period's lines.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TimeBankStatementBenchmarks
{
    private const int Entries = 100_000;
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 1, 1, 0);
    private static readonly DateInterval June = new(new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 30));

    private readonly TimeBankLedger _ledger;
    private readonly List<(Instant At, string Account, long Amount)> _naive = [];
    private readonly Interval _juneInstants;

    public TimeBankStatementBenchmarks()
    {
        var clock = new FakeClock(T0);
        _ledger = new TimeBankLedger(clock, new TimeBankPolicy { GiftRecipients = GiftRecipients.Anyone, StorageCap = null });
        var a = new Person("A", "甲", [Role.Resident], birthDate: new LocalDate(1950, 1, 1));
        var b = new Person("B", "乙", [Role.Resident], birthDate: new LocalDate(1950, 1, 1));
        _ledger.OpenPersonAccount(a);
        _ledger.OpenPersonAccount(b);
        for (var i = 0; i < Entries; i++)
        {
            var now = clock.GetCurrentInstant();
            if (i % 2 == 0)
            {
                _ledger.Deposit(new DepositRequest($"d{i}", "A", new ServiceRecord(ServiceType.HomeVisit, new Interval(now - Duration.FromHours(1), now)), "JL-GW1"));
                _naive.Add((now, "A", 60));
            }
            else
            {
                _ledger.Gift(new GiftRequest($"g{i}", "A", "B", TimeCredit.FromMinutes(30)));
                _naive.Add((now, "A", -30));
                _naive.Add((now, "B", 30));
            }

            clock.Advance(Duration.FromMinutes(5));
        }

        var zone = _ledger.Policy.TimeZone;
        _juneInstants = new Interval(zone.AtStartOfDay(June.Start).ToInstant(), zone.AtStartOfDay(June.End.PlusDays(1)).ToInstant());
    }

    [Benchmark(Baseline = true)]
    public int Naive_ScanEveryEntry()
    {
        long opening = 0;
        var lines = new List<(Instant, long)>();
        foreach (var e in _naive)
        {
            if (e.Account != "A")
            {
                continue;
            }

            if (e.At < _juneInstants.Start)
            {
                opening += e.Amount;
            }
            else if (e.At < _juneInstants.End)
            {
                lines.Add((e.At, e.Amount));
            }
        }

        return lines.Count + (int)(opening & 1);
    }

    [Benchmark]
    public int Ledger_Statement()
    {
        var statement = _ledger.Statement("A", June);
        return statement.Entries.Count + (int)(statement.Opening.Minutes & 1);
    }

    [Benchmark]
    public long Ledger_BalanceAsOf()
    {
        return _ledger.BalanceAsOf("A", _juneInstants.Start).Minutes;
    }
}
