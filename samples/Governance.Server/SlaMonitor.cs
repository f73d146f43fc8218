using System.Collections.Concurrent;
using Governance.EntityFrameworkCore.Cases;
using Governance.Sla;

namespace Governance.Server;

/// <summary>
/// 时限监控 — a hosted service that, every <see cref="ServerOptions.SlaMonitorSeconds"/>, evaluates the open cases that are
/// due (<see cref="CasesDueForSlaCheck"/>: changed since their last evaluation, or with a threshold come), each with a
/// tracker resumed from the stored reporting position; publishes only the thresholds it claimed in the database (each
/// threshold once, across restarts and across instances); and then marks the case checked until its next threshold
/// (<see cref="CaseStore{TContext}.MarkSlaCheckedAsync"/>), so that a pass costs what is due, not what is open.
/// </summary>
internal sealed class SlaMonitor(District district, ILogger<SlaMonitor> logger) : BackgroundService
{
    private const int PageSize = 500;

    private readonly ConcurrentQueue<SlaThresholdReached> _published = new();

    /// <summary>Every threshold this instance published, in order (the dashboard's feed; the tests' evidence).</summary>
    public IReadOnlyCollection<SlaThresholdReached> Published => _published;

    /// <summary>How many cases the latest pass evaluated.</summary>
    public int LastPassEvaluated { get; private set; }

    /// <summary>One pass: returns the thresholds this instance claimed and published.</summary>
    public async Task<IReadOnlyList<SlaThresholdReached>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = district.Now;
        var published = new List<SlaThresholdReached>();
        var evaluated = 0;
        for (string? after = null; ;)
        {
            var rows = await district.Cases.ListAsync(new CasesDueForSlaCheck(now, after, PageSize), cancellationToken);
            foreach (var row in rows)
            {
                try
                {
                    evaluated += await CheckAsync(row.Id, now, published, cancellationToken) ? 1 : 0;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One case that cannot be evaluated (a policy version this host lacks, say) stays due and is logged
                    // at every pass; the cases after it are still checked.
                    logger.LogError(e, "The SLA monitor could not check case {Case}; it stays due.", row.Id);
                }
            }

            if (rows.Count < PageSize)
            {
                LastPassEvaluated = evaluated;
                return published;
            }

            after = rows[^1].Id;
        }
    }

    /// <summary>Evaluates one case, publishes what this instance claimed, and marks it checked until its next threshold.</summary>
    /// <returns>Whether the case was evaluated (false: closed or gone meanwhile).</returns>
    private async Task<bool> CheckAsync(string id, Instant now, List<SlaThresholdReached> published, CancellationToken cancellationToken)
    {
        if (await district.Cases.LoadAsync(id, cancellationToken) is not { IsTerminal: false } c)
        {
            return false;
        }

        var tracker = await district.Positions.TrackAsync(c, district.Sla, cancellationToken);
        var evaluation = tracker.Evaluate(c, now);
        if (evaluation.NewEvents.Count > 0)
        {
            foreach (var e in await district.Positions.ClaimAsync(evaluation.NewEvents, cancellationToken))
            {
                _published.Enqueue(e);
                published.Add(e);
                logger.LogInformation("SLA {Kind}: case {Case} step {Step} at {Percent}% ({At})", e.IsBreach ? "breach" : "warning", e.CaseId, e.Step, e.Percent, e.OccurredAt);
            }
        }

        // Only after the claims: a pass that stops in between leaves the case due, and the next one claims nothing twice.
        await district.Cases.MarkSlaCheckedAsync(c.Id, c.Version, evaluation.NextThresholdAt, cancellationToken);
        return true;
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
