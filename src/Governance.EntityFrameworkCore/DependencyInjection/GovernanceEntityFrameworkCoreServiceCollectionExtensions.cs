using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Storage;
using Governance.EntityFrameworkCore.TimeBank;
using Governance.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Governance stores with a host's container.</summary>
public static class GovernanceEntityFrameworkCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers a pooled context factory for <see cref="GovernanceDbContext"/> (contexts are reset and reused, which saves
    /// their set-up on every store call; a scope also gets its own context from the pool) configured by <paramref name="configure"/>
    /// (<c>o =&gt; o.UseSqlite(…)</c> or <c>o =&gt; o.UseNpgsql(…)</c>), and as singletons the
    /// <see cref="CaseStore{TContext}"/> (with the <see cref="CaseWorkflow"/> and <see cref="SlaEngine"/> that
    /// <c>AddGovernanceWorkflow</c> registers), the <see cref="TimeBankJournalStore{TContext}"/> and the
    /// <see cref="Governance.EntityFrameworkCore.Sla.SlaPositionStore{TContext}"/> and the
    /// <see cref="Governance.EntityFrameworkCore.Scoring.ScoringFactStore{TContext}"/> and the
    /// <see cref="Governance.EntityFrameworkCore.Organisation.OrganisationVersionStore{TContext}"/>. Services the host
    /// registered first are kept.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Chooses the provider and connection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddGovernanceEntityFrameworkCore(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddPooledDbContextFactory<GovernanceDbContext>(configure);
        // A context per scope too (from the pool, returned when the scope ends), as AddDbContextFactory would register.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<GovernanceDbContext>>().CreateDbContext());
        services.TryAddSingleton(sp => new CaseStore<GovernanceDbContext>(
            sp.GetRequiredService<IDbContextFactory<GovernanceDbContext>>(), sp.GetRequiredService<CaseWorkflow>(), sp.GetService<SlaEngine>()));
        services.TryAddSingleton(sp => new TimeBankJournalStore<GovernanceDbContext>(sp.GetRequiredService<IDbContextFactory<GovernanceDbContext>>()));
        services.TryAddSingleton(sp => new Governance.EntityFrameworkCore.Sla.SlaPositionStore<GovernanceDbContext>(sp.GetRequiredService<IDbContextFactory<GovernanceDbContext>>()));
        services.TryAddSingleton(sp => new Governance.EntityFrameworkCore.Scoring.ScoringFactStore<GovernanceDbContext>(sp.GetRequiredService<IDbContextFactory<GovernanceDbContext>>()));
        services.TryAddSingleton(sp => new Governance.EntityFrameworkCore.Organisation.OrganisationVersionStore<GovernanceDbContext>(sp.GetRequiredService<IDbContextFactory<GovernanceDbContext>>()));
        return services;
    }
}
