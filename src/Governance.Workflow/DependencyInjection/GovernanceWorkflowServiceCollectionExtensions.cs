using Governance.Cases;
using Governance.DependencyInjection;
using Governance.Organisation;
using Governance.Resources;
using Governance.Sla;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Governance.Workflow's services with a host's container.</summary>
public static class GovernanceWorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers Core (<c>AddGovernanceCore</c>), the authorization policy, the <see cref="CaseWorkflow"/> definition, the SLA
    /// policy set and the <see cref="SlaEngine"/>, as singletons made from <see cref="IOptions{TOptions}"/> of
    /// <see cref="GovernanceWorkflowOptions"/> when first resolved. Each call adds its <paramref name="configure"/>, so calls
    /// compose in any order. Services the host registered first are kept; without <see cref="GovernanceWorkflowOptions.Organisation"/>
    /// the host registers an <see cref="OrganisationModel"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (the organisation model, the policies).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddGovernanceWorkflow(this IServiceCollection services, Action<GovernanceWorkflowOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddGovernanceCore();
        var options = services.AddOptions<GovernanceWorkflowOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(sp => Options(sp).Organisation
            ?? throw new InvalidOperationException(WorkflowMessages.Text("AddGovernanceWorkflowNeedsOrganisationModelSetGovernanceWorkflowOptions")));
        services.TryAddSingleton(sp => Options(sp).AuthorizationPolicy ?? new DefaultCaseAuthorizationPolicy());
        services.TryAddSingleton(sp => Options(sp).SlaPolicies ?? SlaPolicySet.Default);
        services.TryAddSingleton(sp => new CaseWorkflow(
            sp.GetRequiredService<OrganisationModel>(), sp.GetRequiredService<ICaseAuthorizationPolicy>(), sp.GetRequiredService<SlaPolicySet>(),
            Options(sp).RefuseCommandsAheadOfClock ? sp.GetService<IClock>() : null));
        services.TryAddSingleton(sp => new SlaEngine(sp.GetRequiredService<SlaPolicySet>(), sp.GetRequiredService<Governance.Calendars.DeadlineCalculator>()));
        return services;
    }

    private static GovernanceWorkflowOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<GovernanceWorkflowOptions>>().Value;
}
