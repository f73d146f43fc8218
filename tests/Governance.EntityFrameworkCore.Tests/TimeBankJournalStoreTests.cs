using Governance.Testing;
using Interval = NodaTime.Interval;
using Governance.EntityFrameworkCore.Storage;
using Governance.EntityFrameworkCore.TimeBank;
using Governance.People;
using Governance.TimeBank;
using Governance.Validation;
using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;

namespace Governance.Tests.Storage;

/// <summary>The time-bank journal on SQLite: the ledger's write-ahead log, restored at cold start.</summary>
public abstract class TimeBankJournalStoreTests
{
    protected abstract ITestDatabase CreateDatabase();

    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Person Wang = new("P-WANG", "王大爷", [Role.Resident], birthDate: new LocalDate(1950, 1, 1));
    private static readonly Person Li = new("P-LI", "李阿姨", [Role.Resident], birthDate: new LocalDate(1958, 6, 15));

    [Fact]
    public async Task Every_acknowledged_request_is_in_the_journal_and_a_cold_start_restores_the_same_ledger()
    {
        using var database = CreateDatabase();
        var clock = new FakeClock(T0);
        var policy = new TimeBankPolicy { CreditLifetime = Period.FromDays(30) };
        var ledger = await new TimeBankJournalStore<GovernanceDbContext>(database.Factory).RestoreAsync(policy, clock);
        ledger.OpenPersonAccount(Wang);
        ledger.OpenPersonAccount(Li);
        ledger.RegisterRelation(Wang.Id, Li.Id, RelationKind.Spouse);
        for (var i = 0; i < 20; i++)
        {
            clock.Advance(Duration.FromHours(5));
            var now = clock.GetCurrentInstant();
            ledger.Deposit(new DepositRequest($"d{i}", Wang.Id.Value, new ServiceRecord(ServiceType.HomeVisit, new Interval(now - Duration.FromHours(1), now)), "GW1"));
            ledger.TryExecute(new GiftRequest($"g{i}", Wang.Id.Value, Li.Id.Value, TimeCredit.FromMinutes(15)), out _, out _);
        }

        clock.Advance(Duration.FromDays(40)); // the credit expires: the ledger's own transactions are journalled too
        var expected = ledger.Export().ToJson();

        var restored = await new TimeBankJournalStore<GovernanceDbContext>(database.Factory).RestoreAsync(policy, clock);
        Assert.Equal(expected, restored.Export().ToJson());

        // The restored ledger writes on where the journal left off.
        var now2 = clock.GetCurrentInstant();
        restored.Deposit(new DepositRequest("d-late", Li.Id.Value, new ServiceRecord(ServiceType.HomeVisit, new Interval(now2 - Duration.FromHours(1), now2)), "GW1"));
        restored.Donate(new DonationRequest("n1", Li.Id.Value, TimeCredit.FromMinutes(1)));
        var third = await new TimeBankJournalStore<GovernanceDbContext>(database.Factory).RestoreAsync(policy, clock);
        Assert.Equal(restored.Export().ToJson(), third.Export().ToJson());
    }

    [Fact]
    public async Task A_journal_with_a_gap_is_refused_naming_the_missing_record()
    {
        using var database = CreateDatabase();
        var clock = new FakeClock(T0);
        var ledger = await new TimeBankJournalStore<GovernanceDbContext>(database.Factory).RestoreAsync(TimeBankPolicy.Default, clock);
        ledger.OpenPersonAccount(Wang);
        ledger.Deposit(new DepositRequest("d1", Wang.Id.Value, new ServiceRecord(ServiceType.HomeVisit, new Interval(T0 - Duration.FromHours(1), T0)), "GW1"));
        ledger.Donate(new DonationRequest("n1", Wang.Id.Value, TimeCredit.FromMinutes(10)));
        await using (var db = new GovernanceDbContext(database.Options))
        {
            await db.TimeBankJournal.Where(r => r.Sequence == 2).ExecuteDeleteAsync();
        }

        var e = await Assert.ThrowsAsync<ValidationFailedException>(() => new TimeBankJournalStore<GovernanceDbContext>(database.Factory).RestoreAsync(TimeBankPolicy.Default, clock));
        Assert.Equal("sequence 2", e.Errors.Single().Path);
    }

