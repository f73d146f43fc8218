using Governance.Organisation;
using Governance.People;
using Governance.Resources;
using Governance.Sla;
using Stateless.Graph;

namespace Governance.Cases;

/// <summary>
/// 四步闭环流程 — the case workflow: one definition, configured once as a Stateless state machine and shared
/// by every case. Register cases with <see cref="Register"/>; they move through the loop by their own methods.
/// </summary>
/// <remarks>
/// <para>The whole workflow reads top to bottom in <see cref="Configure"/>, one block per state.</para>
/// <para>Stateless's cost is that a machine is configured per entity (its issue #232), and each
/// <c>Fire</c> of a configured machine still costs about 300 ns and 1.2 KB (Stateless 5.20). A case pays
/// neither: the workflow configures one machine and fires it once for every (state, trigger, guard input) when
/// it is constructed, keeping each answer — the destination, or "not permitted" — in a table. A command then
/// costs one table read. This is exact because the guards depend only on the command's guard input (the
/// resident's satisfaction for feedback); the tests check the table against a Stateless machine fired per
/// case over random command sequences.</para>
/// <para>A command is checked completely — arguments, state, domain rules, authorization — before anything
/// changes, so a refused command changes nothing.</para>
/// </remarks>
/// <threadsafety>The definition is immutable and safe to share between threads; each case takes one command at a time.</threadsafety>
public sealed partial class CaseWorkflow
{
    private const int MaxNoteLength = 2000;

    /// <summary>The number of distinct guard inputs a trigger can carry (the three satisfaction levels).</summary>
    private const int GuardInputs = 3;

    private static readonly int StateCount = Enum.GetValues<CaseState>().Length;
    private static readonly int TriggerCount = Enum.GetValues<CaseTrigger>().Length;

    private readonly OrganisationModel _organisation;
    private readonly ICaseAuthorizationPolicy _policy;
    private readonly sbyte[] _transitions;
    private readonly IReadOnlyList<CaseTrigger>[] _permitted;
    private readonly Stateless.Reflection.StateMachineInfo _info;
    private readonly SlaPolicySet? _slaPolicies;
    private readonly IClock? _clock;

    /// <summary>The earliest instant a case can be registered at: 1900-01-01 (the range deadlines are computed in).</summary>
    private static readonly Instant EarliestRegistration = Instant.FromUtc(1900, 1, 1, 0, 0);

    /// <summary>The latest: the last second of 2999 (UTC).</summary>
    private static readonly Instant LatestRegistration = Instant.FromUtc(2999, 12, 31, 23, 59, 59);

    /// <summary>How far ahead of the clock a registration or command may be dated: a day (clocks of devices in the field drift).</summary>
    private static readonly Duration ClockLeeway = Duration.FromDays(1);

    /// <summary>How long after its registration a case without a clock may still take commands: ten years.</summary>
    private static readonly Duration LongestCase = Duration.FromDays(3650);

    /// <summary>Creates the workflow for an organisation.</summary>
    /// <param name="organisation">The organisation model: grids, people, assignments, ladders.</param>
    /// <param name="policy">Who may do what; <see cref="DefaultCaseAuthorizationPolicy"/> when null.</param>
    /// <param name="slaPolicies">
    /// The SLA policies cases are pinned to: <see cref="Register"/> records the policy that matches a case, and a priority
    /// change the one that matches then (by name and version). Null to pin nothing (cases are then matched when evaluated).
    /// </param>
    /// <param name="clock">
    /// The clock, when the host has one: registrations and commands dated more than a day ahead of it are refused (a command
    /// from the future would block every later one). Without it, commands are accepted up to ten years after the registration.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="organisation"/> is null.</exception>
    public CaseWorkflow(OrganisationModel organisation, ICaseAuthorizationPolicy? policy = null, SlaPolicySet? slaPolicies = null, IClock? clock = null)
    {
        _organisation = organisation ?? throw new ArgumentNullException(nameof(organisation));
        _clock = clock;
        _policy = policy ?? new DefaultCaseAuthorizationPolicy();
        _slaPolicies = slaPolicies;
        (_info, _transitions) = Tabulate();
        _permitted = new IReadOnlyList<CaseTrigger>[StateCount];
        for (var state = 0; state < StateCount; state++)
        {
            var permitted = new List<CaseTrigger>();
            for (var trigger = 0; trigger < TriggerCount; trigger++)
            {
                var any = false;
                for (var input = 0; input < GuardInputs; input++)
                {
                    any |= _transitions[Index((CaseState)state, (CaseTrigger)trigger, input)] >= 0;
                }

                if (any)
                {
                    permitted.Add((CaseTrigger)trigger);
                }
            }

            _permitted[state] = permitted.AsReadOnly();
        }
    }

