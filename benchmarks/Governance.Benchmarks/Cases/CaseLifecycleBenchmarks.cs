using BenchmarkDotNet.Attributes;
using Governance.Cases;
using Governance.People;
using Governance.Testing;
using Stateless;

namespace Governance.Benchmarks.Cases;

/// <summary>
/// One case's whole main path (register → respond → claim → resolve → feedback → close, with history and
/// events) against raw Stateless firing the same five triggers on a pre-built machine (baseline) and on a
/// machine built per case (Stateless issue #232's cost).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CaseLifecycleBenchmarks
{
    private static readonly CaseWorkflow Workflow = new(SeedCommunities.JiuLong());
    private static readonly Id<Person> Worker = SeedCommunities.GridWorker(1);
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly CaseRegistration Registration =
        new("bench", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(SeedCommunities.Grid(1)), "水管漏水", T0);

    private readonly StateMachine<CaseState, CaseTrigger> _prebuilt;
    private CaseState _state;

    public CaseLifecycleBenchmarks()
    {
        _prebuilt = BuildRaw(() => _state, s => _state = s);
    }

    [Benchmark(Baseline = true)]
    public CaseState RawStateless_PrebuiltMachine()
    {
        _state = CaseState.Registered;
        FireMainPath(_prebuilt);
        return _state;
    }

    [Benchmark]
    public CaseState RawStateless_MachinePerCase()
    {
        var state = CaseState.Registered;
        var machine = BuildRaw(() => state, s => state = s);
        FireMainPath(machine);
        return state;
    }

    [Benchmark]
    public CaseState Governance_WholeLifecycle()
    {
        var worker = Worker;
        var c = Workflow.Register(Registration);
        c.Respond(worker, T0 + Duration.FromMinutes(10));
        c.Claim(worker, T0 + Duration.FromMinutes(20));
        c.Resolve(worker, T0 + Duration.FromHours(5));
        c.GiveFeedback(worker, T0 + Duration.FromHours(6), Satisfaction.Satisfied);
        c.Close(worker, T0 + Duration.FromHours(6));
        return c.State;
    }

    private static void FireMainPath(StateMachine<CaseState, CaseTrigger> m)
    {
        m.Fire(CaseTrigger.Respond);
        m.Fire(CaseTrigger.Claim);
        m.Fire(CaseTrigger.Resolve);
        m.Fire(CaseTrigger.GiveFeedback);
        m.Fire(CaseTrigger.Close);
    }

    private static StateMachine<CaseState, CaseTrigger> BuildRaw(Func<CaseState> get, Action<CaseState> set)
    {
        var m = new StateMachine<CaseState, CaseTrigger>(get, set);
        m.Configure(CaseState.Registered).Permit(CaseTrigger.Respond, CaseState.Responded).PermitReentry(CaseTrigger.Transfer).Permit(CaseTrigger.Reject, CaseState.Rejected);
        m.Configure(CaseState.Responded).Permit(CaseTrigger.Claim, CaseState.Claimed).PermitReentry(CaseTrigger.Escalate).Permit(CaseTrigger.Reject, CaseState.Rejected);
        m.Configure(CaseState.Claimed).Permit(CaseTrigger.Resolve, CaseState.Resolved).Permit(CaseTrigger.Escalate, CaseState.Responded);
        m.Configure(CaseState.Resolved).Permit(CaseTrigger.GiveFeedback, CaseState.FeedbackGiven).Permit(CaseTrigger.OverrideClose, CaseState.Closed);
        m.Configure(CaseState.FeedbackGiven).Permit(CaseTrigger.Close, CaseState.Closed);
        return m;
    }
}
