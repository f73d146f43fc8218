namespace Governance.Cases;

/// <summary>显示名称 — zh-CN display names for case states, triggers, SLA steps and satisfaction levels.</summary>
public static class CaseDisplayNames
{
    /// <summary>The zh-CN name of a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>e.g. "已认领".</returns>
    public static string Of(CaseState state) => state switch
    {
        CaseState.Registered => "已登记",
        CaseState.Responded => "已响应",
        CaseState.Claimed => "已认领",
        CaseState.Resolved => "已解决",
        CaseState.FeedbackGiven => "已反馈",
        CaseState.Closed => "已办结",
        CaseState.Rejected => "已驳回",
        CaseState.Returned => "已退单",
        _ => state.ToString(),
    };

    /// <summary>The zh-CN name of a trigger.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>e.g. "认领".</returns>
    public static string Of(CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.Respond => "响应",
        CaseTrigger.Claim => "认领",
        CaseTrigger.Escalate => "上报",
        CaseTrigger.SummonDepartments => "吹哨",
        CaseTrigger.ReportIn => "报到",
        CaseTrigger.RecordMeeting => "协商议事",
        CaseTrigger.Resolve => "解决",
        CaseTrigger.GiveFeedback => "反馈",
        CaseTrigger.Close => "办结",
        CaseTrigger.OverrideClose => "督导办结",
        CaseTrigger.Reject => "驳回",
        CaseTrigger.Transfer => "转办",
        CaseTrigger.Pause => "暂停计时",
        CaseTrigger.Resume => "恢复计时",
        CaseTrigger.ChangePriority => "调整优先级",
        CaseTrigger.Return => "退单",
        CaseTrigger.Dispatch => "派单",
        CaseTrigger.RequestExtension => "申请延期",
        CaseTrigger.ApproveExtension => "批准延期",
        CaseTrigger.RefuseExtension => "不予延期",
        CaseTrigger.RequestExclusion => "申请核减",
        CaseTrigger.ApproveExclusion => "批准核减",
        CaseTrigger.RefuseExclusion => "不予核减",
        _ => trigger.ToString(),
    };

    /// <summary>The zh-CN name of a satisfaction level.</summary>
    /// <param name="satisfaction">The level.</param>
    /// <returns>e.g. "基本满意".</returns>
    public static string Of(Satisfaction satisfaction) => satisfaction switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.MostlySatisfied => "基本满意",
        Satisfaction.Unsatisfied => "不满意",
        _ => satisfaction.ToString(),
    };

    /// <summary>The zh-CN name of an SLA step (the loop's 环节).</summary>
    /// <param name="step">The step.</param>
    /// <returns>e.g. "认领".</returns>
    public static string Of(Governance.Sla.SlaStep step) => step switch
    {
        Governance.Sla.SlaStep.Respond => "响应",
        Governance.Sla.SlaStep.Claim => "认领",
        Governance.Sla.SlaStep.Resolve => "解决",
        Governance.Sla.SlaStep.Feedback => "反馈",
        Governance.Sla.SlaStep.ReportIn => "部门报到",
        Governance.Sla.SlaStep.Callback => "回访",
        _ => step.ToString(),
    };
}
