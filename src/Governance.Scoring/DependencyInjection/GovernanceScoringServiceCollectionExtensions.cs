using Governance.DependencyInjection;
using Governance.Resources;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Governance.Scoring's options with a host's container.</summary>
public static class GovernanceScoringServiceCollectionExtensions
{
    /// <summary>
    /// Registers Core (<c>AddGovernanceCore</c>) and the <see cref="GovernanceScoringOptions"/> (the rule sets) through
    /// <see cref="IOptions{TOptions}"/>, also resolvable as the options object itself. Each call adds its
    /// <paramref name="configure"/>, so calls compose in any order; a rule set left null is an
    /// <see cref="OptionsValidationException"/> when the options are first used. Scoring itself is static and stateless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the rule sets.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddGovernanceScoring(this IServiceCollection services, Action<GovernanceScoringOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddGovernanceCore();
        var options = services.AddOptions<GovernanceScoringOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.BuildingHeadRules is not null && o.GridWorkerRules is not null, ScoringMessages.Text("GovernanceScoringOptionsNeedsBothRuleSetsBuildingHeadRules"));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<GovernanceScoringOptions>>().Value);
        return services;
    }
}
