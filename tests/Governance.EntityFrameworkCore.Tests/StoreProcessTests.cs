using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Storage;
using Governance.EntityFrameworkCore.TimeBank;
using Governance.StorageWorker;
using Governance.Testing;
using Governance.TimeBank;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.Storage;

/// <summary>
/// The stores across processes: a writer killed (SIGKILL) at random points loses nothing it acknowledged and leaves
/// nothing half-written; two processes writing the same cases and the same ledger store every acknowledged request once.
/// </summary>
public abstract class StoreProcessTests(ITestOutputHelper output)
{
    private const int Kills = 20;

    protected abstract ITestDatabase CreateDatabase();

    [Fact]
    public async Task A_writer_killed_at_random_points_keeps_every_acknowledged_write_and_nothing_half_written()
    {
        using var database = CreateDatabase();
        var random = new Random(20261201);
        var transactions = new HashSet<string>(StringComparer.Ordinal);
        var caseVersions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var kill = 0; kill < Kills; kill++)
        {
            using var worker = new WorkerProcess("crash", database, $"k{kill}");
            await worker.WaitForReadyAsync();

            // Killed while work is being acknowledged, however fast the machine: after some acknowledgements, then later still.
            await worker.WaitForAsync("case ", random.Next(1, 4));
            await worker.WaitForAsync("txn ", random.Next(1, 40));
            await Task.Delay(random.Next(0, 300));
            await worker.KillAsync();

            foreach (var line in worker.Lines)
            {
                var parts = line.Split(' ');
                if (parts[0] == "txn")
                {
                    transactions.Add(parts[1]);
                }
                else if (parts[0] == "case")
                {
                    caseVersions[parts[1]] = Math.Max(caseVersions.GetValueOrDefault(parts[1]), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            var ledger = await VerifyAsync(database, transactions, caseVersions);
            Assert.True(kill > 0 || ledger.Export().Accounts.Count >= StorageWorld.Volunteers);
        }

        output.WriteLine($"{Kills} kills: {transactions.Count} postings and {caseVersions.Count} cases acknowledged, all found after each restart.");

        // Every kill landed while work was being acknowledged, not before it started.
        Assert.True(transactions.Count >= Kills, $"{transactions.Count} postings acknowledged over {Kills} runs");
        Assert.True(caseVersions.Count >= Kills, $"{caseVersions.Count} cases acknowledged over {Kills} runs");
    }

    [Fact]
    public async Task Two_processes_writing_the_same_cases_and_ledger_store_every_acknowledged_request_once()
    {
        using var database = CreateDatabase();
        var store = new CaseStore<GovernanceDbContext>(database.Factory, StorageWorld.Workflow, StorageWorld.Sla);
        for (var i = 1; i <= 4; i++)
        {
            var c = StorageWorld.NewCase($"R{i}");
            c.Respond(GridWorker(1), StorageWorld.T0 + Duration.FromMinutes(10));
            c.Claim(GridWorker(1), StorageWorld.T0 + Duration.FromMinutes(20));
            await store.AddAsync(c);
        }

        const int Operations = 60;
        using var a = new WorkerProcess("race", database, "A", Operations);
        await a.WaitForReadyAsync();
        using var b = new WorkerProcess("race", database, "B", Operations);
        await b.WaitForReadyAsync();
        a.Send("go");
        b.Send("go");
        Assert.True(await a.WaitForExitAsync() == 0, a.Errors);
        Assert.True(await b.WaitForExitAsync() == 0, b.Errors);

        var lines = a.Lines.Concat(b.Lines).ToList();
        var acknowledgedCommands = lines.Where(l => l.StartsWith("case ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        var acknowledgedTransactions = lines.Where(l => l.StartsWith("txn ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToHashSet();
        Assert.Equal(2 * Operations, acknowledgedCommands.Count);
        Assert.Equal(2 * Operations, acknowledgedTransactions.Count);
        Assert.Contains(lines, l => l.StartsWith("done", StringComparison.Ordinal) && !l.Contains("takeovers=0", StringComparison.Ordinal));
        output.WriteLine(string.Join(Environment.NewLine, lines.Where(l => l.StartsWith("done", StringComparison.Ordinal))));

        // Each acknowledged command is in its case's history once, at the version it was acknowledged with: no lost update.
        var labels = new List<string>();
        for (var i = 1; i <= 4; i++)
        {
            var c = (await store.LoadAsync($"R{i}"))!;
            labels.AddRange(c.History.Skip(2).Select(e => e.Command switch
            {
                PauseCommand p => p.Reason,
                ResumeCommand r => r.Note!,
                var other => throw new InvalidOperationException($"unexpected {other}"),
            }));
            foreach (var ack in acknowledgedCommands.Where(x => x[1] == $"R{i}"))
            {
                var entry = c.History[int.Parse(ack[2], System.Globalization.CultureInfo.InvariantCulture) - 1].Command;
                Assert.Equal(ack[3], entry is PauseCommand p ? p.Reason : entry.Note);
            }
        }

        Assert.Equal(acknowledgedCommands.Select(x => x[3]).Order(StringComparer.Ordinal), labels.Order(StringComparer.Ordinal));

        // Each acknowledged posting is in the journal once, and only those.
        var ledger = await VerifyAsync(database, acknowledgedTransactions, []);
        var gifts = ledger.Export().Transactions.Where(t => t.Id.Value.Contains("-g", StringComparison.Ordinal)).Select(t => t.Id.Value).ToList();
        Assert.Equal(acknowledgedTransactions.Order(StringComparer.Ordinal), gifts.Order(StringComparer.Ordinal));
    }

    /// <summary>Reopens the database as a restarted host would and checks every invariant.</summary>
    private static async Task<TimeBankLedger> VerifyAsync(ITestDatabase database, HashSet<string> transactions, Dictionary<string, int> caseVersions)
    {
        await using var db = new GovernanceDbContext(database.Options);
        await GovernanceDatabase.MigrateAsync(db);

        // The ledger restores (no gap, every record valid), holds every acknowledged posting, and balances to zero.
        var journal = new GroupCommitJournal<GovernanceDbContext>(database.Factory);
        var ledger = await journal.RestoreAsync(StorageWorld.Policy, NodaTime.SystemClock.Instance);
        await journal.DisposeAsync();
        Assert.All(transactions, id => Assert.True(ledger.TryGetTransaction(id, out _), $"acknowledged posting {id} is missing"));
        var accounts = ledger.Export().Accounts.Select(x => x.Account.Id).Append(TimeBankLedger.IssuingAccountId).Append(TimeBankLedger.PoolAccountId).Distinct().ToList();
        Assert.Equal(TimeCredit.Zero, accounts.Aggregate(TimeCredit.Zero, (sum, id) => sum + ledger.BalanceOf(id).Posted));
        Assert.All(ledger.Export().Accounts, x => Assert.True(ledger.BalanceOf(x.Account.Id).Posted >= TimeCredit.Zero, x.Account.Id.Value));

        // Every stored case restores, its read model agrees with its history, and it holds what was acknowledged.
        var store = new CaseStore<GovernanceDbContext>(database.Factory, StorageWorld.Workflow, StorageWorld.Sla);
        var rows = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.Version }).ToListAsync();
        var histories = await db.CaseHistory.AsNoTracking().GroupBy(h => h.CaseId).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(h => h.Id, h => h.Count);
        foreach (var row in rows)
        {
            var c = await store.LoadAsync(row.Id);
            Assert.NotNull(c);
            Assert.Equal(row.Version, c.Version);
            Assert.Equal(row.Version, histories.GetValueOrDefault(row.Id));
        }

        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
        Assert.All(histories.Keys, id => Assert.Contains(rows, r => r.Id == id));
        var stored = rows.ToDictionary(r => r.Id, r => r.Version);
        Assert.All(caseVersions, ack => Assert.True(stored.TryGetValue(ack.Key, out var v) && v >= ack.Value, $"case {ack.Key} acknowledged at version {ack.Value}"));
        return ledger;
    }
}

/// <summary>On SQLite (a temp file, WAL).</summary>
public sealed class SqliteStoreProcessTests(ITestOutputHelper output) : StoreProcessTests(output)
{
    protected override ITestDatabase CreateDatabase() => new SqliteDatabase();
}

/// <summary>On a real PostgreSQL server the tests start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreProcessTests(PostgresServer server, ITestOutputHelper output) : StoreProcessTests(output)
{
    protected override ITestDatabase CreateDatabase() => new PostgresDatabase(server);
}
