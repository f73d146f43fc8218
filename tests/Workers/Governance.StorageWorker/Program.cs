using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Storage;
using Governance.EntityFrameworkCore.TimeBank;
using Governance.StorageWorker;
using Governance.TimeBank;
using static Governance.Testing.SeedCommunities;

// governance-storage-worker <crash|race> <sqlite|postgres> <connection> <tag> [operations]
//   crash: writes cases and postings until it is killed.
//   race:  waits for "go" on stdin, then writes [operations] pause/resume commands on the shared cases R1..R4 and as
//          many gifts on the shared ledger, taking the journal over whenever another writer took it, and exits.
// Prints one line per acknowledged write: "case <id> <version> <tag>" or "txn <id>"; "ready" once started.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: governance-storage-worker <crash|race> <sqlite|postgres> <connection> <tag> [operations]");
    return 2;
}

var (mode, tag) = (args[0], args[3]);
var factory = new GovernanceDbContextFactory(StorageWorld.Options(args[1], args[2]));
var operations = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 100;
var output = new Lock();
void Acknowledge(string line)
{
    lock (output)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }
}

await using (var db = factory.CreateDbContext())
{
    await GovernanceDatabase.MigrateAsync(db);
}

var store = new CaseStore<GovernanceDbContext>(factory, StorageWorld.Workflow, StorageWorld.Sla);
var journal = new GroupCommitJournal<GovernanceDbContext>(factory);
var ledger = await journal.RestoreAsync(StorageWorld.Policy, NodaTime.SystemClock.Instance);
StorageWorld.OpenAccounts(ledger);
for (var i = 1; i <= StorageWorld.Volunteers; i++)
{
    await journal.ExecuteAsync(StorageWorld.Seed(i));
}

Acknowledge("ready");
if (mode == "crash")
{
    var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
    {
        var random = new Random(HashCode.Combine(tag, w));
        for (var k = 0; ; k++)
        {
            var id = $"{tag}-g{w}-{k}";
            var from = random.Next(1, StorageWorld.Volunteers + 1);
            var to = from % StorageWorld.Volunteers + 1;
            try
            {
                await journal.ExecuteAsync(new GiftRequest(id, StorageWorld.Volunteer(from), StorageWorld.Volunteer(to), TimeCredit.FromMinutes(1)));
                Acknowledge($"txn {id}");
            }
            catch (TimeBankRejectedException)
            {
                // Not enough credit this time: nothing was written.
            }
        }
    })).ToList();
    workers.AddRange(Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
    {
        for (var k = 0; ; k++)
        {
            var c = StorageWorld.NewCase($"{tag}-c{w}-{k}");
            await store.AddAsync(c);
            Acknowledge($"case {c.Id} {c.Version} {tag}");
            var version = c.Version;
            c.Respond(GridWorker(1), StorageWorld.T0 + Duration.FromMinutes(10));
            c.Claim(GridWorker(1), StorageWorld.T0 + Duration.FromMinutes(20));
            for (var step = 0; step < 6; step++)
            {
                await store.AppendAsync(c, version);
                Acknowledge($"case {c.Id} {c.Version} {tag}");
                version = c.Version;
                StorageWorld.Toggle(c, $"{tag}-{w}-{k}-{step}");
            }
        }
    })));
    await Task.WhenAll(workers);   // until killed
    return 0;
}

if (mode != "race")
{
    Console.Error.WriteLine($"unknown mode '{mode}'");
    return 2;
}

if (Console.ReadLine() != "go")
{
    return 2;
}

var conflicts = 0;
var takeovers = 0;
var cases = Task.Run(async () =>
{
    var random = new Random(tag.GetHashCode(StringComparison.Ordinal));
    for (var k = 0; k < operations; k++)
    {
        var id = $"R{random.Next(1, 5)}";
        var label = $"{tag}-{k}";
        while (true)
        {
            var c = await store.LoadAsync(id) ?? throw new InvalidOperationException($"case {id} is not stored");
            var version = c.Version;
            StorageWorld.Toggle(c, label);
            try
            {
                await store.AppendAsync(c, version);
                Acknowledge($"case {id} {c.Version} {label}");
                break;
            }
            catch (CaseConcurrencyException)
            {
                Interlocked.Increment(ref conflicts);   // reload and retry
            }
        }
    }
});
var gifts = Task.Run(async () =>
{
    for (var k = 0; k < operations; k++)
    {
        var id = $"{tag}-g{k}";
        var request = new GiftRequest(id, StorageWorld.Volunteer(k % StorageWorld.Volunteers + 1), StorageWorld.Volunteer((k + 1) % StorageWorld.Volunteers + 1), TimeCredit.FromMinutes(1));
        while (true)
        {
            try
            {
                await journal.ExecuteAsync(request);
                Acknowledge($"txn {id}");
                break;
            }
            catch (TimeBankWriterLostException)
            {
                // The other process took the journal: take it back (reading what it wrote) and retry, same id.
                Interlocked.Increment(ref takeovers);
                await journal.DisposeAsync();
                journal = new GroupCommitJournal<GovernanceDbContext>(factory);
                await journal.RestoreAsync(StorageWorld.Policy, NodaTime.SystemClock.Instance);
            }
        }
    }
});
await Task.WhenAll(cases, gifts);
await journal.DisposeAsync();
Acknowledge($"done conflicts={conflicts} takeovers={takeovers}");
return 0;
