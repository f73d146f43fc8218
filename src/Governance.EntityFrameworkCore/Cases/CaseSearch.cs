using Ardalis.Specification;
using Governance.Cases;
using Governance.Resources;

namespace Governance.EntityFrameworkCore.Cases;

/// <summary>
/// 事件查询 — cases by the filters a case list or an Open311 <c>GET requests</c> offers: open or closed, category, grid and a
/// registration period (start inclusive, end exclusive; either side may be left open), newest first, one page at a time.
/// </summary>
public sealed class CaseSearch : Specification<CaseRow>
{
    /// <summary>Creates the query; a filter left null does not filter.</summary>
    /// <param name="open">True for open cases only, false for closed or rejected ones only.</param>
    /// <param name="category">The category's code.</param>
    /// <param name="grid">The grid responsible now.</param>
    /// <param name="registeredFrom">Registered at or after.</param>
    /// <param name="registeredBefore">Registered before.</param>
    /// <param name="skip">How many rows to skip (0 or more).</param>
    /// <param name="take">How many rows to return (1–1,000).</param>
    /// <exception cref="ArgumentException">The period ends before it starts.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page is out of range.</exception>
    public CaseSearch(bool? open = null, string? category = null, Id<Governance.Organisation.Grid>? grid = null,
        Instant? registeredFrom = null, Instant? registeredBefore = null, int skip = 0, int take = 100)
    {
        if (registeredFrom is { } f && registeredBefore is { } b && b < f)
        {
            throw new ArgumentException(StoreMessages.Format("PeriodEndsBeforeStarts", b, f), nameof(registeredBefore));
        }

        if (open is { } isOpen)
        {
            if (isOpen)
            {
                Query.Where(c => c.ClosedAt == null);
            }
            else
            {
                Query.Where(c => c.ClosedAt != null);
            }
        }

        if (category is not null)
        {
            Query.Where(c => c.Category == category);
        }

        if (grid is { } g)
        {
            var gridId = g.Value ?? throw new ArgumentException(StoreMessages.Text("ExpectedGridIdDefault"), nameof(grid));
            Query.Where(c => c.GridId == gridId);
        }

        if (registeredFrom is { } from)
        {
            Query.Where(c => c.RegisteredAt >= from);
        }

        if (registeredBefore is { } before)
        {
            Query.Where(c => c.RegisteredAt < before);
        }

        Query.OrderByDescending(c => c.RegisteredAt).ThenBy(c => c.Id);
        Page.Apply(Query, skip, take);
    }
}
