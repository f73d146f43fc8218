namespace Governance.TimeBank;

/// <summary>
/// The ledger's id table: transaction id → transaction, by extendible hashing. Buckets of a fixed size are split one
/// at a time as they fill, and only the directory of bucket references ever doubles, so the table grows without
/// copying what it holds (a <see cref="Dictionary{TKey,TValue}"/> rehashes everything at each growth and leaves the
/// old arrays behind: about three times the memory per id for a ledger that only ever adds).
/// </summary>
/// <remarks>
/// A slot keeps the id's hash and the transaction; the id itself is the transaction's, compared only when the hashes
/// match. Hashes are <see cref="StringComparer.Ordinal"/>'s, randomised per process. Append-only; not thread-safe
/// (the ledger's lock guards it).
/// </remarks>
internal sealed class TransactionIndex
{
    private const int BucketSize = 32;

    private Bucket[] _directory = [new Bucket(0, BucketSize)];
    private int _depth;

    /// <summary>How many transactions it holds.</summary>
    public int Count { get; private set; }

    /// <summary>The hash the index files an id under.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The hash.</returns>
    public static int Hash(string id) => StringComparer.Ordinal.GetHashCode(id);

    /// <summary>The transaction with this id, or null.</summary>
    /// <param name="id">The id.</param>
    /// <param name="hash">Its <see cref="Hash"/>.</param>
    /// <returns>The transaction, or null.</returns>
    public TimeBankTransaction? Find(string id, int hash)
    {
        var bucket = _directory[hash & ((1 << _depth) - 1)];
        var slots = bucket.Slots;
        for (var i = 0; i < bucket.Count; i++)
        {
            if (slots[i].Hash == hash && string.Equals(slots[i].Transaction.Id.Value, id, StringComparison.Ordinal))
            {
                return slots[i].Transaction;
            }
        }

        return null;
    }

    /// <summary>The transaction with this id, or null.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The transaction, or null.</returns>
    public TimeBankTransaction? Find(string id) => Find(id, Hash(id));

    /// <summary>Adds a transaction whose id is not in the index yet.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="hash">The <see cref="Hash"/> of its id.</param>
    public void Add(TimeBankTransaction transaction, int hash)
    {
        while (true)
        {
            var bucket = _directory[hash & ((1 << _depth) - 1)];
            if (bucket.Count < bucket.Slots.Length)
            {
                bucket.Slots[bucket.Count++] = new Slot(hash, transaction);
                Count++;
                return;
            }

            Split(bucket);
        }
    }

    private void Split(Bucket bucket)
    {
        var first = bucket.Slots[0].Hash;
        if (Array.TrueForAll(bucket.Slots, s => s.Hash == first))
        {
            // Every slot has the same 32-bit hash (distinct ids that collide completely): no split can separate
            // them, so the bucket makes room instead.
            Array.Resize(ref bucket.Slots, bucket.Slots.Length * 2);
            return;
        }

        if (bucket.Depth == _depth)
        {
            // The directory doubles: entry i + 2^depth points where entry i does.
            var doubled = new Bucket[_directory.Length * 2];
            _directory.CopyTo(doubled, 0);
            _directory.CopyTo(doubled, _directory.Length);
            _directory = doubled;
            _depth++;
        }

        // The slots whose hash has bit `Depth` set move to a new bucket; the rest stay, packed, in the old one.
        // All of them share their low `Depth` bits, and so do the directory entries that point at the bucket.
        var bit = 1 << bucket.Depth;
        var shared = first & (bit - 1);
        var sibling = new Bucket(bucket.Depth + 1, bucket.Slots.Length);
        bucket.Depth++;
        var kept = 0;
        for (var i = 0; i < bucket.Count; i++)
        {
            var slot = bucket.Slots[i];
            if ((slot.Hash & bit) != 0)
            {
                sibling.Slots[sibling.Count++] = slot;
            }
            else
            {
                bucket.Slots[kept++] = slot;
            }
        }

        Array.Clear(bucket.Slots, kept, bucket.Count - kept);
        bucket.Count = kept;

        // Every directory entry that pointed at the old bucket and has the bit set now points at the sibling.
        for (var i = shared | bit; i < _directory.Length; i += bit << 1)
        {
            _directory[i] = sibling;
        }
    }

    private readonly record struct Slot(int Hash, TimeBankTransaction Transaction);

    private sealed class Bucket(int depth, int size)
    {
        public Slot[] Slots = new Slot[size];
        public int Count;
        public int Depth = depth;
    }
}
