using Ardalis.Specification;

namespace Governance.EntityFrameworkCore.Cases;

/// <summary>Applies an Ardalis specification to a query with the package's own evaluators: criteria, then order, then page.</summary>
internal static class Specifications
{
    public static IQueryable<T> Apply<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        query = WhereEvaluator.Instance.GetQuery(query, specification);
        query = OrderEvaluator.Instance.GetQuery(query, specification);
        return PaginationEvaluator.Instance.GetQuery(query, specification);
    }
}
