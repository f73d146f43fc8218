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
/// <c>close</c>, <c>override-close</c>, <c>reject</c>, <c>transfer</c>, <c>pause</c>, <c>resume</c>, <c>change-priority</c>.
/// </remarks>
/// <param name="Actor">Who does it.</param>
/// <param name="At">When; not before the case's last recorded action.</param>
/// <param name="Note">An optional note (at most 2,000 characters).</param>
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
public abstract record CaseCommand(Id<Person> Actor, Instant At, string? Note)
{
    /// <summary>The trigger this command fires.</summary>
    [JsonIgnore]
    public abstract CaseTrigger Trigger { get; }
}
