using Governance.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Governance.Scoring's options with a host's container.</summary>
public static class GovernanceScoringServiceCollectionExtensions
{
    /// <summary>Registers Core (<c>AddGovernanceCore</c>, unless already added) and the <see cref="GovernanceScoringOptions"/> (the rule sets) as a singleton. Scoring itself is static and stateless.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the rule sets.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddGovernanceScoring(this IServiceCollection services, Action<GovernanceScoringOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new GovernanceScoringOptions();
        configure?.Invoke(options);
        ArgumentNullException.ThrowIfNull(options.BuildingHeadRules, "options.BuildingHeadRules");
        ArgumentNullException.ThrowIfNull(options.GridWorkerRules, "options.GridWorkerRules");
        services.AddGovernanceCore();
        services.TryAddSingleton(options);
        return services;
    }
}
