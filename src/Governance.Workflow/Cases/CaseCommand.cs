using System.Text.Json.Serialization;
using Governance.People;

namespace Governance.Cases;

/// <summary>
/// 事件指令 — one thing someone does to a case, with who did it, when, and a note. Every command that is
/// accepted is kept in the case's history, so that replaying the commands rebuilds the case.
/// </summary>
/// <remarks>
/// In JSON a command carries its kind in a <c>"type"</c> member, one of these stable codes: <c>respond</c>, <c>claim</c>,
/// <c>escalate</c>, <c>summon-departments</c>, <c>report-in</c>, <c>record-meeting</c>, <c>resolve</c>, <c>give-feedback</c>,
/// <c>close</c>, <c>override-close</c>, <c>reject</c>, <c>transfer</c>, <c>pause</c>, <c>resume</c>, <c>change-priority</c>, and the
/// 12345 work-order steps <c>return</c>, <c>dispatch</c>, <c>request-extension</c>, <c>approve-extension</c>, <c>refuse-extension</c>,
/// <c>request-exclusion</c>, <c>approve-exclusion</c>, <c>refuse-exclusion</c>.
/// <para>The hierarchy is closed: only the commands above exist (a host cannot add one), so every command the workflow
/// sees has its rules, its event and its code.</para>
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(RespondCommand), "respond")]
[JsonDerivedType(typeof(ClaimCommand), "claim")]
[JsonDerivedType(typeof(EscalateCommand), "escalate")]
[JsonDerivedType(typeof(SummonDepartmentsCommand), "summon-departments")]
[JsonDerivedType(typeof(ReportInCommand), "report-in")]
[JsonDerivedType(typeof(RecordMeetingCommand), "record-meeting")]
[JsonDerivedType(typeof(ResolveCommand), "resolve")]
[JsonDerivedType(typeof(GiveFeedbackCommand), "give-feedback")]
[JsonDerivedType(typeof(CloseCommand), "close")]
[JsonDerivedType(typeof(OverrideCloseCommand), "override-close")]
[JsonDerivedType(typeof(RejectCommand), "reject")]
[JsonDerivedType(typeof(TransferCommand), "transfer")]
[JsonDerivedType(typeof(PauseCommand), "pause")]
[JsonDerivedType(typeof(ResumeCommand), "resume")]
[JsonDerivedType(typeof(ChangePriorityCommand), "change-priority")]
[JsonDerivedType(typeof(ReturnCommand), "return")]
[JsonDerivedType(typeof(DispatchCommand), "dispatch")]
[JsonDerivedType(typeof(RequestExtensionCommand), "request-extension")]
[JsonDerivedType(typeof(ApproveExtensionCommand), "approve-extension")]
[JsonDerivedType(typeof(RefuseExtensionCommand), "refuse-extension")]
[JsonDerivedType(typeof(RequestExclusionCommand), "request-exclusion")]
[JsonDerivedType(typeof(ApproveExclusionCommand), "approve-exclusion")]
[JsonDerivedType(typeof(RefuseExclusionCommand), "refuse-exclusion")]
public abstract record CaseCommand
{
    /// <summary>Creates the command (only the library's own commands derive from this type).</summary>
    /// <param name="actor">Who does it.</param>
    /// <param name="at">When; not before the case's last recorded action.</param>
    /// <param name="note">An optional note (at most 2,000 characters).</param>
    private protected CaseCommand(Id<Person> actor, Instant at, string? note) => (Actor, At, Note) = (actor, at, note);

    /// <summary>Who does it.</summary>
    public Id<Person> Actor { get; init; }

    /// <summary>When; not before the case's last recorded action.</summary>
    public Instant At { get; init; }

    /// <summary>An optional note (at most 2,000 characters).</summary>
    public string? Note { get; init; }

    /// <summary>The trigger this command fires.</summary>
    [JsonIgnore]
    public CaseTrigger Trigger => TriggerKind;

    /// <summary>The trigger, declared by each of the library's commands; a type outside the library cannot derive.</summary>
    private protected abstract CaseTrigger TriggerKind { get; }
}
