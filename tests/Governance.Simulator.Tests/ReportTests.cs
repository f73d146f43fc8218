namespace Governance.Tests.Simulator;

/// <summary>What the report gives analysts: the three rates per month and grid, one CSV row per case, tables that do not wrap.</summary>
public class ReportTests
{
    [Fact]
    public void The_three_rates_come_per_month_and_grid_and_the_cases_export_one_row_each()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"governance-cases-{Environment.ProcessId}.csv");
        try
        {
            var table = SimulatorProcess.Run("--grids", "4", "--from", "2026-04-01", "--to", "2026-05-31", "--cases", csv, "--lang", "en");
            Assert.Equal(0, table.ExitCode);
            Assert.Contains("Three rates by month", table.Out);
            var chinese = SimulatorProcess.Run("--grids", "4", "--from", "2026-04-01", "--to", "2026-05-31");
            Assert.Contains("三率考核", chinese.Out);   // Chinese headers by default
            Assert.DoesNotContain("Three rates by month", chinese.Out);
            Assert.Contains("2026-05", table.Out);
            Assert.DoesNotContain(table.Out.Split('\n'), line => line.Length > 240);   // redirected: one line per row

            var lines = File.ReadAllLines(csv);
            Assert.Equal("id,grid,category,source,registered,state,closed,respond,claim,resolve,feedback,escalations,satisfaction", lines[0]);
            var json = SimulatorProcess.Run("--grids", "4", "--from", "2026-04-01", "--to", "2026-05-31", "--format", "json");
            using var report = System.Text.Json.JsonDocument.Parse(json.Out);
            Assert.Equal(report.RootElement.GetProperty("Cases").GetInt32(), lines.Length - 1);
            var months = report.RootElement.GetProperty("ThreeRatesByMonth");
            Assert.Equal(2, months.GetArrayLength());
            Assert.Equal(4, months[1].GetProperty("Grids").GetArrayLength());
            Assert.Equal(System.Text.Json.JsonValueKind.Number, JsonValueKindOf(months[1], "ScoreChange"));   // May against April
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private static System.Text.Json.JsonValueKind JsonValueKindOf(System.Text.Json.JsonElement e, string name) => e.GetProperty(name).ValueKind;

    [Fact]
    public void A_sweep_of_the_grids_shows_respond_compliance_rising_with_staff()
    {
        var result = SimulatorProcess.Run("--sweep", "grids=2..8:3", "--cases-per-day", "40", "--from", "2026-04-01", "--to", "2026-04-30", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var points = json.RootElement.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(["2", "5", "8"], points.Select(p => p.GetProperty("Value").GetString()));
        double Respond(System.Text.Json.JsonElement p) => p.GetProperty("Figures").EnumerateArray()
            .Single(f => f.GetProperty("Figure").GetString() == "Respond compliance").GetProperty("Mean").GetDouble();
        Assert.True(Respond(points[0]) < Respond(points[1]) && Respond(points[1]) < Respond(points[2]));
    }

    [Fact]
    public void A_sweep_of_an_SLA_length_shows_its_compliance_rising_with_the_time_allowed()
    {
        var run = SimulatorProcess.Run("--sweep", "claim-hours=0.5..2:0.5", "--cases-per-day", "40", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        var claim = json.RootElement.GetProperty("points").EnumerateArray()
            .Select(p => p.GetProperty("Figures").EnumerateArray().First(f => f.GetProperty("Figure").GetString() == "Claim compliance").GetProperty("Mean").GetDouble()).ToArray();
        Assert.Equal(4, claim.Length);
        Assert.True(claim.Zip(claim.Skip(1)).All(p => p.Second > p.First), string.Join(", ", claim));
        Assert.Equal(2, SimulatorProcess.Run("--sweep", "resolve-days=0..2").ExitCode);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_in_the_tables_the_JSON_the_CSV_and_the_HTML_report()
    {
        var folder = Directory.CreateTempSubdirectory("governance-bytes-").FullName;
        try
        {
            (string Tables, string Json, byte[] Csv, byte[] Html) Once(string name)
            {
                var (csv, html) = (Path.Combine(folder, $"{name}.csv"), Path.Combine(folder, $"{name}.html"));
                var tables = SimulatorProcess.Run("--seed", "9", "--grids", "5", "--cases", csv, "--report", html);
                var json = SimulatorProcess.Run("--seed", "9", "--grids", "5", "--format", "json");
                Assert.Equal(0, tables.ExitCode);
                Assert.Equal(0, json.ExitCode);
                return (tables.Out, json.Out, File.ReadAllBytes(csv), File.ReadAllBytes(html));
            }

            var (a, b) = (Once("a"), Once("b"));
            Assert.Equal(a.Tables, b.Tables);
            Assert.Equal(a.Json, b.Json);
            Assert.Equal(a.Csv, b.Csv);
            Assert.Equal(a.Html, b.Html);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Every_quarter_gets_its_rankings_and_every_week_its_complaint_report()
    {
        var result = SimulatorProcess.Run("--grids", "4", "--from", "2026-04-01", "--to", "2026-09-30", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var quarters = json.RootElement.GetProperty("Quarters").EnumerateArray().Select(q => q.GetProperty("Quarter").GetString()!).ToArray();
        Assert.Equal(["2026-Q2", "2026-Q3"], quarters);
        Assert.All(json.RootElement.GetProperty("Quarters").EnumerateArray(), q => Assert.Equal(9, q.GetProperty("Selected").GetArrayLength()));
        var weeks = json.RootElement.GetProperty("Weeks").EnumerateArray().Select(w => w.GetProperty("Week").GetString()!).ToArray();
        Assert.Equal(25, weeks.Length);   // the full weeks from Monday 6 April to Sunday 27 September
        Assert.StartsWith("2026-04-06", weeks[0]);
    }
}
