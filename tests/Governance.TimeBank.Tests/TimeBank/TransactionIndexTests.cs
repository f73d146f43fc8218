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
}
