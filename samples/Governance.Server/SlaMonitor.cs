using System.Collections.Concurrent;
using Governance.EntityFrameworkCore.Cases;
using Governance.Sla;

namespace Governance.Server;

/// <summary>
/// 时限监控 — a hosted service that, every <see cref="ServerOptions.SlaMonitorSeconds"/>, finds the open cases with a step
/// due within the longest step the policies allow (<see cref="CasesDueBy"/>, soonest first), evaluates each with a tracker
/// resumed from the stored reporting position, and publishes only the thresholds it claimed in the database: each threshold
/// once, across restarts and across instances.
/// </summary>
internal sealed class SlaMonitor(District district, ILogger<SlaMonitor> logger) : BackgroundService
{
    private readonly ConcurrentQueue<SlaThresholdReached> _published = new();

    /// <summary>How far ahead a deadline can be while one of its warning thresholds is already due.</summary>
    public static readonly Duration Horizon = Duration.FromDays(40);

    /// <summary>Every threshold this instance published, in order (the dashboard's feed; the tests' evidence).</summary>
    public IReadOnlyCollection<SlaThresholdReached> Published => _published;

    /// <summary>One pass: returns the thresholds this instance claimed and published.</summary>
    public async Task<IReadOnlyList<SlaThresholdReached>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = district.Now;
        var published = new List<SlaThresholdReached>();
        for (var skip = 0; ; skip += 500)
        {
            var rows = await district.Cases.ListAsync(new CasesDueBy(now + Horizon, skip, 500), cancellationToken);
            foreach (var row in rows)
            {
                if (await district.Cases.LoadAsync(row.Id, cancellationToken) is not { IsTerminal: false } c)
                {
                    continue;
                }

                var tracker = await district.Positions.TrackAsync(c, district.Sla, cancellationToken);
                var evaluation = tracker.Evaluate(c, now);
                if (evaluation.NewEvents.Count == 0)
                {
                    continue;
                }

                foreach (var e in await district.Positions.ClaimAsync(evaluation.NewEvents, cancellationToken))
                {
                    _published.Enqueue(e);
                    published.Add(e);
                    logger.LogInformation("SLA {Kind}: case {Case} step {Step} at {Percent}% ({At})", e.IsBreach ? "breach" : "warning", e.CaseId, e.Step, e.Percent, e.OccurredAt);
                }
            }

            if (rows.Count < 500)
            {
                return published;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (district.Options.SlaMonitorSeconds == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(district.Options.SlaMonitorSeconds));
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The SLA monitor's pass failed; it runs again at the next tick.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
