using System.Collections.Concurrent;
using Governance.EntityFrameworkCore.Sla;
using Governance.EntityFrameworkCore.Storage;
using Governance.Sla;

namespace Governance.Server;

/// <summary>
/// 时限监控 — a hosted service that, every <see cref="ServerOptions.SlaMonitorSeconds"/>, runs the library's SLA check
/// pass (<see cref="SlaChecks{TContext}"/>: only the cases changed or with a threshold come; each threshold claimed once
/// across instances and restarts) and publishes what this instance claimed; a case that cannot be evaluated is logged and
/// stays due.
/// </summary>
internal sealed class SlaMonitor(District district, ILogger<SlaMonitor> logger) : BackgroundService
{
    private readonly ConcurrentQueue<SlaThresholdReached> _published = new();
    private readonly SlaChecks<GovernanceDbContext> _checks = new(district.Cases, district.Positions, district.Sla);

    /// <summary>Every threshold this instance published, in order (the dashboard's feed; the tests' evidence).</summary>
    public IReadOnlyCollection<SlaThresholdReached> Published => _published;

    /// <summary>How many cases the latest pass evaluated.</summary>
    public int LastPassEvaluated { get; private set; }

    /// <summary>One pass: returns the thresholds this instance claimed and published.</summary>
    public async Task<IReadOnlyList<SlaThresholdReached>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var pass = await _checks.RunAsync(district.Now, cancellationToken);
        foreach (var failure in pass.Failed)
        {
            logger.LogError(failure.Error, "The SLA monitor could not check case {Case}; it stays due.", failure.CaseId);
        }

        foreach (var e in pass.Claimed)
        {
            _published.Enqueue(e);
            logger.LogInformation("SLA {Kind}: case {Case} step {Step} at {Percent}% ({At})", e.IsBreach ? "breach" : "warning", e.CaseId, e.Step, e.Percent, e.OccurredAt);
        }

        LastPassEvaluated = pass.Evaluated;
        return pass.Claimed;
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
