using Governance.Calendars;
using Governance.Cases;

namespace Governance.Sla;

/// <summary>
/// 事件时限 — one case's SLA: its pauses and priority changes, and the thresholds already reported. Evaluate it at any
/// instant against the case: the step cycles come from the case's history, so the SLA can never disagree with the case.
/// </summary>
/// <remarks>
/// <para><b>Steps and cycles.</b> Respond runs from registration until the response; claim from the response until a
/// claim; resolve from the claim until the resolution; feedback from the resolution until feedback; each summoned
/// department's report-in from the summons until it reports in. Each goal counts from its <see cref="SlaAnchor"/>.
/// Escalation and transfer follow the policy's <see cref="SlaRetarget"/>: keep the elapsed time, or restart the affected
/// steps at the change. An unsatisfied feedback reopens the case: a new resolve cycle (then feedback cycle) counts from
/// the reopening; earlier cycles stay in the result. Close, override-close and reject cancel whatever is running.</para>
/// <para><b>Pauses.</b> While the case is paused no step's time counts: each running step's deadline moves by exactly the
/// paused length measured on that goal's own clock (so a pause over a weekend moves a working-day deadline by nothing).
/// A step already breached when a pause begins stays breached: the pause does not move its deadline (a breach is final,
/// as in ServiceNow and Jira).</para>
/// <para><b>Thresholds.</b> <see cref="Evaluate"/> reports each warning threshold and the breach of each step cycle once,
/// stamped with the instant it was crossed, in the order crossed, however often and late it is called. A threshold is
/// crossed only if the step was still open at that instant: a step met at or before its deadline is never breached.
/// A cycle that keeps an earlier anchor (escalation or transfer with <see cref="SlaRetarget.KeepElapsed"/>) and is born
/// past a threshold crosses it at its start.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: like the case, one tracker is used by one thread at a time.</threadsafety>
public sealed class CaseSla
{
    private readonly SlaEngine _engine;
    private readonly List<(Instant Start, Instant? End, string Reason)> _pauses = [];
    private readonly List<(Instant At, Priority Priority)> _priorityChanges = [];
    private readonly HashSet<(SlaStep, int, string?, int)> _reported = [];

    internal CaseSla(SlaEngine engine, Id<Case> caseId, Priority priority)
    {
        _engine = engine;
        CaseId = caseId;
        InitialPriority = priority;
    }

    /// <summary>The case tracked.</summary>
    public Id<Case> CaseId { get; }

    /// <summary>The priority the case was registered with.</summary>
    public Priority InitialPriority { get; }

    /// <summary>The current priority.</summary>
    public Priority Priority => _priorityChanges.Count == 0 ? InitialPriority : _priorityChanges[^1].Priority;

    /// <summary>Whether the case is paused now.</summary>
    public bool IsPaused => _pauses.Count > 0 && _pauses[^1].End is null;

    /// <summary>The pauses so far: start, end (null while running) and reason.</summary>
    public IReadOnlyList<(Instant Start, Instant? End, string Reason)> Pauses => _pauses;

    private Instant LastChange => Max(
        _pauses.Count == 0 ? Instant.MinValue : _pauses[^1].End ?? _pauses[^1].Start,
        _priorityChanges.Count == 0 ? Instant.MinValue : _priorityChanges[^1].At);

    /// <summary>暂停计时 — pause the clocks (e.g. waiting for the resident to give access).</summary>
    /// <param name="at">When; not before the last pause, resume or priority change.</param>
    /// <param name="reason">Why; not empty.</param>
    /// <exception cref="GovernanceException">The case is already paused.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty or <paramref name="at"/> is too early.</exception>
    public void Pause(Instant at, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        CheckOrder(at);
        if (IsPaused)
        {
            throw new GovernanceException($"Case '{CaseId}' SLA is already paused since {_pauses[^1].Start} ({_pauses[^1].Reason}); resume it first.");
        }

        _pauses.Add((at, null, reason));
    }

