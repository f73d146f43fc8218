namespace Governance.Cases;

/// <summary>事件操作 — what can be done to a case; each is a command named in the domain's words.</summary>
public enum CaseTrigger
{
    /// <summary>响应 — acknowledge the case.</summary>
    Respond,

    /// <summary>认领 — take the case on.</summary>
    Claim,

    /// <summary>上报 — escalate one level up the community's ladder.</summary>
    Escalate,

    /// <summary>吹哨 — summon departments (社区吹哨).</summary>
    SummonDepartments,

    /// <summary>报到 — a summoned department reports in (部门报到).</summary>
    ReportIn,

    /// <summary>协商议事 — record a consultation meeting (协商议事会).</summary>
    RecordMeeting,

    /// <summary>解决 — the claimant resolves the case.</summary>
    Resolve,

    /// <summary>反馈 — give feedback to the resident and record their satisfaction.</summary>
    GiveFeedback,

    /// <summary>办结 — close after satisfactory feedback.</summary>
    Close,

    /// <summary>督导办结 — a supervisor closes the case by override, with a reason.</summary>
    OverrideClose,

    /// <summary>驳回 — reject the case.</summary>
    Reject,

    /// <summary>转办 — transfer the case to another grid.</summary>
    Transfer,

    /// <summary>暂停计时 — pause the SLA clocks.</summary>
    Pause,

    /// <summary>恢复计时 — resume the SLA clocks.</summary>
    Resume,

    /// <summary>调整优先级 — change the priority.</summary>
    ChangePriority,
}
