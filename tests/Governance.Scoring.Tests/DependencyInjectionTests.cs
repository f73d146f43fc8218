using Governance.DependencyInjection;
using Governance.Scoring.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public void AddGovernanceScoring_registers_the_rule_sets_and_core()
    {
        var custom = new RuleSet("custom", []);
        using var provider = new ServiceCollection().AddGovernanceScoring(o => o.GridWorkerRules = custom).BuildServiceProvider();
        var options = provider.GetRequiredService<GovernanceScoringOptions>();
        Assert.Same(custom, options.GridWorkerRules);
        Assert.Same(RuleSet.BuildingHeadDefaults, options.BuildingHeadRules);
        Assert.NotNull(provider.GetRequiredService<IClock>());
    }
}
