using BenchmarkDotNet.Attributes;
using Governance.Calendars;
using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Sla;
using Governance.EntityFrameworkCore.Storage;
using Governance.Sla;
using Governance.Testing;

namespace Governance.Benchmarks.Storage;

/// <summary>
/// One pass of an SLA monitor over 2,000 open cases whose crossed thresholds are all claimed already (the steady state
/// between thresholds: nothing to publish), on SQLite and PostgreSQL. Baseline: the open cases with a deadline within
/// 40 days (<see cref="CasesDueBy"/>), each loaded, tracked from its stored position and evaluated. Against it: the cases
/// due for a check (<see cref="CasesDueForSlaCheck"/>: changed, or with a threshold come), of which there are none.
/// 1 case in 100 is changed before each pass, so each pass has those to evaluate and mark (one pass an iteration).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[InvocationCount(1)]
[WarmupCount(2)]
[IterationCount(8)]
public class SlaMonitorPassBenchmarks
{
    private const int Cases = 2_000;
    private const int PageSize = 500;
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Instant Now = T0 + Duration.FromMinutes(40);
    private readonly CaseWorkflow _workflow = new(SeedCommunities.JiuLong(), slaPolicies: SlaPolicySet.Default);
    private readonly SlaEngine _sla = new(SlaPolicySet.Default, new DeadlineCalculator(ChinaCalendar.Mainland, ChinaCalendar.TimeZone));
    private BenchmarkDatabase? _database;
    private CaseStore<GovernanceDbContext> _cases = null!;
    private SlaPositionStore<GovernanceDbContext> _positions = null!;
    private int _round;

    /// <summary>The database.</summary>
    [Params("SQLite", "PostgreSQL")]
    public string Provider { get; set; } = "SQLite";

    [GlobalSetup]
    public void StoreTheCases()
    {
        _database = new BenchmarkDatabase(Provider, "sla-monitor");
        var factory = new GovernanceDbContextFactory(_database.Options);
        _cases = new CaseStore<GovernanceDbContext>(factory, _workflow, _sla);
        _positions = new SlaPositionStore<GovernanceDbContext>(factory);
        for (var i = 0; i < Cases; i++)
        {
            var c = _workflow.Register(new CaseRegistration($"E{i:0000}", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(SeedCommunities.Grid(1)), "漏水", T0));
            _cases.AddAsync(c).GetAwaiter().GetResult();
        }

        // The first pass claims the respond step's 50 % threshold of every case and marks each checked.
        PassAsync(new CasesDueForSlaCheck(Now, null, PageSize), mark: true).GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void ChangeOneCaseInHundred()
    {
        _round++;
        for (var i = _round % 100; i < Cases; i += 100)
        {
            var c = _cases.LoadAsync($"E{i:0000}").GetAwaiter().GetResult()!;
            var version = c.Version;
            c.ChangePriority(SeedCommunities.GridLeader(1), Now, c.Priority == Priority.Normal ? Priority.Urgent : Priority.Normal, $"第{_round}次调整");
            _cases.AppendAsync(c, version).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void DeleteTheDatabase() => _database?.Dispose();

    [Benchmark(Baseline = true)]
    public Task<int> EveryCaseWithADeadlineWithin40Days() => PassAsync(new CasesDueBy(Now + Duration.FromDays(40), 0, PageSize), mark: false);

    [Benchmark]
    public Task<int> OnlyTheCasesDueForACheck() => PassAsync(new CasesDueForSlaCheck(Now, null, PageSize), mark: true);

    /// <summary>A monitor's pass (as the reference server's): returns how many cases it evaluated.</summary>
    private async Task<int> PassAsync(Ardalis.Specification.Specification<CaseRow> first, bool mark)
    {
        var evaluated = 0;
        for (var (query, page) = (first, 0); ; page++)
        {
            var rows = await _cases.ListAsync(query);
            foreach (var row in rows)
            {
                var c = (await _cases.LoadAsync(row.Id))!;
                var evaluation = (await _positions.TrackAsync(c, _sla)).Evaluate(c, Now);
                await _positions.ClaimAsync(evaluation.NewEvents);
                if (mark)
                {
                    await _cases.MarkSlaCheckedAsync(c.Id, c.Version, evaluation.NextThresholdAt);
                }

                evaluated++;
            }

            if (rows.Count < PageSize)
            {
                return evaluated;
            }

            query = mark ? new CasesDueForSlaCheck(Now, rows[^1].Id, PageSize) : new CasesDueBy(Now + Duration.FromDays(40), (page + 1) * PageSize, PageSize);
        }
    }
}
