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

    /// <summary>退单 — the receiving unit returns a work order as not theirs (12345 接诉即办).</summary>
    Return,

    /// <summary>派单 — dispatch a returned work order to another grid.</summary>
    Dispatch,

    /// <summary>申请延期 — ask the supervising level for more time to resolve.</summary>
    RequestExtension,

    /// <summary>批准延期 — approve the waiting extension request.</summary>
    ApproveExtension,

    /// <summary>不予延期 — refuse the waiting extension request.</summary>
    RefuseExtension,

    /// <summary>申请核减 — ask for the order to be judged 不合理诉求 or 无效 and left out of the three rates.</summary>
    RequestExclusion,

    /// <summary>批准核减 — approve the waiting exclusion request.</summary>
    ApproveExclusion,

    /// <summary>不予核减 — refuse the waiting exclusion request.</summary>
    RefuseExclusion,
}
