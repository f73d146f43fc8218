using System.Text.Json;
using Ardalis.Specification;
using Governance.Cases;
using Governance.Json;
using Governance.Resources;
using Governance.Sla;
using Microsoft.EntityFrameworkCore;

namespace Governance.EntityFrameworkCore.Cases;

/// <summary>
/// 事件存储 — stores cases as their registration and an append-only history (one row per entry, keyed by case and
/// sequence), with a read-model row per case updated in the same transaction as each append, and loads them back with
/// <see cref="CaseWorkflow.Restore"/>.
/// </summary>
/// <remarks>
/// <para><b>Optimistic concurrency.</b> <see cref="AppendAsync"/> takes the version the caller loaded; if another writer
/// appended first, it throws <see cref="CaseConcurrencyException"/> naming the case and both versions, and writes nothing.
/// The read model's version is checked by the update, and the history's key refuses a second entry of the same sequence.</para>
/// <para>Each call uses its own short-lived context from the factory, so one store serves many threads.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context (with <see cref="GovernanceModelBuilderExtensions.UseGovernance"/>) or <see cref="Storage.GovernanceDbContext"/>.</typeparam>
/// <param name="contexts">Makes contexts.</param>
/// <param name="workflow">Restores cases.</param>
/// <param name="sla">When given, the read model keeps each case's next SLA deadline (for <see cref="CasesDueBy"/>).</param>
public sealed partial class CaseStore<TContext>(IDbContextFactory<TContext> contexts, CaseWorkflow workflow, SlaEngine? sla = null)
    where TContext : DbContext
{
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;
    private readonly IDbContextFactory<TContext> _contexts = contexts ?? throw new ArgumentNullException(nameof(contexts));
    private readonly CaseWorkflow _workflow = workflow ?? throw new ArgumentNullException(nameof(workflow));

    /// <summary>Stores a new case: its registration, its history so far and its read model, in one transaction.</summary>
    /// <param name="case">The case.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task completed when the case is durable.</returns>
    /// <exception cref="CaseConcurrencyException">A case with that id is stored already; nothing was written.</exception>
    public async Task AddAsync(Case @case, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = new CaseRow { Id = @case.Id.Value, Registration = JsonSerializer.Serialize(@case.Registration, Json) };
        Fill(row, @case);
        db.Add(row);
        db.AddRange(HistoryRows(@case, 0));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            throw new CaseConcurrencyException(@case.Id, 0, await VersionAsync(@case.Id, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Appends the entries a case gained since <paramref name="expectedVersion"/> and updates its read model, in one transaction.</summary>
    /// <remarks>
    /// Appends that overlap are committed together (组提交, group commit): while one transaction is being written, the
    /// appends that arrive queue, and the first of them then writes them all in the next, one case each (another append to
    /// a case already in it waits for the one after). If that transaction fails on a conflict, its appends are written
    /// again one at a time, so each caller gets its own answer. The cancellation token is observed until the append is
    /// queued; once queued, it is written.
    /// </remarks>
    /// <param name="case">The case, with its new entries; it must not change until the call completes.</param>
    /// <param name="expectedVersion">The version it had when it was loaded (<see cref="Case.Version"/> then).</param>
    /// <param name="cancellationToken">Cancels the call before the append is queued.</param>
    /// <returns>A task completed when the entries are durable.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative or beyond the case's version.</exception>
    /// <exception cref="CaseConcurrencyException">Another writer appended first (or the case is not stored); nothing was written.</exception>
    public Task AppendAsync(Case @case, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(expectedVersion, @case.Version);
        if (expectedVersion == @case.Version)
        {
            return Task.CompletedTask;
        }

        return cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : QueueAsync(new Append(@case, expectedVersion));
    }

    /// <summary>Writes appends in one transaction: each read-model row updated "where version = expected", each new entry inserted.</summary>
    private async Task WriteAsync(IReadOnlyList<Append> appends)
    {
        await using var db = await _contexts.CreateDbContextAsync().ConfigureAwait(false);
        foreach (var (c, expectedVersion) in appends)
        {
            // The read model's row, attached at the expected version (its concurrency token); every column is written,
            // a null as much as a value (the attached row's originals are defaults).
            var row = new CaseRow { Id = c.Id.Value, Version = expectedVersion };
            var entry = db.Attach(row);
            Fill(row, c);
            foreach (var property in entry.Properties)
            {
                property.IsModified = property.Metadata.Name is not (nameof(CaseRow.Id) or nameof(CaseRow.Registration));
            }

            db.AddRange(HistoryRows(c, expectedVersion));
        }

        await db.SaveChangesAsync().ConfigureAwait(false);
    }

    /// <summary>Writes one append alone, answering a conflict with the versions.</summary>
    private async Task WriteAloneAsync(Append append)
    {
        try
        {
            await WriteAsync([append]).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            var (c, expectedVersion) = append;
            throw new CaseConcurrencyException(c.Id, expectedVersion, await VersionAsync(c.Id).ConfigureAwait(false));
        }
    }

    /// <summary>Loads a stored case, restored from its registration and history (no re-authorization, no events).</summary>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The case, or null if none is stored with that id.</returns>
    /// <exception cref="CaseHistoryCorruptException">The stored history cannot be the case's; names the entry.</exception>
    /// <exception cref="JsonException">A stored row is not valid JSON for its type.</exception>
    public async Task<Case?> LoadAsync(Id<Case> id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id.Value, nameof(id));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var key = id.Value;
        var row = await db.Set<CaseRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == key, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var entries = await db.Set<CaseHistoryRow>().AsNoTracking()
            .Where(h => h.CaseId == key).OrderBy(h => h.Sequence).Select(h => h.Entry)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var registration = JsonSerializer.Deserialize<CaseRegistration>(row.Registration, Json)
            ?? throw new JsonException(StoreMessages.Format("StoredRegistrationCaseNull", id));
        var history = entries.Select(e => JsonSerializer.Deserialize<CaseHistoryEntry>(e, Json)
            ?? throw new JsonException(StoreMessages.Format("StoredHistoryEntryCaseNull", id)));
        return _workflow.Restore(registration, history);
    }

    /// <summary>
    /// Loads the stored cases a specification selects (its criteria, order and page), each restored from its registration
    /// and history, with two queries however many cases there are: the way to read a page of whole cases for a report or a
    /// dashboard.
    /// </summary>
    /// <param name="specification">The query, e.g. <see cref="CaseSearch"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cases, in the specification's order.</returns>
    /// <exception cref="CaseHistoryCorruptException">A stored history cannot be its case's; names the entry.</exception>
    /// <exception cref="JsonException">A stored row is not valid JSON for its type.</exception>
    public async Task<IReadOnlyList<Case>> LoadManyAsync(ISpecification<CaseRow> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Specifications.Apply(db.Set<CaseRow>().AsNoTracking(), specification)
            .Select(r => new { r.Id, r.Registration }).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var entries = (await db.Set<CaseHistoryRow>().AsNoTracking()
                .Where(h => ids.Contains(h.CaseId)).OrderBy(h => h.CaseId).ThenBy(h => h.Sequence).Select(h => new { h.CaseId, h.Entry })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(h => h.CaseId, h => h.Entry, StringComparer.Ordinal);
        var cases = new List<Case>(rows.Count);
        foreach (var row in rows)
        {
            var registration = JsonSerializer.Deserialize<CaseRegistration>(row.Registration, Json)
                ?? throw new JsonException(StoreMessages.Format("StoredRegistrationCaseNull", row.Id));
            cases.Add(_workflow.Restore(registration, entries[row.Id].Select(e => JsonSerializer.Deserialize<CaseHistoryEntry>(e, Json)
                ?? throw new JsonException(StoreMessages.Format("StoredHistoryEntryCaseNull", row.Id)))));
        }

        return cases;
    }

    /// <summary>Reads the read-model rows a specification selects, in its order and page, translated to SQL.</summary>
    /// <param name="specification">The query, e.g. <see cref="OpenCasesOfGrid"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows.</returns>
    public async Task<IReadOnlyList<CaseRow>> ListAsync(ISpecification<CaseRow> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Specifications.Apply(db.Set<CaseRow>().AsNoTracking(), specification).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records that an SLA monitor has evaluated a case at <paramref name="version"/> and claimed what it crossed: the case
    /// is next due for evaluation at <paramref name="nextThresholdAt"/> (its <see cref="Governance.Sla.SlaEvaluation.NextThresholdAt"/>), or
    /// not until it changes when that is null. Only if the case is still at that version: a case changed meanwhile stays due.
    /// </summary>
    /// <param name="id">The case id.</param>
    /// <param name="version">The version the monitor evaluated (<see cref="Case.Version"/>).</param>
    /// <param name="nextThresholdAt">When the case's next threshold falls, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the mark was written (false: the case changed, or is not stored).</returns>
    public async Task<bool> MarkSlaCheckedAsync(Id<Case> id, int version, Instant? nextThresholdAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id.Value, nameof(id));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var key = id.Value;
        return await db.Set<CaseRow>().Where(r => r.Id == key && r.Version == version && r.ClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SlaCheckAt, nextThresholdAt), cancellationToken).ConfigureAwait(false) == 1;
    }

    private static IEnumerable<CaseHistoryRow> HistoryRows(Case c, int after) =>
        c.History.Skip(after).Select(h => new CaseHistoryRow { CaseId = c.Id.Value, Sequence = h.Sequence, At = h.At, Entry = JsonSerializer.Serialize(h, Json) });

    /// <summary>
    /// The stored version of a case (its number of history entries), with one small query: how a host that keeps cases in
    /// memory checks that its copy is current before answering a read.
    /// </summary>
    /// <param name="id">The case id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version, or null if no case is stored with that id.</returns>
    public async Task<int?> VersionAsync(Id<Case> id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id.Value, nameof(id));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var key = id.Value;
        return await db.Set<CaseRow>().AsNoTracking().Where(r => r.Id == key).Select(r => (int?)r.Version)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Fill(CaseRow row, Case c)
    {
        row.Version = c.Version;
        row.State = c.State;
        row.GridId = c.GridId.Value;
        row.Category = c.Category.Code;
        row.Source = c.Source.Code;
        row.Priority = c.Priority;
        row.RegisteredAt = c.RegisteredAt;
        row.SlaPolicyName = c.SlaPolicy?.Name;
        row.SlaPolicyVersion = c.SlaPolicy?.Version;
        row.ClosedAt = c.IsTerminal ? c.LastActivityAt : null;
        row.SlaCheckAt = c.IsTerminal ? null : c.LastActivityAt;   // changed: evaluated at an SLA monitor's next pass
        row.NextDeadline = null;
        if (sla is not null && !c.IsTerminal)
        {
            foreach (var step in sla.Track(c).StatesAt(c, c.LastActivityAt))
            {
                if (step.CompletedAt is null && step.Status != SlaStatus.Cancelled && (row.NextDeadline is null || step.Deadline < row.NextDeadline))
                {
                    row.NextDeadline = step.Deadline;
                }
            }
        }
    }
}
