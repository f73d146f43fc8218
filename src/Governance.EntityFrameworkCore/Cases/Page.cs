using Ardalis.Specification;
using Governance.Resources;

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
            throw new ArgumentOutOfRangeException(nameof(take), take, StoreMessages.Format("ExpectedPageRows", MaxTake));
        }

        query.Skip(skip).Take(take);
    }
}
