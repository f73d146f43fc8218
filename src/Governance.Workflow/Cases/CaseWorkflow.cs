using Governance.Organisation;
using Governance.People;
using Governance.Sla;
using Stateless;
using Stateless.Graph;
using static Governance.Cases.CaseState;
using static Governance.Cases.CaseTrigger;

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

    /// <summary>Creates the workflow for an organisation.</summary>
    /// <param name="organisation">The organisation model: grids, people, assignments, ladders.</param>
    /// <param name="policy">Who may do what; <see cref="DefaultCaseAuthorizationPolicy"/> when null.</param>
    /// <param name="slaPolicies">
    /// The SLA policies cases are pinned to: <see cref="Register"/> records the policy that matches a case, and a priority
    /// change the one that matches then (by name and version). Null to pin nothing (cases are then matched when evaluated).
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="organisation"/> is null.</exception>
    public CaseWorkflow(OrganisationModel organisation, ICaseAuthorizationPolicy? policy = null, SlaPolicySet? slaPolicies = null)
    {
        _organisation = organisation ?? throw new ArgumentNullException(nameof(organisation));
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

    /// <summary>Registers (登记) a case in the ledger.</summary>
    /// <param name="registration">What was reported.</param>
    /// <returns>The case, in <see cref="CaseState.Registered"/>, with a <see cref="CaseRegistered"/> event; its registration
    /// carries the pinned SLA policy when the workflow has SLA policies and the registration named none.</returns>
    /// <exception cref="ArgumentException">The registration is incomplete (a default id, an undefined priority, a category or source without a code, no description), names an unknown grid or unit, or a unit outside its grid.</exception>
    public Case Register(CaseRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(registration.Source, "registration.Source");
        ArgumentNullException.ThrowIfNull(registration.Category, "registration.Category");
        ArgumentNullException.ThrowIfNull(registration.Location, "registration.Location");
        if (registration.Id.Value is null)
        {
            throw new ArgumentException("A case needs an id; the default (empty) id was given.", nameof(registration));
        }

        if (!Enum.IsDefined(registration.Priority))
        {
            throw new ArgumentException($"Case '{registration.Id}' has priority {(int)registration.Priority}, which is not one of Normal, Urgent, Critical.", nameof(registration));
        }

        if (string.IsNullOrWhiteSpace(registration.Category.Code) || string.IsNullOrWhiteSpace(registration.Source.Code))
        {
            throw new ArgumentException($"Case '{registration.Id}' needs a category and a source with codes.", nameof(registration));
        }

        if (string.IsNullOrWhiteSpace(registration.Description))
        {
            throw new ArgumentException($"Case '{registration.Id}' needs a description of what was reported.", nameof(registration));
        }

        if (!_organisation.ContainsGrid(registration.Location.GridId))
        {
            throw new ArgumentException($"Case '{registration.Id}' is located in grid '{registration.Location.GridId}', which the organisation model does not have.", nameof(registration));
        }

        if (_slaPolicies is not null && registration.SlaPolicy is null)
        {
            registration = registration with { SlaPolicy = _slaPolicies.Match(registration.Category, registration.Priority, registration.Source).Reference };
        }

        registration = registration with { MicroGridId = StartingMicroGrid(registration) };
        var c = new Case(this, registration);
        c.Registered();
        return c;
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
                throw new ArgumentException($"Case '{registration.Id}' is located in building unit '{unit}', which the organisation model does not have.", nameof(registration));
            }

            var micro = _organisation.MicroGridOf(unit);
            if (micro.GridId != location.GridId)
            {
                throw new ArgumentException($"Case '{registration.Id}' is located in unit '{unit}', whose micro-grid '{micro.Id}' is in grid '{micro.GridId}', not in grid '{location.GridId}'.", nameof(registration));
            }

            fromUnit = micro.Id;
        }

        if (registration.MicroGridId is { } given)
        {
            if (!_organisation.ContainsMicroGrid(given) || _organisation.GridOf(given).Id != location.GridId)
            {
                throw new ArgumentException($"Case '{registration.Id}' names micro-grid '{given}', which is not a micro-grid of grid '{location.GridId}'.", nameof(registration));
            }

            if (fromUnit is { } u && u != given)
            {
                throw new ArgumentException($"Case '{registration.Id}' names micro-grid '{given}', but its unit '{location.UnitId}' is in micro-grid '{u}'.", nameof(registration));
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
            throw new ArgumentOutOfRangeException(nameof(state), state, "Expected one of the defined case states.");
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
        CheckArguments(c, command);

        if (!_organisation.TryGetPerson(command.Actor, out var actor))
        {
            throw Refuse(c, command, [], $"'{command.Actor}' is not a person in the organisation model");
        }

        var from = c.State;
        var to = _transitions[Index(from, command.Trigger, GuardInput(command))];
        if (to < 0)
        {
            throw Refuse(c, command, actor.Roles, $"{command.Trigger} is not permitted while the case is {from}");
        }

        OrganisationLevel? nextLevel = null;
        switch (command)
        {
            case EscalateCommand:
                nextLevel = _organisation.LadderFor(c.GridId).Next(c.Level)
                    ?? throw Refuse(c, command, actor.Roles, $"the case is already at the top of its ladder ({c.Level})");
                break;
            case ReportInCommand r when !c.IsAwaiting(r.Department):
                throw Refuse(c, command, actor.Roles, $"department '{r.Department.DisplayName}' has not been summoned or has already reported in");
            case SummonDepartmentsCommand s:
                foreach (var department in s.Departments)
                {
                    if (c.IsAwaiting(department))
                    {
                        throw Refuse(c, command, actor.Roles, $"department '{department.DisplayName}' is already summoned and has not reported in");
                    }
                }

                break;
            case PauseCommand when c.IsPaused:
                throw Refuse(c, command, actor.Roles, $"the SLA clocks are already paused since {c.Pauses[^1].Start} ({c.Pauses[^1].Reason}); resume them first");
            case ResumeCommand when !c.IsPaused:
                throw Refuse(c, command, actor.Roles, "the SLA clocks are not paused");
            case ChangePriorityCommand p when p.Priority == c.Priority:
                throw Refuse(c, command, actor.Roles, $"the case is already {p.Priority}");
        }

        var decision = _policy.Authorize(c, command, actor, _organisation);
        if (!decision.IsAllowed)
        {
            throw Refuse(c, command, actor.Roles, decision.Reason ?? "not authorised");
        }

        var pin = command is ChangePriorityCommand change && _slaPolicies is not null
            ? _slaPolicies.Match(c.Category, change.Priority, c.Source).Reference
            : (SlaPolicyReference?)null;
        c.Apply(command, decision.ActingRole, from, (CaseState)to, nextLevel, pin);
    }

    /// <summary>The guard input of a command: what the workflow's guards read (the satisfaction of feedback).</summary>
    internal static int GuardInput(CaseCommand command) => command is GiveFeedbackCommand f ? (int)f.Satisfaction - (int)Satisfaction.Satisfied : 0;

    private static int Index(CaseState state, CaseTrigger trigger, int guardInput) =>
        ((((int)state * TriggerCount) + (int)trigger) * GuardInputs) + guardInput;

    /// <summary>
    /// Configures the machine and fires it once for every (state, trigger, guard input); <c>OnTransitioned</c> reports
    /// each destination (an internal transition reports none and stays where it is), an unhandled trigger "not permitted".
    /// </summary>
    private static (Stateless.Reflection.StateMachineInfo Info, sbyte[] Transitions) Tabulate()
    {
        var state = Registered;
        var destination = Registered;
        var handled = true;
        var (machine, triggers) = BuildMachine(() => state, s => state = s);
        machine.OnUnhandledTrigger((_, _) => handled = false);
        machine.OnTransitioned(t => destination = t.Destination);
        var info = machine.GetInfo();

        var transitions = new sbyte[StateCount * TriggerCount * GuardInputs];
        foreach (var from in Enum.GetValues<CaseState>())
        {
            foreach (var trigger in Enum.GetValues<CaseTrigger>())
            {
                for (var input = 0; input < GuardInputs; input++)
                {
                    (state, destination, handled) = (from, from, true);
                    machine.Fire(triggers[(int)trigger], Probe(trigger, input));
                    transitions[Index(from, trigger, input)] = handled ? (sbyte)destination : (sbyte)-1;
                }
            }
        }

        return (info, transitions);
    }

    /// <summary>A configured Stateless machine of the workflow over external state storage, with its parameterised triggers.</summary>
    internal static (StateMachine<CaseState, CaseTrigger> Machine, StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<CaseCommand>[] Triggers) BuildMachine(
        Func<CaseState> read, Action<CaseState> write)
    {
        var machine = new StateMachine<CaseState, CaseTrigger>(read, write, FiringMode.Immediate);
        var triggers = Enum.GetValues<CaseTrigger>().Select(t => machine.SetTriggerParameters<CaseCommand>(t)).ToArray();
        Configure(machine, triggers);
        return (machine, triggers);
    }

    /// <summary>A command of the trigger's type carrying the guard input, for tabulating the machine.</summary>
    private static CaseCommand Probe(CaseTrigger trigger, int guardInput) => trigger switch
    {
        Respond => new RespondCommand(default, default),
        Claim => new ClaimCommand(default, default),
        Escalate => new EscalateCommand(default, default, "probe"),
        SummonDepartments => new SummonDepartmentsCommand(default, default, []),
        ReportIn => new ReportInCommand(default, default, Department.Police),
        RecordMeeting => new RecordMeetingCommand(default, default, [], "probe"),
        Resolve => new ResolveCommand(default, default),
        GiveFeedback => new GiveFeedbackCommand(default, default, (Satisfaction)(guardInput + (int)Satisfaction.Satisfied)),
        Close => new CloseCommand(default, default),
        OverrideClose => new OverrideCloseCommand(default, default, "probe"),
        Reject => new RejectCommand(default, default, RejectionKind.Invalid, "probe"),
        Transfer => new TransferCommand(default, default, default),
        Pause => new PauseCommand(default, default, "probe"),
        Resume => new ResumeCommand(default, default),
        ChangePriority => new ChangePriorityCommand(default, default, Priority.Urgent),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Expected a defined case trigger."),
    };

    private void CheckArguments(Case c, CaseCommand command)
    {
        if (command.At < c.LastActivityAt)
        {
            throw new ArgumentOutOfRangeException(nameof(command), command.At, $"{command.Trigger} on case '{c.Id}' is dated before its last recorded action ({c.LastActivityAt}); commands must come in time order.");
        }

        if (command.Note is { Length: > MaxNoteLength })
        {
            throw new ArgumentException($"The note of {command.Trigger} has {command.Note.Length} characters; at most {MaxNoteLength} are allowed.", nameof(command));
        }

        static void Require(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentException(message, nameof(command));
            }
        }

        switch (command)
        {
            case EscalateCommand e:
                Require(!string.IsNullOrWhiteSpace(e.Reason), "An escalation needs a reason: why the current level cannot solve the case.");
                break;
            case PauseCommand p:
                Require(!string.IsNullOrWhiteSpace(p.Reason), "A pause needs a reason (e.g. 住户外出，无法入户).");
                break;
            case ChangePriorityCommand p:
                Require(Enum.IsDefined(p.Priority), $"Priority {(int)p.Priority} is not one of Normal, Urgent, Critical.");
                break;
            case OverrideCloseCommand o:
                Require(!string.IsNullOrWhiteSpace(o.Reason), "A supervisor's override needs a reason.");
                break;
            case SummonDepartmentsCommand s:
                Require(s.Departments is { Count: > 0 } && s.Departments.All(d => d is not null), "Summoning needs at least one department, and no null entries.");
                Require(s.Departments.Distinct().Count() == s.Departments.Count, $"A department is listed twice: {string.Join(", ", s.Departments.Select(d => d.DisplayName))}.");
                break;
            case ReportInCommand r:
                Require(r.Department is not null, "Reporting in needs the department.");
                break;
            case RecordMeetingCommand m:
                Require(m.Participants is { Count: > 0 } && m.Participants.All(p => !string.IsNullOrWhiteSpace(p)), "A consultation meeting needs at least one named participant.");
                Require(!string.IsNullOrWhiteSpace(m.Outcome), "A consultation meeting needs its outcome.");
                break;
            case GiveFeedbackCommand f:
                Require(Enum.IsDefined(f.Satisfaction), $"Satisfaction {(int)f.Satisfaction} is not one of Satisfied, MostlySatisfied, Unsatisfied.");
                break;
            case RejectCommand j:
                Require(Enum.IsDefined(j.Kind), $"Rejection kind {(int)j.Kind} is not defined.");
                Require(!string.IsNullOrWhiteSpace(j.Reason), "A rejection needs a reason.");
                Require(j.Kind != RejectionKind.Duplicate || (j.DuplicateOf is { } original && original != c.Id), $"A duplicate needs the id of the original case, other than '{c.Id}' itself.");
                Require(j.Kind == RejectionKind.Duplicate || j.DuplicateOf is null, "Only a duplicate names an original case.");
                break;
            case TransferCommand t:
                Require(_organisation.ContainsGrid(t.ToGrid), $"Grid '{t.ToGrid}' is not in the organisation model.");
                Require(t.ToGrid != c.GridId, $"The case is already in grid '{t.ToGrid}'.");
                break;
        }
    }

    private CaseCommandRejectedException Refuse(Case c, CaseCommand command, IReadOnlyCollection<Role> roles, string reason) =>
        new(c.Id, c.State, command.Trigger, command.Actor, roles, _permitted[(int)c.State], reason);

    /// <summary>The workflow, one block per state: 登记 → 响应 → 认领 → 解决 → 反馈 → 办结.</summary>
    private static void Configure(StateMachine<CaseState, CaseTrigger> m, StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<CaseCommand>[] t)
    {
        static bool Unsatisfied(CaseCommand c) => c is GiveFeedbackCommand { Satisfaction: Satisfaction.Unsatisfied };
        static void Record(CaseCommand command, StateMachine<CaseState, CaseTrigger>.Transition transition)
        {
            // Summons, report-ins, meetings, pauses and priority changes are recorded on the case by the workflow.
        }

        m.Configure(Registered)
            .Permit(Respond, Responded)
            .PermitReentry(Transfer)
            .Permit(Reject, Rejected)
            .InternalTransition(t[(int)Pause], Record)
            .InternalTransition(t[(int)Resume], Record)
            .InternalTransition(t[(int)ChangePriority], Record);

        m.Configure(Responded)
            .Permit(Claim, Claimed)
            .PermitReentry(Escalate)
            .InternalTransition(t[(int)SummonDepartments], Record)
            .InternalTransition(t[(int)ReportIn], Record)
            .InternalTransition(t[(int)RecordMeeting], Record)
            .Permit(Transfer, Registered)
            .Permit(Reject, Rejected)
            .Permit(OverrideClose, Closed)
            .InternalTransition(t[(int)Pause], Record)
            .InternalTransition(t[(int)Resume], Record)
            .InternalTransition(t[(int)ChangePriority], Record);

        m.Configure(Claimed)
            .Permit(Resolve, Resolved)
            .Permit(Escalate, Responded)
            .InternalTransition(t[(int)SummonDepartments], Record)
            .InternalTransition(t[(int)ReportIn], Record)
            .InternalTransition(t[(int)RecordMeeting], Record)
            .Permit(Transfer, Registered)
            .Permit(OverrideClose, Closed)
            .InternalTransition(t[(int)Pause], Record)
            .InternalTransition(t[(int)Resume], Record)
            .InternalTransition(t[(int)ChangePriority], Record);

        m.Configure(Resolved)
            .PermitIf(t[(int)GiveFeedback], CaseState.FeedbackGiven, c => !Unsatisfied(c), "满意/基本满意")
            .PermitIf(t[(int)GiveFeedback], Claimed, Unsatisfied, "不满意: 重办")
            .InternalTransition(t[(int)ReportIn], Record)
            .Permit(OverrideClose, Closed)
            .InternalTransition(t[(int)Pause], Record)
            .InternalTransition(t[(int)Resume], Record)
            .InternalTransition(t[(int)ChangePriority], Record);

        m.Configure(CaseState.FeedbackGiven)
            .Permit(Close, Closed);

        m.Configure(Closed);
        m.Configure(Rejected);
    }
}
