namespace Governance.Cases;

/// <summary>事件状态 — where a case is in the four-step closed loop (四步闭环).</summary>
public enum CaseState
{
    /// <summary>已登记 — entered in the ledger (工作台账), waiting for a response.</summary>
    Registered,

    /// <summary>已响应 — a handler has responded (事件响应) and the case waits to be claimed; also after an escalation.</summary>
    Responded,

    /// <summary>已认领 — a handler has claimed it (事件认领) and is working on it.</summary>
    Claimed,

    /// <summary>已解决 — resolved (事件解决), waiting for feedback to the resident.</summary>
    Resolved,

    /// <summary>已反馈 — the resident has been told and gave a satisfaction level (事件反馈).</summary>
    FeedbackGiven,

    /// <summary>已办结 — closed; terminal.</summary>
    Closed,

    /// <summary>已驳回 — rejected as a duplicate, not our responsibility, or invalid; terminal.</summary>
    Rejected,

    /// <summary>已退单 — a work order returned by the unit it was dispatched to, waiting to be dispatched again (派单).</summary>
    Returned,
}
