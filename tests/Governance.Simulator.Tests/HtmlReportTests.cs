using System.Diagnostics;
using System.Text.RegularExpressions;
using SkiaSharp;
using Xunit.Abstractions;

namespace Governance.Tests.Simulator;

/// <summary>
/// The HTML report (<c>--report</c>): the same seed writes the same bytes; nothing in it points outside the file; and
/// Debian's headless Chromium, with every host name unresolvable, renders its five charts (the screenshot is kept beside
/// the test assembly).
/// </summary>
public partial class HtmlReportTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public void The_report_is_the_same_bytes_for_the_same_seed_and_fetches_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("governance-report-").FullName;
        try
        {
            var (a, b, c) = (Path.Combine(folder, "a.html"), Path.Combine(folder, "b.html"), Path.Combine(folder, "c.html"));
            Assert.Equal(0, SimulatorProcess.Run("--seed", "5", "--to", "2026-09-30", "--report", a).ExitCode);
            Assert.Equal(0, SimulatorProcess.Run("--seed", "5", "--to", "2026-09-30", "--report", b).ExitCode);
            Assert.Equal(0, SimulatorProcess.Run("--seed", "6", "--to", "2026-09-30", "--report", c).ExitCode);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
            Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(c));

            var html = File.ReadAllText(a);
            Assert.Equal(5, Regex.Count(html, "<svg "));
            Assert.DoesNotMatch(ExternalReference(), html);
            Assert.Contains("三率", html, StringComparison.Ordinal);
            Assert.Contains("2026-Q3", html, StringComparison.Ordinal);
            Assert.Contains("每周投诉分析", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_sweep_report_draws_the_figures_against_the_swept_value()
    {
        var folder = Directory.CreateTempSubdirectory("governance-sweep-").FullName;
        try
        {
            var file = Path.Combine(folder, "sweep.html");
            var run = SimulatorProcess.Run("--sweep", "grids=2..6:2", "--cases-per-day", "30", "--report", file, "--lang", "en");
            Assert.Equal(0, run.ExitCode);
            var html = File.ReadAllText(file);
            Assert.Equal(2, Regex.Count(html, "<svg "));
            Assert.Contains("Compliance (%) against grids", html, StringComparison.Ordinal);
            Assert.Contains("Respond compliance", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(ExternalReference(), html);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Headless_Chromium_renders_the_charts_with_no_network()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does).");
        var folder = Directory.CreateTempSubdirectory("governance-chromium-").FullName;
        try
        {
            var report = Path.Combine(folder, "report.html");
            Assert.Equal(0, SimulatorProcess.Run("--to", "2026-09-30", "--report", report, "--lang", "en").ExitCode);
            var screenshot = Path.Combine(AppContext.BaseDirectory, "simulator-report.png");
            File.Delete(screenshot);
            RunChromium(folder, $"--screenshot={screenshot}", "--window-size=1100,3200", new Uri(report).AbsoluteUri);
            var rendered = RunChromium(folder, "--dump-dom", new Uri(report).AbsoluteUri);
            Assert.Equal(5, Regex.Count(rendered, "<svg "));
            output.WriteLine($"screenshot: {screenshot}");

            // The page is not blank: the charts' bars and lines put colour where a white page would have none.
            using var bitmap = SKBitmap.Decode(screenshot);
            Assert.NotNull(bitmap);
            var coloured = 0;
            for (var y = 0; y < bitmap.Height; y += 4)
            {
                for (var x = 0; x < bitmap.Width; x += 4)
                {
                    var p = bitmap.GetPixel(x, y);
                    coloured += Math.Max(p.Red, Math.Max(p.Green, p.Blue)) - Math.Min(p.Red, Math.Min(p.Green, p.Blue)) > 60 ? 1 : 0;
                }
            }

            output.WriteLine($"{bitmap.Width}×{bitmap.Height}, {coloured} coloured samples");
            Assert.True(coloured > 500, $"the screenshot has {coloured} coloured samples; the charts did not render");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs headless Chromium on its own profile, with background networking off and every host unresolvable.</summary>
    private static string RunChromium(string folder, params string[] args)
    {
        var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND", $"--user-data-dir={Path.Combine(folder, "profile")}", .. args])
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("headless Chromium did not finish in 90 s");
        }

        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']?\s*(https?:|//)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
