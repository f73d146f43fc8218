using Governance.Cases;

namespace Governance.EntityFrameworkCore.Cases;

/// <content>Group commit of appends: the queue, and the turn of the caller that writes the next transaction.</content>
public sealed partial class CaseStore<TContext>
{
    /// <summary>The most appends one transaction writes.</summary>
    private const int MaxGroup = 64;

    private readonly Lock _queueLock = new();
    private readonly List<Append> _queue = [];

    /// <summary>Whether a caller has the turn (is writing a group, or has been handed the turn); false only while the queue is empty.</summary>
    private bool _writing;

    /// <summary>
    /// Queues an append and waits until it is written. The caller that finds no one writing takes the turn: it writes the
    /// group at the head of the queue (its own append first), then hands the turn to the first append still queued.
    /// </summary>
    private async Task QueueAsync(Append append)
    {
        bool turn;
        lock (_queueLock)
        {
            _queue.Add(append);
            turn = !_writing;
            _writing = true;
        }

        if (!turn && await Task.WhenAny(append.Turn.Task, append.Done.Task).ConfigureAwait(false) == append.Done.Task)
        {
            await append.Done.Task.ConfigureAwait(false);
            return;
        }

        // This append is the queue's first: nothing else removes from the queue while a caller has the turn.
        await WriteGroupAsync(TakeGroup()).ConfigureAwait(false);
        Append? next;
        lock (_queueLock)
        {
            next = _queue.Count > 0 ? _queue[0] : null;
            _writing = next is not null;
        }

        next?.Turn.TrySetResult();
        await append.Done.Task.ConfigureAwait(false);
    }

    /// <summary>Takes the group the next transaction writes: from the head of the queue, one append per case, at most <see cref="MaxGroup"/>.</summary>
    private List<Append> TakeGroup()
    {
        lock (_queueLock)
        {
            var group = new List<Append>(Math.Min(_queue.Count, MaxGroup));
            var cases = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < _queue.Count && group.Count < MaxGroup; i++)
            {
                if (cases.Add(_queue[i].Case.Id.Value))
                {
                    group.Add(_queue[i]);
                    _queue.RemoveAt(i--);
                }
            }

            return group;
        }
    }

    /// <summary>
    /// Writes a group in one transaction. If that fails (and so wrote nothing), each append is written alone, so that a
    /// conflict, or anything else one append brings, reaches only its own caller.
    /// </summary>
    private async Task WriteGroupAsync(List<Append> group)
    {
        if (group.Count > 1)
        {
            try
            {
                await WriteAsync(group).ConfigureAwait(false);
                foreach (var append in group)
                {
                    append.Done.TrySetResult();
                }

                return;
            }
            catch (Exception)
            {
                // One of them lost a race with another writer, or could not be written, or the database failed: see
                // which, one at a time. (Nothing escapes from here: the turn must be handed on.)
            }
        }

        foreach (var append in group)
        {
            await FinishAsync(append, () => WriteAloneAsync(append)).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="write"/> and gives its outcome to the append's caller.</summary>
    private static async Task FinishAsync(Append append, Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
            append.Done.TrySetResult();
        }
        catch (Exception e)
        {
            append.Done.TrySetException(e);
        }
    }

    /// <summary>An append waiting in the queue: the case, the version it was loaded at, and the caller's two signals.</summary>
    private sealed class Append(Case @case, int expectedVersion)
    {
        public Case Case { get; } = @case;

        public int ExpectedVersion { get; } = expectedVersion;

        /// <summary>Set when the caller is handed the turn to write the next group.</summary>
        public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Set when the append is written, or with the reason it was not.</summary>
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Deconstruct(out Case c, out int version) => (c, version) = (Case, ExpectedVersion);
    }
}
