using System.Text.Json;
using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Organisation;
using Governance.EntityFrameworkCore.Scoring;
using Governance.EntityFrameworkCore.Storage;
using Governance.EntityFrameworkCore.TimeBank;
using Governance.TimeBank;
using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;

namespace Governance.Tests.Simulator;

/// <summary><c>--database</c>: the simulated period is stored through the persistence package and reads back as a host would read it.</summary>
public class DatabaseTests
{
    [Fact]
    public async Task The_simulated_period_is_stored_and_reads_back_cases_facts_and_the_time_bank()
    {
        var folder = Directory.CreateTempSubdirectory("governance-simdb-").FullName;
        try
        {
            var file = Path.Combine(folder, "district.db");
            var run = SimulatorProcess.Run("--to", "2026-04-30", "--database", file, "--format", "json");
            Assert.Equal(0, run.ExitCode);
            using var report = JsonDocument.Parse(run.Out);
            var root = report.RootElement;

            var options = new DbContextOptionsBuilder<GovernanceDbContext>().UseSqlite($"Data Source={file}").Options;
            var contexts = new GovernanceDbContextFactory(options);
            await using (var db = contexts.CreateDbContext())
            {
                await GovernanceDatabase.CheckAsync(db);
                Assert.Equal(root.GetProperty("Cases").GetInt32(), await db.Cases.CountAsync());
                Assert.Equal(root.GetProperty("Closed").GetInt32(), await db.Cases.CountAsync(c => c.State == CaseState.Closed));
            }

            // Every case restores with the organisation of its time; the time bank restores from its journal.
            var organisation = await new OrganisationVersionStore<GovernanceDbContext>(contexts).AsOfAsync(Instant.FromUtc(2026, 4, 15, 0, 0));
            Assert.NotNull(organisation);
            var store = new CaseStore<GovernanceDbContext>(contexts, new CaseWorkflow(organisation!));
            var first = await store.LoadAsync("E000001");
            Assert.NotNull(first);
            Assert.True(first!.Version > 0);
            var ledger = await new TimeBankJournalStore<GovernanceDbContext>(contexts).RestoreAsync(TimeBankPolicy.Default, new FakeClock(Instant.FromUtc(2026, 5, 1, 0, 0)));
            Assert.Equal(root.GetProperty("TimeBank").GetProperty("Transactions").GetInt32(), ledger.Transactions.Count);
            Assert.Equal(0, ledger.Accounts.Sum(a => ledger.BalanceOf(a.Id).Posted.Minutes));
            Assert.NotEmpty(await new ScoringFactStore<GovernanceDbContext>(contexts).ListAsync(new DateInterval(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30))));

            // A second run never writes into an existing district.
            Assert.Equal(2, SimulatorProcess.Run("--to", "2026-04-30", "--database", file).ExitCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