    /// <summary>The organisation model.</summary>
    public OrganisationModel Organisation => _organisation;

    /// <summary>The latest instant a command on a case registered at <paramref name="registeredAt"/> may be dated now.</summary>
    private Instant LatestAcceptable(Instant registeredAt) =>
        _clock is null ? Min(registeredAt + LongestCase, LatestRegistration) : Min(_clock.GetCurrentInstant() + ClockLeeway, LatestRegistration);

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    /// <summary>Registers (登记) a case in the ledger.</summary>
    /// <param name="registration">What was reported.</param>
    /// <returns>The case, in <see cref="CaseState.Registered"/>, with a <see cref="CaseRegistered"/> event; its registration
    /// carries the pinned SLA policy when the workflow has SLA policies and the registration named none.</returns>
    /// <exception cref="ArgumentException">The registration is incomplete (a default id, an undefined priority, a category or source without a code, no description), names an unknown grid, building or unit, or a unit outside its grid, a default reporter id, an empty attachment, or an SLA policy the workflow does not have.</exception>
    /// <exception cref="ArgumentOutOfRangeException">It is dated before 1900, after 2999, or more than a day ahead of the workflow's clock, or its floor is outside <see cref="CaseLocation.MinFloor"/>–<see cref="CaseLocation.MaxFloor"/>.</exception>
    public Case Register(CaseRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(registration.Source, "registration.Source");
        ArgumentNullException.ThrowIfNull(registration.Category, "registration.Category");
        ArgumentNullException.ThrowIfNull(registration.Location, "registration.Location");
        if (registration.Id.Value is null)
        {
            throw new ArgumentException(WorkflowMessages.Text("CaseNeedsIdDefaultEmptyId"), nameof(registration));
        }

        if (!Enum.IsDefined(registration.Priority))
        {
            throw new ArgumentException(WorkflowMessages.Format("CasePriorityOneNormalUrgentCritical", registration.Id, (int)registration.Priority), nameof(registration));
        }

        if (string.IsNullOrWhiteSpace(registration.Category.Code) || string.IsNullOrWhiteSpace(registration.Source.Code))
        {
            throw new ArgumentException(WorkflowMessages.Format("CaseNeedsCategorySourceCodes", registration.Id), nameof(registration));
        }

        if (string.IsNullOrWhiteSpace(registration.Description))
        {
            throw new ArgumentException(WorkflowMessages.Format("CaseNeedsDescriptionWhatWasReported", registration.Id), nameof(registration));
        }

        var latest = _clock is null ? LatestRegistration : Min(LatestRegistration, _clock.GetCurrentInstant() + ClockLeeway);
        if (registration.RegisteredAt < EarliestRegistration || registration.RegisteredAt > latest)
        {
            throw new ArgumentOutOfRangeException(nameof(registration), registration.RegisteredAt, WorkflowMessages.Format(_clock is null ? "RegisteredOutOfRange" : "RegisteredOutOfRangeOfClock", registration.Id, registration.RegisteredAt, EarliestRegistration, latest));
        }

        if (registration.Location.BuildingId is { } building && !_organisation.ContainsBuilding(building))
        {
            throw new ArgumentException(WorkflowMessages.Format("CaseLocatedBuildingOrganisationModelDoes", registration.Id, building), nameof(registration));
        }

        if (!_organisation.ContainsGrid(registration.Location.GridId))
        {
            throw new ArgumentException(WorkflowMessages.Format("CaseLocatedGridOrganisationModelDoes", registration.Id, registration.Location.GridId), nameof(registration));
        }

        CheckDetails(registration);

        if (_slaPolicies is not null && registration.SlaPolicy is null)
        {
            registration = registration with { SlaPolicy = _slaPolicies.Match(registration.Category, registration.Priority, registration.Source).Reference };
        }

        registration = registration with { MicroGridId = StartingMicroGrid(registration) };
        var c = new Case(this, registration);
        c.Registered();
        Diagnostics.WorkflowTelemetry.CaseRegistered(registration.Source);
        return c;
    }

