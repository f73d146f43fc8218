namespace Governance.TimeBank;

/// <summary>
/// The ledger's id table: transaction id → transaction, by extendible hashing. Buckets of a fixed size are split one
/// at a time as they fill, and only the directory of bucket references ever doubles, so the table grows without
/// copying what it holds (a <see cref="Dictionary{TKey,TValue}"/> rehashes everything at each growth and leaves the
/// old arrays behind: about three times the memory per id for a ledger that only ever adds).
/// </summary>
/// <remarks>
/// A bucket keeps the ids' hashes and the transactions side by side in two arrays; the id itself is the transaction's,
/// compared only when the hashes match. Hashes are <see cref="StringComparer.Ordinal"/>'s, randomised per process.
/// Append-only; not thread-safe (the ledger's lock guards it).
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
        var hashes = bucket.Hashes.AsSpan(0, bucket.Count);
        for (int at = 0, i; (i = hashes[at..].IndexOf(hash)) >= 0; at += i + 1)
        {
            var candidate = bucket.Items[at + i];
            if (string.Equals(candidate.Id.Value, id, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The transaction with this id, or null.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The transaction, or null.</returns>
    public TimeBankTransaction? Find(string id) => Find(id, Hash(id));

    /// <summary>
    /// Makes room for <paramref name="count"/> ids in an empty index at once (a restore knows how many are coming): the
    /// directory starts deep enough that no bucket splits while they are added.
    /// </summary>
    public void Reserve(int count)
    {
        if (Count > 0 || count <= BucketSize / 2)
        {
            return;
        }

        var depth = Math.Min(24, (int)Math.Ceiling(Math.Log2(count * 1.5 / BucketSize)));
        if (depth <= _depth)
        {
            return;
        }

        var directory = new Bucket[1 << depth];
        for (var i = 0; i < directory.Length; i++)
        {
            directory[i] = new Bucket(depth, BucketSize);
        }

        (_directory, _depth) = (directory, depth);
    }

    /// <summary>
    /// Adds the transactions of a whole journal to an empty index, unless two of them share an id: in the order of the
    /// buckets they go to (a counting sort of their hashes), so that each bucket is filled while it is in the cache
    /// instead of every addition landing in a bucket at random.
    /// </summary>
    /// <param name="transactions">The transactions, none null and each with an id.</param>
    /// <param name="hashes">The <see cref="Hash"/> of each one's id, in the same order.</param>
    /// <returns>Whether they were added: false if two share an id (the index is then left part-filled, to be dropped).</returns>
    /// <exception cref="InvalidOperationException">The index is not empty.</exception>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool TryAddAll(ReadOnlySpan<TimeBankTransaction> transactions, ReadOnlySpan<int> hashes)
    {
        if (Count > 0)
        {
            throw new InvalidOperationException(nameof(TryAddAll));
        }

        var mask = (1 << _depth) - 1;
        var starts = new int[_directory.Length + 1];
        foreach (var hash in hashes)
        {
            starts[(hash & mask) + 1]++;
        }

        for (var slot = 1; slot < starts.Length; slot++)
        {
            starts[slot] += starts[slot - 1];
        }

        // Stable: within a bucket the transactions keep their journal order.
        var order = GC.AllocateUninitializedArray<int>(hashes.Length);
        var sorted = GC.AllocateUninitializedArray<int>(hashes.Length);
        for (var i = 0; i < hashes.Length; i++)
        {
            var at = starts[hashes[i] & mask]++;
            (order[at], sorted[at]) = (i, hashes[i]);
        }

        for (var at = 0; at < order.Length; at++)
        {
            var transaction = transactions[order[at]];
            if (Holds(transaction, sorted[at]))
            {
                return false;
            }

            Add(transaction, sorted[at]);
        }

        return true;
    }

    /// <summary>Whether a transaction with the same id is in the index (the id is read only where a hash matches).</summary>
    private bool Holds(TimeBankTransaction transaction, int hash)
    {
        var bucket = _directory[hash & ((1 << _depth) - 1)];
        var hashes = bucket.Hashes.AsSpan(0, bucket.Count);
        for (int at = 0, i; (i = hashes[at..].IndexOf(hash)) >= 0; at += i + 1)
        {
            if (string.Equals(bucket.Items[at + i].Id.Value, transaction.Id.Value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds a transaction whose id is not in the index yet.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="hash">The <see cref="Hash"/> of its id.</param>
    public void Add(TimeBankTransaction transaction, int hash)
    {
        while (true)
        {
            var bucket = _directory[hash & ((1 << _depth) - 1)];
            if (bucket.Count < bucket.Hashes.Length)
            {
                bucket.Hashes[bucket.Count] = hash;
                bucket.Items[bucket.Count++] = transaction;
                Count++;
                return;
            }

            Split(bucket);
        }
    }

    private void Split(Bucket bucket)
    {
        var first = bucket.Hashes[0];
        if (bucket.Hashes.AsSpan().IndexOfAnyExcept(first) < 0)
        {
            // Every slot has the same 32-bit hash (distinct ids that collide completely): no split can separate
            // them, so the bucket makes room instead.
            Array.Resize(ref bucket.Hashes, bucket.Hashes.Length * 2);
            Array.Resize(ref bucket.Items, bucket.Items.Length * 2);
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
        var sibling = new Bucket(bucket.Depth + 1, bucket.Hashes.Length);
        bucket.Depth++;
        var kept = 0;
        for (var i = 0; i < bucket.Count; i++)
        {
            var (hash, item) = (bucket.Hashes[i], bucket.Items[i]);
            var (target, at) = (hash & bit) != 0 ? (sibling, sibling.Count++) : (bucket, kept++);
            target.Hashes[at] = hash;
            target.Items[at] = item;
        }

        Array.Clear(bucket.Items, kept, bucket.Count - kept);
        bucket.Count = kept;

        // Every directory entry that pointed at the old bucket and has the bit set now points at the sibling.
        for (var i = shared | bit; i < _directory.Length; i += bit << 1)
        {
            _directory[i] = sibling;
        }
    }

    /// <summary>A bucket: the hashes (searched with vector instructions) and the transactions, side by side.</summary>
    private sealed class Bucket(int depth, int size)
    {
        public int[] Hashes = new int[size];
        public TimeBankTransaction[] Items = new TimeBankTransaction[size];
        public int Count;
        public int Depth = depth;
    }
}
