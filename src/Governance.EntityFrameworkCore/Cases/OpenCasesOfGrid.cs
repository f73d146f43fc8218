using Ardalis.Specification;
using Governance.Organisation;
using Governance.Resources;

namespace Governance.EntityFrameworkCore.Cases;

/// <summary>网格在办事件 — the cases of a grid that are not closed or rejected, oldest first (then by id), one page at a time.</summary>
public sealed class OpenCasesOfGrid : Specification<CaseRow>
{
    /// <summary>Creates the query.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="skip">How many rows to skip (0 or more).</param>
    /// <param name="take">How many rows to return (1–1,000).</param>
    /// <exception cref="ArgumentOutOfRangeException">The page is out of range.</exception>
    public OpenCasesOfGrid(Id<Grid> grid, int skip = 0, int take = 100)
    {
        var code = grid.Value ?? throw new ArgumentException(StoreMessages.Text("ExpectedGridIdWasDefaultEmpty"), nameof(grid));
        Query.Where(c => c.GridId == code && c.ClosedAt == null)
            .OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id);
        Page.Apply(Query, skip, take);
    }
}
