using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.Sla;
using Microsoft.EntityFrameworkCore;

namespace Governance.EntityFrameworkCore.Sla;

/// <summary>
/// 时限巡检 — one pass of an SLA monitor over the stores: the cases due for a check (<see cref="CasesDueForSlaCheck"/>:
/// changed since their last evaluation, or with a threshold come), each evaluated with a tracker resumed from its stored
/// reporting position (<see cref="SlaPositionStore{TContext}.TrackAsync"/>), its crossed thresholds claimed
/// (<see cref="SlaPositionStore{TContext}.ClaimAsync"/>: each threshold once across instances and restarts), and then
/// marked checked until its next threshold (<see cref="CaseStore{TContext}.MarkSlaCheckedAsync"/>). A pass costs what
/// is due, not what is open. Any number of instances may run passes at once.
/// </summary>
/// <typeparam name="TContext">The host's context or <see cref="Storage.GovernanceDbContext"/>.</typeparam>
/// <param name="cases">The case store (given the same SLA engine, so that it keeps each case's next deadline).</param>
/// <param name="positions">The reporting positions.</param>
/// <param name="engine">The SLA engine.</param>
public sealed class SlaChecks<TContext>(CaseStore<TContext> cases, SlaPositionStore<TContext> positions, SlaEngine engine)
    where TContext : DbContext
{
    private const int PageSize = 500;

    private readonly CaseStore<TContext> _cases = cases ?? throw new ArgumentNullException(nameof(cases));
    private readonly SlaPositionStore<TContext> _positions = positions ?? throw new ArgumentNullException(nameof(positions));
    private readonly SlaEngine _engine = engine ?? throw new ArgumentNullException(nameof(engine));

    /// <summary>
    /// Runs one pass at <paramref name="now"/>. A case that cannot be evaluated (a policy version the engine lacks, a
    /// registration that cannot be read) is reported in <see cref="SlaCheckPass.Failed"/> and stays due; the cases after
    /// it are still checked.
    /// </summary>
    /// <param name="now">The instant of the pass.</param>
    /// <param name="cancellationToken">Cancels the pass between cases; what was claimed and marked stays so.</param>
    /// <returns>The thresholds this caller claimed (publish these), how many cases it evaluated, and the cases it could not.</returns>
    public async Task<SlaCheckPass> RunAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var claimed = new List<SlaThresholdReached>();
        var failed = new List<SlaCheckFailure>();
        var evaluated = 0;
        for (string? after = null; ;)
        {
            var rows = await _cases.ListAsync(new CasesDueForSlaCheck(now, after, PageSize), cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                try
                {
                    evaluated += await CheckAsync(row.Id, now, claimed, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed.Add(new SlaCheckFailure(row.Id, e));
                }
            }

            if (rows.Count < PageSize)
            {
                return new SlaCheckPass(claimed, evaluated, failed);
            }

            after = rows[^1].Id;
        }
    }

    /// <summary>Evaluates one case, claims what it crossed, and marks it checked until its next threshold.</summary>
    /// <returns>Whether the case was evaluated (false: closed or gone meanwhile).</returns>
    private async Task<bool> CheckAsync(string id, Instant now, List<SlaThresholdReached> claimed, CancellationToken cancellationToken)
    {
        if (await _cases.LoadAsync(id, cancellationToken).ConfigureAwait(false) is not { IsTerminal: false } c)
        {
            return false;
        }

        var evaluation = (await _positions.TrackAsync(c, _engine, cancellationToken).ConfigureAwait(false)).Evaluate(c, now);
        if (evaluation.NewEvents.Count > 0)
        {
            claimed.AddRange(await _positions.ClaimAsync(evaluation.NewEvents, cancellationToken).ConfigureAwait(false));
        }

        // Only after the claims: a pass that stops in between leaves the case due, and the next one claims nothing twice.
        await _cases.MarkSlaCheckedAsync(c.Id, c.Version, evaluation.NextThresholdAt, cancellationToken).ConfigureAwait(false);
        return true;
    }
}

/// <summary>What one SLA check pass did (<see cref="SlaChecks{TContext}.RunAsync"/>).</summary>
/// <param name="Claimed">The thresholds this caller claimed, in the order found: publish these.</param>
/// <param name="Evaluated">How many cases it evaluated.</param>
/// <param name="Failed">The cases it could not evaluate, which stay due.</param>
public sealed record SlaCheckPass(IReadOnlyList<SlaThresholdReached> Claimed, int Evaluated, IReadOnlyList<SlaCheckFailure> Failed);

/// <summary>A case an SLA check pass could not evaluate.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Error">Why.</param>
public sealed record SlaCheckFailure(string CaseId, Exception Error);
