namespace Governance.Sla;

/// <summary>
/// 超时索引 — a district's open cases keyed by the instant of their next SLA threshold, answering "which cases have a
/// threshold due by t" in O(log n + k) for k due cases, without scanning them all.
/// </summary>
/// <remarks>
/// The host keeps it current: after evaluating a case it calls <see cref="Set"/> with
/// <see cref="SlaEvaluation.NextThresholdAt"/> (or <see cref="Remove"/> when the case closes or has no threshold left).
/// Internally a sorted set of (instant, id) plus a map from id to its current instant; an update is a remove and an add.
/// </remarks>
/// <typeparam name="TKey">The case key, e.g. <c>Id&lt;Case&gt;</c>; compared with its default comparer to break ties.</typeparam>
/// <threadsafety>Not thread-safe; guard it with a lock if several threads update it.</threadsafety>
public sealed class OverdueIndex<TKey>
    where TKey : notnull, IComparable<TKey>
{
    private readonly SortedSet<(Instant Due, TKey Key)> _byDue = new(EntryComparer.Instance);
    private readonly Dictionary<TKey, Instant> _due = [];

    /// <summary>The number of cases indexed.</summary>
    public int Count => _due.Count;

    /// <summary>Sets (or replaces) the instant of a case's next threshold.</summary>
    /// <param name="key">The case.</param>
    /// <param name="due">When its next threshold falls.</param>
    public void Set(TKey key, Instant due)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_due.TryGetValue(key, out var old))
        {
            if (old == due)
            {
                return;
            }

            _byDue.Remove((old, key));
        }

        _due[key] = due;
        _byDue.Add((due, key));
    }

    /// <summary>Removes a case (closed, or nothing left to watch). Removing an absent case does nothing.</summary>
    /// <param name="key">The case.</param>
    /// <returns>Whether it was indexed.</returns>
    public bool Remove(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_due.Remove(key, out var old))
        {
            return false;
        }

        _byDue.Remove((old, key));
        return true;
    }

    /// <summary>The instant of a case's next threshold, if indexed.</summary>
    /// <param name="key">The case.</param>
    /// <returns>The instant, or <see langword="null"/>.</returns>
    public Instant? DueAt(TKey key) => _due.TryGetValue(key, out var due) ? due : null;

    /// <summary>The cases whose next threshold falls at or before <paramref name="at"/>, earliest first. The index is not changed.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The due cases with their instants.</returns>
    public IReadOnlyList<(TKey Key, Instant Due)> DueBy(Instant at)
    {
        var result = new List<(TKey, Instant)>();
        if (_byDue.Count == 0 || _byDue.Min.Due > at)
        {
            return result;
        }

        foreach (var (due, key) in _byDue)
        {
            if (due > at)
            {
                break;
            }

            result.Add((key, due));
        }

        return result;
    }

    private sealed class EntryComparer : IComparer<(Instant Due, TKey Key)>
    {
        public static readonly EntryComparer Instance = new();

        public int Compare((Instant Due, TKey Key) x, (Instant Due, TKey Key) y)
        {
            var c = x.Due.CompareTo(y.Due);
            return c != 0 ? c : x.Key.CompareTo(y.Key);
        }
    }
}
