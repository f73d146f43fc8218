using Governance.Organisation;
using Governance.People;

namespace Governance.Cases;

/// <content>The case's commands, each a shorthand for <see cref="Execute"/> with the command of its name.</content>
public sealed partial class Case
{
    /// <summary>事件响应 — respond to the case.</summary>
    /// <param name="actor">Who responds.</param>
    /// <param name="at">When.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void Respond(Id<Person> actor, Instant at, string? note = null) => Execute(new RespondCommand(actor, at, note));

    /// <summary>事件认领 — claim the case.</summary>
    /// <param name="actor">Who claims it.</param>
    /// <param name="at">When.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void Claim(Id<Person> actor, Instant at, string? note = null) => Execute(new ClaimCommand(actor, at, note));

    /// <summary>上报 — escalate one level up the community's ladder.</summary>
    /// <param name="actor">Who escalates.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why the current level cannot solve it.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, at the top of the ladder, or not authorised; nothing changed.</exception>
    public void Escalate(Id<Person> actor, Instant at, string reason) => Execute(new EscalateCommand(actor, at, reason));

    /// <summary>社区吹哨 — summon departments.</summary>
    /// <param name="actor">Who summons them.</param>
    /// <param name="at">When.</param>
    /// <param name="departments">The departments.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void SummonDepartments(Id<Person> actor, Instant at, IReadOnlyList<Department> departments, string? note = null) =>
        Execute(new SummonDepartmentsCommand(actor, at, departments, note));

    /// <summary>部门报到 — a summoned department reports in.</summary>
    /// <param name="actor">Who reports in.</param>
    /// <param name="at">When.</param>
    /// <param name="department">The department.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, not summoned, or not authorised; nothing changed.</exception>
    public void ReportIn(Id<Person> actor, Instant at, Department department, string? note = null) => Execute(new ReportInCommand(actor, at, department, note));

    /// <summary>协商议事会 — record a consultation meeting.</summary>
    /// <param name="actor">Who convened it.</param>
    /// <param name="at">When it was held.</param>
    /// <param name="participants">Who took part.</param>
    /// <param name="outcome">What was agreed.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void RecordMeeting(Id<Person> actor, Instant at, IReadOnlyList<string> participants, string outcome) =>
        Execute(new RecordMeetingCommand(actor, at, participants, outcome));

    /// <summary>事件解决 — the claimant resolves the case.</summary>
    /// <param name="actor">The claimant.</param>
    /// <param name="at">When.</param>
    /// <param name="note">What was done.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not the claimant; nothing changed.</exception>
    public void Resolve(Id<Person> actor, Instant at, string? note = null) => Execute(new ResolveCommand(actor, at, note));

    /// <summary>事件反馈 — give feedback; 不满意 reopens the case for rework.</summary>
    /// <param name="actor">Who gives the feedback.</param>
    /// <param name="at">When.</param>
    /// <param name="satisfaction">The resident's satisfaction.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void GiveFeedback(Id<Person> actor, Instant at, Satisfaction satisfaction, string? note = null) =>
        Execute(new GiveFeedbackCommand(actor, at, satisfaction, note));

    /// <summary>办结 — close the case after satisfactory feedback.</summary>
    /// <param name="actor">Who closes it.</param>
    /// <param name="at">When.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void Close(Id<Person> actor, Instant at, string? note = null) => Execute(new CloseCommand(actor, at, note));

    /// <summary>督导办结 — a supervisor closes the case by override.</summary>
    /// <param name="actor">The supervisor.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not a supervisor; nothing changed.</exception>
    public void OverrideClose(Id<Person> actor, Instant at, string reason) => Execute(new OverrideCloseCommand(actor, at, reason));

    /// <summary>驳回 — reject the case.</summary>
    /// <param name="actor">Who rejects it.</param>
    /// <param name="at">When.</param>
    /// <param name="kind">Why.</param>
    /// <param name="reason">The explanation.</param>
    /// <param name="duplicateOf">For a duplicate, the original case.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void Reject(Id<Person> actor, Instant at, RejectionKind kind, string reason, Id<Case>? duplicateOf = null) =>
        Execute(new RejectCommand(actor, at, kind, reason, duplicateOf));

    /// <summary>转办 — transfer the case to another grid.</summary>
    /// <param name="actor">Who transfers it.</param>
    /// <param name="at">When.</param>
    /// <param name="toGrid">The grid that takes it.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void Transfer(Id<Person> actor, Instant at, Id<Grid> toGrid, string? note = null) => Execute(new TransferCommand(actor, at, toGrid, note));

