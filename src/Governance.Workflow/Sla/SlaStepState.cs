using Governance.Cases;

namespace Governance.Sla;

/// <summary>
/// 环节时限 — one cycle of one step at an instant: its deadline, status, and time used and left on the goal's own
/// clock (working time for working-day goals).
/// </summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="Step">The step.</param>
/// <param name="Cycle">1 for the first cycle; rework after an unsatisfied feedback, escalation or transfer start further cycles.</param>
/// <param name="Department">The department, for a report-in step.</param>
/// <param name="Policy">The policy's name.</param>
/// <param name="Goal">The goal.</param>
/// <param name="Anchor">The instant the goal counts from.</param>
/// <param name="Deadline">The deadline, moved by the pauses so far.</param>
/// <param name="Status">The status.</param>
/// <param name="Elapsed">Time used on the goal's clock, pauses excluded.</param>
/// <param name="Remaining">Time left on the goal's clock (negative when overdue).</param>
/// <param name="PercentUsed">Elapsed as a percentage of the goal's length on its clock.</param>
/// <param name="CompletedAt">When the step completed or was cancelled, if it has.</param>
public sealed record SlaStepState(
    SlaStep Step,
    int Cycle,
    Department? Department,
    string Policy,
    SlaGoal Goal,
    Instant Anchor,
    Instant Deadline,
    SlaStatus Status,
    Duration Elapsed,
    Duration Remaining,
    double PercentUsed,
    Instant? CompletedAt)
{
    /// <summary>
    /// The approved extensions (延期) that moved <see cref="Deadline"/>, in total, on the goal's clock; zero when none. Only the
    /// resolve step, and the feedback step that counts from the same start, are extended.
    /// </summary>
    public Duration Extension { get; init; }
}
