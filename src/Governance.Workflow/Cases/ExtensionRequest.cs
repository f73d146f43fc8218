using Governance.People;

namespace Governance.Cases;

/// <summary>延期申请 — one extension request and, once decided, its decision.</summary>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="RequestedAt">When.</param>
/// <param name="Requested">The time asked for, on the resolve goal's clock.</param>
/// <param name="Reason">Why.</param>
/// <param name="DecidedBy">Who decided, once decided.</param>
/// <param name="DecidedAt">When it was decided, once decided.</param>
/// <param name="Approved">The time approved; null while waiting, when refused or when it lapsed.</param>
/// <param name="RefusalReason">Why it was refused, when refused.</param>
public sealed record ExtensionRequest(
    Id<Person> RequestedBy, Instant RequestedAt, Duration Requested, string Reason,
    Id<Person>? DecidedBy = null, Instant? DecidedAt = null, Duration? Approved = null, string? RefusalReason = null)
{
    /// <summary>Whether it waits for a decision.</summary>
    public bool IsPending => DecidedAt is null && !Lapsed;

    /// <summary>Whether it lapsed undecided (the case was resolved, transferred, returned or finished first).</summary>
    public bool Lapsed { get; init; }
}
