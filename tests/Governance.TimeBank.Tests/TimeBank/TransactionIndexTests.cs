using FsCheck.Xunit;
using Governance.TimeBank;

namespace Governance.Tests.TimeBank;

public class TransactionIndexTests
{
    private static TimeBankTransaction Transaction(string id) =>
        new(id, TimeBankTransactionKind.Gift, Instant.FromUnixTimeSeconds(0), null, new TimeBankLeg("a", "b", TimeCredit.FromMinutes(1), TimeBankLegKind.Posted), null);

    /// <summary>Hash functions from the real one to degenerate ones, so that splits, directory doubling and full collisions all happen.</summary>
    private static readonly Func<string, int>[] Hashes =
    [
        TransactionIndex.Hash,
        id => TransactionIndex.Hash(id) & 0x7,
        id => TransactionIndex.Hash(id) << 6,
        _ => 42,
    ];

    private static readonly double[] ReservedShare = [0, 0.1, 0.5, 1, 2];

    /// <summary>
    /// Found by id after any sequence of additions, with the table reserved first or not: a reserved table starts deep,
    /// for a tenth of the ids up to twice as many, and its buckets split and collide as the others do once it fills.
    /// </summary>
    [Property(MaxTest = 60)]
    public Property Finds_exactly_what_a_dictionary_finds() =>
        Prop.ForAll(Gen.Choose(0, 5_000).ToArbitrary(), Gen.Choose(0, Hashes.Length - 1).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (count, h, seed) =>
        {
            var hash = Hashes[h];
            var count2 = h == 0 ? count : Math.Min(count, 600); // degenerate hashes scan long buckets
            var random = new Random(seed);
            var index = new TransactionIndex();
            index.Reserve((int)(count2 * ReservedShare[seed % ReservedShare.Length]));
            var reference = new Dictionary<string, TimeBankTransaction>(StringComparer.Ordinal);
            for (var i = 0; i < count2; i++)
            {
                var id = $"tx-{random.Next(count2 * 2)}";
                if (reference.ContainsKey(id))
                {
                    continue;
                }

                var t = Transaction(id);
                reference.Add(id, t);
                index.Add(t, hash(id));
            }

            var probes = Enumerable.Range(0, count2 * 2 + 1).Select(i => $"tx-{i}");
            return index.Count == reference.Count
                && probes.All(id => ReferenceEquals(index.Find(id, hash(id)), reference.GetValueOrDefault(id)));
        });

    /// <summary>
    /// Filling an empty table at once, in bucket order: it takes the journal only if no id repeats, and then finds what a
    /// dictionary finds, however the table was reserved and however the hashes collide.
    /// </summary>
    [Property(MaxTest = 60)]
    public Property Fills_at_once_exactly_when_no_id_repeats() =>
        Prop.ForAll(Gen.Choose(0, 5_000).ToArbitrary(), Gen.Choose(0, Hashes.Length - 1).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (count, h, seed) =>
        {
            var hash = Hashes[h];
            var count2 = h == 0 ? count : Math.Min(count, 600);
            var random = new Random(seed);
            var index = new TransactionIndex();
            index.Reserve((int)(count2 * ReservedShare[seed % ReservedShare.Length]));

            // Unique ids, or (one time in three) one of them repeated somewhere later.
            var ids = Enumerable.Range(0, count2).Select(i => $"tx-{i}").OrderBy(_ => random.Next()).ToList();
            var repeats = count2 > 1 && seed % 3 == 0;
            if (repeats)
            {
                var later = random.Next(1, count2);
                ids[later] = ids[random.Next(later)];
            }

            var transactions = ids.Select(Transaction).ToArray();
            var added = index.TryAddAll(transactions, ids.Select(hash).ToArray());
            var probes = Enumerable.Range(0, count2 + 1).Select(i => $"tx-{i}");
            return added == !repeats
                && (!added || (index.Count == count2 && probes.All(id => index.Find(id, hash(id))?.Id.Value == (ids.Contains(id) ? id : null))));
        });

    [Fact]
    public void Filling_at_once_needs_an_empty_table()
    {
        var index = new TransactionIndex();
        index.Add(Transaction("a"), TransactionIndex.Hash("a"));
        Assert.Throws<InvalidOperationException>(() => index.TryAddAll([Transaction("b")], [TransactionIndex.Hash("b")]));
    }
}
