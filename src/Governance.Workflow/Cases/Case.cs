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
public sealed partial class Case
{
    private const int MainPathLength = 5;

    private readonly CaseWorkflow _workflow;
    // Sized for the main path (five commands, six events); summons and meetings are made when first needed.
    private readonly List<CaseHistoryEntry> _history = new(MainPathLength);
    private readonly List<CaseEvent> _events = new(MainPathLength + 1);
    private List<DepartmentSummons>? _summons;
    private List<ConsultationMeeting>? _meetings;
    private List<CasePause>? _pauses;
    private List<WorkOrderReturn>? _returns;
    private List<ExtensionRequest>? _extensions;
    private List<ExclusionRequest>? _exclusions;

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

    /// <summary>The returns of this work order (退单), oldest first: the grids that returned it, who, when and why.</summary>
    public IReadOnlyList<WorkOrderReturn> Returns => (IReadOnlyList<WorkOrderReturn>?)_returns ?? [];

    /// <summary>The extension requests (延期申请), oldest first, with their decisions.</summary>
    public IReadOnlyList<ExtensionRequest> Extensions => (IReadOnlyList<ExtensionRequest>?)_extensions ?? [];

    /// <summary>The extension request waiting for a decision, if any.</summary>
    public ExtensionRequest? PendingExtension => _extensions is { Count: > 0 } x && x[^1].IsPending ? x[^1] : null;

    /// <summary>The exclusion requests (核减申请), oldest first, with their decisions.</summary>
    public IReadOnlyList<ExclusionRequest> ExclusionRequests => (IReadOnlyList<ExclusionRequest>?)_exclusions ?? [];

    /// <summary>The exclusion request waiting for a decision, if any.</summary>
    public ExclusionRequest? PendingExclusion => _exclusions is { Count: > 0 } x && x[^1].IsPending ? x[^1] : null;

    /// <summary>The approved exclusion (不合理诉求 or 无效), if the order is excluded from the three rates.</summary>
    public ExclusionRequest? Exclusion => _exclusions?.Find(x => x.Approved);

    /// <summary>The audit trail, oldest first.</summary>
    public IReadOnlyList<CaseHistoryEntry> History => _history;

    /// <summary>The domain events raised since the host last called <see cref="ClearDomainEvents"/>.</summary>
    public IReadOnlyList<CaseEvent> DomainEvents => _events;

    /// <summary>The triggers the workflow permits in the current state (before authorization).</summary>
    public IReadOnlyList<CaseTrigger> PermittedTriggers => _workflow.PermittedTriggers(this);

    /// <summary>Forgets the domain events, once the host has dispatched them.</summary>
    public void ClearDomainEvents() => _events.Clear();

    /// <summary>Executes any command (the methods named after the steps are shorthands for this one).</summary>
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
            TransferCommand or DispatchCommand => OrganisationLevel.Grid,
            _ => Level,
        };
        _history.Add(stored ?? new CaseHistoryEntry(_history.Count + 1, command, role, from, to, level, policy));
        State = to;
        LastActivityAt = command.At;
        var (actor, at) = (command.Actor, command.At);
        LapseRequests(command);
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

                MoveTo(t.ToGrid);
                break;
            case ReturnCommand r:
                (_returns ??= []).Add(new WorkOrderReturn(GridId, actor, at, r.Reason));
                Claimant = null;
                ClaimedAs = null;
                if (raise)
                {
                    _events.Add(new WorkOrderReturned(Id, actor, at, GridId, r.Reason));
                }

                break;
            case DispatchCommand d:
                if (raise)
                {
                    _events.Add(new WorkOrderDispatched(Id, actor, at, d.ToGrid));
                }

                MoveTo(d.ToGrid);
                break;
            case RequestExtensionCommand x:
                (_extensions ??= []).Add(new ExtensionRequest(actor, at, x.Length, x.Reason));
                if (raise)
                {
                    _events.Add(new ExtensionRequested(Id, actor, at, x.Length, x.Reason));
                }

                break;
            case ApproveExtensionCommand a:
                _extensions![^1] = _extensions[^1] with { DecidedBy = actor, DecidedAt = at, Approved = a.Length };
                if (raise)
                {
                    _events.Add(new ExtensionDecided(Id, actor, at, a.Length, null));
                }

                break;
            case RefuseExtensionCommand x:
                _extensions![^1] = _extensions[^1] with { DecidedBy = actor, DecidedAt = at, RefusalReason = x.Reason };
                if (raise)
                {
                    _events.Add(new ExtensionDecided(Id, actor, at, null, x.Reason));
                }

                break;
            case RequestExclusionCommand x:
                (_exclusions ??= []).Add(new ExclusionRequest(x.Kind, actor, at, x.Reason));
                if (raise)
                {
                    _events.Add(new ExclusionRequested(Id, actor, at, x.Kind, x.Reason));
                }

                break;
            case ApproveExclusionCommand:
                _exclusions![^1] = _exclusions[^1] with { DecidedBy = actor, DecidedAt = at, Approved = true };
                if (raise)
                {
                    _events.Add(new ExclusionDecided(Id, actor, at, _exclusions[^1].Kind, true, null));
                }

                break;
            case RefuseExclusionCommand x:
                _exclusions![^1] = _exclusions[^1] with { DecidedBy = actor, DecidedAt = at, RefusalReason = x.Reason };
                if (raise)
                {
                    _events.Add(new ExclusionDecided(Id, actor, at, _exclusions[^1].Kind, false, x.Reason));
                }

                break;
        }
    }

    private void MoveTo(Id<Grid> grid)
    {
        GridId = grid;
        MicroGridId = null;
        Level = OrganisationLevel.Grid;
        Claimant = null;
        ClaimedAs = null;
    }

    /// <summary>
    /// A request not decided lapses when what it asks about is over: an extension when the case is resolved, moved to another
    /// grid or finished; an exclusion when the case is finished.
    /// </summary>
    private void LapseRequests(CaseCommand command)
    {
        var finished = command is CloseCommand or OverrideCloseCommand or RejectCommand;
        if ((finished || command is ResolveCommand or TransferCommand or ReturnCommand) && PendingExtension is not null)
        {
            _extensions![^1] = _extensions[^1] with { Lapsed = true };
        }

        if (finished && PendingExclusion is not null)
        {
            _exclusions![^1] = _exclusions[^1] with { Lapsed = true };
        }
    }

    internal void Registered() => _events.Add(new CaseRegistered(Id, Registration.Reporter, RegisteredAt, GridId));
}
