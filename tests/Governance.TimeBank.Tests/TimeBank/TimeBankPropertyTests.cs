using FsCheck.Xunit;
using Governance.TimeBank;
using static Governance.Tests.TimeBank.TimeBankFixture;
using Interval = NodaTime.Interval;

namespace Governance.Tests.TimeBank;

public class TimeBankPropertyTests
{
    private static readonly LocalDate ServiceDate = new(2026, 3, 2);
    private static readonly Id<TimeBankAccount>[] Persons = [Acc(Wang), Acc(Li), Acc(Son), Acc(Zhao)];

    /// <summary>Random (kind, a, b, minutes, advance) steps; applied leniently (rejections ignored).</summary>
    private static readonly Gen<(int Kind, int A, int B, int Minutes, int Advance)[]> Steps =
        Gen.ArrayOf(
            from kind in Gen.Choose(0, 5)
            from a in Gen.Choose(0, 3)
            from b in Gen.Choose(0, 3)
            from minutes in Gen.Choose(1, 600)
            from advance in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 60 * 24 * 40)))
            select (kind, a, b, minutes, advance)).Select(s => s.Take(50).ToArray());

    private static TimeBankLedger Play((int Kind, int A, int B, int Minutes, int Advance)[] steps, TimeBankPolicy? policy = null)
    {
        var (ledger, clock) = Create(policy);
        for (var i = 0; i < steps.Length; i++)
        {
            var (kind, a, b, minutes, advance) = steps[i];
            clock.Advance(Duration.FromMinutes(advance));
            var now = clock.GetCurrentInstant();
            TimeBankRequest request = kind switch
            {
                0 or 1 => new DepositRequest($"T{i}", Persons[a], new ServiceRecord(ServiceType.HomeVisit, new Interval(now - Duration.FromMinutes(minutes), now)), "JL-GW1"),
                2 => new RedemptionRequest($"T{i}", Persons[a], Persons[b], ServiceType.HomeCare, now.InZone(ledger.Policy.TimeZone).Date, TimeCredit.FromMinutes(minutes / 4)),
                3 => new GiftRequest($"T{i}", Persons[a], Persons[b], TimeCredit.FromMinutes(minutes / 3)),
                4 => new HoldRequest($"T{i}", Persons[a], Persons[b], ServiceType.HomeCare, now.InZone(ledger.Policy.TimeZone).Date, TimeCredit.FromMinutes(minutes / 5), now + Duration.FromDays(3)),
                _ => new DonationRequest($"T{i}", Persons[a], TimeCredit.FromMinutes(minutes / 6)),
            };
            try
            {
                ledger.Execute(request);
            }
            catch (Exception e) when (e is TimeBankRejectedException or ArgumentException)
            {
                // Rejections are part of the random walk.
            }
        }

        return ledger;
    }

    [Property(MaxTest = 100)]
    public Property Replaying_every_accepted_request_is_a_no_op() =>
        Prop.ForAll(Steps.ToArbitrary(), steps =>
        {
            var ledger = Play(steps);
            var before = ledger.Transactions;
            var balances = ledger.Accounts.Select(a => ledger.BalanceOf(a.Id)).ToArray();
            var replays = before.Where(t => t.Request is not null).Select(t => (t, again: ledger.Execute(t.Request!))).ToArray();
            return replays.All(r => ReferenceEquals(r.t, r.again))
                && ledger.Transactions.Count == before.Count
                && ledger.Accounts.Select(a => ledger.BalanceOf(a.Id)).SequenceEqual(balances);
        });

    [Property(MaxTest = 100)]
    public Property The_balance_as_of_an_instant_is_the_sum_of_the_entries_up_to_it() =>
        Prop.ForAll(Steps.ToArbitrary(), Gen.Choose(0, 60 * 24 * 400).ToArbitrary(), (steps, offset) =>
        {
            var ledger = Play(steps);
            var t = Start + Duration.FromMinutes(offset);
            return ledger.Accounts.All(a =>
            {
                var sum = ledger.Statement(a.Id, new Interval(null, null)).Entries.Where(e => e.Timestamp <= t).Sum(e => e.Amount.Minutes);
                return ledger.BalanceAsOf(a.Id, t).Minutes == sum;
            });
        });

    /// <summary>
    /// Passbook lines are read back from compact postings: each line's balances must be the running sums of the
    /// amounts and held changes before it, end at the account's balances now, and name a counterparty from a leg.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property Every_passbook_line_is_the_running_sum_of_the_lines_before_it() =>
        Prop.ForAll(Steps.ToArbitrary(), steps =>
        {
            var ledger = Play(steps);
            return ledger.Accounts.All(a =>
            {
                var lines = ledger.Statement(a.Id, new Interval(null, null)).Entries;
                long posted = 0, held = 0;
                foreach (var line in lines)
                {
                    posted += line.Amount.Minutes;
                    held += line.HeldChange.Minutes;
                    var legs = line.Transaction.Legs;
                    if (line.Balance.Minutes != posted || line.Held.Minutes != held
                        || !legs.Any(l => (l.Debit == a.Id && l.Credit == line.Counterparty) || (l.Credit == a.Id && l.Debit == line.Counterparty)))
                    {
                        return false;
                    }
                }

                var now = ledger.BalanceOf(a.Id);
                return now.Posted.Minutes == posted && now.Held.Minutes == held;
            });
        });

    [Property(MaxTest = 100)]
    public Property A_statements_closing_balance_is_the_next_statements_opening_balance() =>
        Prop.ForAll(Steps.ToArbitrary(), Gen.Choose(1, 120).ToArbitrary(), (steps, days) =>
        {
            var ledger = Play(steps);
            var first = new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 1).PlusDays(days - 1));
            var second = new DateInterval(first.End.PlusDays(1), first.End.PlusDays(days));
            return ledger.Accounts.All(a =>
            {
                var s1 = ledger.Statement(a.Id, first);
                var s2 = ledger.Statement(a.Id, second);
                return s1.Closing == s2.Opening
                    && s1.Closing.Minutes == s1.Opening.Minutes + s1.Entries.Sum(e => e.Amount.Minutes)
                    && s2.Closing.Minutes == s2.Opening.Minutes + s2.Entries.Sum(e => e.Amount.Minutes);
            });
        });

    [Property(MaxTest = 100)]
    public Property With_a_credit_lifetime_balances_stay_zero_sum_non_negative_and_equal_to_the_live_lots() =>
        Prop.ForAll(Steps.ToArbitrary(), steps =>
        {
            var ledger = Play(steps, new TimeBankPolicy { CreditLifetime = Period.FromDays(60) });
            var balances = ledger.Accounts.Select(a => (a, b: ledger.BalanceOf(a.Id))).ToArray();
            return balances.Sum(x => x.b.Posted.Minutes) == 0
                && balances.Where(x => x.a.Kind != TimeBankAccountKind.Issuing).All(x => x.b.Available >= TimeCredit.Zero)
                && balances.Where(x => x.a.Kind == TimeBankAccountKind.Person).All(x => ledger.LotTotal(x.a.Id) == x.b.Available.Minutes);
        });
}
