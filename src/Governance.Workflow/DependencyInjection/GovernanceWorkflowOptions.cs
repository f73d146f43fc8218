using Governance.Cases;
using Governance.Organisation;

namespace Governance.DependencyInjection;

/// <summary>流程配置 — options for <c>AddGovernanceWorkflow</c>.</summary>
public sealed class GovernanceWorkflowOptions
{
    /// <summary>The organisation model; when null, the host must register an <see cref="OrganisationModel"/> itself.</summary>
    public OrganisationModel? Organisation { get; set; }

    /// <summary>The authorization policy; <see cref="DefaultCaseAuthorizationPolicy"/> when null (and none is registered).</summary>
    public ICaseAuthorizationPolicy? AuthorizationPolicy { get; set; }

    /// <summary>The SLA policies (时限策略); the seeds' default policy if <see langword="null"/>. Load a district's file with <see cref="Sla.SlaPolicyJson.Parse"/>.</summary>
    public Sla.SlaPolicySet? SlaPolicies { get; set; }

    /// <summary>
    /// Whether the workflow refuses registrations and commands dated more than a day ahead of the registered
    /// <see cref="NodaTime.IClock"/> (true by default: a command from the future would block every later one). Turn it off
    /// for a simulation or an import that dates cases ahead of the clock; commands are then accepted up to ten years
    /// after their case's registration.
    /// </summary>
    public bool RefuseCommandsAheadOfClock { get; set; } = true;
}
