using BenchmarkDotNet.Attributes;
using Governance.Calendars;
using Governance.Cases;
using Governance.Sla;
using Governance.Testing;

namespace Governance.Benchmarks.Sla;

/// <summary>
/// Evaluating one case's SLA (the whole main path in its history, a pause, the default policy on China's calendar)
/// against the baseline of computing the same four deadlines directly with the deadline calculator.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SlaEvaluationBenchmarks
{
    private static readonly DateTimeZone Zone = ChinaCalendar.TimeZone;
    private static readonly DeadlineCalculator Calculator = new(ChinaCalendar.Mainland, Zone);
    private static readonly Instant T0 = new LocalDateTime(2026, 3, 2, 9, 0).InZoneStrictly(Zone).ToInstant();
    private readonly Case _case;
    private readonly CaseSla _sla;

    public SlaEvaluationBenchmarks()
    {
        var workflow = new CaseWorkflow(SeedCommunities.JiuLong());
        _case = workflow.Register(new CaseRegistration("bench", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(SeedCommunities.Grid(1)), "漏水", T0));
        var w = SeedCommunities.GridWorker(1);
        _case.Respond(w, T0 + Duration.FromMinutes(20));
        _case.Claim(w, T0 + Duration.FromMinutes(40));
        _case.Pause(w, T0 + Duration.FromHours(2), "等待入户");
        _case.Resume(w, T0 + Duration.FromHours(5));
        _case.Resolve(w, T0 + Duration.FromDays(1));
        _sla = new SlaEngine(SlaPolicySet.Default, Calculator).Track(_case);
    }

    [Benchmark(Baseline = true)]
    public Instant DeadlinesOnly()
    {
        var p = SlaPolicy.Default;
        var a = Calculator.Deadline(T0, p.Respond.Goal);
        var b = Calculator.Deadline(T0 + Duration.FromMinutes(20), p.Claim.Goal);
        var c = Calculator.Deadline(T0, p.Resolve.Goal);
        var d = Calculator.Deadline(T0, p.Feedback.Goal);
        return a > b ? a : c > d ? c : d;
    }

    [Benchmark]
    public int CaseSla_StatesAt() => _sla.StatesAt(_case, T0 + Duration.FromDays(2)).Count;
}
