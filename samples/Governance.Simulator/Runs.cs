using System.Globalization;

/// <summary>One figure over many runs: its mean and a 95 % interval (Student's t over the runs).</summary>
internal sealed record Estimate(string Figure, int Runs, double Mean, double Low, double High)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Mean:P1} [{Low:P1}, {High:P1}]");
}

/// <summary>One figure's paired difference B − A over the same seeds (common random numbers), with its 95 % interval.</summary>
internal sealed record Difference(string Figure, int Runs, double MeanA, double MeanB, double Mean, double Low, double High)
{
    /// <summary>Whether the interval excludes zero.</summary>
    public bool Significant => Low > 0 || High < 0;
}

/// <summary>
/// 多次运行 — runs the simulation over seeds <c>seed … seed + runs − 1</c> and summarises each figure (closed share, each
/// step's compliance, the late-or-breached share) as a mean with a 95 % interval; a comparison runs both policies on the
/// same seeds and reports each paired difference with its interval.
/// </summary>
internal static class Runs
{
    // Two-sided 97.5 % quantiles of Student's t for 1–30 degrees of freedom; 1.96 beyond.
    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    public static IReadOnlyList<(string Figure, double Value)> Figures(SimulationReport r)
    {
        var figures = new List<(string, double)> { ("closed", r.Cases == 0 ? 0 : (double)r.Closed / r.Cases) };
        foreach (var s in r.Steps)
        {
            if (s.Compliance is { } c)
            {
                figures.Add(($"{s.Step} compliance", c));
            }
        }

        foreach (var (name, value) in new[] { ("response rate", r.ThreeRatesOfPeriod.Response), ("resolution rate", r.ThreeRatesOfPeriod.Resolution), ("satisfaction rate", r.ThreeRatesOfPeriod.Satisfaction) })
        {
            if (value is { } v)
            {
                figures.Add((name, v));
            }
        }

        return figures;
    }

    public static IReadOnlyList<Estimate> Estimate(IReadOnlyList<SimulationReport> reports)
    {
        var byFigure = reports.SelectMany(Figures).GroupBy(f => f.Figure).ToArray();
        return byFigure.Select(g =>
        {
            var values = g.Select(f => f.Value).ToArray();
            var (mean, half) = Interval(values);
            return new Estimate(g.Key, values.Length, mean, mean - half, mean + half);
        }).ToArray();
    }

    public static IReadOnlyList<Difference> Compare(IReadOnlyList<SimulationReport> a, IReadOnlyList<SimulationReport> b)
    {
        var result = new List<Difference>();
        var figuresA = a.Select(r => Figures(r).ToDictionary(f => f.Figure, f => f.Value)).ToArray();
        var figuresB = b.Select(r => Figures(r).ToDictionary(f => f.Figure, f => f.Value)).ToArray();
        foreach (var figure in figuresA.SelectMany(f => f.Keys).Distinct())
        {
            var pairs = Enumerable.Range(0, Math.Min(a.Count, b.Count))
                .Where(i => figuresA[i].ContainsKey(figure) && figuresB[i].ContainsKey(figure))
                .Select(i => (A: figuresA[i][figure], B: figuresB[i][figure])).ToArray();
            if (pairs.Length == 0)
            {
                continue;
            }

            var (mean, half) = Interval(pairs.Select(p => p.B - p.A).ToArray());
            result.Add(new Difference(figure, pairs.Length, pairs.Average(p => p.A), pairs.Average(p => p.B), mean, mean - half, mean + half));
        }

        return result;
    }

    /// <summary>The mean and the half-width of its 95 % interval (zero for a single run).</summary>
    internal static (double Mean, double Half) Interval(double[] values)
    {
        var n = values.Length;
        var mean = values.Average();
        if (n < 2)
        {
            return (mean, 0);
        }

        var variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        var t = n - 1 <= T975.Length ? T975[n - 2] : 1.96;
        return (mean, t * Math.Sqrt(variance / n));
    }
}
