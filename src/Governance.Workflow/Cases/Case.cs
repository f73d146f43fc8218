using Governance.Organisation;
using Governance.People;
using Governance.Sla;

namespace Governance.Cases;

/// <summary>
/// 事件 — a case in the four-step closed loop (事件响应 → 事件认领 → 事件解决 → 事件反馈). It changes only through
/// the methods named in the domain's words; each is checked against the workflow, the case's state and the
/// authorization policy before anything changes, so a refused command leaves the case exactly as it was.
/// Every accepted command is appended to <see cref="History"/> and raises a <see cref="CaseEvent"/>.
/// </summary>
/// <remarks>Create cases with <see cref="CaseWorkflow.Register"/>, and rebuild stored ones with <see cref="CaseWorkflow.Restore"/>
/// (from the registration and the history alone). <see cref="Version"/> counts the history entries, for optimistic
/// concurrency in a store. A case is not thread-safe: one command at a time.</remarks>
public sealed class Case
{
    private const int MainPathLength = 5;

    private readonly CaseWorkflow _workflow;
    // Sized for the main path (five commands, six events); summons and meetings are made when first needed.
    private readonly List<CaseHistoryEntry> _history = new(MainPathLength);
    private readonly List<CaseEvent> _events = new(MainPathLength + 1);
    private List<DepartmentSummons>? _summons;
    private List<ConsultationMeeting>? _meetings;
    private List<CasePause>? _pauses;

    internal Case(CaseWorkflow workflow, CaseRegistration registration)
    {
        _workflow = workflow;
        Registration = registration;
        GridId = registration.Location.GridId;
        MicroGridId = registration.MicroGridId;
        Level = registration.MicroGridId is null ? OrganisationLevel.Grid : OrganisationLevel.MicroGrid;
        LastActivityAt = registration.RegisteredAt;
        Priority = registration.Priority;
        SlaPolicy = registration.SlaPolicy;
    }

    /// <summary>The case id.</summary>
    public Id<Case> Id => Registration.Id;

    /// <summary>What was entered in the ledger.</summary>
    public CaseRegistration Registration { get; }

    /// <summary>Where it came from.</summary>
    public CaseSource Source => Registration.Source;

    /// <summary>What it is about.</summary>
    public CaseCategory Category => Registration.Category;

    /// <summary>How urgent now: the registration's priority, or the latest <see cref="ChangePriorityCommand"/>'s.</summary>
    public Priority Priority { get; private set; }

    /// <summary>The SLA policy version the case is judged by now (pinned at registration, moved by a priority change); null if unpinned.</summary>
    public SlaPolicyReference? SlaPolicy { get; private set; }

    /// <summary>The number of entries in <see cref="History"/>: the version a store appends after (optimistic concurrency).</summary>
    public int Version => _history.Count;

    /// <summary>Whether the SLA clocks are paused now (a <see cref="PauseCommand"/> not yet resumed).</summary>
    public bool IsPaused => _pauses is { Count: > 0 } p && p[^1].End is null;

    /// <summary>The pauses of the SLA clocks so far, oldest first.</summary>
    public IReadOnlyList<CasePause> Pauses => (IReadOnlyList<CasePause>?)_pauses ?? [];

    /// <summary>When it was registered.</summary>
    public Instant RegisteredAt => Registration.RegisteredAt;

    /// <summary>The current state.</summary>
    public CaseState State { get; private set; }

    /// <summary>The grid responsible now (changes on transfer).</summary>
    public Id<Grid> GridId { get; private set; }

    /// <summary>The micro-grid (微网格) the case is located in and started at, if any; null after a transfer.</summary>
    public Id<MicroGrid>? MicroGridId { get; private set; }

    /// <summary>The level handling the case now (changes on escalation).</summary>
    public OrganisationLevel Level { get; private set; }

    /// <summary>Who claimed the case at its current level, if anyone.</summary>
    public Id<Person>? Claimant { get; private set; }

    /// <summary>The role the claimant acted in when claiming (e.g. 网格员), if the case is claimed.</summary>
    public Role? ClaimedAs { get; private set; }

    /// <summary>The resident's satisfaction at the latest feedback, if any.</summary>
    public Satisfaction? Satisfaction { get; private set; }

