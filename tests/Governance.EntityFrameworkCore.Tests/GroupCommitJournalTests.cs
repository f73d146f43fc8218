using Governance.Testing;
using Governance.EntityFrameworkCore.Storage;
using Governance.EntityFrameworkCore.TimeBank;
using Governance.People;
using Governance.TimeBank;
using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;
using Interval = NodaTime.Interval;

namespace Governance.Tests.Storage;

/// <summary>Group commit: concurrent requests share commits, each is answered only once durable, and a failed commit stops the journal.</summary>
public abstract class GroupCommitJournalTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly TimeBankPolicy Policy = new() { GiftRecipients = GiftRecipients.Anyone };

    protected abstract ITestDatabase CreateDatabase();

    private static Person Volunteer(int i) => new($"V{i}", $"志愿者{i}", [Role.Resident], birthDate: new LocalDate(1950, 1, 1));

    private static async Task<(GroupCommitJournal<GovernanceDbContext> Journal, TimeBankLedger Ledger)> Open(ITestDatabase database, IClock clock)
    {
        var journal = new GroupCommitJournal<GovernanceDbContext>(database.Factory);
        return (journal, await journal.RestoreAsync(Policy, clock));
    }

    [Fact]
    public async Task Concurrent_requests_share_commits_and_every_acknowledged_one_is_in_the_journal()
    {
        using var database = CreateDatabase();
        var clock = new FakeClock(T0);
        var (journal, ledger) = await Open(database, clock);
        for (var i = 0; i < 16; i++)
        {
            ledger.OpenPersonAccount(Volunteer(i));
        }

        var service = new ServiceRecord(ServiceType.HomeVisit, new Interval(T0 - Duration.FromHours(8), T0));
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => journal.ExecuteAsync(new DepositRequest($"d{i}", $"V{i}", service, "GW1"))));
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var k = 0; k < 40; k++)
            {
                var id = $"g{w}-{k}";
                await journal.ExecuteAsync(new GiftRequest(id, $"V{w}", $"V{(w + (k % 15) + 1) % 16}", TimeCredit.FromMinutes(1)));
                acknowledged.Add(id);
            }
        })));

        Assert.True(journal.Batches < 16 + 16 + 640, $"{journal.Batches} batches for {16 + 16 + 640} records: nothing was grouped");
        var expected = ledger.Export().ToJson();
        await journal.DisposeAsync();

        var (again, restored) = await Open(database, new FakeClock(clock.GetCurrentInstant()));
        Assert.Equal(expected, restored.Export().ToJson());
        Assert.All(acknowledged, id => Assert.True(restored.TryGetTransaction(id, out _), id));
        await again.DisposeAsync();
    }

    [Fact]
    public async Task A_failed_commit_fails_its_waiters_stops_the_journal_and_a_restart_keeps_what_was_acknowledged()
    {
        using var database = CreateDatabase();
        var clock = new FakeClock(T0);
        var (journal, ledger) = await Open(database, clock);
        ledger.OpenPersonAccount(Volunteer(1));
        var service = new ServiceRecord(ServiceType.HomeVisit, new Interval(T0 - Duration.FromHours(8), T0));
        await journal.ExecuteAsync(new DepositRequest("d1", "V1", service, "GW1"));

        // Another writer takes the journal's next place: the next commit is refused.
        await using (var db = new GovernanceDbContext(database.Options))
        {
            db.TimeBankJournal.Add(new TimeBankJournalRow { Sequence = 3, Kind = "relation", Payload = "{}" });
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => journal.ExecuteAsync(new DonationRequest("n1", "V1", TimeCredit.FromMinutes(5))));
        Assert.NotNull(journal.Failure);
        Assert.Throws<InvalidOperationException>(() => ledger.Donate(new DonationRequest("n2", "V1", TimeCredit.FromMinutes(5))));
        await journal.DisposeAsync();

        await using (var db = new GovernanceDbContext(database.Options))
        {
            await db.TimeBankJournal.Where(r => r.Sequence == 3).ExecuteDeleteAsync();
        }

        var (again, restored) = await Open(database, clock);
        Assert.True(restored.TryGetTransaction("d1", out _));
        Assert.False(restored.TryGetTransaction("n1", out _));
        Assert.Equal(TimeCredit.FromHours(8), restored.BalanceOf("V1").Posted);
        await again.DisposeAsync();
    }

    [Fact]
    public async Task A_journal_restored_later_takes_over_and_the_earlier_one_stops_accepting()
    {
        using var database = CreateDatabase();
        var clock = new FakeClock(T0);
        var (first, firstLedger) = await Open(database, clock);
        firstLedger.OpenPersonAccount(Volunteer(1));
        firstLedger.OpenPersonAccount(Volunteer(2));
        var service = new ServiceRecord(ServiceType.HomeVisit, new Interval(T0 - Duration.FromHours(8), T0));
        await first.ExecuteAsync(new DepositRequest("d1", "V1", service, "GW1"));
        Assert.True(await first.IsWriterAsync());

        // A second writer (another process, or a restart that did not wait) takes the journal over and sees all of it.
        var (second, secondLedger) = await Open(database, clock);
        Assert.True(secondLedger.TryGetTransaction("d1", out _));
        Assert.False(await first.IsWriterAsync());   // known before the first writes again
        Assert.True(await second.IsWriterAsync());

        var lost = await Assert.ThrowsAsync<TimeBankWriterLostException>(() => first.ExecuteAsync(new GiftRequest("g1", "V1", "V2", TimeCredit.FromHours(1))));
        Assert.Equal("timebank.writer-lost", lost.Code);
        Assert.Equal(lost.Epoch + 1, lost.CurrentEpoch);
        Assert.IsType<TimeBankWriterLostException>(first.Failure);
        Assert.Throws<TimeBankWriterLostException>(() => firstLedger.Donate(new DonationRequest("n1", "V1", TimeCredit.FromMinutes(5))));

        await second.ExecuteAsync(new GiftRequest("g2", "V1", "V2", TimeCredit.FromHours(2)));
        await first.DisposeAsync();
        await second.DisposeAsync();

        var (third, restored) = await Open(database, clock);
        Assert.False(restored.TryGetTransaction("g1", out _));   // never acknowledged, never stored
        Assert.True(restored.TryGetTransaction("g2", out _));
        Assert.Equal(TimeCredit.FromHours(6), restored.BalanceOf("V1").Posted);
        Assert.Equal(TimeCredit.FromHours(2), restored.BalanceOf("V2").Posted);
        await third.DisposeAsync();
    }
}

/// <summary>On SQLite (a temp file, WAL).</summary>
public sealed class SqliteGroupCommitJournalTests : GroupCommitJournalTests
{
    protected override ITestDatabase CreateDatabase() => new SqliteDatabase();
}

/// <summary>On a real PostgreSQL server the tests start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGroupCommitJournalTests(PostgresServer server) : GroupCommitJournalTests
{
    protected override ITestDatabase CreateDatabase() => new PostgresDatabase(server);
}
