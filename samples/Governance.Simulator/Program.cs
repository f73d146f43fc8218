using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Governance;
using Governance.Calendars;
using Governance.Scoring.Rules;
using Governance.Sla;
using Governance.Validation;
using NodaTime.Text;
using Spectre.Console;

// The main program: a district simulator for tuning policies. See README.md ("The simulator") and Workload.cs.
var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same report, byte for byte.", DefaultValueFactory = _ => 2026 };
var from = new Option<string>("--from") { Description = "First local date (uuuu-MM-dd).", DefaultValueFactory = _ => "2026-04-01" };
var to = new Option<string>("--to") { Description = "Last local date (uuuu-MM-dd).", DefaultValueFactory = _ => "2026-06-30" };
var casesPerDay = new Option<double>("--cases-per-day") { Description = "Cases registered on an ordinary weekday across the district.", DefaultValueFactory = _ => 6 };
var grids = new Option<int>("--grids") { Description = "Staffing: grids, one grid worker each (8 = 九龙社区; 45 for a sub-district).", DefaultValueFactory = _ => 8 };
var speed = new Option<double>("--worker-speed") { Description = "Staffing: handling-time multiplier (0.5 = twice as fast, 2 = overloaded).", DefaultValueFactory = _ => 1 };
var policy = new Option<FileInfo?>("--policy") { Description = "SLA policy JSON file (see SlaPolicyJson)." };
var rules = new Option<FileInfo?>("--rules") { Description = "Grid-worker rule set JSON file (see RuleSetJson)." };
var format = new Option<string>("--format") { Description = "Output: table or json.", DefaultValueFactory = _ => "table" };
format.AcceptOnlyFromAmong("table", "json");
var runs = new Option<int>("--runs") { Description = "Run this many seeds (seed, seed+1, …) and report each figure as a mean with a 95 % interval; with --compare, paired differences.", DefaultValueFactory = _ => 1 };
var workersPerGrid = new Option<int>("--workers-per-grid") { Description = "Staffing: grid workers per grid, each doing one task at a time.", DefaultValueFactory = _ => 1 };
var lang = new Option<string>("--lang") { Description = "Table headers: zh (中文, the default) or en.", DefaultValueFactory = _ => "zh" };
lang.AcceptOnlyFromAmong("zh", "en");
var sweep = new Option<string?>("--sweep") { Description = "Vary one setting over a range and report the figures against it: grids=4..16, workers-per-grid=1..3, worker-speed=0.5..2:0.25, cases-per-day=10..80:10, or an SLA length: respond-hours=1..4, claim-hours=1..4, resolve-days=1..5, feedback-days=3..10 (with --runs, means)." };
var casesCsv = new Option<FileInfo?>("--cases") { Description = "Also write one row per case to this CSV file (for analysts)." };
var database = new Option<FileInfo?>("--database") { Description = "Also write the simulated period into a new SQLite file through the persistence package (organisation, cases, scoring facts, the time-bank journal)." };
var htmlReport = new Option<FileInfo?>("--report") { Description = "Also write a self-contained HTML report with charts to this file (opens with no network); with --sweep, the figures' curves against the swept value." };
var workingHours = new Option<bool>("--working-hours") { Description = "Staffing: grid workers work 08:30–12:00 and 13:30–17:30 on working days only (holidays off, make-up days worked); otherwise on call around the clock." };
var queue = new Option<string>("--queue") { Description = "Staffing: what a free grid worker takes first: nearest-deadline (the default) or first-come.", DefaultValueFactory = _ => "nearest-deadline" };
queue.AcceptOnlyFromAmong([.. Staffing.Orders.Select(o => o.Name)]);
var uncovered = new Option<bool>("--allow-uncovered-years") { Description = "Run dates outside the calendar's years (only weekends are known there)." };
var compare = new Option<FileInfo[]>("--compare") { Description = "Run the same workload under two SLA policy files and print the differences: --compare A.json B.json.", AllowMultipleArgumentsPerToken = true };

var root = new RootCommand("Governance district simulator — 网格化治理模拟：四步闭环时限、楼长积分、网格员考核、时间银行。")
{
    seed, from, to, casesPerDay, grids, speed, policy, rules, format, compare, uncovered, runs, workersPerGrid, casesCsv, htmlReport, database, sweep, lang, workingHours, queue,
};