    /// <summary>How many times an unsatisfied resident reopened the case.</summary>
    public int ReopenCount { get; private set; }

    /// <summary>How many times the case was escalated.</summary>
    public int EscalationCount { get; private set; }

    /// <summary>The supervisor's reason, when closed by override.</summary>
    public string? OverrideReason { get; private set; }

    /// <summary>The rejection, when rejected.</summary>
    public RejectCommand? Rejection { get; private set; }

    /// <summary>The instant of the latest accepted command (or the registration); later commands may not be earlier.</summary>
    public Instant LastActivityAt { get; private set; }

    /// <summary>Whether the case is finished (closed or rejected).</summary>
    public bool IsTerminal => State is CaseState.Closed or CaseState.Rejected;

    /// <summary>The departments summoned (吹哨) and whether each has reported in (报到).</summary>
    public IReadOnlyList<DepartmentSummons> Summons => (IReadOnlyList<DepartmentSummons>?)_summons ?? [];

    /// <summary>The departments summoned that have not reported in yet.</summary>
    public IEnumerable<Department> AwaitingReportIn => Summons.Where(s => !s.HasReported).Select(s => s.Department);

    /// <summary>The consultation meetings held (协商议事会).</summary>
    public IReadOnlyList<ConsultationMeeting> Meetings => (IReadOnlyList<ConsultationMeeting>?)_meetings ?? [];

    /// <summary>The audit trail, oldest first.</summary>
    public IReadOnlyList<CaseHistoryEntry> History => _history;

    /// <summary>The domain events raised since the host last called <see cref="ClearDomainEvents"/>.</summary>
    public IReadOnlyList<CaseEvent> DomainEvents => _events;

    /// <summary>The triggers the workflow permits in the current state (before authorization).</summary>
    public IReadOnlyList<CaseTrigger> PermittedTriggers => _workflow.PermittedTriggers(this);

    /// <summary>Forgets the domain events, once the host has dispatched them.</summary>
    public void ClearDomainEvents() => _events.Clear();

    /// <summary>事件响应 — respond to the case.</summary>
    /// <param name="actor">Who responds.</param>
    /// <param name="at">When.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void Respond(Id<Person> actor, Instant at, string? note = null) => Execute(new RespondCommand(actor, at, note));

    /// <summary>事件认领 — claim the case.</summary>
    /// <param name="actor">Who claims it.</param>
    /// <param name="at">When.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void Claim(Id<Person> actor, Instant at, string? note = null) => Execute(new ClaimCommand(actor, at, note));

    /// <summary>上报 — escalate one level up the community's ladder.</summary>
    /// <param name="actor">Who escalates.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why the current level cannot solve it.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, at the top of the ladder, or not authorised; nothing changed.</exception>
    public void Escalate(Id<Person> actor, Instant at, string reason) => Execute(new EscalateCommand(actor, at, reason));

    /// <summary>社区吹哨 — summon departments.</summary>
    /// <param name="actor">Who summons them.</param>
    /// <param name="at">When.</param>
    /// <param name="departments">The departments.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void SummonDepartments(Id<Person> actor, Instant at, IReadOnlyList<Department> departments, string? note = null) =>
        Execute(new SummonDepartmentsCommand(actor, at, departments, note));

    /// <summary>部门报到 — a summoned department reports in.</summary>
    /// <param name="actor">Who reports in.</param>
    /// <param name="at">When.</param>
    /// <param name="department">The department.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, not summoned, or not authorised; nothing changed.</exception>
    public void ReportIn(Id<Person> actor, Instant at, Department department, string? note = null) => Execute(new ReportInCommand(actor, at, department, note));

    /// <summary>协商议事会 — record a consultation meeting.</summary>
    /// <param name="actor">Who convened it.</param>
    /// <param name="at">When it was held.</param>
    /// <param name="participants">Who took part.</param>
    /// <param name="outcome">What was agreed.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void RecordMeeting(Id<Person> actor, Instant at, IReadOnlyList<string> participants, string outcome) =>
        Execute(new RecordMeetingCommand(actor, at, participants, outcome));

