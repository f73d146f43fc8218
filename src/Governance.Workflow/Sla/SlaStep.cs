namespace Governance.Sla;

/// <summary>时限环节 — the steps of the closed loop that have a time limit.</summary>
public enum SlaStep
{
    /// <summary>事件响应 — respond (1 hour by default).</summary>
    Respond,

    /// <summary>事件认领 — claim (1 hour by default).</summary>
    Claim,

    /// <summary>事件解决 — resolve (within 3 days by default).</summary>
    Resolve,

    /// <summary>事件反馈 — feedback to the resident (within 5 days by default).</summary>
    Feedback,

    /// <summary>部门报到 — a summoned department reports in (吹哨报到).</summary>
    ReportIn,

    /// <summary>回访 — the callback that records the resident's satisfaction, from the resolution (12345 work orders; only under a policy with a <see cref="SlaPolicy.Callback"/> goal).</summary>
    Callback,
}
