using System.Text.Json;

namespace Governance.Tests.Simulator;

/// <summary>The workload model's seasons and working hours show in what it simulates.</summary>
public class WorkloadTests
{
    [Fact]
    public void Heating_cases_come_only_in_the_heating_season_and_flying_wires_peak_in_summer()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"governance-seasons-{Environment.ProcessId}.csv");
        try
        {
            Assert.Equal(0, SimulatorProcess.Run("--from", "2026-01-01", "--to", "2026-12-31", "--cases-per-day", "20", "--cases", csv).ExitCode);
            var rows = File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')).Select(f => (Category: f[2], Month: int.Parse(f[4][5..7], System.Globalization.CultureInfo.InvariantCulture))).ToArray();
            var heating = rows.Where(r => r.Category == "heating").ToArray();
            Assert.NotEmpty(heating);
            Assert.All(heating, r => Assert.True(r.Month is >= 11 or <= 3, $"a heating case in month {r.Month}"));
            double Share(string category, Func<int, bool> months) =>
                (double)rows.Count(r => r.Category == category && months(r.Month)) / rows.Count(r => months(r.Month));
            Assert.True(Share("flying-wire", m => m is >= 6 and <= 8) > 1.3 * Share("flying-wire", m => m is 4 or 5 or 9 or 10));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public void With_working_hours_evening_cases_wait_for_the_morning_and_respond_compliance_falls()
    {
        double Respond(params string[] extra)
        {
            var run = SimulatorProcess.Run(["--grids", "8", "--cases-per-day", "20", "--format", "json", .. extra]);
            Assert.Equal(0, run.ExitCode);
            using var report = JsonDocument.Parse(run.Out);
            return report.RootElement.GetProperty("Steps").EnumerateArray().First(s => s.GetProperty("Step").GetString() == "Respond").GetProperty("Compliance").GetDouble();
        }

        var aroundTheClock = Respond();
        var officeHours = Respond("--working-hours");
        Assert.True(officeHours < aroundTheClock - 0.1, $"respond compliance {officeHours:P1} with working hours, {aroundTheClock:P1} without");
    }

    [Fact]
    public void On_an_overloaded_district_taking_the_nearest_deadline_first_meets_more_deadlines_than_arrival_order()
    {
        double Respond(string queue)
        {
            var run = SimulatorProcess.Run("--grids", "2", "--cases-per-day", "40", "--format", "json", "--queue", queue);
            Assert.Equal(0, run.ExitCode);
            using var report = JsonDocument.Parse(run.Out);
            return report.RootElement.GetProperty("Steps").EnumerateArray().First(s => s.GetProperty("Step").GetString() == "Respond").GetProperty("Compliance").GetDouble();
        }

        var (nearest, firstCome) = (Respond("nearest-deadline"), Respond("first-come"));
        Assert.True(nearest > firstCome + 0.1, $"respond compliance {nearest:P1} nearest deadline first, {firstCome:P1} first come");
        Assert.Equal(2, SimulatorProcess.Run("--queue", "random").ExitCode);
    }
}
