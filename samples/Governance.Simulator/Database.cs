using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Organisation;
using Governance.EntityFrameworkCore.Scoring;
using Governance.EntityFrameworkCore.Storage;
using Governance.EntityFrameworkCore.TimeBank;
using Governance.Json;
using Governance.TimeBank;
using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;

/// <summary>
/// 写入数据库 — <c>--database district.db</c>: the simulated period written through the persistence package into a new
/// SQLite file, as a host would have stored it: the organisation model, every case (registration, history and read model),
/// every scoring fact, and the time bank's journal (accounts, relations and every transaction at its own time). The
/// reference server's dashboard can open it as a realistic district.
/// </summary>
internal static class Database
{
    public static async Task WriteAsync(SimulatedDistrict district, FileInfo file)
    {
        if (file.Exists)
        {
            throw new UsageException($"--database {file.FullName} exists; give a new file (a simulated district is written into an empty database).");
        }

        var options = new DbContextOptionsBuilder<GovernanceDbContext>().UseSqlite($"Data Source={file.FullName}").Options;
        var contexts = new GovernanceDbContextFactory(options);
        try
        {
            await using (var db = contexts.CreateDbContext())
            {
                await GovernanceDatabase.MigrateAsync(db);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            await new OrganisationVersionStore<GovernanceDbContext>(contexts).AddAsync(district.Organisation, district.From);
            var cases = new CaseStore<GovernanceDbContext>(contexts, district.Workflow);
            foreach (var c in district.Cases)
            {
                await cases.AddAsync(c);
            }

            await new ScoringFactStore<GovernanceDbContext>(contexts).AddAsync(district.Facts);
            await WriteLedgerAsync(district.Ledger, contexts);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// The ledger through its journal: a journal-backed ledger is given the accounts and relations, then each client's
    /// request under a clock set to the transaction's time (the ledger writes its own expirations as they fall due, as the
    /// original did); the journalled ledger must export exactly what the simulated one did.
    /// </summary>
    private static async Task WriteLedgerAsync(TimeBankLedgerExport export, GovernanceDbContextFactory contexts)
    {
        var last = export.Transactions.Count > 0 ? export.Transactions[^1].Timestamp : Instant.FromUtc(2000, 1, 1, 0, 0);
        var clock = new FakeClock(export.Transactions.Count > 0 ? export.Transactions[0].Timestamp : last);
        var journal = new GroupCommitJournal<GovernanceDbContext>(contexts);
        await using (journal)
        {
            var ledger = await journal.RestoreAsync(export.Policy, clock);
            foreach (var (account, person) in export.Accounts)
            {
                if (person is not null)
                {
                    ledger.OpenPersonAccount(person);
                }
                else
                {
                    ledger.OpenGroupAccount(account.Id, account.Name);
                }
            }

            foreach (var relation in export.Relations)
            {
                ledger.RegisterRelation(relation.Person, relation.Relative, relation.Kind);
            }

            foreach (var transaction in export.Transactions)
            {
                if (transaction.Request is { } request)
                {
                    clock.Reset(transaction.Timestamp);
                    ledger.Execute(request);
                }
            }

            clock.Reset(last);
            ledger.ProcessExpirations();
            await journal.DurableAsync();
            if (ledger.Export().ToJson() != export.ToJson())
            {
                throw new InvalidOperationException("The journalled time bank differs from the simulated one.");
            }
        }
    }
}
