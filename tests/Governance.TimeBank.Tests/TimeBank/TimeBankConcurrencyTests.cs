using Governance.TimeBank;
using static Governance.Tests.TimeBank.TimeBankFixture;
using Interval = NodaTime.Interval;

namespace Governance.Tests.TimeBank;

public class TimeBankConcurrencyTests
{
    [Fact]
    public void Many_threads_of_random_transfers_lose_nothing_and_keep_every_invariant()
    {
        var (ledger, _) = Create(new TimeBankPolicy { GiftRecipients = GiftRecipients.Anyone, StorageCap = TimeCredit.FromHours(100) });
        var people = Enumerable.Range(0, 20).Select(i => new People.Person($"S{i}", $"志愿者{i}", [People.Role.Resident], birthDate: new LocalDate(1950, 1, 1))).ToArray();
        foreach (var p in people)
        {
            ledger.OpenPersonAccount(p);
            ledger.Deposit(new DepositRequest($"seed-{p.Id}", p.Id.Value, new ServiceRecord(ServiceType.HomeVisit, new Interval(Start - Duration.FromHours(10), Start)), "JL-GW1"));
        }

        var accepted = 0;
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            for (var i = 0; i < 5_000; i++)
            {
                var from = people[random.Next(people.Length)].Id.Value;
                var to = people[random.Next(people.Length)].Id.Value;
                var id = $"t{t}-{i}";
                try
                {
                    TimeBankRequest request = random.Next(10) == 0
                        ? new DonationRequest(id, from, TimeCredit.FromMinutes(random.Next(1, 30)))
                        : new GiftRequest(id, from, to, TimeCredit.FromMinutes(random.Next(1, 120)));
                    ledger.Execute(request);
                    ledger.Execute(request); // a retry from the same client is a no-op
                    Interlocked.Increment(ref accepted);
                }
                catch (Exception e) when (e is TimeBankRejectedException or ArgumentException)
                {
                    // Overdrawn, or a gift to oneself: rejected and nothing changed.
                }
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        var balances = ledger.Accounts.Select(a => (a, b: ledger.BalanceOf(a.Id))).ToArray();
        Assert.Equal(0, balances.Sum(x => x.b.Posted.Minutes));
        Assert.All(balances.Where(x => x.a.Kind != TimeBankAccountKind.Issuing), x => Assert.True(x.b.Available >= TimeCredit.Zero));
        Assert.Equal(20 * 600, balances.Where(x => x.a.Kind is TimeBankAccountKind.Person or TimeBankAccountKind.CommunityPool).Sum(x => x.b.Posted.Minutes));
        Assert.Equal(accepted + 20, ledger.Transactions.Count);
        Assert.All(balances, x => Assert.Equal(x.b.Posted, ledger.Statement(x.a.Id, new Interval(null, null)).Closing));
    }
}
