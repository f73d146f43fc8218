using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Sla;
using Governance.EntityFrameworkCore.Storage;
using Governance.Organisation;
using Governance.Sla;

namespace Governance.Server;

/// <summary>The services every endpoint needs, in one place.</summary>
internal sealed class District(
    OrganisationModel organisation, CaseWorkflow workflow, CaseStore<GovernanceDbContext> cases, SlaPositionStore<GovernanceDbContext> positions,
    SlaEngine sla, IClock clock, DateTimeZone zone, Microsoft.Extensions.Options.IOptions<ServerOptions> options)
{
    public OrganisationModel Organisation { get; } = organisation;

    public CaseWorkflow Workflow { get; } = workflow;

    public CaseStore<GovernanceDbContext> Cases { get; } = cases;

    public SlaPositionStore<GovernanceDbContext> Positions { get; } = positions;

    public SlaEngine Sla { get; } = sla;

    public IClock Clock { get; } = clock;

    public DateTimeZone Zone { get; } = zone;

    public ServerOptions Options { get; } = options.Value;

    public Instant Now => Clock.GetCurrentInstant();

    /// <summary>The SLA steps of a case now.</summary>
    public IReadOnlyList<SlaStepState> StepsNow(Case c) => Sla.Track(c).StatesAt(c, Now);

    public CaseView View(Case c) => CaseView.Of(c, StepsNow(c));
}
