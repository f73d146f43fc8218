namespace Governance.Events;

/// <summary>
/// 领域事件 — something that happened to an aggregate, named in the past tense, collected on the aggregate
/// for the host to dispatch after it saves (the library itself does no I/O).
/// </summary>
public interface IDomainEvent
{
    /// <summary>When it happened.</summary>
    Instant OccurredAt { get; }
}
