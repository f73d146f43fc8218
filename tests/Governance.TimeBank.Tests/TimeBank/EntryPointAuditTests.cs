using Governance.People;
using Governance.Testing;
using Governance.TimeBank;
using Xunit.Abstractions;
using static Governance.Tests.TimeBank.TimeBankFixture;
using Interval = NodaTime.Interval;

namespace Governance.Tests.TimeBank;

/// <summary>
/// The entry-point audit for the ledger: every request kind with one field damaged (ids, accounts, amounts, service
/// periods and types, dates, expiries, verifiers), and the read side (balances, statements, amounts parsed) at the edge
/// values. A damaged request is refused with a typed error and leaves the ledger's export as it was.
/// </summary>
public class EntryPointAuditTests(ITestOutputHelper output)
{
    private static readonly Person Verifier = new("JL-GW9", "网格员9", [Role.GridWorker]);

    private static readonly long[] Minutes = [long.MinValue, -1, 0, 100_000_001, long.MaxValue];

    [Fact]
    public void Every_damaged_request_is_refused_unchanged_and_every_read_is_typed_or_sensible()
    {
        var (ledger, _) = Create();
        ledger.OpenPersonAccount(Verifier);
        ledger.Deposit(new DepositRequest("seed", Acc(Wang), Service(600), Verifier.Id));
        var audit = new EntryPointAudit();
        string State() => ledger.Export().ToJson();
        var n = 0;
        string Next() => $"A{n++}";
        void Refused(string name, Func<TimeBankRequest> make) => audit.Refused(name, () => ledger.Execute(make()), State);

        var badAccounts = new (string Name, Id<TimeBankAccount> Id)[] { ("default", default), ("unknown", "NOBODY"), ("issuing", TimeBankLedger.IssuingAccountId), ("pool", TimeBankLedger.PoolAccountId) };
        var badIds = new (string Name, Func<Id<TimeBankTransaction>> Id)[] { ("default", () => default), ("reserved", () => "sys:1"), ("the seed's with other content", () => "seed") };
        var period = new Interval(Start - Duration.FromHours(2), Start - Duration.FromHours(1));

        foreach (var (name, id) in badIds)
        {
            Refused($"deposit with a {name} id", () => new DepositRequest(id(), Acc(Wang), Service(60), Verifier.Id));
            Refused($"gift with a {name} id", () => new GiftRequest(id(), Acc(Wang), Acc(Li), TimeCredit.FromMinutes(1)));
        }

        foreach (var (name, account) in badAccounts)
        {
            Refused($"deposit to the {name} account", () => new DepositRequest(Next(), account, Service(60), Verifier.Id));
            Refused($"gift from the {name} account", () => new GiftRequest(Next(), account, Acc(Li), TimeCredit.FromMinutes(1)));
            Refused($"gift to the {name} account", () => new GiftRequest(Next(), Acc(Wang), account, TimeCredit.FromMinutes(1)));
            Refused($"donation from the {name} account", () => new DonationRequest(Next(), account, TimeCredit.FromMinutes(1)));
            Refused($"redemption by the {name} account", () => new RedemptionRequest(Next(), account, Acc(Wang), ServiceType.HomeCare, new LocalDate(2026, 3, 2), TimeCredit.FromMinutes(1)));
            Refused($"redemption for the {name} account", () => new RedemptionRequest(Next(), Acc(Wang), account, ServiceType.HomeCare, new LocalDate(2026, 3, 2), TimeCredit.FromMinutes(1)));
            Refused($"hold by the {name} account", () => new HoldRequest(Next(), account, Acc(Wang), ServiceType.HomeCare, new LocalDate(2026, 3, 2), TimeCredit.FromMinutes(1), Start + Duration.FromDays(1)));
        }

        foreach (var minutes in Minutes)
        {
            Refused($"gift of {minutes} minutes", () => new GiftRequest(Next(), Acc(Wang), Acc(Li), TimeCredit.FromMinutes(minutes)));
            Refused($"donation of {minutes} minutes", () => new DonationRequest(Next(), Acc(Wang), TimeCredit.FromMinutes(minutes)));
            Refused($"redemption of {minutes} minutes", () => new RedemptionRequest(Next(), Acc(Wang), Acc(Wang), ServiceType.HomeCare, new LocalDate(2026, 3, 2), TimeCredit.FromMinutes(minutes)));
            Refused($"hold of {minutes} minutes", () => new HoldRequest(Next(), Acc(Wang), Acc(Wang), ServiceType.HomeCare, new LocalDate(2026, 3, 2), TimeCredit.FromMinutes(minutes), Start + Duration.FromDays(1)));
            Refused($"pool allocation of {minutes} minutes", () => new PoolAllocationRequest(Next(), [new PoolClaim(Acc(Zhao), TimeCredit.FromMinutes(minutes))]));
        }

        foreach (var start in BadValues.Instants)
        {
            foreach (var end in BadValues.Instants.Where(e => e >= start))
            {
                if (start == end || (start < Start && end <= Start && end - start <= Duration.FromHours(24) && start > Instant.FromUtc(1900, 1, 1, 0, 0)))
                {
                    continue;   // a plausible service
                }

                Refused($"deposit of service {start} – {end}", () => new DepositRequest(Next(), Acc(Wang), new ServiceRecord(ServiceType.HomeVisit, new Interval(start, end)), Verifier.Id));
            }

            if (start > Start && start < Start + Duration.FromDays(366))
            {
                continue;
            }

            Refused($"hold expiring {start}", () => new HoldRequest(Next(), Acc(Wang), Acc(Wang), ServiceType.HomeCare, new LocalDate(2026, 3, 2), TimeCredit.FromMinutes(1), start));
        }

        Refused("deposit of a service without a start", () => new DepositRequest(Next(), Acc(Wang), new ServiceRecord(ServiceType.HomeVisit, new Interval(null, Start)), Verifier.Id));
        Refused("deposit of a service without an end", () => new DepositRequest(Next(), Acc(Wang), new ServiceRecord(ServiceType.HomeVisit, new Interval(Start - Duration.FromHours(1), null)), Verifier.Id));
        Refused("deposit of a care service", () => new DepositRequest(Next(), Acc(Wang), new ServiceRecord(ServiceType.HomeCare, period), Verifier.Id));
        Refused("redemption of a volunteer service", () => new RedemptionRequest(Next(), Acc(Wang), Acc(Wang), ServiceType.HomeVisit, new LocalDate(2026, 3, 2), TimeCredit.FromMinutes(1)));
        Refused("deposit of a null service", () => new DepositRequest(Next(), Acc(Wang), null!, Verifier.Id));
        foreach (var (who, verifier) in new (string, Id<Person>)[] { ("the depositor", Wang.Id), ("a default id", default), ("a resident", Li.Id) })
        {
            Refused($"deposit verified by {who}", () => new DepositRequest(Next(), Acc(Wang), Service(60), verifier));
        }

        foreach (var date in BadValues.Dates.Where(d => d != new LocalDate(2026, 2, 17)))
        {
            Refused($"redemption for a service on {date}", () => new RedemptionRequest(Next(), Acc(Wang), Acc(Wang), ServiceType.HomeCare, date, TimeCredit.FromMinutes(1)));
        }

        Refused("reversal of an unknown transaction", () => new ReversalRequest(Next(), "NOPE", "错误"));
        Refused("reversal without a reason", () => new ReversalRequest(Next(), "seed", ""));
        Refused("post of an unknown hold", () => new PostHoldRequest(Next(), "NOPE"));
        Refused("void of an unknown hold", () => new VoidHoldRequest(Next(), "NOPE"));
        Refused("pool allocation without claims", () => new PoolAllocationRequest(Next(), []));
        Refused("a null request", () => null!);

        // The read side.
        foreach (var (name, account) in badAccounts.Where(a => a.Name is "default" or "unknown"))
        {
            audit.Refused($"BalanceOf the {name} account", () => ledger.BalanceOf(account));
            audit.Refused($"BalanceAsOf the {name} account", () => ledger.BalanceAsOf(account, Start));
        }

        foreach (var at in BadValues.Instants)
        {
            audit.Sensible($"BalanceAsOf {at}", () => ledger.BalanceAsOf(Acc(Wang), at).Minutes >= 0);
            foreach (var to in BadValues.Instants.Where(t => t >= at))
            {
                audit.Sensible($"Statement {at} – {to}", () => ledger.Statement(Acc(Wang), new Interval(at, to)).Entries.Count >= 0);
            }
        }

        foreach (var first in BadValues.Dates)
        {
            foreach (var last in BadValues.Dates.Where(d => d >= first))
            {
                audit.Sensible($"Statement {first} – {last}", () => ledger.Statement(Acc(Wang), new DateInterval(first, last)).Entries.Count >= 0);
            }
        }

        foreach (var text in BadValues.Texts.Concat(["-1m", "99999999999999999999h", "1h60m", "1m1h", "1h 30m", "٣h", "1H"]))
        {
            audit.Sensible($"TimeCredit.Parse('{text?[..Math.Min(text.Length, 12)]}')", () => TimeCredit.Parse(text!) is var credit && TimeCredit.Parse(credit.ToString()) == credit);
        }

        foreach (var minutes in Minutes)
        {
            audit.RefusedOrAccepted($"TimeCredit.FromMinutes({minutes})", () => TimeCredit.FromMinutes(minutes));
            audit.RefusedOrAccepted($"TimeCredit.FromHours({minutes})", () => TimeCredit.FromHours(minutes));
        }

        var table = audit.Table;
        output.WriteLine(table.ToString());
        Assert.True(table.Clean, table.Report);
    }
}
