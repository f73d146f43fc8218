using Governance.Cases;
using Governance.Sla;
using Microsoft.EntityFrameworkCore;

namespace Governance.EntityFrameworkCore.Sla;

/// <summary>
/// 时限报告位置存储 — the SLA reporting positions of cases (the thresholds already reported), so that each threshold event is
/// published exactly once across restarts and across instances: a tracker resumes from <see cref="TrackAsync"/>, and
/// <see cref="ClaimAsync"/> keeps, of the events a tracker found, only those this caller is the first to record.
/// </summary>
/// <typeparam name="TContext">The host's context or <see cref="Storage.GovernanceDbContext"/>.</typeparam>
/// <param name="contexts">Makes contexts.</param>
public sealed class SlaPositionStore<TContext>(IDbContextFactory<TContext> contexts)
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts = contexts ?? throw new ArgumentNullException(nameof(contexts));

    /// <summary>A tracker for the case that resumes from its stored position: it never reports a stored threshold again.</summary>
    /// <param name="case">The case.</param>
    /// <param name="engine">The SLA engine.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tracker.</returns>
    public async Task<CaseSla> TrackAsync(Case @case, SlaEngine engine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(engine);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var id = @case.Id.Value;
        var rows = await db.Set<SlaReportedRow>().AsNoTracking().Where(r => r.CaseId == id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return engine.Track(@case, rows.Select(r => new SlaThresholdKey(r.Step, r.Cycle, r.DepartmentCode.Length == 0 ? null : r.DepartmentCode, r.Percent)));
    }

    /// <summary>
    /// Records the thresholds an evaluation reported and returns those this caller recorded first; another instance that
    /// found the same threshold gets it back only if it was first. Publish what this returns.
    /// </summary>
    /// <param name="reached">The new events of an evaluation (<see cref="SlaEvaluation.NewEvents"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The events this caller claimed, in their order.</returns>
    public async Task<IReadOnlyList<SlaThresholdReached>> ClaimAsync(IReadOnlyList<SlaThresholdReached> reached, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reached);
        var claimed = new List<SlaThresholdReached>(reached.Count);
        foreach (var e in reached)
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            db.Add(new SlaReportedRow
            {
                CaseId = e.CaseId.Value,
                Step = e.Step,
                DepartmentCode = e.Department?.Code ?? "",
                Cycle = e.Cycle,
                Percent = e.Percent,
                OccurredAt = e.OccurredAt,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                claimed.Add(e);
            }
            catch (DbUpdateException)
            {
                // Recorded already (by another instance, or before a restart): not ours to publish.
            }
        }

        return claimed;
    }
}
