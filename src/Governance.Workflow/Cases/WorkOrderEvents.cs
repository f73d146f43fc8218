using Governance.Organisation;
using Governance.People;

#pragma warning disable SA1402, SA1649 // The work-order events are small records kept together so they read as one list.

namespace Governance.Cases;

/// <summary>已退单 — the unit a work order was dispatched to returned it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who returned it.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="GridId">The grid that returned it.</param>
/// <param name="Reason">Why.</param>
public sealed record WorkOrderReturned(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, Id<Grid> GridId, string Reason) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已派单 — a returned work order was dispatched to a grid.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who dispatched it.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="ToGrid">The grid that receives it.</param>
public sealed record WorkOrderDispatched(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, Id<Grid> ToGrid) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已申请延期 — more time to resolve was asked for.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who asked.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Length">The time asked for, on the resolve goal's clock.</param>
/// <param name="Reason">Why.</param>
public sealed record ExtensionRequested(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, Duration Length, string Reason) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>延期已审批 — an extension request was approved (with the time approved) or refused (with the reason).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who decided.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Approved">The time approved; null when refused.</param>
/// <param name="RefusalReason">Why it was refused; null when approved.</param>
public sealed record ExtensionDecided(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, Duration? Approved, string? RefusalReason) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>已申请核减 — the order was proposed for exclusion from the three rates.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who asked.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Kind">不合理诉求 or 无效.</param>
/// <param name="Reason">Why.</param>
public sealed record ExclusionRequested(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, ExclusionKind Kind, string Reason) : CaseEvent(CaseId, Actor, OccurredAt);

/// <summary>核减已审批 — an exclusion request was approved or refused.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who decided.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Kind">The judgment asked for.</param>
/// <param name="Approved">Whether the order is now excluded.</param>
/// <param name="RefusalReason">Why it was refused; null when approved.</param>
public sealed record ExclusionDecided(Id<Case> CaseId, Id<Person>? Actor, Instant OccurredAt, ExclusionKind Kind, bool Approved, string? RefusalReason) : CaseEvent(CaseId, Actor, OccurredAt);
