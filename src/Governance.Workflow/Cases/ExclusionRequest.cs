using Governance.People;

namespace Governance.Cases;

/// <summary>核减申请 — one exclusion request and, once decided, its decision.</summary>
/// <param name="Kind">The judgment asked for.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="RequestedAt">When.</param>
/// <param name="Reason">Why.</param>
/// <param name="DecidedBy">Who decided, once decided.</param>
/// <param name="DecidedAt">When it was decided, once decided.</param>
/// <param name="Approved">Whether it was approved, once decided.</param>
/// <param name="RefusalReason">Why it was refused, when refused.</param>
public sealed record ExclusionRequest(
    ExclusionKind Kind, Id<Person> RequestedBy, Instant RequestedAt, string Reason,
    Id<Person>? DecidedBy = null, Instant? DecidedAt = null, bool Approved = false, string? RefusalReason = null)
{
    /// <summary>Whether it waits for a decision.</summary>
    public bool IsPending => DecidedAt is null && !Lapsed;

    /// <summary>Whether it lapsed undecided (the case finished first).</summary>
    public bool Lapsed { get; init; }
}
