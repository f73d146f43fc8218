namespace Governance.Server;

/// <summary>
/// 看板汇总 — the dashboard's aggregates (the month's three rates, the week's 12345 report and the building heads'
/// ranking), computed at most once per <see cref="Freshness"/> of the district's clock in each instance and shared by
/// every poll: each is a read of every case of the month or week, where the open cases and the due list beside them are
/// read live at each poll. One poll computes while the others that find the aggregates stale wait for it.
/// </summary>
internal sealed class DashboardSummaries
{
    /// <summary>How long a computed summary is served: a wall screen's figures may lag the cases by this much.</summary>
    public static readonly Duration Freshness = Duration.FromSeconds(30);

    private readonly SemaphoreSlim _computing = new(1, 1);
    private Snapshot? _latest;

    /// <summary>The aggregates for <paramref name="today"/>, computed by <paramref name="compute"/> when none fresh are held.</summary>
    public async Task<DashboardAggregates> GetAsync(Instant now, LocalDate today, Func<CancellationToken, Task<DashboardAggregates>> compute, CancellationToken cancellationToken)
    {
        if (Fresh(now, today) is { } held)
        {
            return held;
        }

        await _computing.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(now, today) is { } computedMeanwhile)
            {
                return computedMeanwhile;
            }

            var value = await compute(cancellationToken);
            Volatile.Write(ref _latest, new Snapshot(today, now, value));
            return value;
        }
        finally
        {
            _computing.Release();
        }
    }

    private DashboardAggregates? Fresh(Instant now, LocalDate today) =>
        Volatile.Read(ref _latest) is { } latest && latest.Day == today && now >= latest.At && now - latest.At < Freshness ? latest.Value : null;

    private sealed record Snapshot(LocalDate Day, Instant At, DashboardAggregates Value);
}

/// <summary>The dashboard's aggregates, as one value.</summary>
internal sealed record DashboardAggregates(RatesView Rates, WeekView Week, IReadOnlyList<RankLine> BuildingHeads);
