using Governance.Events;
using Governance.Organisation;
using Governance.People;

#pragma warning disable SA1402, SA1649 // The case's events are small records kept together so they read as one list.

namespace Governance.Cases;

/// <summary>事件领域事件 — the base of the events a case raises; the host dispatches them after saving.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="OccurredAt">When.</param>
public abstract record CaseEvent(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt) : IDomainEvent;

/// <summary>已登记 — a case was registered.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">The reporter, if known.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="GridId">Its grid.</param>
public sealed record CaseRegistered(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, Id<Grid> GridId) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已响应 — a case was responded to.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who responded.</param>
/// <param name="OccurredAt">When.</param>
public sealed record CaseResponded(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已认领 — a case was claimed.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who claimed it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record CaseClaimed(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已上报 — a case was escalated.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who escalated it.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="FromLevel">The level before.</param>
/// <param name="ToLevel">The level that takes it.</param>
/// <param name="Reason">Why.</param>
public sealed record CaseEscalated(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, OrganisationLevel FromLevel, OrganisationLevel ToLevel, string Reason) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已吹哨 — departments were summoned.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who summoned them.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Departments">The departments.</param>
public sealed record DepartmentsSummoned(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, IReadOnlyList<Department> Departments) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已报到 — a department reported in.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who reported in.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Department">The department.</param>
public sealed record DepartmentReportedIn(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, Department Department) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已议事 — a consultation meeting was held.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who convened it.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Meeting">The meeting.</param>
public sealed record ConsultationMeetingHeld(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, ConsultationMeeting Meeting) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已解决 — a case was resolved.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who resolved it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record CaseResolved(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已反馈 — feedback was given and satisfaction recorded.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who gave the feedback.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Satisfaction">The resident's satisfaction.</param>
public sealed record FeedbackGiven(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, Satisfaction Satisfaction) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已重办 — an unsatisfied resident reopened the case for rework.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who recorded the feedback.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="ReopenCount">How many times it has been reopened, this one included.</param>
public sealed record CaseReopened(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, int ReopenCount) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已办结 — a case was closed.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who closed it.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="OverrideReason">The supervisor's reason, when closed by override.</param>
public sealed record CaseClosed(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, string? OverrideReason) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已驳回 — a case was rejected.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who rejected it.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Kind">Why.</param>
/// <param name="DuplicateOf">The original case, for a duplicate.</param>
public sealed record CaseRejected(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, RejectionKind Kind, Id<Case>? DuplicateOf) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已转办 — a case was transferred to another grid.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who transferred it.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="FromGrid">The grid before.</param>
/// <param name="ToGrid">The grid that takes it.</param>
public sealed record CaseTransferred(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, Id<Grid> FromGrid, Id<Grid> ToGrid) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已暂停计时 — a case's SLA clocks were paused.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who paused them.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Reason">Why.</param>
public sealed record CasePaused(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, string Reason) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已恢复计时 — a case's SLA clocks were resumed.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who resumed them.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="PausedSince">When the pause began.</param>
public sealed record CaseResumed(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, Instant PausedSince) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已调整优先级 — a case's priority changed.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who changed it.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="From">The priority before.</param>
/// <param name="To">The priority now.</param>
public sealed record CasePriorityChanged(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, Priority From, Priority To) : CaseEvent(CaseId, Actor, OccurredAt);
