using System.Globalization;
using Governance.Calendars;
using Governance.Sla;

/// <summary>One value of a swept setting and the figures it gave (means over the runs).</summary>
internal sealed record SweepPoint(string Value, IReadOnlyList<Estimate> Figures);

/// <summary>
/// 参数扫描 — runs the simulation over a range of one setting (<c>--sweep grids=4..16</c>, <c>workers-per-grid=1..3</c>,
/// <c>worker-speed=0.5..2:0.25</c>, <c>cases-per-day=10..80:10</c>, or an SLA length of every policy in the set:
/// <c>respond-hours=1..4</c>, <c>claim-hours=1..4</c>, <c>resolve-days=1..5</c> and <c>feedback-days=3..10</c> in working
/// days, each step's anchor kept) and reports compliance per step, the closed share and the three rates against the swept
/// value.
/// </summary>
internal static class Sweep
{
    public static readonly string[] Settings = ["grids", "workers-per-grid", "worker-speed", "cases-per-day", "respond-hours", "claim-hours", "resolve-days", "feedback-days"];

    /// <summary>Parses <c>name=from..to[:step]</c>; the step is 1 unless given.</summary>
    public static (string Name, IReadOnlyList<double> Values) Parse(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (eq <= 0 || dots < eq)
        {
            throw new UsageException($"--sweep '{text}' is not name=from..to[:step], e.g. grids=4..16 or worker-speed=0.5..2:0.25.");
        }

        var name = text[..eq];
        if (!Settings.Contains(name))
        {
            throw new UsageException($"--sweep can vary {string.Join(", ", Settings)}; not '{name}'.");
        }

        var range = text[(eq + 1)..];
        var colon = range.IndexOf(':', StringComparison.Ordinal);
        var bounds = (colon < 0 ? range : range[..colon]).Split("..");
        static double Number(string s, string what) =>
            double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) ? x : throw new UsageException($"--sweep: '{s}' is not a number ({what}).");
        var from = Number(bounds[0], "from");
        var to = Number(bounds[1], "to");
        var step = colon < 0 ? 1 : Number(range[(colon + 1)..], "step");
        if (step <= 0 || to < from || (to - from) / step > 50)
        {
            throw new UsageException($"--sweep '{text}': expected from ≤ to, a positive step, and at most 51 values.");
        }

        var values = new List<double>();
        for (var i = 0; from + (i * step) <= to + 1e-9; i++)
        {
            values.Add(Math.Round(from + (i * step), 6));
        }

        return (name, values);
    }

    public static SimulationOptions Apply(SimulationOptions o, string name, double value) => name switch
    {
        "grids" => o with { Grids = Whole(value, 1, 10_000, name) },
        "workers-per-grid" => o with { WorkersPerGrid = Whole(value, 1, 20, name) },
        "worker-speed" => value is > 0 and <= 100 ? o with { WorkerSpeed = value } : throw new UsageException("--sweep worker-speed takes values above 0 and at most 100."),
        "cases-per-day" => value is >= 0 and <= 100_000 ? o with { CasesPerDay = value } : throw new UsageException("--sweep cases-per-day takes values from 0 to 100000."),
        _ => o with { Policy = WithLength(o.Policy, name, value), PolicyName = $"{o.PolicyName}, {name} {value.ToString(CultureInfo.InvariantCulture)}" },
    };

    /// <summary>The set with one step's length changed in every policy (and the fallback): hours elapsed, or working days.</summary>
    private static SlaPolicySet WithLength(SlaPolicySet set, string name, double value)
    {
        var goal = name.EndsWith("-hours", StringComparison.Ordinal)
            ? value is > 0 and <= 240 ? DeadlineGoal.Elapsed(Duration.FromMinutes(Math.Round(value * 60))) : throw new UsageException($"--sweep {name} takes hours above 0 and at most 240.")
            : DeadlineGoal.WorkingDays(Whole(value, 1, 60, name));
        SlaPolicy With(SlaPolicy p) => new(p.Name)
        {
            Version = p.Version,
            Categories = p.Categories,
            Priorities = p.Priorities,
            Sources = p.Sources,
            Respond = name == "respond-hours" ? p.Respond with { Goal = goal } : p.Respond,
            Claim = name == "claim-hours" ? p.Claim with { Goal = goal } : p.Claim,
            Resolve = name == "resolve-days" ? p.Resolve with { Goal = goal } : p.Resolve,
            Feedback = name == "feedback-days" ? p.Feedback with { Goal = goal } : p.Feedback,
            ReportIn = p.ReportIn,
            Callback = p.Callback,
            WarningThresholds = p.WarningThresholds,
            OnEscalation = p.OnEscalation,
            OnTransfer = p.OnTransfer,
            OnPriorityChange = p.OnPriorityChange,
        };
        return new SlaPolicySet(set.Policies.Select(With), With(set.Fallback));
    }

    private static int Whole(double value, int min, int max, string name) =>
        value == Math.Floor(value) && value >= min && value <= max ? (int)value : throw new UsageException($"--sweep {name} takes whole numbers from {min} to {max}; not {value}.");
}
