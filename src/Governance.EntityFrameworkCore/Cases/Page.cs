using Ardalis.Specification;

namespace Governance.EntityFrameworkCore.Cases;

/// <summary>The paging rule the case specifications share.</summary>
internal static class Page
{
    public const int MaxTake = 1000;

    public static void Apply(ISpecificationBuilder<CaseRow> query, int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        if (take is < 1 or > MaxTake)
        {
            throw new ArgumentOutOfRangeException(nameof(take), take, $"Expected a page of 1 to {MaxTake} rows.");
        }

        query.Skip(skip).Take(take);
    }
}
