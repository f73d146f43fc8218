using Governance.Calendars;
using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Sla;
using Governance.EntityFrameworkCore.Storage;
using Governance.Sla;
using Governance.Testing;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.Storage;

/// <summary>SLA threshold events are published exactly once across restarts and across instances.</summary>
public abstract class SlaPositionStoreTests
{
    private static readonly CaseWorkflow Workflow = new(JiuLong(), slaPolicies: SlaPolicySet.Default);
    private static readonly SlaEngine Sla = new(SlaPolicySet.Default, new DeadlineCalculator(ChinaCalendar.Mainland, ChinaCalendar.TimeZone));
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);

    protected abstract ITestDatabase CreateDatabase();

    [Fact]
    public async Task Each_threshold_is_published_once_across_restarts_and_two_instances()
    {
        using var database = CreateDatabase();
        var cases = new CaseStore<GovernanceDbContext>(database.Factory, Workflow, Sla);
        var c = Workflow.Register(new CaseRegistration("E1", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Grid(1)), "漏水", T0));
        c.Respond(GridWorker(1), T0 + Duration.FromMinutes(50));
        await cases.AddAsync(c);

        // The reference: one tracker that never restarts, evaluated every 10 minutes for four days.
        var instants = Enumerable.Range(1, 4 * 24 * 6).Select(i => T0 + Duration.FromMinutes(10 * i)).ToArray();
        var reference = Sla.Track(c);
        var expected = instants.SelectMany(t => reference.Evaluate(c, t).NewEvents).Select(e => (e.Step, e.Cycle, e.Percent, e.OccurredAt)).ToList();
        Assert.NotEmpty(expected);

        // Two monitor instances, each restarting (a new tracker from the stored position) every 7 evaluations.
        var positions = new SlaPositionStore<GovernanceDbContext>(database.Factory);
        var published = new List<(SlaStep, int, int, Instant)>();
        for (var start = 0; start < instants.Length; start += 7)
        {
            foreach (var instance in new[] { 0, 1 })
            {
                var loaded = (await cases.LoadAsync("E1"))!;
                var tracker = await positions.TrackAsync(loaded, Sla);
                foreach (var t in instants.Skip(start).Take(7))
                {
                    var claimed = await positions.ClaimAsync(tracker.Evaluate(loaded, t).NewEvents);
                    published.AddRange(claimed.Select(e => (e.Step, e.Cycle, e.Percent, e.OccurredAt)));
                }
            }
        }

        Assert.Equal(expected.Order(), published.Order());
    }
}

/// <summary>On SQLite (a temp file, WAL).</summary>
public sealed class SqliteSlaPositionStoreTests : SlaPositionStoreTests
{
    protected override ITestDatabase CreateDatabase() => new SqliteDatabase();
}

/// <summary>On a real PostgreSQL server the tests start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSlaPositionStoreTests(PostgresServer server) : SlaPositionStoreTests
{
    protected override ITestDatabase CreateDatabase() => new PostgresDatabase(server);
}
