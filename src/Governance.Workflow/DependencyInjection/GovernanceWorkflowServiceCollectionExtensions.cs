using Governance.Cases;
using Governance.DependencyInjection;
using Governance.Organisation;
using NodaTime;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Governance.Workflow's services with a host's container.</summary>
public static class GovernanceWorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers Core (<c>AddGovernanceCore</c> with its defaults, unless already added), the authorization
    /// policy, the <see cref="CaseWorkflow"/> definition, the SLA policy set and the <see cref="Governance.Sla.SlaEngine"/>, as singletons. Services the host registered first are kept.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (the organisation model, the policy).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddGovernanceWorkflow(this IServiceCollection services, Action<GovernanceWorkflowOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new GovernanceWorkflowOptions();
        configure?.Invoke(options);
        services.AddGovernanceCore();
        if (options.Organisation is not null)
        {
            services.TryAddSingleton(options.Organisation);
        }

        services.TryAddSingleton(options.AuthorizationPolicy ?? new DefaultCaseAuthorizationPolicy());
        services.TryAddSingleton(options.SlaPolicies ?? Governance.Sla.SlaPolicySet.Default);
        services.TryAddSingleton(sp => new CaseWorkflow(
            sp.GetRequiredService<OrganisationModel>(), sp.GetRequiredService<ICaseAuthorizationPolicy>(), sp.GetRequiredService<Governance.Sla.SlaPolicySet>(),
            options.RefuseCommandsAheadOfClock ? sp.GetService<IClock>() : null));
        services.TryAddSingleton(sp => new Governance.Sla.SlaEngine(sp.GetRequiredService<Governance.Sla.SlaPolicySet>(), sp.GetRequiredService<Governance.Calendars.DeadlineCalculator>()));
        return services;
    }
}
