using Governance.Scoring.Rules;
using Governance.Sla;

namespace Governance.Tests.Simulator;

/// <summary>Staffing matters: a grid's workers do one task at a time, so fewer of them means more waiting and less compliance.</summary>
public class CapacityTests
{
    private static SimulationOptions Options(int seed, IReadOnlyDictionary<int, int>? staff = null) =>
        new(seed, new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30), 40, 2, 1, SlaPolicySet.Default, "default", RuleSet.GridWorkerDefaults)
        {
            WorkersPerGrid = 2,
            Staff = staff,
        };

    private static double GridCompliance(SimulationReport report, string grid) => report.ByGrid.Single(g => g.Name.Contains(grid, StringComparison.Ordinal)).Compliance!.Value;

    [Fact]
    public void Halving_the_workers_of_one_grid_lowers_that_grids_compliance_and_the_interval_of_the_difference_excludes_zero()
    {
        var differences = Enumerable.Range(1, 5).Select(seed =>
            GridCompliance(Simulation.Run(Options(seed, new Dictionary<int, int> { [1] = 1 })), "G1") - GridCompliance(Simulation.Run(Options(seed)), "G1")).ToArray();
        var (mean, half) = Runs.Interval(differences);
        Assert.True(mean + half < 0, $"halving grid 1's workers changed its compliance by {mean:P1} ± {half:P1}");
    }

    [Fact]
    public void Runs_report_each_figure_with_an_interval_around_its_mean_and_the_same_seed_gives_the_same_report()
    {
        var reports = Enumerable.Range(1, 4).Select(seed => Simulation.Run(Options(seed))).ToArray();
        var estimates = Runs.Estimate(reports);
        Assert.Contains(estimates, e => e.Figure == "Respond compliance");
        Assert.All(estimates, e => Assert.True(e.Low <= e.Mean && e.Mean <= e.High && e.Runs == 4));

        var again = Simulation.Run(Options(1));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(reports[0]), System.Text.Json.JsonSerializer.Serialize(again));
    }
}