    /// <summary>The optional details: a reporter with an id, attachments that name something, a floor in range, a policy the workflow knows.</summary>
    private void CheckDetails(CaseRegistration registration)
    {
        if (registration.Reporter is { Value: null })
        {
            throw new ArgumentException(WorkflowMessages.Format("CaseNamesDefaultEmptyIdReporter", registration.Id), nameof(registration));
        }

        if (registration.Attachments is { } attachments && attachments.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException(WorkflowMessages.Format("CaseAttachmentWithoutNameEachAttachment", registration.Id), nameof(registration));
        }

        if (registration.Location.Floor is { } floor && (floor < CaseLocation.MinFloor || floor > CaseLocation.MaxFloor))
        {
            throw new ArgumentOutOfRangeException(nameof(registration), floor, WorkflowMessages.Format("CaseFloorFloor", registration.Id, floor, CaseLocation.MinFloor, CaseLocation.MaxFloor));
        }

        if (registration.SlaPolicy is { } pinned)
        {
            var known = _slaPolicies is null || _slaPolicies.Fallback.Name == pinned.Name || _slaPolicies.Policies.Any(p => p.Name == pinned.Name);
            if (string.IsNullOrWhiteSpace(pinned.Name) || pinned.Version < 1 || !known)
            {
                throw new ArgumentException(WorkflowMessages.Format(known ? "PinnedPolicyMalformed" : "PinnedPolicyUnknown", registration.Id, pinned), nameof(registration));
            }
        }
    }

    // 小事不出单元: a case located in a building unit starts at the unit's micro-grid where the community's ladder has one.
    private Id<MicroGrid>? StartingMicroGrid(CaseRegistration registration)
    {
        var location = registration.Location;
        Id<MicroGrid>? fromUnit = null;
        if (location.UnitId is { } unit)
        {
            if (!_organisation.ContainsUnit(unit))
            {
                throw new ArgumentException(WorkflowMessages.Format("CaseLocatedBuildingUnitOrganisationModel", registration.Id, unit), nameof(registration));
            }

            var micro = _organisation.MicroGridOf(unit);
            if (micro.GridId != location.GridId)
            {
                throw new ArgumentException(WorkflowMessages.Format("CaseLocatedUnitWhoseMicroGrid", registration.Id, unit, micro.Id, micro.GridId, location.GridId), nameof(registration));
            }

            fromUnit = micro.Id;
        }

        if (registration.MicroGridId is { } given)
        {
            if (!_organisation.ContainsMicroGrid(given) || _organisation.GridOf(given).Id != location.GridId)
            {
                throw new ArgumentException(WorkflowMessages.Format("CaseNamesMicroGridMicroGrid", registration.Id, given, location.GridId), nameof(registration));
            }

            if (fromUnit is { } u && u != given)
            {
                throw new ArgumentException(WorkflowMessages.Format("CaseNamesMicroGridButUnit", registration.Id, given, location.UnitId, u), nameof(registration));
            }

            fromUnit = given;
        }

        return fromUnit is not null && _organisation.LadderFor(location.GridId).Lowest == OrganisationLevel.MicroGrid ? fromUnit : null;
    }

