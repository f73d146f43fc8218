namespace Governance.Tests.Simulator;

/// <summary>Bad invocations end with a one-line error and a distinct exit code, never a stack trace.</summary>
public class BadInvocationTests
{
    private static readonly string Bad = Path.Combine(Path.GetTempPath(), $"governance-bad-policy-{Environment.ProcessId}.json");

    public static TheoryData<string[], int> Invocations()
    {
        File.WriteAllText(Bad, """{ "policies": [ { "name": "x", "resolv": { "kind": "WorkingDays", "days": 5 } } ] }""");
        return new TheoryData<string[], int>
        {
            { ["--worker-speed", "NaN"], 2 },
            { ["--worker-speed", "0"], 2 },
            { ["--cases-per-day", "NaN"], 2 },
            { ["--cases-per-day", "-1"], 2 },
            { ["--grids", "0"], 2 },
            { ["--from", "1899-12-01"], 2 },
            { ["--to", "9999-12-31"], 2 },
            { ["--from", "2026-13-01"], 2 },
            { ["--from", "2026-06-01", "--to", "2026-05-01"], 2 },
            { ["--from", "2030-01-01", "--to", "2030-01-31"], 2 },
            { ["--seed", "x"], 2 },
            { ["--format", "xml"], 2 },
            { ["--compare", Bad], 2 },
            { ["--policy", "/nonexistent/policy.json"], 2 },
            { ["--sweep", "staff=1..2"], 2 },
            { ["--sweep", "grids=5..1"], 2 },
            { ["--sweep", "grids=1.5..3"], 2 },
            { ["--sweep", "worker-speed=0..2:0.5"], 2 },
            { ["--runs", "0"], 2 },
            { ["--policy", Bad], 3 },
            { ["--rules", Bad], 3 },
            { ["--from", "1899-12-01", "--to", "1899-12-31", "--allow-uncovered-years"], 3 },
        };
    }

    [Theory]
    [MemberData(nameof(Invocations))]
    public void A_bad_invocation_is_refused_with_its_exit_code_and_no_stack_trace(string[] args, int exitCode)
    {
        var result = SimulatorProcess.Run(args);
        Assert.Equal(exitCode, result.ExitCode);
        // A progress line may come first on a slow machine (it is printed once a run takes a second); the error follows.
        Assert.Contains(result.Error.Split('\n'), line => line.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Unhandled exception", result.Error);
    }

    [Fact]
    public void The_default_run_succeeds_and_prints_its_report()
    {
        var result = SimulatorProcess.Run("--grids", "4", "--from", "2026-04-01", "--to", "2026-04-30");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("simulated", result.Error);
        Assert.False(string.IsNullOrWhiteSpace(result.Out));
    }
}