    /// <summary>暂停计时 — pause the SLA clocks.</summary>
    /// <param name="actor">Who pauses them.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why (e.g. 住户外出，无法入户).</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, already paused, or not authorised; nothing changed.</exception>
    public void Pause(Id<Person> actor, Instant at, string reason) => Execute(new PauseCommand(actor, at, reason));

    /// <summary>恢复计时 — resume the SLA clocks.</summary>
    /// <param name="actor">Who resumes them.</param>
    /// <param name="at">When.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, not paused, or not authorised; nothing changed.</exception>
    public void Resume(Id<Person> actor, Instant at, string? note = null) => Execute(new ResumeCommand(actor, at, note));

    /// <summary>调整优先级 — change the priority.</summary>
    /// <param name="actor">Who changes it.</param>
    /// <param name="at">When.</param>
    /// <param name="priority">The new priority.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, or not authorised; nothing changed.</exception>
    public void ChangePriority(Id<Person> actor, Instant at, Priority priority, string? note = null) => Execute(new ChangePriorityCommand(actor, at, priority, note));

    /// <summary>退单 — the receiving unit returns a work order as not theirs.</summary>
    /// <param name="actor">Who returns it.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why it is not the unit's.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, escalated, or not authorised; nothing changed.</exception>
    public void Return(Id<Person> actor, Instant at, string reason) => Execute(new ReturnCommand(actor, at, reason));

    /// <summary>派单 — dispatch a returned work order to a grid that has not returned it.</summary>
    /// <param name="actor">Who dispatches it.</param>
    /// <param name="at">When.</param>
    /// <param name="toGrid">The grid that receives it.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, a grid that returned it, or not authorised; nothing changed.</exception>
    public void Dispatch(Id<Person> actor, Instant at, Id<Grid> toGrid, string? note = null) => Execute(new DispatchCommand(actor, at, toGrid, note));

    /// <summary>申请延期 — ask for more time to resolve.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="at">When.</param>
    /// <param name="length">The time asked for, on the resolve goal's clock.</param>
    /// <param name="reason">Why.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, a request already waiting, or not authorised; nothing changed.</exception>
    public void RequestExtension(Id<Person> actor, Instant at, Duration length, string reason) => Execute(new RequestExtensionCommand(actor, at, length, reason));

    /// <summary>批准延期 — approve the waiting extension request.</summary>
    /// <param name="actor">Who approves.</param>
    /// <param name="at">When.</param>
    /// <param name="length">The time approved; at most the time asked for.</param>
    /// <exception cref="CaseCommandRejectedException">No request waiting, more than asked, the requester, or not authorised; nothing changed.</exception>
    public void ApproveExtension(Id<Person> actor, Instant at, Duration length) => Execute(new ApproveExtensionCommand(actor, at, length));

    /// <summary>不予延期 — refuse the waiting extension request.</summary>
    /// <param name="actor">Who refuses.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why.</param>
    /// <exception cref="CaseCommandRejectedException">No request waiting, the requester, or not authorised; nothing changed.</exception>
    public void RefuseExtension(Id<Person> actor, Instant at, string reason) => Execute(new RefuseExtensionCommand(actor, at, reason));

    /// <summary>申请核减 — ask for the order to be left out of the three rates.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="at">When.</param>
    /// <param name="kind">不合理诉求 or 无效.</param>
    /// <param name="reason">Why.</param>
    /// <exception cref="CaseCommandRejectedException">Not permitted now, already excluded or waiting, or not authorised; nothing changed.</exception>
    public void RequestExclusion(Id<Person> actor, Instant at, ExclusionKind kind, string reason) => Execute(new RequestExclusionCommand(actor, at, kind, reason));

    /// <summary>批准核减 — approve the waiting exclusion request.</summary>
    /// <param name="actor">Who approves.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CaseCommandRejectedException">No request waiting, the requester, or not authorised; nothing changed.</exception>
    public void ApproveExclusion(Id<Person> actor, Instant at) => Execute(new ApproveExclusionCommand(actor, at));

    /// <summary>不予核减 — refuse the waiting exclusion request.</summary>
    /// <param name="actor">Who refuses.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why.</param>
    /// <exception cref="CaseCommandRejectedException">No request waiting, the requester, or not authorised; nothing changed.</exception>
    public void RefuseExclusion(Id<Person> actor, Instant at, string reason) => Execute(new RefuseExclusionCommand(actor, at, reason));
}
