using System.Text.Json;
using Governance.Json;
using Governance.People;
using Governance.Resources;
using Governance.Scoring.Facts;
using Microsoft.EntityFrameworkCore;

namespace Governance.EntityFrameworkCore.Scoring;

/// <summary>
/// 计分事实存储 — scoring facts, idempotent by fact id: storing a fact again is a no-op, and the same id with other content
/// is refused (<see cref="ScoringFactConflictException"/>), so a retried import never counts twice.
/// </summary>
/// <typeparam name="TContext">The host's context or <see cref="Storage.GovernanceDbContext"/>.</typeparam>
/// <param name="contexts">Makes contexts.</param>
public sealed class ScoringFactStore<TContext>(IDbContextFactory<TContext> contexts)
    where TContext : DbContext
{
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;
    private readonly IDbContextFactory<TContext> _contexts = contexts ?? throw new ArgumentNullException(nameof(contexts));

    /// <summary>Stores facts in one transaction; those stored already with the same content are skipped.</summary>
    /// <param name="facts">The facts; ids must be non-empty and, within the batch, distinct or identical.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many facts were new.</returns>
    /// <exception cref="ArgumentException">A fact is null or has no id or person.</exception>
    /// <exception cref="ScoringFactConflictException">An id is stored (or repeated in the batch) with other content; nothing was written.</exception>
    public async Task<int> AddAsync(IEnumerable<ScoringFact> facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var batch = new Dictionary<string, ScoringFactRow>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            if (fact is null || string.IsNullOrWhiteSpace(fact.Id) || fact.Person.Value is null || string.IsNullOrWhiteSpace(fact.Kind))
            {
                throw new ArgumentException(StoreMessages.Text("EveryScoringFactNeedsIdPerson"), nameof(facts));
            }

            var row = new ScoringFactRow { Id = fact.Id, Person = fact.Person.Value, Date = fact.Date, Kind = fact.Kind, Fact = JsonSerializer.Serialize(fact, Json) };
            if (batch.TryGetValue(fact.Id, out var seen) && seen.Fact != row.Fact)
            {
                throw new ScoringFactConflictException(fact.Id);
            }

            batch[fact.Id] = row;
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var ids = batch.Keys.ToList();
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var (id, json) in await db.Set<ScoringFactRow>().AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => new ValueTuple<string, string>(r.Id, r.Fact))
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                stored[id] = json;
            }
        }

        foreach (var (id, json) in stored)
        {
            if (batch[id].Fact != json)
            {
                throw new ScoringFactConflictException(id);
            }
        }

        var fresh = batch.Values.Where(r => !stored.ContainsKey(r.Id)).ToList();
        db.AddRange(fresh);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return fresh.Count;
    }

    /// <summary>The facts of the people given (all people if null) dated within a period, in id order, for <c>Scorer.Score</c>.</summary>
    /// <param name="dates">The dates, inclusive.</param>
    /// <param name="people">Only these people; null for everyone.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The facts.</returns>
    public async Task<IReadOnlyList<ScoringFact>> ListAsync(DateInterval dates, IReadOnlyCollection<Id<Person>>? people = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dates);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var (start, end) = (dates.Start, dates.End);
        var query = db.Set<ScoringFactRow>().AsNoTracking().Where(r => r.Date >= start && r.Date <= end);
        if (people is not null)
        {
            var codes = people.Select(p => p.Value).ToList();
            query = query.Where(r => codes.Contains(r.Person));
        }

        var rows = await query.OrderBy(r => r.Id).Select(r => r.Fact).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(json => JsonSerializer.Deserialize<ScoringFact>(json, Json) ?? throw new JsonException(StoreMessages.Text("StoredScoringFactNull"))).ToList();
    }
}
