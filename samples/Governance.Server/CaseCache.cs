using System.Collections.Concurrent;
using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;

namespace Governance.Server;

/// <summary>
/// 事件缓存 — the cases this instance acted on lately, restored once and kept, with one command at a time per case.
/// A command runs on the cached case and is appended at the version the cache holds; if another instance appended first,
/// the append is refused (the store's optimistic concurrency) and the entry is dropped, so the caller can try once more on
/// the case read again. So a hot case costs one transaction per command instead of a read and a transaction, and two
/// requests for one case on one instance queue rather than conflict. Reads that must be current (GET, If-Match) check the
/// stored version first.
/// </summary>
internal sealed class CaseCache(CaseStore<Governance.EntityFrameworkCore.Storage.GovernanceDbContext> store)
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public Case? Case;
        public long LastUsed;
    }

    /// <summary>
    /// Runs <paramref name="act"/> on the case under its gate, with the case current as far as the store knows when
    /// <paramref name="current"/> is set; returns null when the case does not exist.
    /// </summary>
    public async Task<T?> WithCaseAsync<T>(string id, bool current, Func<Case, Task<T>> act, CancellationToken cancellationToken)
        where T : class
    {
        var entry = _entries.GetOrAdd(id, _ => new Entry());
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            entry.LastUsed = Environment.TickCount64;
            if (entry.Case is { } cached && current && await store.VersionAsync(id, cancellationToken) != cached.Version)
            {
                entry.Case = null;
            }

            entry.Case ??= await store.LoadAsync(id, cancellationToken);
            if (entry.Case is null)
            {
                _entries.TryRemove(id, out _);
                return null;
            }

            return await act(entry.Case);
        }
        catch (Exception e) when (e is not GovernanceException or CaseConcurrencyException)
        {
            // A failed append or a fault: read the case again next time. (A refused command left the case as it was.)
            entry.Case = null;
            throw;
        }
        finally
        {
            entry.Gate.Release();
            Trim();
        }
    }

    private void Trim()
    {
        if (_entries.Count <= Capacity)
        {
            return;
        }

        foreach (var (key, entry) in _entries.OrderBy(e => e.Value.LastUsed).Take(_entries.Count - (Capacity * 9 / 10)))
        {
            if (entry.Gate.Wait(0))
            {
                _entries.TryRemove(key, out _);
                entry.Gate.Release();
            }
        }
    }
}
