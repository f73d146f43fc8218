using Ardalis.Specification;

namespace Governance.EntityFrameworkCore.Cases;

/// <summary>到期事件 — open cases with an SLA step due at or before an instant (overdue ones included), soonest first, one page at a time.</summary>
/// <remarks>The read model keeps the next deadline only when the store was given an SLA engine.</remarks>
public sealed class CasesDueBy : Specification<CaseRow>
{
    /// <summary>Creates the query.</summary>
    /// <param name="by">The instant.</param>
    /// <param name="skip">How many rows to skip (0 or more).</param>
    /// <param name="take">How many rows to return (1–1,000).</param>
    /// <exception cref="ArgumentOutOfRangeException">The page is out of range.</exception>
    public CasesDueBy(Instant by, int skip = 0, int take = 100)
    {
        Query.Where(c => c.ClosedAt == null && c.NextDeadline != null && c.NextDeadline <= by)
            .OrderBy(c => c.NextDeadline).ThenBy(c => c.Id);
        Page.Apply(Query, skip, take);
    }
}
