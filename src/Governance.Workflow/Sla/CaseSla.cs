using Governance.Calendars;
using Governance.Cases;
using Governance.Resources;

namespace Governance.Sla;

/// <summary>
/// 事件时限 — one case's SLA. Evaluate it at any instant against the case: the step cycles, pauses, priority changes and
/// the policy that applies all come from the case's registration and history, so the SLA can never disagree with the case,
/// and the tracker itself holds only its reporting position (the thresholds already reported).
/// </summary>
/// <remarks>
/// <para><b>Steps and cycles.</b> Respond runs from registration until the response; claim from the response until a
/// claim; resolve from the claim until the resolution; feedback from the resolution until feedback; each summoned
/// department's report-in from the summons until it reports in. Each goal counts from its <see cref="SlaAnchor"/>.
/// Escalation and transfer follow the policy's <see cref="SlaRetarget"/>: keep the elapsed time, or restart the affected
/// steps at the change. An unsatisfied feedback reopens the case: a new resolve cycle (then feedback cycle) counts from
/// the reopening; earlier cycles stay in the result. Close, override-close and reject cancel whatever is running.</para>
/// <para><b>Policy.</b> The case is judged by the policy version it was registered under
/// (<see cref="CaseRegistration.SlaPolicy"/>) and, after a <see cref="ChangePriorityCommand"/>, by the version recorded in
/// that history entry: editing a policy later never changes a case's compliance. <see cref="StatesUnder"/> answers
/// "what if this case had run under that policy set" without touching the reporting position.</para>
/// <para><b>Pauses.</b> Between a <see cref="PauseCommand"/> and the next <see cref="ResumeCommand"/> no step's time
/// counts: each running step's deadline moves by exactly the paused length measured on that goal's own clock (so a pause
/// over a weekend moves a working-day deadline by nothing). While a pause lasts, a step it stopped is
/// <see cref="SlaStatus.Paused"/> and crosses nothing after the pause began, however little of the pause its clock has
/// measured so far; the resume decides where the deadline falls. A step already breached when a pause begins stays
/// breached: the pause does not move its deadline (a breach is final, as in ServiceNow and Jira).</para>
/// <para><b>Thresholds.</b> <see cref="Evaluate"/> reports each warning threshold and the breach of each step cycle once,
/// stamped with the instant it was crossed, in the order crossed, however often and late it is called. A threshold is
/// crossed only if the step was still open at that instant: a step met at or before its deadline is never breached.
/// A cycle that keeps an earlier anchor (escalation or transfer with <see cref="SlaRetarget.KeepElapsed"/>) and is born
/// past a threshold crosses it at its start. <see cref="ReportedThresholds"/> is the reporting position: store it, and a
/// tracker made from it (<see cref="SlaEngine.Track(Case, IEnumerable{SlaThresholdKey}?)"/>) reports every threshold not
/// in it exactly once and never one that is.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: like the case, one tracker is used by one thread at a time.</threadsafety>
public sealed class CaseSla
{
    private readonly SlaEngine _engine;
    private readonly HashSet<SlaThresholdKey> _reported;

    internal CaseSla(SlaEngine engine, Id<Case> caseId, IEnumerable<SlaThresholdKey>? reported)
    {
        _engine = engine;
        CaseId = caseId;
        _reported = reported is null ? [] : [.. reported];
    }

    /// <summary>The case tracked.</summary>
    public Id<Case> CaseId { get; }

    /// <summary>The engine that made the tracker (its policies and calendar).</summary>
    public SlaEngine Engine => _engine;

    /// <summary>The reporting position: every threshold reported so far, in <see cref="SlaThresholdKey"/> order.</summary>
    public IReadOnlyList<SlaThresholdKey> ReportedThresholds => [.. _reported.Order()];

    /// <summary>The SLA of every step cycle at <paramref name="at"/>, without reporting thresholds.</summary>
    /// <param name="case">The case (the same one as tracked).</param>
    /// <param name="at">The instant.</param>
    /// <returns>The step cycles, in the order they started.</returns>
    /// <exception cref="ArgumentException"><paramref name="case"/> is another case.</exception>
    /// <exception cref="SlaPolicyNotFoundException">The case is pinned to a policy version the engine does not have.</exception>
    public IReadOnlyList<SlaStepState> StatesAt(Case @case, Instant at) => Compute(@case, at, null).Select(c => c.State).ToArray();

