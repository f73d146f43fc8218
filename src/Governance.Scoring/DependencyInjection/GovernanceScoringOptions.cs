using Governance.Scoring.Rules;

namespace Governance.DependencyInjection;

/// <summary>积分配置 — options for <c>AddGovernanceScoring</c>: the rule sets.</summary>
public sealed class GovernanceScoringOptions
{
    /// <summary>The building-head rules; <see cref="RuleSet.BuildingHeadDefaults"/> by default.</summary>
    public RuleSet BuildingHeadRules { get; set; } = RuleSet.BuildingHeadDefaults;

    /// <summary>The grid-worker rules; <see cref="RuleSet.GridWorkerDefaults"/> by default.</summary>
    public RuleSet GridWorkerRules { get; set; } = RuleSet.GridWorkerDefaults;
}
