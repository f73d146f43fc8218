using System.Linq.Expressions;

namespace Governance.Specifications;

/// <summary>排序表达式 — one sort key of a <see cref="Specification{T}"/>.</summary>
/// <typeparam name="T">The entity type.</typeparam>
/// <param name="KeySelector">The key, as an expression a LINQ provider can translate.</param>
/// <param name="Type">Ascending or descending, first or further key.</param>
public sealed record OrderExpression<T>(Expression<Func<T, object?>> KeySelector, OrderType Type);
