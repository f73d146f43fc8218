using FsCheck.Xunit;
using Governance.TimeBank;

namespace Governance.Tests.TimeBank;

public class ChunkedListTests
{
    [Property(MaxTest = 50)]
    public Property Holds_what_a_List_holds_across_the_doubling_and_fixed_chunks() =>
        Prop.ForAll(Gen.Choose(0, 20_000).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (count, seed) =>
        {
            var random = new Random(seed);
            var list = new List<long>();
            var chunked = new ChunkedList<long>();
            for (var i = 0; i < count; i++)
            {
                var item = random.NextInt64();
                list.Add(item);
                chunked.Add(item);
                if (random.Next(10) == 0)
                {
                    // The last item can be replaced in place, as the ledger does when a transaction touches an account twice.
                    list[^1] = ~item;
                    chunked.Last = ~item;
                }
            }

            var start = count == 0 ? 0 : random.Next(count);
            return chunked.Count == list.Count
                && Enumerable.Range(0, count).All(i => chunked[i] == list[i])
                && chunked.ToArray(start, count - start).SequenceEqual(list.Skip(start));
        });

    [Fact]
    public void Refuses_an_index_outside_it()
    {
        var chunked = new ChunkedList<int>();
        chunked.Add(1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => chunked[1]);
        Assert.Equal("index", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => chunked[-1]);
    }
}