    /// <summary>
    /// Re-runs commands as new: registers the case and executes each command in order against today's organisation and
    /// authorization, raising every event again. To load a stored case use <see cref="Restore"/>, which takes the history
    /// as what happened.
    /// </summary>
    /// <param name="registration">The registration.</param>
    /// <param name="commands">The commands, oldest first.</param>
    /// <returns>The case.</returns>
    /// <exception cref="CaseCommandRejectedException">A command is not valid where it stands.</exception>
    public Case Replay(CaseRegistration registration, IEnumerable<CaseCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var c = Register(registration);
        foreach (var command in commands)
        {
            Execute(c, command);
        }

        return c;
    }

    /// <summary>The triggers the workflow permits in a case's current state, before authorization.</summary>
    /// <param name="case">The case.</param>
    /// <returns>The triggers, in declaration order.</returns>
    public IReadOnlyList<CaseTrigger> PermittedTriggers(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return _permitted[(int)@case.State];
    }

    /// <summary>The triggers permitted in a state, before authorization and the case's own rules.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The triggers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not a defined state.</exception>
    public IReadOnlyList<CaseTrigger> PermittedTriggers(CaseState state)
    {
        if ((uint)state >= (uint)StateCount)
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, WorkflowMessages.Text("ExpectedOneDefinedCaseStates"));
        }

        return _permitted[(int)state];
    }

    /// <summary>The workflow as a Mermaid state diagram, generated from the definition.</summary>
    /// <returns>Mermaid text.</returns>
    public string ToMermaid() => MermaidGraph.Format(_info);

    /// <summary>The workflow as a DOT (Graphviz) graph, generated from the definition.</summary>
    /// <returns>DOT text.</returns>
    public string ToDot() => UmlDotGraph.Format(_info);

    /// <summary>The state a trigger leads to from a state, for a guard input; null when not permitted.</summary>
    internal CaseState? Destination(CaseState from, CaseTrigger trigger, int guardInput) =>
        _transitions[Index(from, trigger, guardInput)] is var to and >= 0 ? (CaseState)to : null;

    internal void Execute(Case c, CaseCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var activity = Diagnostics.WorkflowTelemetry.Source.StartActivity("case.command");
        activity?.SetTag("case.id", c.Id.Value);
        activity?.SetTag("trigger", command.Trigger.ToString());
        try
        {
            ExecuteChecked(c, command);
            Diagnostics.WorkflowTelemetry.CommandAccepted(command.Trigger);
        }
        catch (CaseCommandRejectedException e)
        {
            Diagnostics.WorkflowTelemetry.CommandRefused(command.Trigger, e.Refusal);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.Refusal.ToString());
            throw;
        }
        catch (ArgumentException)
        {
            Diagnostics.WorkflowTelemetry.CommandRefused(command.Trigger, RefusalReason.InvalidArgument);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, nameof(RefusalReason.InvalidArgument));
            throw;
        }
    }

    private void ExecuteChecked(Case c, CaseCommand command)
    {
        CheckArguments(c, command);

        if (!_organisation.TryGetPerson(command.Actor, out var actor))
        {
            throw Refuse(c, command, [], WorkflowMessages.Format("NotAPerson", command.Actor), RefusalReason.NotAuthorized);
        }

        var from = c.State;
        var to = _transitions[Index(from, command.Trigger, GuardInput(command))];
        if (to < 0)
        {
            throw Refuse(c, command, actor.Roles, WorkflowMessages.Format("NotPermittedInState", command.Trigger, from));
        }

        var nextLevel = CheckRules(c, command, actor);
        var decision = _policy.Authorize(c, command, actor, _organisation);
        if (!decision.IsAllowed)
        {
            throw Refuse(c, command, actor.Roles, decision.Reason ?? WorkflowMessages.Text("NotAuthorised"), RefusalReason.NotAuthorized);
        }

        var pin = command is ChangePriorityCommand change && _slaPolicies is not null
            ? _slaPolicies.Match(c.Category, change.Priority, c.Source).Reference
            : (SlaPolicyReference?)null;
        c.Apply(command, decision.ActingRole, from, (CaseState)to, nextLevel, pin);
    }
}
