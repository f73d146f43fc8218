using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Organisation;
using Governance.EntityFrameworkCore.Scoring;
using Governance.EntityFrameworkCore.Sla;
using Governance.EntityFrameworkCore.Storage;
using Governance.EntityFrameworkCore.TimeBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.Storage;

/// <summary>One call registers the stores over a pooled context factory, and a scope gets a context of its own.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task The_stores_share_a_pooled_factory_and_a_scope_gets_its_own_context()
    {
        using var database = new SqliteDatabase();
        await using var provider = new ServiceCollection()
            .AddGovernanceWorkflow(w => w.Organisation = JiuLong())
            .AddGovernanceEntityFrameworkCore(o => o.UseSqlite(database.ConnectionString))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        Assert.NotNull(provider.GetRequiredService<CaseStore<GovernanceDbContext>>());
        Assert.NotNull(provider.GetRequiredService<TimeBankJournalStore<GovernanceDbContext>>());
        Assert.NotNull(provider.GetRequiredService<SlaPositionStore<GovernanceDbContext>>());
        Assert.NotNull(provider.GetRequiredService<ScoringFactStore<GovernanceDbContext>>());
        Assert.NotNull(provider.GetRequiredService<OrganisationVersionStore<GovernanceDbContext>>());

        var factory = provider.GetRequiredService<IDbContextFactory<GovernanceDbContext>>();
        var first = factory.CreateDbContext();
        await first.DisposeAsync();
        await using var second = factory.CreateDbContext();
        Assert.Same(first, second);   // returned to the pool and handed out again, not set up anew

        GovernanceDbContext scoped;
        using (var scope = provider.CreateScope())
        {
            scoped = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
            Assert.Same(scoped, scope.ServiceProvider.GetRequiredService<GovernanceDbContext>());
            await GovernanceDatabase.MigrateAsync(scoped);
            Assert.Equal(0, await scoped.Cases.CountAsync());
        }

        Assert.Throws<ObjectDisposedException>(() => scoped.Cases.Count());
    }
}
