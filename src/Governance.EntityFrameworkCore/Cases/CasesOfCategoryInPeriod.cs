using Ardalis.Specification;
using Governance.Cases;
using Governance.Resources;

namespace Governance.EntityFrameworkCore.Cases;

/// <summary>类别事件 — the cases of a category registered in a period (start inclusive, end exclusive), in registration order, one page at a time.</summary>
public sealed class CasesOfCategoryInPeriod : Specification<CaseRow>
{
    /// <summary>Creates the query.</summary>
    /// <param name="category">The category.</param>
    /// <param name="period">The period; both ends are needed.</param>
    /// <param name="skip">How many rows to skip (0 or more).</param>
    /// <param name="take">How many rows to return (1–1,000).</param>
    /// <exception cref="ArgumentException">The period is open-ended.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page is out of range.</exception>
    public CasesOfCategoryInPeriod(CaseCategory category, Interval period, int skip = 0, int take = 100)
    {
        ArgumentNullException.ThrowIfNull(category);
        if (!period.HasStart || !period.HasEnd)
        {
            throw new ArgumentException(StoreMessages.Text("ExpectedPeriodStartEnd"), nameof(period));
        }

        var (code, start, end) = (category.Code, period.Start, period.End);
        Query.Where(c => c.Category == code && c.RegisteredAt >= start && c.RegisteredAt < end)
            .OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id);
        Page.Apply(Query, skip, take);
    }
}
