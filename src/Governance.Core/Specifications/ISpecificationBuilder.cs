using System.Linq.Expressions;

namespace Governance.Specifications;

/// <summary>规约构建器 — the <c>Query</c> builder of a <see cref="Specification{T}"/>, shaped like Ardalis.Specification's.</summary>
/// <typeparam name="T">The entity type.</typeparam>
public interface ISpecificationBuilder<T>
{
    /// <summary>Adds a criterion; all criteria must hold.</summary>
    /// <param name="criteria">The criterion.</param>
    /// <returns>The builder.</returns>
    ISpecificationBuilder<T> Where(Expression<Func<T, bool>> criteria);

    /// <summary>Sorts by a first key, ascending.</summary>
    /// <param name="key">The key.</param>
    /// <returns>A builder for further keys.</returns>
    IOrderedSpecificationBuilder<T> OrderBy(Expression<Func<T, object?>> key);

    /// <summary>Sorts by a first key, descending.</summary>
    /// <param name="key">The key.</param>
    /// <returns>A builder for further keys.</returns>
    IOrderedSpecificationBuilder<T> OrderByDescending(Expression<Func<T, object?>> key);

    /// <summary>Skips this many results (after filtering and sorting).</summary>
    /// <param name="count">Zero or more.</param>
    /// <returns>The builder.</returns>
    ISpecificationBuilder<T> Skip(int count);

    /// <summary>Takes at most this many results (after skipping).</summary>
    /// <param name="count">Zero or more.</param>
    /// <returns>The builder.</returns>
    ISpecificationBuilder<T> Take(int count);
}
