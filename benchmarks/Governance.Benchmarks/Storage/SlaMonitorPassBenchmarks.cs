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
/// due for a check, the library's pass (<see cref="SlaChecks{TContext}"/>: changed, or with a threshold come).
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
    private SlaChecks<GovernanceDbContext> _checks = null!;
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
        _checks = new SlaChecks<GovernanceDbContext>(_cases, _positions, _sla);
        _checks.RunAsync(Now).GetAwaiter().GetResult();
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

    /// <summary>The monitor as it was: every open case with a deadline within 40 days, each loaded, tracked and evaluated.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> EveryCaseWithADeadlineWithin40Days()
    {
        var evaluated = 0;
        for (var skip = 0; ; skip += PageSize)
        {
            var rows = await _cases.ListAsync(new CasesDueBy(Now + Duration.FromDays(40), skip, PageSize));
            foreach (var row in rows)
            {
                var c = (await _cases.LoadAsync(row.Id))!;
                await _positions.ClaimAsync((await _positions.TrackAsync(c, _sla)).Evaluate(c, Now).NewEvents);
                evaluated++;
            }

            if (rows.Count < PageSize)
            {
                return evaluated;
            }
        }
    }

    /// <summary>The library's pass: only the cases due for a check.</summary>
    [Benchmark]
    public async Task<int> OnlyTheCasesDueForACheck() => (await _checks.RunAsync(Now)).Evaluated;
}