root.SetAction(parse =>
{
    Output.WideWhenRedirected();
    Output.English = parse.GetValue(lang) == "en";
    try
    {
        var start = Date(parse.GetValue(from)!, "--from");
        var end = Date(parse.GetValue(to)!, "--to");
        if (end < start)
        {
            throw new UsageException($"--to {end:uuuu-MM-dd} is before --from {start:uuuu-MM-dd}.");
        }

        if (Period.Between(start, end, PeriodUnits.Days).Days > 3 * 366)
        {
            throw new UsageException($"--from {start:uuuu-MM-dd} to --to {end:uuuu-MM-dd} is more than three years; simulate at most three years at a time.");
        }

        // The calendar knows holidays and 调休 days only for the years it covers; elsewhere it would use weekends alone.
        var covered = ChinaCalendar.Mainland.CoveredYears;
        if (!parse.GetValue(uncovered) && (start.Year < covered[0] || end.Year > covered[^1]))
        {
            throw new UsageException($"--from {start:uuuu-MM-dd} to --to {end:uuuu-MM-dd} leaves the calendar's years ({covered[0]}–{covered[^1]}), where only weekends are known; pass --allow-uncovered-years to run anyway.");
        }

        var perDay = parse.GetValue(casesPerDay);
        var gridCount = parse.GetValue(grids);
        var workerSpeed = parse.GetValue(speed);
        if (!(perDay is >= 0 and <= 100_000) || gridCount is < 1 or > 10_000 || !(workerSpeed is > 0 and <= 100))
        {
            throw new UsageException("Expected --cases-per-day 0–100000, --grids 1–10000 and --worker-speed above 0 and at most 100 (finite numbers).");
        }

        var runCount = parse.GetValue(runs);
        var staff = parse.GetValue(workersPerGrid);
        if (runCount is < 1 or > 1000 || staff is < 1 or > 20)
        {
            throw new UsageException("Expected --runs 1–1000 and --workers-per-grid 1–20.");
        }

        var gridRules = parse.GetValue(rules) is { } rulesFile ? RuleSetJson.Parse(Read(rulesFile)) : RuleSet.GridWorkerDefaults;
        SimulationOptions Options(SlaPolicySet set, string name, int run = 0) =>
            new(parse.GetValue(seed) + run, start, end, perDay, gridCount, workerSpeed, set, name, gridRules) { WorkersPerGrid = staff, WorkingHours = parse.GetValue(workingHours), Queue = Staffing.Orders.Single(q => q.Name == parse.GetValue(queue)) };

        var json = parse.GetValue(format) == "json";
        var files = parse.GetValue(compare) ?? [];
        if (files.Length is not (0 or 2))
        {
            throw new UsageException($"--compare takes two policy files; was given {files.Length}.");
        }

        if (files.Length == 2 && runCount > 1)
        {
            var (setA, setB) = (SlaPolicyJson.Parse(Read(files[0])), SlaPolicyJson.Parse(Read(files[1])));
            var pairs = Enumerable.Range(0, runCount).Select(i => (A: Run(Options(setA, files[0].Name, i)), B: Run(Options(setB, files[1].Name, i)))).ToArray();
            var differences = Runs.Compare(pairs.Select(p => p.A).ToArray(), pairs.Select(p => p.B).ToArray());
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { a = files[0].Name, b = files[1].Name, runs = runCount, differences }, Json));
            }
            else
            {
                Output.Differences(files[0].Name, files[1].Name, differences);
            }

            return 0;
        }

        if (files.Length == 2)
        {
            var a = Run(Options(SlaPolicyJson.Parse(Read(files[0])), files[0].Name));
            var b = Run(Options(SlaPolicyJson.Parse(Read(files[1])), files[1].Name));
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { a, b }, Json));
            }
            else
            {
                Output.Compare(a, b);
            }

            return 0;
        }

        var set = parse.GetValue(policy) is { } policyFile ? SlaPolicyJson.Parse(Read(policyFile)) : SlaPolicySet.Default;
        var policyName = parse.GetValue(policy)?.Name ?? "default (1h/1h/3 working days/5 working days)";
        if (parse.GetValue(sweep) is { } sweepText)
        {
            var (setting, values) = Sweep.Parse(sweepText);
            var points = values.Select(v => new SweepPoint(
                v.ToString(CultureInfo.InvariantCulture),
                Runs.Estimate(Enumerable.Range(0, runCount).Select(i => Run(Sweep.Apply(Options(set, policyName, i), setting, v))).ToArray()))).ToArray();
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { policy = policyName, setting, runs = runCount, points }, Json));
            }
            else
            {
                Output.Sweep(setting, runCount, points);
            }

            if (parse.GetValue(htmlReport) is { } sweepHtml)
            {
                WriteFile(sweepHtml, writer => HtmlReport.WriteSweep(setting, runCount, points, writer));
            }

            return 0;
        }

        if (runCount > 1)
        {
            var estimates = Runs.Estimate(Enumerable.Range(0, runCount).Select(i => Run(Options(set, policyName, i))).ToArray());
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { policy = policyName, runs = runCount, estimates }, Json));
            }
            else
            {
                Output.Estimates(policyName, runCount, estimates);
            }

            return 0;
        }

        var (report, simulated) = RunWithState(Options(set, policyName));
        if (parse.GetValue(database) is { } databaseFile)
        {
            Database.WriteAsync(simulated, databaseFile).GetAwaiter().GetResult();
        }

        if (parse.GetValue(casesCsv) is { } csv)
        {
            WriteFile(csv, writer => Output.Csv(report, writer));
        }

        if (parse.GetValue(htmlReport) is { } html)
        {
            WriteFile(html, writer => HtmlReport.Write(report, writer));
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, Json));
        }
        else
        {
            Output.Tables(report);
        }

        return 0;
    }
    catch (UsageException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return ExitCodes.Usage;
    }
    catch (ValidationFailedException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return ExitCodes.BadInput;
    }
    catch (Exception e) when (e is ArgumentException or GovernanceException)
    {
        Console.Error.WriteLine($"error: the input cannot be simulated: {e.Message}");
        return ExitCodes.BadInput;
    }
    catch (Exception e)
    {
        Console.Error.WriteLine($"internal error ({e.GetType().Name}): {e.Message}");
        Console.Error.WriteLine("This is a defect in the simulator; please report it with the command line that caused it.");
        return ExitCodes.Internal;
    }
});

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"error: {error.Message}");
    }

    return ExitCodes.Usage;
}

