using System.Linq.Expressions;

namespace Governance.Specifications;

/// <summary>The <c>Query</c> builder after a first sort key, which accepts further keys.</summary>
/// <typeparam name="T">The entity type.</typeparam>
public interface IOrderedSpecificationBuilder<T> : ISpecificationBuilder<T>
{
    /// <summary>Sorts by a further key, ascending.</summary>
    /// <param name="key">The key.</param>
    /// <returns>This builder.</returns>
    IOrderedSpecificationBuilder<T> ThenBy(Expression<Func<T, object?>> key);

    /// <summary>Sorts by a further key, descending.</summary>
    /// <param name="key">The key.</param>
    /// <returns>This builder.</returns>
    IOrderedSpecificationBuilder<T> ThenByDescending(Expression<Func<T, object?>> key);
}
