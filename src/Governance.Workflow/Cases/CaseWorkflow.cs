using System.Collections.Concurrent;
using Governance.Organisation;
using Governance.People;
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
/// <para>Stateless's cost is that a machine is configured per entity (its issue #232). Here a case never
/// builds one: the workflow keeps a small pool of configured machines whose external state storage points at
/// whichever case is being moved, so firing a trigger costs what firing a pre-built machine costs.</para>
/// <para>A command is checked completely — arguments, state, domain rules, authorization — before the machine
/// fires, so a refused command changes nothing.</para>
/// </remarks>
/// <threadsafety>The definition is safe to share between threads; each case takes one command at a time.</threadsafety>
public sealed class CaseWorkflow
{
    private const int MaxNoteLength = 2000;

    private readonly OrganisationModel _organisation;
    private readonly ICaseAuthorizationPolicy _policy;
    private readonly ConcurrentBag<Slot> _pool = [];
    private readonly Dictionary<CaseState, CaseTrigger[]> _permitted;
    private readonly Stateless.Reflection.StateMachineInfo _info;
    private Slot? _cached;

    /// <summary>Creates the workflow for an organisation.</summary>
    /// <param name="organisation">The organisation model: grids, people, assignments, ladders.</param>
    /// <param name="policy">Who may do what; <see cref="DefaultCaseAuthorizationPolicy"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="organisation"/> is null.</exception>
    public CaseWorkflow(OrganisationModel organisation, ICaseAuthorizationPolicy? policy = null)
    {
        _organisation = organisation ?? throw new ArgumentNullException(nameof(organisation));
        _policy = policy ?? new DefaultCaseAuthorizationPolicy();
        var probe = new Slot();
        _info = probe.Machine.GetInfo();
        _permitted = _info.States.ToDictionary(
            s => (CaseState)s.UnderlyingState,
            s => s.FixedTransitions.Select(t => (CaseTrigger)t.Trigger.UnderlyingTrigger)
                .Concat(s.DynamicTransitions.Select(t => (CaseTrigger)t.Trigger.UnderlyingTrigger))
                .Distinct().Order().ToArray());
        foreach (var state in Enum.GetValues<CaseState>())
        {
            _permitted.TryAdd(state, []);
        }

        _cached = probe;
    }

    /// <summary>The organisation model.</summary>
    public OrganisationModel Organisation => _organisation;

    /// <summary>Registers (登记) a case in the ledger.</summary>
    /// <param name="registration">What was reported.</param>
    /// <returns>The case, in <see cref="CaseState.Registered"/>, with a <see cref="CaseRegistered"/> event.</returns>
    /// <exception cref="ArgumentException">The registration is incomplete or names an unknown grid.</exception>
    public Case Register(CaseRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(registration.Source, "registration.Source");
        ArgumentNullException.ThrowIfNull(registration.Category, "registration.Category");
        ArgumentNullException.ThrowIfNull(registration.Location, "registration.Location");
        if (string.IsNullOrWhiteSpace(registration.Description))
        {
            throw new ArgumentException($"Case '{registration.Id}' needs a description of what was reported.", nameof(registration));
        }

        if (!_organisation.ContainsGrid(registration.Location.GridId))
        {
            throw new ArgumentException($"Case '{registration.Id}' is located in grid '{registration.Location.GridId}', which the organisation model does not have.", nameof(registration));
        }

        var c = new Case(this, registration);
        c.Registered();
        return c;
    }

