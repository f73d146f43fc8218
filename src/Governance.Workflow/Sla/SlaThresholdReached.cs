using Governance.Cases;
using Governance.Events;

namespace Governance.Sla;

/// <summary>
/// 时限预警 / 超时 — a step crossed a warning threshold (e.g. 50%, 75%) or its deadline (100%, a breach). Raised exactly
/// once per step cycle and threshold, in the order the thresholds were crossed, however often or late the host evaluates.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Step">The step.</param>
/// <param name="Cycle">The step's cycle.</param>
/// <param name="Department">The department, for a report-in step.</param>
/// <param name="Percent">The threshold: a warning percentage, or 100 for the breach.</param>
/// <param name="OccurredAt">The instant the threshold was crossed (not when it was noticed).</param>
public sealed record SlaThresholdReached(Id<Case> CaseId, SlaStep Step, int Cycle, Department? Department, int Percent, Instant OccurredAt) : IDomainEvent
{
    /// <summary>Whether this is the breach (100%) rather than a warning.</summary>
    public bool IsBreach => Percent >= 100;
}
