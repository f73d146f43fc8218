using Ardalis.Specification;

namespace Governance.EntityFrameworkCore.Cases;

/// <summary>
/// 待检时限 — the open cases an SLA monitor has to evaluate now: those changed since their last evaluation and those whose
/// next threshold has come (<see cref="CaseRow.SlaCheckAt"/> at or before the instant), in id order, a page at a time
/// after the last id of the page before (keyset paging: a pass that marks its cases checked as it goes moves them out of
/// the selection, which skip-based paging would then overshoot).
/// </summary>
/// <remarks>
/// A pass costs what is due, not what is open: a case is selected again only when it changes or its next threshold falls.
/// The read model keeps a running step's deadline (<see cref="CaseRow.NextDeadline"/>) only when the store was given an
/// SLA engine; cases without one are not selected.
/// </remarks>
public sealed class CasesDueForSlaCheck : Specification<CaseRow>
{
    /// <summary>Creates the query.</summary>
    /// <param name="now">The instant of the pass.</param>
    /// <param name="after">The last case id of the page before; null for the first page.</param>
    /// <param name="take">How many rows to return (1–1,000).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="take"/> is out of range.</exception>
    public CasesDueForSlaCheck(Instant now, string? after = null, int take = 100)
    {
        Query.Where(c => c.ClosedAt == null && c.NextDeadline != null && c.SlaCheckAt != null && c.SlaCheckAt <= now);
        if (after is not null)
        {
            Query.Where(c => string.Compare(c.Id, after) > 0);
        }

        Query.OrderBy(c => c.Id);
        Page.Apply(Query, 0, take);
    }
}