    /// <summary>事件解决 — the claimant resolves the case.</summary>
    /// <param name="actor">The claimant.</param>
    /// <param name="at">When.</param>
    /// <param name="note">What was done.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not the claimant; nothing changed.</exception>
    public void Resolve(Id<Person> actor, Instant at, string? note = null) => Execute(new ResolveCommand(actor, at, note));

    /// <summary>事件反馈 — give feedback; 不满意 reopens the case for rework.</summary>
    /// <param name="actor">Who gives the feedback.</param>
    /// <param name="at">When.</param>
    /// <param name="satisfaction">The resident's satisfaction.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void GiveFeedback(Id<Person> actor, Instant at, Satisfaction satisfaction, string? note = null) =>
        Execute(new GiveFeedbackCommand(actor, at, satisfaction, note));

    /// <summary>办结 — close the case after satisfactory feedback.</summary>
    /// <param name="actor">Who closes it.</param>
    /// <param name="at">When.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void Close(Id<Person> actor, Instant at, string? note = null) => Execute(new CloseCommand(actor, at, note));

    /// <summary>督导办结 — a supervisor closes the case by override.</summary>
    /// <param name="actor">The supervisor.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not a supervisor; nothing changed.</exception>
    public void OverrideClose(Id<Person> actor, Instant at, string reason) => Execute(new OverrideCloseCommand(actor, at, reason));

    /// <summary>驳回 — reject the case.</summary>
    /// <param name="actor">Who rejects it.</param>
    /// <param name="at">When.</param>
    /// <param name="kind">Why.</param>
    /// <param name="reason">The explanation.</param>
    /// <param name="duplicateOf">For a duplicate, the original case.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void Reject(Id<Person> actor, Instant at, RejectionKind kind, string reason, Id<Case>? duplicateOf = null) =>
        Execute(new RejectCommand(actor, at, kind, reason, duplicateOf));

    /// <summary>转办 — transfer the case to another grid.</summary>
    /// <param name="actor">Who transfers it.</param>
    /// <param name="at">When.</param>
    /// <param name="toGrid">The grid that takes it.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void Transfer(Id<Person> actor, Instant at, Id<Grid> toGrid, string? note = null) => Execute(new TransferCommand(actor, at, toGrid, note));

    /// <summary>暂停计时 — pause the SLA clocks.</summary>
    /// <param name="actor">Who pauses them.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why (e.g. 住户外出，无法入户).</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, already paused, or not authorised; nothing changed.</exception>
    public void Pause(Id<Person> actor, Instant at, string reason) => Execute(new PauseCommand(actor, at, reason));

    /// <summary>恢复计时 — resume the SLA clocks.</summary>
    /// <param name="actor">Who resumes them.</param>
    /// <param name="at">When.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, not paused, or not authorised; nothing changed.</exception>
    public void Resume(Id<Person> actor, Instant at, string? note = null) => Execute(new ResumeCommand(actor, at, note));

    /// <summary>调整优先级 — change the priority.</summary>
    /// <param name="actor">Who changes it.</param>
    /// <param name="at">When.</param>
    /// <param name="priority">The new priority.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void ChangePriority(Id<Person> actor, Instant at, Priority priority, string? note = null) => Execute(new ChangePriorityCommand(actor, at, priority, note));

    /// <summary>Executes any command (the methods above are shorthands for this one).</summary>
    /// <param name="command">The command.</param>
    /// <exception cref="ArgumentException">The command's arguments are invalid; nothing changed.</exception>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void Execute(CaseCommand command) => _workflow.Execute(this, command);

    /// <inheritdoc />
    public override string ToString() => $"Case {Id} ({Category.DisplayName}, {CaseDisplayNames.Of(State)})";