return parsed.Invoke();

static SimulationReport Run(SimulationOptions options) => RunWithState(options).Report;

static (SimulationReport Report, SimulatedDistrict State) RunWithState(SimulationOptions options)
{
    // A progress line on stderr once a run takes more than a second; stdout stays the report alone.
    var watch = Stopwatch.StartNew();
    var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
    var shown = -1;
    var (report, state) = Simulation.RunWithState(options, done =>
    {
        var percent = (int)(done * 100);
        if (watch.ElapsedMilliseconds > 1000 && percent / 10 != shown)
        {
            shown = percent / 10;
            err.MarkupLine($"[grey]simulating {options.From:uuuu-MM-dd}…{options.To:uuuu-MM-dd}: {percent}%[/]");
        }
    });
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulated {report.Cases} cases over {report.Grids} grids in {watch.Elapsed.TotalSeconds:F2} s"));
    return (report, state);
}

static LocalDate Date(string text, string option)
{
    var parsed = LocalDatePattern.Iso.Parse(text);
    return parsed.Success ? parsed.Value : throw new UsageException($"{option} '{text}' is not a date; expected uuuu-MM-dd, e.g. 2026-04-01.");
}

static string Read(FileInfo file)
{
    try
    {
        return File.ReadAllText(file.FullName);
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        throw new UsageException($"cannot read {file.FullName}: {e.Message}");
    }
}

static void WriteFile(FileInfo file, Action<TextWriter> write)
{
    try
    {
        using var writer = new StreamWriter(file.FullName, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        write(writer);
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        throw new UsageException($"cannot write {file.FullName}: {e.Message}");
    }
}

internal sealed class UsageException(string message) : Exception(message);

/// <summary>The simulator's exit codes: 0 success, 2 a usage error (options), 3 bad input (a policy or rule file), 70 an internal failure.</summary>
internal static class ExitCodes
{
    public const int Usage = 2;
    public const int BadInput = 3;
    public const int Internal = 70;
}

internal static partial class Program
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
