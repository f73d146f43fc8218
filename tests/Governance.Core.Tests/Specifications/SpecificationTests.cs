using FsCheck.Xunit;

using Governance.Specifications;

namespace Governance.Tests.Specifications;

public class SpecificationTests
{
    private sealed record Item(string Grid, int Priority, string Name);

    private sealed class UrgentOfGrid : Specification<Item>
    {
        public UrgentOfGrid(string grid, int skip, int take) =>
            Query.Where(i => i.Grid == grid).Where(i => i.Priority >= 2).OrderByDescending(i => i.Priority).ThenBy(i => i.Name).Skip(skip).Take(take);
    }

    private static readonly Item[] Items =
    [
        new("G1", 3, "b"), new("G1", 2, "a"), new("G2", 3, "c"), new("G1", 1, "d"), new("G1", 3, "a"),
    ];

    [Fact]
    public void Evaluate_filters_sorts_and_pages()
    {
        var result = new UrgentOfGrid("G1", 0, 10).Evaluate(Items).Select(i => (i.Priority, i.Name)).ToArray();
        Assert.Equal([(3, "a"), (3, "b"), (2, "a")], result);
        Assert.Equal([(3, "b")], new UrgentOfGrid("G1", 1, 1).Evaluate(Items).Select(i => (i.Priority, i.Name)));
    }

    [Fact]
    public void IsSatisfiedBy_ignores_order_and_paging()
    {
        var spec = new UrgentOfGrid("G1", 5, 0);
        Assert.True(spec.IsSatisfiedBy(Items[0]));
        Assert.False(spec.IsSatisfiedBy(Items[3]));
    }

    [Property]
    public bool Evaluate_equals_plain_LINQ(int[] priorities, int skip, int take)
    {
        var items = priorities.Select((p, i) => new Item(i % 2 == 0 ? "G1" : "G2", p % 5, $"n{i % 7}")).ToArray();
        var (s, t) = (Math.Abs(skip % 20), Math.Abs(take % 20));
        var expected = items.Where(i => i.Grid == "G1" && i.Priority >= 2).OrderByDescending(i => i.Priority).ThenBy(i => i.Name).Skip(s).Take(t);
        return new UrgentOfGrid("G1", s, t).Evaluate(items).SequenceEqual(expected);
    }

    [Fact]
    public void Expressions_are_exposed_for_LINQ_providers()
    {
        var spec = new UrgentOfGrid("G1", 0, 10);
        Assert.Equal(2, spec.WhereExpressions.Count);
        Assert.Equal([OrderType.OrderByDescending, OrderType.ThenBy], spec.OrderExpressions.Select(o => o.Type));
        Assert.Equal(10, spec.Take);
    }
}
