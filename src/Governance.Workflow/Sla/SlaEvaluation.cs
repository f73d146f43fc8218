namespace Governance.Sla;

/// <summary>时限评估结果 — a case's SLA at an instant: every step cycle's state, the thresholds newly crossed, and the next one due.</summary>
/// <param name="At">The instant evaluated.</param>
/// <param name="Steps">Every step cycle so far, in the order they started.</param>
/// <param name="NewEvents">Thresholds crossed by <paramref name="At"/> and not reported by an earlier evaluation, in the order crossed.</param>
/// <param name="NextThresholdAt">When the next threshold of a running step falls, if any (none while the case is paused).</param>
public sealed record SlaEvaluation(Instant At, IReadOnlyList<SlaStepState> Steps, IReadOnlyList<SlaThresholdReached> NewEvents, Instant? NextThresholdAt);
