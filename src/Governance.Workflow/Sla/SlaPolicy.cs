using Governance.Calendars;
using Governance.Cases;
using Governance.Resources;

namespace Governance.Sla;

/// <summary>
/// 时限策略 — the goals for every step of a case, the warning thresholds, and what escalation, transfer and a
/// priority change do to running steps; matched to cases by category, priority and source.
/// </summary>
/// <remarks>
/// <para><see cref="Default"/> is the seeds' 1小时响应、1小时认领、3日内解决、5日内反馈, read as:</para>
/// <list type="table">
/// <listheader><term>step</term><description>goal and anchor</description></listheader>
/// <item><term>respond</term><description>1 hour of elapsed time from registration (a grid is answered around the clock)</description></item>
/// <item><term>claim</term><description>1 hour of elapsed time from the response</description></item>
/// <item><term>resolve</term><description>3 working days (工作日, end-of-day reading) from registration</description></item>
/// <item><term>feedback</term><description>5 working days (end-of-day reading) from registration</description></item>
/// <item><term>report-in</term><description>1 working day (end-of-day reading) from the summons</description></item>
/// </list>
/// <para>Warnings at 50% and 75%; escalation and transfer keep the elapsed time; a priority change keeps it too. An
/// unsatisfied feedback starts a rework cycle whose resolve and feedback goals count from the reopening.</para>
/// <para>Equality is by reference (policies hold collections).</para>
/// </remarks>
public sealed class SlaPolicy
{
    private static readonly int[] DefaultThresholds = [50, 75];
    private readonly int _version = 1;

    /// <summary>Creates a policy; unset goals are the default policy's.</summary>
    /// <param name="name">Its name, for reports.</param>
    public SlaPolicy(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>
    /// Its edition, from 1 (the default): raise it whenever the policy is edited, so that cases registered under the
    /// earlier edition keep being judged by it (they are pinned to <see cref="Reference"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int Version
    {
        get => _version;
        init => _version = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Version), value, WorkflowMessages.Text("PolicySVersionCounts"));
    }

    /// <summary>The name and version that pin this edition of the policy.</summary>
    public SlaPolicyReference Reference => new(Name, Version);

    /// <summary>Categories it applies to (by code); empty for any.</summary>
    public IReadOnlySet<string> Categories { get; init; } = new HashSet<string>();

    /// <summary>Priorities it applies to; empty for any.</summary>
    public IReadOnlySet<Priority> Priorities { get; init; } = new HashSet<Priority>();

    /// <summary>Sources it applies to (by code); empty for any.</summary>
    public IReadOnlySet<string> Sources { get; init; } = new HashSet<string>();

    /// <summary>The respond goal.</summary>
    public SlaGoal Respond { get; init; } = new(DeadlineGoal.Elapsed(Duration.FromHours(1)), SlaAnchor.Registration);

    /// <summary>The claim goal.</summary>
    public SlaGoal Claim { get; init; } = new(DeadlineGoal.Elapsed(Duration.FromHours(1)), SlaAnchor.PreviousStep);

    /// <summary>The resolve goal.</summary>
    public SlaGoal Resolve { get; init; } = new(DeadlineGoal.WorkingDays(3), SlaAnchor.Registration);

    /// <summary>The feedback goal.</summary>
    public SlaGoal Feedback { get; init; } = new(DeadlineGoal.WorkingDays(5), SlaAnchor.Registration);

    /// <summary>Each summoned department's report-in goal (always counted from the summons).</summary>
    public SlaGoal ReportIn { get; init; } = new(DeadlineGoal.WorkingDays(1), SlaAnchor.PreviousStep);

    /// <summary>
    /// The callback goal (回访): from the resolution until the feedback that records the resident's satisfaction, always
    /// counted from the resolution; null (the default) for no callback step. 12345 work-order policies set it (e.g. 2 working days).
    /// </summary>
    public SlaGoal? Callback { get; init; }

    /// <summary>Warning thresholds in percent of the goal, ascending, each 1–99; 50 and 75 by default.</summary>
    public IReadOnlyList<int> WarningThresholds { get; init; } = DefaultThresholds;

    /// <summary>What escalation does to the claim and resolve steps; keep elapsed by default.</summary>
    public SlaRetarget OnEscalation { get; init; } = SlaRetarget.KeepElapsed;

    /// <summary>What a transfer to another grid does to the respond, claim and resolve steps; keep elapsed by default.</summary>
    public SlaRetarget OnTransfer { get; init; } = SlaRetarget.KeepElapsed;

    /// <summary>What a priority change does to running steps (their goals become the new policy's); keep elapsed by default.</summary>
    public SlaRetarget OnPriorityChange { get; init; } = SlaRetarget.KeepElapsed;

    /// <summary>The seeds' policy described in the remarks.</summary>
    public static SlaPolicy Default { get; } = new("default");

    /// <summary>Whether the policy applies to a case with this category, priority and source.</summary>
    /// <param name="category">The category.</param>
    /// <param name="priority">The priority.</param>
    /// <param name="source">The source.</param>
    /// <returns>Whether every non-empty criterion matches.</returns>
    public bool Matches(CaseCategory category, Priority priority, CaseSource source)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(source);
        return (Categories.Count == 0 || Categories.Contains(category.Code))
            && (Priorities.Count == 0 || Priorities.Contains(priority))
            && (Sources.Count == 0 || Sources.Contains(source.Code));
    }

    /// <summary>The goal for a step.</summary>
    /// <param name="step">The step.</param>
    /// <returns>Its goal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not a defined step.</exception>
    /// <exception cref="InvalidOperationException">The callback step of a policy without a callback goal.</exception>
    public SlaGoal GoalFor(SlaStep step) => step switch
    {
        SlaStep.Respond => Respond,
        SlaStep.Claim => Claim,
        SlaStep.Resolve => Resolve,
        SlaStep.Feedback => Feedback,
        SlaStep.ReportIn => ReportIn,
        SlaStep.Callback => Callback ?? throw new InvalidOperationException(WorkflowMessages.Format("PolicyNoCallbackGoal", Name)),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, WorkflowMessages.Text("ExpectedStepClosedLoop")),
    };

    /// <inheritdoc />
    public override string ToString() => Name;

    internal void Validate(string path, List<Validation.ValidationError> errors)
    {
        var previous = 0;
        for (var i = 0; i < WarningThresholds.Count; i++)
        {
            var t = WarningThresholds[i];
            if (t is < 1 or > 99 || t <= previous)
            {
                errors.Add(new Validation.ValidationError($"{path}.warnings[{i}]", WorkflowMessages.Format("ThresholdExpectedAscendingPercentages", t)));
            }

            previous = t;
        }
    }
}