    /// <summary>恢复计时 — resume the clocks.</summary>
    /// <param name="at">When; not before the pause.</param>
    /// <exception cref="GovernanceException">The case is not paused.</exception>
    /// <exception cref="ArgumentException"><paramref name="at"/> is too early.</exception>
    public void Resume(Instant at)
    {
        CheckOrder(at);
        if (!IsPaused)
        {
            throw new GovernanceException($"Case '{CaseId}' SLA is not paused, so it cannot be resumed.");
        }

        _pauses[^1] = _pauses[^1] with { End = at };
    }

    /// <summary>调整优先级 — the case's priority changed: running steps take the goals of the policy now matching, keeping their elapsed time or restarting as that policy says.</summary>
    /// <param name="at">When; not before the last pause, resume or priority change.</param>
    /// <param name="priority">The new priority.</param>
    /// <exception cref="ArgumentException"><paramref name="at"/> is too early.</exception>
    public void ChangePriority(Instant at, Priority priority)
    {
        if (!Enum.IsDefined(priority))
        {
            throw new ArgumentOutOfRangeException(nameof(priority), priority, "Expected Normal, Urgent or Critical.");
        }

        CheckOrder(at);
        _priorityChanges.Add((at, priority));
    }

    /// <summary>The SLA of every step cycle at <paramref name="at"/>, without reporting thresholds.</summary>
    /// <param name="case">The case (the same one as tracked).</param>
    /// <param name="at">The instant.</param>
    /// <returns>The step cycles, in the order they started.</returns>
    public IReadOnlyList<SlaStepState> StatesAt(Case @case, Instant at) => Compute(@case, at).Select(c => c.State).ToArray();

    /// <summary>Evaluates the SLA at <paramref name="at"/> and reports thresholds crossed since the last evaluation.</summary>
    /// <param name="case">The case (the same one as tracked).</param>
    /// <param name="at">The instant.</param>
    /// <returns>The states, the new threshold events in order, and the next threshold instant.</returns>
    /// <exception cref="ArgumentException"><paramref name="case"/> is another case.</exception>
    public SlaEvaluation Evaluate(Case @case, Instant at)
    {
        var cycles = Compute(@case, at);
        var fresh = new List<SlaThresholdReached>();
        Instant? next = null;
        foreach (var c in cycles)
        {
            foreach (var (percent, instant) in c.Thresholds)
            {
                var open = c.End is null || instant < c.End.Value;
                if (instant <= at && open)
                {
                    if (_reported.Add((c.State.Step, c.State.Cycle, c.State.Department?.Code, percent)))
                    {
                        fresh.Add(new SlaThresholdReached(CaseId, c.State.Step, c.State.Cycle, c.State.Department, percent, instant));
                    }
                }
                else if (instant > at && c.End is null && !c.PausedNow && (next is null || instant < next))
                {
                    next = instant;
                }
            }
        }

        fresh.Sort((a, b) => a.OccurredAt != b.OccurredAt ? a.OccurredAt.CompareTo(b.OccurredAt) : a.Percent.CompareTo(b.Percent));
        return new SlaEvaluation(at, cycles.Select(c => c.State).ToArray(), fresh, next);
    }

