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
}
