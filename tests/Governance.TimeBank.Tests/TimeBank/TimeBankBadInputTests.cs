using Governance.People;
using Governance.TimeBank;
using static Governance.Tests.TimeBank.TimeBankFixture;
using Interval = NodaTime.Interval;

namespace Governance.Tests.TimeBank;

/// <summary>What the audit fed the ledger: each gets a typed error (an argument error or a rejection) and changes nothing.</summary>
public class TimeBankBadInputTests
{
    private static void RefusedAndUnchanged(TimeBankLedger ledger, Action act, RefusalReason? refusal = null)
    {
        var before = ledger.Export();
        var balances = ledger.Accounts.Select(a => ledger.BalanceOf(a.Id)).ToList();
        var e = Record.Exception(act);
        Assert.True(e is ArgumentException or GovernanceException, $"expected a typed error, got {e?.GetType().Name ?? "none"}: {e?.Message}");
        if (refusal is { } r)
        {
            Assert.Equal(r, Assert.IsAssignableFrom<GovernanceException>(e).Refusal);
        }

        Assert.Equal(before.Transactions.Count, ledger.Export().Transactions.Count);
        Assert.Equal(balances, ledger.Accounts.Select(a => ledger.BalanceOf(a.Id)));
    }

    [Fact]
    public void Nonsense_deposits_holds_and_statements_are_refused()
    {
        var (ledger, _) = Create();
        var verifier = new Person("JL-GW9", "网格员9", [Role.GridWorker]);
        ledger.OpenPersonAccount(verifier);

        // Verification is by someone else, with a verifying role when the ledger knows them.
        RefusedAndUnchanged(ledger, () => ledger.Deposit(new DepositRequest("D1", Acc(Wang), Service(60), Wang.Id)), RefusalReason.NotAuthorized);
        RefusedAndUnchanged(ledger, () => ledger.Deposit(new DepositRequest("D2", Acc(Wang), Service(60), Li.Id)), RefusalReason.NotAuthorized);
        ledger.Deposit(new DepositRequest("D3", Acc(Wang), Service(60), verifier.Id));

        // Service in year 9999, before 1900, without a start.
        RefusedAndUnchanged(ledger, () => ledger.Deposit(new DepositRequest("D4", Acc(Wang),
            new ServiceRecord(ServiceType.HomeVisit, new Interval(Instant.FromUtc(9999, 1, 1, 0, 0), Instant.FromUtc(9999, 1, 1, 1, 0))), verifier.Id)));
        RefusedAndUnchanged(ledger, () => ledger.Deposit(new DepositRequest("D5", Acc(Wang),
            new ServiceRecord(ServiceType.HomeVisit, new Interval(Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUtc(1, 1, 1, 1, 0))), verifier.Id)));
        RefusedAndUnchanged(ledger, () => ledger.Deposit(new DepositRequest("D6", Acc(Wang),
            new ServiceRecord(ServiceType.HomeVisit, new Interval(null, Start)), verifier.Id)));

        // A hold expiring at the end of time, a redemption for a service in 9999, a statement past 9999-12-31.
        RefusedAndUnchanged(ledger, () => ledger.Hold(new HoldRequest("H1", Acc(Wang), Acc(Wang), ServiceType.HomeCare, new LocalDate(2026, 3, 2), TimeCredit.FromMinutes(10), Instant.MaxValue)));
        RefusedAndUnchanged(ledger, () => ledger.Redeem(new RedemptionRequest("R1", Acc(Wang), Acc(Wang), ServiceType.HomeCare, new LocalDate(9999, 1, 1), TimeCredit.FromMinutes(10))));
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Statement(Acc(Wang), new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(9999, 12, 31))));
    }
}