    private void CheckOrder(Instant at)
    {
        if (at < LastChange)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"Expected an instant at or after the SLA's last change at {LastChange}.");
        }
    }

    private List<Computed> Compute(Case @case, Instant at)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.Id != CaseId)
        {
            throw new ArgumentException($"This tracker follows case '{CaseId}'; was given case '{@case.Id}'.", nameof(@case));
        }

        var engine = _engine;
        var registration = @case.Registration;
        var policy = engine.Policies.Match(registration.Category, InitialPriority, registration.Source);
        var cycles = new List<Cycle>();
        var counts = new Dictionary<(SlaStep, string?), int>();
        var baseAnchor = @case.RegisteredAt;

        Cycle Start(SlaStep step, Instant start, Instant anchor, Department? department = null)
        {
            var key = (step, department?.Code);
            counts[key] = counts.GetValueOrDefault(key) + 1;
            var cycle = new Cycle(step, counts[key], department, policy, start, anchor);
            cycles.Add(cycle);
            return cycle;
        }

        Cycle? Running(SlaStep step, string? department = null) =>
            cycles.LastOrDefault(c => c.Step == step && c.End is null && c.Department?.Code == department);

        void Finish(SlaStep step, Instant when, bool completed, string? department = null)
        {
            if (Running(step, department) is { } c)
            {
                c.End = when;
                c.Completed = completed;
            }
        }

        Instant AnchorFor(SlaStep step, Instant previous) => policy.GoalFor(step).Anchor == SlaAnchor.PreviousStep ? previous : baseAnchor;

        Start(SlaStep.Respond, @case.RegisteredAt, @case.RegisteredAt);
        var changes = _priorityChanges.Where(p => p.At <= at).ToList();
        var changeIndex = 0;
        foreach (var entry in @case.History)
        {
            var when = entry.Command.At;
            if (when > at)
            {
                break;
            }

            for (; changeIndex < changes.Count && changes[changeIndex].At <= when; changeIndex++)
            {
                ApplyPriorityChange(changes[changeIndex]);
            }

            switch (entry.Command)
            {
                case RespondCommand:
                    Finish(SlaStep.Respond, when, true);
                    Start(SlaStep.Claim, when, AnchorFor(SlaStep.Claim, when));
                    break;
                case ClaimCommand:
                    Finish(SlaStep.Claim, when, true);
                    if (Running(SlaStep.Resolve) is null)
                    {
                        Start(SlaStep.Resolve, when, AnchorFor(SlaStep.Resolve, when));
                    }

                    break;
                case EscalateCommand:
                    var restartEscalation = policy.OnEscalation == SlaRetarget.Restart;
                    var claimRunning = Running(SlaStep.Claim);
                    if (claimRunning is null || restartEscalation)
                    {
                        var keptAnchor = claimRunning?.Anchor ?? cycles.Last(c => c.Step == SlaStep.Claim).Anchor;
                        Finish(SlaStep.Claim, when, false);
                        Start(SlaStep.Claim, when, restartEscalation ? when : keptAnchor);
                    }

                    if (restartEscalation && Running(SlaStep.Resolve) is not null)
                    {
                        Finish(SlaStep.Resolve, when, false);
                        baseAnchor = when;
                    }

                    break;
                case TransferCommand:
                    var restartTransfer = policy.OnTransfer == SlaRetarget.Restart;
                    var respondAnchor = restartTransfer ? when : cycles.Last(c => c.Step == SlaStep.Respond).Anchor;
                    Finish(SlaStep.Respond, when, false);
                    Finish(SlaStep.Claim, when, false);
                    if (restartTransfer)
                    {
                        Finish(SlaStep.Resolve, when, false);
                        baseAnchor = when;
                    }

                    Start(SlaStep.Respond, when, respondAnchor);
                    break;
                case ResolveCommand:
                    Finish(SlaStep.Resolve, when, true);
                    Start(SlaStep.Feedback, when, AnchorFor(SlaStep.Feedback, when));
                    break;
                case GiveFeedbackCommand feedback:
                    Finish(SlaStep.Feedback, when, true);
                    if (feedback.Satisfaction == Satisfaction.Unsatisfied)
                    {
                        baseAnchor = when;
                        Start(SlaStep.Resolve, when, when);
                    }

                    break;
                case SummonDepartmentsCommand summons:
                    foreach (var department in summons.Departments)
                    {
                        if (Running(SlaStep.ReportIn, department.Code) is null)
                        {
                            Start(SlaStep.ReportIn, when, when, department);
                        }
                    }

                    break;
                case ReportInCommand report:
                    Finish(SlaStep.ReportIn, when, true, report.Department.Code);
                    break;
                case CloseCommand or OverrideCloseCommand or RejectCommand:
                    foreach (var c in cycles.Where(c => c.End is null))
                    {
                        c.End = when;
                        c.Completed = false;
                    }

                    break;
            }
        }

        for (; changeIndex < changes.Count; changeIndex++)
        {
            ApplyPriorityChange(changes[changeIndex]);
        }

        return cycles.Select(c => Measure(c, at)).ToList();

        void ApplyPriorityChange((Instant At, Priority Priority) change)
        {
            policy = engine.Policies.Match(registration.Category, change.Priority, registration.Source);
            foreach (var c in cycles.Where(c => c.End is null))
            {
                c.Policy = policy;
                if (policy.OnPriorityChange == SlaRetarget.Restart)
                {
                    c.Anchor = change.At;
                }
            }
        }
    }

    private Computed Measure(Cycle c, Instant at)
    {
        var calc = _engine.Calculator;
        var goal = c.Policy.GoalFor(c.Step);
        var clock = goal.Goal.Clock;
        var deadline0 = calc.Deadline(c.Anchor, goal.Goal);
        var total = calc.Measure(c.Anchor, deadline0, clock);
        var until = c.End is { } end && end < at ? end : at;

        // Pauses that start before the (moving) deadline push it out by their length on the goal's clock.
        var deadline = deadline0;
        var paused = Duration.Zero;
        var pausedNow = false;
        var shifts = new List<(Instant From, Duration Length)>();
        foreach (var (start, stop, _) in _pauses)
        {
            var from = Max(start, c.Anchor);
            var to = Min(stop ?? at, until);
            if (from >= deadline || to <= from || start > at)
            {
                continue;
            }

            var length = calc.Measure(from, to, clock);
            deadline = calc.Advance(deadline, length, clock);
            paused += length;
            shifts.Add((from, length));
            pausedNow |= stop is null && c.End is null;
        }

        var elapsed = until > c.Anchor ? calc.Measure(c.Anchor, until, clock) - paused : Duration.Zero;
        if (elapsed < Duration.Zero)
        {
            elapsed = Duration.Zero;
        }

        var status = c.End switch
        {
            { } done when c.Completed => done <= deadline ? SlaStatus.Met : SlaStatus.MetLate,
            not null => SlaStatus.Cancelled,
            null when at >= deadline => SlaStatus.Breached,
            null when pausedNow => SlaStatus.Paused,
            _ => SlaStatus.Running,
        };
        var percent = total > Duration.Zero ? elapsed.TotalTicks / total.TotalTicks * 100 : (until >= deadline ? 100 : 0);

        var thresholds = new List<(int, Instant)>(c.Policy.WarningThresholds.Count + 1);
        foreach (var t in c.Policy.WarningThresholds)
        {
            var instant = calc.Advance(c.Anchor, Duration.FromTicks(total.TotalTicks * t / 100), clock);
            foreach (var (from, length) in shifts)
            {
                if (from < instant)
                {
                    instant = calc.Advance(instant, length, clock);
                }
            }

            if (!(pausedNow && instant > at))
            {
                thresholds.Add((t, Max(instant, c.Start)));
            }
        }

        if (!(pausedNow && deadline > at))
        {
            // A cycle that keeps an earlier anchor (escalation with KeepElapsed) can be born past a threshold:
            // it crosses it when it starts, not before it existed.
            thresholds.Add((100, Max(deadline, c.Start)));
        }

        var state = new SlaStepState(c.Step, c.Number, c.Department, c.Policy.Name, goal, c.Anchor, deadline, status, elapsed, total - elapsed, percent, c.End);
        return new Computed(state, c.End, pausedNow, thresholds);
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private sealed record Computed(SlaStepState State, Instant? End, bool PausedNow, List<(int Percent, Instant Instant)> Thresholds);

    private sealed class Cycle(SlaStep step, int number, Department? department, SlaPolicy policy, Instant start, Instant anchor)
    {
        public SlaStep Step { get; } = step;

        public int Number { get; } = number;

        public Department? Department { get; } = department;

        public SlaPolicy Policy { get; set; } = policy;

        public Instant Start { get; } = start;

        public Instant Anchor { get; set; } = anchor;

        public Instant? End { get; set; }

        public bool Completed { get; set; }
    }
}
