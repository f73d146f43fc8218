using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Governance.Diagnostics;

/// <summary>
/// 运行指标 — the meter and activity source of Governance.Scoring (BCL types, no logging framework). Instruments:
/// <list type="table">
/// <listheader><term>instrument</term><description>what it measures (tags)</description></listheader>
/// <item><term><c>governance.scoring.runs</c></term><description>scoring runs (<c>role</c>)</description></item>
/// <item><term><c>governance.scoring.run.duration</c></term><description>a run's duration in milliseconds (<c>role</c>)</description></item>
/// <item><term><c>governance.scoring.facts</c></term><description>facts scored (<c>role</c>)</description></item>
/// </list>
/// Activities: <c>scoring.run</c> around each run (tags <c>role</c>, <c>period</c>).
/// </summary>
public static class ScoringTelemetry
{
    /// <summary>The meter's name: <c>Governance.Scoring</c>.</summary>
    public const string MeterName = "Governance.Scoring";

    /// <summary>The activity source's name: <c>Governance.Scoring</c>.</summary>
    public const string ActivitySourceName = "Governance.Scoring";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Runs = Meter.CreateCounter<long>("governance.scoring.runs", "{run}", "Scoring runs.");
    private static readonly Counter<long> Facts = Meter.CreateCounter<long>("governance.scoring.facts", "{fact}", "Facts scored.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("governance.scoring.run.duration", "ms", "How long a scoring run took.");

    internal static long Start() => Stopwatch.GetTimestamp();

    internal static void Finished(long started, string role, int facts)
    {
        var tag = new KeyValuePair<string, object?>("role", role);
        Runs.Add(1, tag);
        Facts.Add(facts, tag);
        if (Duration.Enabled)
        {
            Duration.Record((Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency, tag);
        }
    }
}