    /// <summary>Whether a department has been summoned and has not reported in yet.</summary>
    internal bool IsAwaiting(Department department)
    {
        if (_summons is null)
        {
            return false;
        }

        foreach (var s in _summons)
        {
            if (!s.HasReported && s.Department == department)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Applies an accepted command, moving the case to <paramref name="to"/>; called by the workflow once every check has passed.</summary>
    internal void Apply(CaseCommand command, Role role, CaseState from, CaseState to, OrganisationLevel? nextLevel, SlaPolicyReference? policy = null, CaseHistoryEntry? stored = null)
    {
        // A stored entry (restoring) is kept as it is, and raises no event.
        var raise = stored is null;
        var level = command switch
        {
            EscalateCommand => nextLevel!.Value,
            TransferCommand => OrganisationLevel.Grid,
            _ => Level,
        };
        _history.Add(stored ?? new CaseHistoryEntry(_history.Count + 1, command, role, from, to, level, policy));
        State = to;
        LastActivityAt = command.At;
        var (actor, at) = (command.Actor, command.At);
        switch (command)
        {
            case RespondCommand:
                if (raise)
                {
                    _events.Add(new CaseResponded(Id, actor, at));
                }

                break;
            case ClaimCommand:
                Claimant = actor;
                ClaimedAs = role;
                if (raise)
                {
                    _events.Add(new CaseClaimed(Id, actor, at));
                }

                break;
            case EscalateCommand e:
                if (raise)
                {
                    _events.Add(new CaseEscalated(Id, actor, at, Level, level, e.Reason));
                }

                Level = level;
                Claimant = null;
                ClaimedAs = null;
                EscalationCount++;
                break;
            case SummonDepartmentsCommand s:
                _summons ??= [];
                foreach (var department in s.Departments)
                {
                    _summons.Add(new DepartmentSummons(department, at, actor));
                }

                if (raise)
                {
                    _events.Add(new DepartmentsSummoned(Id, actor, at, s.Departments));
                }

                break;
            case ReportInCommand r:
                var i = _summons!.FindIndex(x => x.Department == r.Department && !x.HasReported);
                _summons[i] = _summons[i] with { ReportedAt = at, ReportedBy = actor };
                if (raise)
                {
                    _events.Add(new DepartmentReportedIn(Id, actor, at, r.Department));
                }

                break;
            case RecordMeetingCommand m:
                var meeting = new ConsultationMeeting(at, actor, m.Participants, m.Outcome);
                (_meetings ??= []).Add(meeting);
                if (raise)
                {
                    _events.Add(new ConsultationMeetingHeld(Id, actor, at, meeting));
                }

                break;
            case ResolveCommand:
                if (raise)
                {
                    _events.Add(new CaseResolved(Id, actor, at));
                }

                break;
            case GiveFeedbackCommand f:
                Satisfaction = f.Satisfaction;
                if (raise)
                {
                    _events.Add(new FeedbackGiven(Id, actor, at, f.Satisfaction));
                }

                if (to == CaseState.Claimed)
                {
                    ReopenCount++;
                    if (raise)
                    {
                        _events.Add(new CaseReopened(Id, actor, at, ReopenCount));
                    }
                }

                break;
            case CloseCommand:
                if (raise)
                {
                    _events.Add(new CaseClosed(Id, actor, at, null));
                }

                break;
            case OverrideCloseCommand o:
                OverrideReason = o.Reason;
                if (raise)
                {
                    _events.Add(new CaseClosed(Id, actor, at, o.Reason));
                }

                break;
            case RejectCommand j:
                Rejection = j;
                if (raise)
                {
                    _events.Add(new CaseRejected(Id, actor, at, j.Kind, j.DuplicateOf));
                }

                break;
            case PauseCommand p:
                (_pauses ??= []).Add(new CasePause(at, null, p.Reason));
                if (raise)
                {
                    _events.Add(new CasePaused(Id, actor, at, p.Reason));
                }

                break;
            case ResumeCommand:
                var pause = _pauses![^1];
                _pauses[^1] = pause with { End = at };
                if (raise)
                {
                    _events.Add(new CaseResumed(Id, actor, at, pause.Start));
                }

                break;
            case ChangePriorityCommand cp:
                if (raise)
                {
                    _events.Add(new CasePriorityChanged(Id, actor, at, Priority, cp.Priority));
                }

                Priority = cp.Priority;
                SlaPolicy = policy ?? SlaPolicy;
                break;
            case TransferCommand t:
                if (raise)
                {
                    _events.Add(new CaseTransferred(Id, actor, at, GridId, t.ToGrid));
                }

                GridId = t.ToGrid;
                MicroGridId = null;
                Level = OrganisationLevel.Grid;
                Claimant = null;
                ClaimedAs = null;
                break;
        }
    }

    internal void Registered() => _events.Add(new CaseRegistered(Id, Registration.Reporter, RegisteredAt, GridId));
}
