using Governance.Cases;
using Governance.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public void AddGovernanceWorkflow_registers_the_workflow_with_the_default_policy()
    {
        using var provider = new ServiceCollection()
            .AddGovernanceWorkflow(o => o.Organisation = SeedCommunities.JiuLong())
            .BuildServiceProvider();
        var workflow = provider.GetRequiredService<CaseWorkflow>();
        Assert.IsType<DefaultCaseAuthorizationPolicy>(provider.GetRequiredService<ICaseAuthorizationPolicy>());
        Assert.Equal(8, workflow.Organisation.Grids.Count);
        Assert.NotNull(provider.GetRequiredService<IClock>());
    }

    private sealed class AllowAll : ICaseAuthorizationPolicy
    {
        public AuthorizationDecision Authorize(Case @case, CaseCommand command, Governance.People.Person actor, Governance.Organisation.OrganisationModel organisation) =>
            AuthorizationDecision.Allow(actor.Roles.First());
    }

    [Fact]
    public void A_host_policy_replaces_the_default()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<ICaseAuthorizationPolicy>(new AllowAll())
            .AddGovernanceWorkflow(o => o.Organisation = SeedCommunities.JiuLong())
            .BuildServiceProvider();
        var workflow = provider.GetRequiredService<CaseWorkflow>();
        var c = workflow.Register(new CaseRegistration("x", CaseSource.ResidentReport, CaseCategory.Parking, new CaseLocation(SeedCommunities.Grid(1)), "停车", Instant.FromUtc(2026, 1, 5, 1, 0)));
        c.Respond(SeedCommunities.GridWorker(5), Instant.FromUtc(2026, 1, 5, 2, 0)); // another grid's worker: allowed by the host's policy
        Assert.Equal(CaseState.Responded, c.State);
    }
}
