using System.Text.Json;
using Governance.Json;
using Governance.People;
using Governance.Resources;
using Governance.TimeBank;
using Microsoft.EntityFrameworkCore;

namespace Governance.EntityFrameworkCore.TimeBank;

/// <summary>
/// 组提交日志 — the time-bank journal with group commit: the ledger's write-ahead hook only queues each record (in the
/// ledger's order, under its lock), one writer commits whatever is queued in one database transaction, and
/// <see cref="ExecuteAsync"/> answers a caller only once the batch holding its transaction has committed. Many concurrent
/// requests then cost one commit, not one each.
/// </summary>
/// <remarks>
/// <para><b>Acknowledged means durable</b>: a request's task completes only after its record (and every record before it)
/// is committed. Between the ledger applying a transaction and its batch committing, other callers of the ledger can
/// already see it; if the commit fails, those transactions were never acknowledged, the journal stops accepting
/// (<see cref="Failure"/>), every waiting and later call fails, and the host restarts from the journal
/// (<see cref="RestoreAsync"/>), which holds exactly what was acknowledged and what committed with it.</para>
/// <para>One writer at a time: <see cref="RestoreAsync"/> takes the journal's writer epoch (<see cref="TimeBankWriterRow"/>)
/// before it reads, and every batch commits only while that epoch is still the database's. A journal restored later, in
/// this process or another, takes the journal over: the earlier one's next batch appends nothing, its callers get
/// <see cref="TimeBankWriterLostException"/>, and it stops accepting.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context or <see cref="Storage.GovernanceDbContext"/>.</typeparam>
public sealed class GroupCommitJournal<TContext> : ITimeBankWriteAhead, IAsyncDisposable
    where TContext : DbContext
{
    private const int MaxBatch = 4096;
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;
    private readonly IDbContextFactory<TContext> _contexts;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _signal = new(0);
    private volatile bool _stopping;
    private List<TimeBankJournalRow> _queue = [];
    private readonly List<(long Sequence, TaskCompletionSource Done)> _waiters = [];
    private long _queued;
    private long _committed;
    private Task? _writer;
    private long _epoch;
    private TimeBankLedger? _ledger;

    /// <summary>Creates the journal; call <see cref="RestoreAsync"/> to read it and start writing.</summary>
    /// <param name="contexts">Makes contexts.</param>
    public GroupCommitJournal(IDbContextFactory<TContext> contexts) => _contexts = contexts ?? throw new ArgumentNullException(nameof(contexts));

    /// <summary>Why the journal stopped accepting, if it did (a commit failed).</summary>
    public Exception? Failure { get; private set; }

    /// <summary>How many batches were committed (for monitoring and tests).</summary>
    public long Batches { get; private set; }

    /// <summary>
    /// 冷启动 — reads the journal, restores the ledger it records with this journal as its write-ahead hook, and starts the
    /// writer.
    /// </summary>
    /// <param name="policy">The scheme's rules.</param>
    /// <param name="clock">The ledger's clock.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The ledger.</returns>
    /// <exception cref="InvalidOperationException">The journal was restored already.</exception>
    public async Task<TimeBankLedger> RestoreAsync(TimeBankPolicy policy, IClock clock, CancellationToken cancellationToken = default)
    {
        if (_writer is not null)
        {
            throw new InvalidOperationException(StoreMessages.Text("JournalWasRestoredAlreadyOneJournal"));
        }

        var (ledger, last, epoch) = await TimeBankJournalReader.RestoreAsync(_contexts, policy, clock, this, cancellationToken).ConfigureAwait(false);
        (_queued, _committed, _ledger, _epoch) = (last, last, ledger, epoch);
        _writer = Task.Run(WriteLoopAsync);
        return ledger;
    }

    /// <summary>Executes a request on the ledger and completes once its transaction is durable.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Stops waiting (the transaction may still commit).</param>
    /// <returns>The committed transaction (the first one, for a replayed id).</returns>
    /// <exception cref="TimeBankRejectedException">A rule would be broken; nothing changed.</exception>
    /// <exception cref="ArgumentException">The request is malformed or names an unknown account.</exception>
    /// <exception cref="InvalidOperationException">The journal is not restored yet, or stopped accepting after a failed commit.</exception>
    /// <exception cref="TimeBankWriterLostException">Another writer took the journal over; the request was not stored.</exception>
    public async Task<TimeBankTransaction> ExecuteAsync(TimeBankRequest request, CancellationToken cancellationToken = default)
    {
        var ledger = _ledger ?? throw new InvalidOperationException(StoreMessages.Text("RestoreJournalFirstRestoreAsync"));
        var transaction = ledger.Execute(request);
        await DurableAsync(cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    /// <summary>
    /// Whether this journal still holds the writer epoch it took in <see cref="RestoreAsync"/> and accepts requests: false
    /// once another writer (another instance of the host, or a journal restored later) took the journal over, or a commit
    /// failed. A host with several instances checks this before serving reads from its ledger, and restores a new journal
    /// when it is false; the ledger of a journal that lost the writer may lack what the newer writer stored.
    /// </summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Whether the ledger is the journal's current writer.</returns>
    /// <exception cref="InvalidOperationException">The journal is not restored yet.</exception>
    public async Task<bool> IsWriterAsync(CancellationToken cancellationToken = default)
    {
        if (_writer is null)
        {
            throw new InvalidOperationException(StoreMessages.Text("RestoreJournalFirstRestoreAsync"));
        }

        if (Failure is not null)
        {
            return false;
        }

        var epoch = _epoch;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Set<TimeBankWriterRow>().AsNoTracking()
            .AnyAsync(w => w.Name == TimeBankWriter.Scheme && w.Epoch == epoch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes once everything queued so far is committed.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The task.</returns>
    /// <exception cref="InvalidOperationException">The journal stopped accepting after a failed commit.</exception>
    public Task DurableAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            ThrowIfFailed();
            if (_queued <= _committed)
            {
                return Task.CompletedTask;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((_queued, done));
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void WriteAccount(TimeBankAccount account, Person? person) =>
        Queue(TimeBankJournalReader.AccountKind, null, JsonSerializer.Serialize(new TimeBankExportedAccount(account, person), Json));

    /// <inheritdoc />
    public void WriteRelation(TimeBankRelation relation) => Queue(TimeBankJournalReader.RelationKind, null, JsonSerializer.Serialize(relation, Json));

    /// <inheritdoc />
    public void WriteTransaction(TimeBankTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        Queue(TimeBankJournalReader.TransactionKind, transaction.Id.Value, JsonSerializer.Serialize(transaction, Json));
    }

    /// <summary>Commits what is queued and stops the writer.</summary>
    /// <returns>The task.</returns>
    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _signal.Release();
        if (_writer is not null)
        {
            await _writer.ConfigureAwait(false);
        }

        _signal.Dispose();
    }

    private void Queue(string kind, string? transactionId, string payload)
    {
        lock (_gate)
        {
            ThrowIfFailed();
            _queue.Add(new TimeBankJournalRow { Sequence = ++_queued, Kind = kind, TransactionId = transactionId, Payload = payload });
        }

        _signal.Release();
    }

    private void ThrowIfFailed()
    {
        if (Failure is TimeBankWriterLostException lost)
        {
            throw new TimeBankWriterLostException(lost.Epoch, lost.CurrentEpoch, lost.CurrentHolder);
        }

        if (Failure is not null)
        {
            throw new InvalidOperationException(StoreMessages.Text("TimeBankJournalStoppedAcceptingAfter"), Failure);
        }
    }

    private static Exception NotAcknowledged(Exception e) => e is TimeBankWriterLostException lost
        ? new TimeBankWriterLostException(lost.Epoch, lost.CurrentEpoch, lost.CurrentHolder)
        : new InvalidOperationException(StoreMessages.Text("TimeBankJournalCouldCommitRequest"), e);

    private async Task WriteLoopAsync()
    {
        while (true)
        {
            // Disposing releases the signal once more, so the writer wakes, commits what is left and stops.
            await _signal.WaitAsync().ConfigureAwait(false);

            List<TimeBankJournalRow> batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    continue;
                }

                batch = _queue.Count <= MaxBatch ? _queue : _queue[..MaxBatch];
                _queue = _queue.Count <= MaxBatch ? [] : _queue[MaxBatch..];
            }

            try
            {
                await JournalBatch.InsertAsync(_contexts, _epoch, batch).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                List<(long, TaskCompletionSource Done)> failed;
                lock (_gate)
                {
                    Failure = e;
                    failed = [.. _waiters];
                    _waiters.Clear();
                }

                foreach (var (_, done) in failed)
                {
                    done.TrySetException(NotAcknowledged(e));
                }

                return;
            }

            List<TaskCompletionSource> completed = [];
            lock (_gate)
            {
                _committed = batch[^1].Sequence;
                Batches++;
                _waiters.RemoveAll(w =>
                {
                    if (w.Sequence <= _committed)
                    {
                        completed.Add(w.Done);
                        return true;
                    }

                    return false;
                });
            }

            foreach (var done in completed)
            {
                done.TrySetResult();
            }
        }
    }
}
