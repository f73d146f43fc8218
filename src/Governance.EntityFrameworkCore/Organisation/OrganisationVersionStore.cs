using System.Collections.Concurrent;
using Governance.Organisation;
using Governance.Resources;
using Microsoft.EntityFrameworkCore;

namespace Governance.EntityFrameworkCore.Organisation;

/// <summary>
/// 组织架构版本存储 — the organisation by version: each version holds from its instant until the next one's, so a case,
/// a report or an assessment is read with the organisation of its time (who was the grid worker, which community a grid
/// belonged to) rather than today's: <c>await store.AsOfAsync(@case.Registration.RegisteredAt)</c>.
/// </summary>
/// <remarks>Versions are only ever added, each holding from after the latest; models read are cached (they are immutable).</remarks>
/// <typeparam name="TContext">The host's context (with <c>UseGovernance()</c>) or <see cref="Storage.GovernanceDbContext"/>.</typeparam>
/// <param name="contexts">Makes contexts.</param>
public sealed class OrganisationVersionStore<TContext>(IDbContextFactory<TContext> contexts)
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts = contexts ?? throw new ArgumentNullException(nameof(contexts));
    private readonly ConcurrentDictionary<int, OrganisationModel> _models = new();

    /// <summary>Stores <paramref name="model"/> as the next version, holding from <paramref name="effectiveFrom"/>.</summary>
    /// <param name="model">The organisation.</param>
    /// <param name="effectiveFrom">From when it holds: after the latest version's start.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="OrganisationVersionRefusedException">Not after the latest version, or another writer stored the next version first; nothing was written.</exception>
    public async Task<OrganisationVersion> AddAsync(OrganisationModel model, Instant effectiveFrom, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var latest = await db.Set<OrganisationVersionRow>().AsNoTracking().OrderByDescending(r => r.Version)
            .Select(r => new { r.Version, r.EffectiveFrom }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (latest is not null && effectiveFrom <= latest.EffectiveFrom)
        {
            throw new OrganisationVersionRefusedException(
                "organisation.not-after-latest",
                StoreMessages.Format("OrganisationVersionMustHoldAfterLatest", latest.Version, latest.EffectiveFrom, effectiveFrom));
        }

        var version = (latest?.Version ?? 0) + 1;
        db.Add(new OrganisationVersionRow { Version = version, EffectiveFrom = effectiveFrom, Model = model.ToJson() });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e)
        {
            throw new OrganisationVersionRefusedException(
                "organisation.concurrent-version",
                StoreMessages.Format("AnotherWriterStoredOrganisationVersionOne", version, effectiveFrom, e.InnerException?.Message ?? e.Message));
        }

        _models.TryAdd(version, model);
        return new OrganisationVersion(version, effectiveFrom);
    }

    /// <summary>The organisation that held at <paramref name="at"/>: the latest version from at or before it.</summary>
    /// <param name="at">The instant (a case's registration, a period's end …).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The model, or null if no version held yet.</returns>
    /// <exception cref="Validation.ValidationFailedException">The stored version is not a valid organisation (a corrupt row); names the path.</exception>
    public async Task<OrganisationModel?> AsOfAsync(Instant at, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var version = await db.Set<OrganisationVersionRow>().AsNoTracking().Where(r => r.EffectiveFrom <= at).OrderByDescending(r => r.EffectiveFrom)
            .Select(r => (int?)r.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (version is not { } v)
        {
            return null;
        }

        if (_models.TryGetValue(v, out var cached))
        {
            return cached;
        }

        var json = await db.Set<OrganisationVersionRow>().AsNoTracking().Where(r => r.Version == v).Select(r => r.Model).SingleAsync(cancellationToken).ConfigureAwait(false);
        return _models.GetOrAdd(v, OrganisationModel.FromJson(json));
    }

    /// <summary>The stored versions, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The versions.</returns>
    public async Task<IReadOnlyList<OrganisationVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Set<OrganisationVersionRow>().AsNoTracking().OrderBy(r => r.Version)
            .Select(r => new { r.Version, r.EffectiveFrom }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new OrganisationVersion(r.Version, r.EffectiveFrom))];
    }
}