    /// <summary>Rebuilds a case by registering it and executing commands in order (e.g. a stored history).</summary>
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
        return _permitted[@case.State];
    }

    /// <summary>The triggers permitted in a state, before authorization and the case's own rules.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The triggers.</returns>
    public IReadOnlyList<CaseTrigger> PermittedTriggers(CaseState state) => _permitted[state];

    /// <summary>The workflow as a Mermaid state diagram, generated from the definition.</summary>
    /// <returns>Mermaid text.</returns>
    public string ToMermaid() => MermaidGraph.Format(_info);

    /// <summary>The workflow as a DOT (Graphviz) graph, generated from the definition.</summary>
    /// <returns>DOT text.</returns>
    public string ToDot() => UmlDotGraph.Format(_info);

    internal void Execute(Case c, CaseCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        CheckArguments(c, command);

        if (!_organisation.TryGetPerson(command.Actor, out var actor))
        {
            throw Refuse(c, command, [], $"'{command.Actor}' is not a person in the organisation model");
        }

        if (Array.IndexOf(_permitted[c.State], command.Trigger) < 0)
        {
            throw Refuse(c, command, actor.Roles, $"{command.Trigger} is not permitted while the case is {c.State}");
        }

        OrganisationLevel? nextLevel = null;
        switch (command)
        {
            case EscalateCommand:
                nextLevel = _organisation.LadderFor(c.GridId).Next(c.Level)
                    ?? throw Refuse(c, command, actor.Roles, $"the case is already at the top of its ladder ({c.Level})");
                break;
            case ReportInCommand r when !c.AwaitingReportIn.Contains(r.Department):
                throw Refuse(c, command, actor.Roles, $"department '{r.Department.DisplayName}' has not been summoned or has already reported in");
            case SummonDepartmentsCommand s when s.Departments.FirstOrDefault(d => c.AwaitingReportIn.Contains(d)) is { } pending:
                throw Refuse(c, command, actor.Roles, $"department '{pending.DisplayName}' is already summoned and has not reported in");
        }

        var decision = _policy.Authorize(c, command, actor, _organisation);
        if (!decision.IsAllowed)
        {
            throw Refuse(c, command, actor.Roles, decision.Reason ?? "not authorised");
        }

        var from = c.State;
        // One cached machine serves the common single-threaded case without touching the pool.
        var slot = Interlocked.Exchange(ref _cached, null);
        if (slot is null && !_pool.TryTake(out slot))
        {
            slot = new Slot();
        }

        try
        {
            slot.Case = c;
            slot.Machine.Fire(slot.Triggers[(int)command.Trigger], command);
        }
        finally
        {
            slot.Case = null;
            if (Interlocked.CompareExchange(ref _cached, slot, null) is not null)
            {
                _pool.Add(slot);
            }
        }

        c.Apply(command, decision.ActingRole, from, c.State, nextLevel);
    }

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
        new(c.Id, c.State, command.Trigger, command.Actor, roles, _permitted[c.State], reason);

    /// <summary>A configured machine whose external state storage points at the case being moved.</summary>
    private sealed class Slot
    {
        public Slot()
        {
            // The accessor is read at construction and by introspection, when no case is bound.
            Machine = new StateMachine<CaseState, CaseTrigger>(() => Case?.State ?? Registered, s => Case!.State = s);
            Triggers = Enum.GetValues<CaseTrigger>().Select(t => Machine.SetTriggerParameters<CaseCommand>(t)).ToArray();
            Configure(Machine, Triggers);
        }

        public StateMachine<CaseState, CaseTrigger> Machine { get; }

        public StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<CaseCommand>[] Triggers { get; }

        public Case? Case { get; set; }
    }

    /// <summary>The workflow, one block per state: 登记 → 响应 → 认领 → 解决 → 反馈 → 办结.</summary>
    private static void Configure(StateMachine<CaseState, CaseTrigger> m, StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<CaseCommand>[] t)
    {
        static bool Unsatisfied(CaseCommand c) => c is GiveFeedbackCommand { Satisfaction: Satisfaction.Unsatisfied };
        static void Record(CaseCommand command, StateMachine<CaseState, CaseTrigger>.Transition transition)
        {
            // Summons, report-ins and meetings are recorded on the case by the workflow after firing.
        }

        m.Configure(Registered)
            .Permit(Respond, Responded)
            .PermitReentry(Transfer)
            .Permit(Reject, Rejected);

        m.Configure(Responded)
            .Permit(Claim, Claimed)
            .PermitReentry(Escalate)
            .InternalTransition(t[(int)SummonDepartments], Record)
            .InternalTransition(t[(int)ReportIn], Record)
            .InternalTransition(t[(int)RecordMeeting], Record)
            .Permit(Transfer, Registered)
            .Permit(Reject, Rejected)
            .Permit(OverrideClose, Closed);

        m.Configure(Claimed)
            .Permit(Resolve, Resolved)
            .Permit(Escalate, Responded)
            .InternalTransition(t[(int)SummonDepartments], Record)
            .InternalTransition(t[(int)ReportIn], Record)
            .InternalTransition(t[(int)RecordMeeting], Record)
            .Permit(Transfer, Registered)
            .Permit(OverrideClose, Closed);

        m.Configure(Resolved)
            .PermitIf(t[(int)GiveFeedback], CaseState.FeedbackGiven, c => !Unsatisfied(c), "满意/基本满意")
            .PermitIf(t[(int)GiveFeedback], Claimed, Unsatisfied, "不满意: 重办")
            .InternalTransition(t[(int)ReportIn], Record)
            .Permit(OverrideClose, Closed);

        m.Configure(CaseState.FeedbackGiven)
            .Permit(Close, Closed);

        m.Configure(Closed);
        m.Configure(Rejected);
    }
}