    /// <summary>
    /// 假设评估 — what if: the SLA of every step cycle at <paramref name="at"/> had the case been judged by
    /// <paramref name="policies"/> (matched by category, priority and source, ignoring the pinned versions). Reports nothing.
    /// </summary>
    /// <param name="case">The case (the same one as tracked).</param>
    /// <param name="at">The instant.</param>
    /// <param name="policies">The policy set to judge it by.</param>
    /// <returns>The step cycles, in the order they started.</returns>
    /// <exception cref="ArgumentException"><paramref name="case"/> is another case.</exception>
    public IReadOnlyList<SlaStepState> StatesUnder(Case @case, Instant at, SlaPolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return Compute(@case, at, policies).Select(c => c.State).ToArray();
    }

    /// <summary>Evaluates the SLA at <paramref name="at"/> and reports thresholds crossed that were not reported before.</summary>
    /// <param name="case">The case (the same one as tracked).</param>
    /// <param name="at">The instant.</param>
    /// <returns>The states, the new threshold events in order, and the next threshold instant.</returns>
    /// <exception cref="ArgumentException"><paramref name="case"/> is another case.</exception>
    /// <exception cref="SlaPolicyNotFoundException">The case is pinned to a policy version the engine does not have.</exception>
    public SlaEvaluation Evaluate(Case @case, Instant at)
    {
        var cycles = Compute(@case, at, null);
        var fresh = new List<SlaThresholdReached>();
        Instant? next = null;
        foreach (var c in cycles)
        {
            foreach (var (percent, instant) in c.Thresholds)
            {
                var open = c.End is null || instant < c.End.Value;
                if (instant <= at && open)
                {
                    if (_reported.Add(new SlaThresholdKey(c.State.Step, c.State.Cycle, c.State.Department?.Code, percent)))
                    {
                        fresh.Add(new SlaThresholdReached(CaseId, c.State.Step, c.State.Cycle, c.State.Department, percent, instant));
                        Diagnostics.WorkflowTelemetry.ThresholdCrossed(c.State.Step, percent);
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

    /// <summary>The step cycles at <paramref name="at"/>, judged by the pinned policies, or by <paramref name="whatIf"/> when given.</summary>
    private List<Computed> Compute(Case @case, Instant at, SlaPolicySet? whatIf)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.Id != CaseId)
        {
            throw new ArgumentException(WorkflowMessages.Format("TrackerFollowsCaseWasGivenCase", CaseId, @case.Id), nameof(@case));
        }

        var engine = _engine;
        var registration = @case.Registration;
        SlaPolicy Choose(SlaPolicyReference? pin, Priority priority) =>
            whatIf is not null ? whatIf.Match(registration.Category, priority, registration.Source)
            : pin is not { } p ? engine.Policies.Match(registration.Category, priority, registration.Source)
            : engine.TryGetPolicy(p, out var pinned) ? pinned
            : throw new SlaPolicyNotFoundException(CaseId, p);

        var policy = Choose(registration.SlaPolicy, registration.Priority);
        var pauses = new List<(Instant Start, Instant? End)>();
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
        foreach (var entry in @case.History)
        {
            var when = entry.Command.At;
            if (when > at)
            {
                break;
            }

            switch (entry.Command)
            {
                case PauseCommand:
                    pauses.Add((when, null));
                    break;
                case ResumeCommand:
                    pauses[^1] = pauses[^1] with { End = when };
                    break;
                case ChangePriorityCommand change:
                    ApplyPriorityChange(when, Choose(entry.SlaPolicy, change.Priority));
                    break;
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
                    var resolved = Running(SlaStep.Resolve);
                    Finish(SlaStep.Resolve, when, true);
                    var feedbackCycle = Start(SlaStep.Feedback, when, AnchorFor(SlaStep.Feedback, when));
                    if (resolved is not null && feedbackCycle.Anchor == resolved.Anchor)
                    {
                        // A feedback goal counted from the same start as the resolve goal keeps the resolve goal's extensions.
                        feedbackCycle.Extensions = resolved.Extensions;
                    }

                    if (policy.Callback is not null)
                    {
                        Start(SlaStep.Callback, when, when);
                    }

                    break;
                case ApproveExtensionCommand extension:
                    if (Running(SlaStep.Resolve) is { } extended)
                    {
                        (extended.Extensions ??= []).Add((when, extension.Length));
                    }

                    break;
                case ReturnCommand:
                    foreach (var c in cycles.Where(c => c.End is null && c.Step != SlaStep.ReportIn))
                    {
                        c.End = when;
                        c.Completed = false;
                    }

                    break;
                case DispatchCommand:
                    // The receiving grid's time limits count from the dispatch.
                    baseAnchor = when;
                    Start(SlaStep.Respond, when, when);
                    break;
                case GiveFeedbackCommand feedback:
                    Finish(SlaStep.Feedback, when, true);
                    Finish(SlaStep.Callback, when, true);
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

        return cycles.Select(c => Measure(c, at, pauses)).ToList();

        void ApplyPriorityChange(Instant when, SlaPolicy changed)
        {
            policy = changed;
            foreach (var c in cycles.Where(c => c.End is null))
            {
                c.Policy = policy;
                if (policy.OnPriorityChange == SlaRetarget.Restart)
                {
                    c.Anchor = when;
                }
            }
        }
    }

    private Computed Measure(Cycle c, Instant at, List<(Instant Start, Instant? End)> pauses)
    {
        var calc = _engine.Calculator;
        var goal = c.Policy.GoalFor(c.Step);
        var clock = goal.Goal.Clock;
        var deadline0 = calc.Deadline(c.Anchor, goal.Goal);
        var total = calc.Measure(c.Anchor, deadline0, clock);
        var until = c.End is { } end && end < at ? end : at;

        // Pauses that start before the (moving) deadline push it out by their length on the goal's clock, and so does an
        // extension approved before it; taken in time order, since each can decide whether a later one still applies.
        var deadline = deadline0;
        var paused = Duration.Zero;
        var extended = Duration.Zero;
        var pausedNow = false;
        var pausedFrom = Instant.MaxValue;
        var shifts = new List<(Instant From, Duration Length)>();
        var extensions = c.Extensions ?? [];
        var (pi, ei) = (0, 0);
        while (pi < pauses.Count || ei < extensions.Count)
        {
            if (ei < extensions.Count && (pi >= pauses.Count || extensions[ei].At <= pauses[pi].Start))
            {
                var (approvedAt, length) = extensions[ei++];
                if (approvedAt < deadline && approvedAt <= at && (c.End is null || approvedAt <= c.End.Value))
                {
                    deadline = calc.Advance(deadline, length, clock);
                    total += length;
                    extended += length;
                }

                continue;
            }

            var (start, stop) = pauses[pi++];
            var from = Max(start, c.Anchor);
            var to = Min(stop ?? at, until);
            if (from >= deadline || to <= from || start > at)
            {
                continue;
            }

            var pauseLength = calc.Measure(from, to, clock);
            deadline = calc.Advance(deadline, pauseLength, clock);
            paused += pauseLength;
            shifts.Add((from, pauseLength));
            if (stop is null && c.End is null)
            {
                // The clock stopped here (a case has one open pause at most): until the resume, nothing after this
                // instant is crossed, however little of the pause the goal's clock has measured so far (a day-based
                // goal measures none of an evening).
                pausedNow = true;
                pausedFrom = from;
            }
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
            null when pausedNow => SlaStatus.Paused,
            null when at >= deadline => SlaStatus.Breached,
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

            if (!(pausedNow && instant >= pausedFrom))
            {
                thresholds.Add((t, Max(instant, c.Start)));
            }
        }

        if (!pausedNow)
        {
            // A cycle that keeps an earlier anchor (escalation with KeepElapsed) can be born past a threshold:
            // it crosses it when it starts, not before it existed.
            thresholds.Add((100, Max(deadline, c.Start)));
        }

        var state = new SlaStepState(c.Step, c.Number, c.Department, c.Policy.Name, goal, c.Anchor, deadline, status, elapsed, total - elapsed, percent, c.End) { Extension = extended };
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

        /// <summary>The approved extensions (when approved, how long on the goal's clock), oldest first; null when none.</summary>
        public List<(Instant At, Duration Length)>? Extensions { get; set; }
    }
}
