using System.Linq.Expressions;

namespace Governance.Specifications;

/// <summary>
/// 规约 — a named, reusable query over entities ("open cases of grid G3 past their deadline"), built from
/// expressions so that a LINQ provider such as EF Core can translate it (<see cref="Apply"/>), and evaluated
/// in memory with <see cref="Evaluate"/> or <see cref="IsSatisfiedBy"/>.
/// </summary>
/// <remarks>
/// This small type stands in for the Ardalis.Specification package, which the project's package source does
/// not serve; it has the same shape (a protected <c>Query</c> builder with <c>Where</c>, <c>OrderBy</c>/<c>ThenBy</c>
/// and their descending forms, <c>Skip</c> and <c>Take</c>), so moving to Ardalis later is a change of base class.
/// </remarks>
/// <example>
/// <code>
/// public sealed class CasesOfGrid : Specification&lt;Case&gt;
/// {
///     public CasesOfGrid(Id&lt;Grid&gt; grid) =&gt; Query.Where(c =&gt; c.GridId == grid).OrderBy(c =&gt; c.RegisteredAt);
/// }
/// </code>
/// </example>
/// <typeparam name="T">The entity type.</typeparam>
public abstract class Specification<T>
{
    private readonly List<Expression<Func<T, bool>>> _where = [];
    private readonly List<OrderExpression<T>> _order = [];
    private Func<T, bool>[]? _compiledWhere;

    /// <summary>Creates an empty specification, which every entity satisfies.</summary>
    protected Specification()
    {
        Query = new Builder(this);
    }

    /// <summary>The criteria; all must hold.</summary>
    public IReadOnlyList<Expression<Func<T, bool>>> WhereExpressions => _where;

    /// <summary>The sort keys, first key first.</summary>
    public IReadOnlyList<OrderExpression<T>> OrderExpressions => _order;

    /// <summary>How many results to skip, if set.</summary>
    public int? Skip { get; private set; }

    /// <summary>How many results to take at most, if set.</summary>
    public int? Take { get; private set; }

    /// <summary>The builder subclasses use in their constructor.</summary>
    protected ISpecificationBuilder<T> Query { get; }

    /// <summary>Whether one entity meets every criterion (ordering and paging do not apply).</summary>
    /// <param name="entity">The entity.</param>
    /// <returns><see langword="true"/> when every criterion holds.</returns>
    public bool IsSatisfiedBy(T entity)
    {
        foreach (var predicate in Compiled())
        {
            if (!predicate(entity))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Filters, sorts and pages an in-memory sequence.</summary>
    /// <param name="source">The entities.</param>
    /// <returns>The matching entities, sorted and paged.</returns>
    public IEnumerable<T> Evaluate(IEnumerable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Apply(source.AsQueryable());
    }

    /// <summary>Applies the criteria, sort keys and paging to a query, for a LINQ provider to translate.</summary>
    /// <param name="query">The query.</param>
    /// <returns>The composed query.</returns>
    public IQueryable<T> Apply(IQueryable<T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var criteria in _where)
        {
            query = query.Where(criteria);
        }

        IOrderedQueryable<T>? ordered = null;
        foreach (var order in _order)
        {
            ordered = order.Type switch
            {
                OrderType.OrderBy => query.OrderBy(order.KeySelector),
                OrderType.OrderByDescending => query.OrderByDescending(order.KeySelector),
                OrderType.ThenBy => ordered!.ThenBy(order.KeySelector),
                _ => ordered!.ThenByDescending(order.KeySelector),
            };
            query = ordered;
        }

        if (Skip is { } skip)
        {
            query = query.Skip(skip);
        }

        if (Take is { } take)
        {
            query = query.Take(take);
        }

        return query;
    }

    private Func<T, bool>[] Compiled() => _compiledWhere ??= _where.Select(w => w.Compile()).ToArray();

    private sealed class Builder(Specification<T> spec) : IOrderedSpecificationBuilder<T>
    {
        public ISpecificationBuilder<T> Where(Expression<Func<T, bool>> criteria)
        {
            ArgumentNullException.ThrowIfNull(criteria);
            spec._where.Add(criteria);
            spec._compiledWhere = null;
            return this;
        }

        public IOrderedSpecificationBuilder<T> OrderBy(Expression<Func<T, object?>> key) => Order(key, OrderType.OrderBy);

        public IOrderedSpecificationBuilder<T> OrderByDescending(Expression<Func<T, object?>> key) => Order(key, OrderType.OrderByDescending);

        public IOrderedSpecificationBuilder<T> ThenBy(Expression<Func<T, object?>> key) => Order(key, OrderType.ThenBy);

        public IOrderedSpecificationBuilder<T> ThenByDescending(Expression<Func<T, object?>> key) => Order(key, OrderType.ThenByDescending);

        public ISpecificationBuilder<T> Skip(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            spec.Skip = count;
            return this;
        }

        public ISpecificationBuilder<T> Take(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            spec.Take = count;
            return this;
        }

        private Builder Order(Expression<Func<T, object?>> key, OrderType type)
        {
            ArgumentNullException.ThrowIfNull(key);
            if (type is OrderType.OrderBy or OrderType.OrderByDescending && spec._order.Count > 0)
            {
                throw new InvalidOperationException("A specification has one first sort key; use ThenBy or ThenByDescending for further keys.");
            }

            spec._order.Add(new OrderExpression<T>(key, type));
            return this;
        }
    }
}