    [Fact]
    public async Task Read_in_many_chunks_the_journal_restores_in_order_and_its_first_problem_is_the_one_reported()
    {
        using var database = CreateDatabase();
        var clock = new FakeClock(T0);
        var ledger = await new TimeBankJournalStore<GovernanceDbContext>(database.Factory).RestoreAsync(TimeBankPolicy.Default, clock);
        ledger.OpenPersonAccount(Wang);
        ledger.OpenPersonAccount(Li);
        ledger.RegisterRelation(Wang.Id, Li.Id, RelationKind.Spouse);
        for (var i = 0; i < 20; i++)
        {
            clock.Advance(Duration.FromHours(2));
            var now = clock.GetCurrentInstant();
            ledger.Deposit(new DepositRequest($"d{i}", Wang.Id.Value, new ServiceRecord(ServiceType.HomeVisit, new Interval(now - Duration.FromHours(1), now)), "GW1"));
            ledger.Gift(new GiftRequest($"g{i}", Wang.Id.Value, Li.Id.Value, TimeCredit.FromMinutes(15)));
        }

        var expected = ledger.Export().ToJson();
        var chunkSize = TimeBankJournalReader.ChunkSize;
        TimeBankJournalReader.ChunkSize = 3;
        try
        {
            Assert.Equal(expected, (await new TimeBankJournalStore<GovernanceDbContext>(database.Factory).RestoreAsync(TimeBankPolicy.Default, clock)).Export().ToJson());

            await using (var db = new GovernanceDbContext(database.Options))
            {
                await db.TimeBankJournal.Where(r => r.Sequence == 40).ExecuteDeleteAsync();
            }

            var gap = await Assert.ThrowsAsync<ValidationFailedException>(() => new TimeBankJournalStore<GovernanceDbContext>(database.Factory).RestoreAsync(TimeBankPolicy.Default, clock));
            Assert.Equal("sequence 40", gap.Errors.Single().Path);

            await using (var db = new GovernanceDbContext(database.Options))
            {
                await db.TimeBankJournal.Where(r => r.Sequence == 30).ExecuteUpdateAsync(s => s.SetProperty(r => r.Payload, r => r.Payload.Replace("\"amount\"", "\"amont\"")));
                await db.TimeBankJournal.Where(r => r.Sequence == 35).ExecuteUpdateAsync(s => s.SetProperty(r => r.Kind, "transfer"));
            }

            var corrupt = await Assert.ThrowsAsync<ValidationFailedException>(() => new TimeBankJournalStore<GovernanceDbContext>(database.Factory).RestoreAsync(TimeBankPolicy.Default, clock));
            Assert.Equal("sequence 30", corrupt.Errors.Single().Path);
            Assert.Contains("amont", corrupt.Errors.Single().Message, StringComparison.Ordinal);
        }
        finally
        {
            TimeBankJournalReader.ChunkSize = chunkSize;
        }
    }

    [Fact]
    public async Task A_write_the_database_refuses_leaves_the_ledger_unchanged()
    {
        using var database = CreateDatabase();
        var clock = new FakeClock(T0);
        var store = new TimeBankJournalStore<GovernanceDbContext>(database.Factory);
        var ledger = await store.RestoreAsync(TimeBankPolicy.Default, clock);
        ledger.OpenPersonAccount(Wang);
        ledger.Deposit(new DepositRequest("d1", Wang.Id.Value, new ServiceRecord(ServiceType.HomeVisit, new Interval(T0 - Duration.FromHours(1), T0)), "GW1"));

        // Another writer took the journal's next place: this ledger's next write is refused by the key.
        await using (var db = new GovernanceDbContext(database.Options))
        {
            db.TimeBankJournal.Add(new TimeBankJournalRow { Sequence = 3, Kind = "relation", Payload = "{}" });
            await db.SaveChangesAsync();
        }

        var before = ledger.Export().ToJson();
        Assert.Throws<DbUpdateException>(() => ledger.Donate(new DonationRequest("n1", Wang.Id.Value, TimeCredit.FromMinutes(10))));
        Assert.Equal(before, ledger.Export().ToJson());
    }
}

/// <summary>On SQLite (a temp file, WAL).</summary>
public sealed class SqliteTimeBankJournalStoreTests : TimeBankJournalStoreTests
{
    protected override ITestDatabase CreateDatabase() => new SqliteDatabase();
}

/// <summary>On a real PostgreSQL server the tests start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresTimeBankJournalStoreTests(PostgresServer server) : TimeBankJournalStoreTests
{
    protected override ITestDatabase CreateDatabase() => new PostgresDatabase(server);
}
