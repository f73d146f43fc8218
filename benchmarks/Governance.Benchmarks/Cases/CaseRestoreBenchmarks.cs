using BenchmarkDotNet.Attributes;
using Governance.Cases;
using Governance.Testing;

namespace Governance.Benchmarks.Cases;

/// <summary>
/// Loading a stored 12-entry case (respond, claim, pause, resume, escalate, claim at the cooperative, summons, report-in,
/// resolve, unsatisfied feedback, resolve again, feedback): <see cref="CaseWorkflow.Restore"/> from the history entries
/// against <see cref="CaseWorkflow.Replay"/> of their commands (re-checked, re-authorized, events raised) in the same run.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CaseRestoreBenchmarks
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);
    private readonly CaseWorkflow _workflow = new(SeedCommunities.JiuLong());
    private readonly CaseRegistration _registration;
    private readonly CaseHistoryEntry[] _history;
    private readonly CaseCommand[] _commands;

    public CaseRestoreBenchmarks()
    {
        _registration = new CaseRegistration("bench", CaseSource.ResidentReport, CaseCategory.CookingFumes, new CaseLocation(SeedCommunities.Grid(1)), "油烟扰民", T0);
        var c = _workflow.Register(_registration);
        var w = SeedCommunities.GridWorker(1);
        var minute = 0;
        Instant Next() => T0 + Duration.FromMinutes(minute += 10);
        c.Respond(w, Next());
        c.Claim(w, Next());
        c.Pause(w, Next(), "等待入户");
        c.Resume(w, Next());
        c.Escalate(SeedCommunities.GridLeader(1), Next(), "网格无法解决");
        c.Claim("JL-CD1", Next());
        c.SummonDepartments(SeedCommunities.CommunitySecretary, Next(), [Department.Police]);
        c.ReportIn(SeedCommunities.PoliceLiaison, Next(), Department.Police);
        c.Resolve("JL-CD1", Next());
        c.GiveFeedback(w, Next(), Satisfaction.Unsatisfied);
        c.Resolve("JL-CD1", Next());
        c.GiveFeedback(w, Next(), Satisfaction.Satisfied);
        _history = [.. c.History];
        _commands = [.. c.History.Select(h => h.Command)];
        if (_history.Length != 12)
        {
            throw new InvalidOperationException($"Expected 12 entries; was {_history.Length}.");
        }
    }

    [Benchmark(Baseline = true)]
    public Case ReplayCommands() => _workflow.Replay(_registration, _commands);

    [Benchmark]
    public Case RestoreFromHistory() => _workflow.Restore(_registration, _history);
}
