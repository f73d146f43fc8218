using Governance.EntityFrameworkCore.Storage;
using Governance.EntityFrameworkCore.TimeBank;
using Governance.Organisation;
using Governance.TimeBank;
using Microsoft.EntityFrameworkCore;

namespace Governance.Server;

/// <summary>
/// 时间银行宿主 — the host's time bank: one ledger restored from the journal in the database, written through group commit.
/// With several instances on one database, only one holds the journal's writer at a time; an instance whose journal was
/// taken over restores a new one (reading what the other stored) before it serves a request, so every instance answers
/// from the whole journal and a stale ledger never writes (the journal's fence refuses it).
/// </summary>
internal sealed class LedgerHost(IDbContextFactory<GovernanceDbContext> contexts, IClock clock, OrganisationModel organisation) : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GroupCommitJournal<GovernanceDbContext>? _journal;
    private TimeBankLedger? _ledger;

    /// <summary>How many times this instance restored the journal (once at start, then once per takeover).</summary>
    public int Restores { get; private set; }

    /// <summary>Restores the ledger before the host serves (the demo accounts are opened on a new database).</summary>
    public Task StartAsync(CancellationToken cancellationToken) => CurrentAsync(verify: false, cancellationToken);

    /// <summary>Commits what is queued.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _journal?.DurableAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>Executes a request once its transaction is durable; retries once after taking the journal back.</summary>
    public async Task<TimeBankTransaction> ExecuteAsync(TimeBankRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (journal, _) = await CurrentAsync(verify: false, cancellationToken);
            try
            {
                return await journal.ExecuteAsync(request, cancellationToken);
            }
            catch (Exception e) when (attempt == 0 && (e is TimeBankWriterLostException || journal.Failure is not null))
            {
                // Not stored: the request is retried on a ledger restored from everything the other writer stored. Its
                // client-given id makes the retry idempotent.
                await ReplaceAsync(journal, cancellationToken);
            }
        }
    }

    /// <summary>Reads from a ledger that holds everything stored (the journal is checked to be this instance's still).</summary>
    public async Task<T> ReadAsync<T>(Func<TimeBankLedger, T> read, CancellationToken cancellationToken)
    {
        var (_, ledger) = await CurrentAsync(verify: true, cancellationToken);
        return read(ledger);
    }

    private async Task<(GroupCommitJournal<GovernanceDbContext> Journal, TimeBankLedger Ledger)> CurrentAsync(bool verify, CancellationToken cancellationToken)
    {
        if (_journal is { } j && _ledger is { } l && j.Failure is null && (!verify || await j.IsWriterAsync(cancellationToken)))
        {
            return (j, l);
        }

        await ReplaceAsync(_journal, cancellationToken);
        return (_journal!, _ledger!);
    }

    private async Task ReplaceAsync(GroupCommitJournal<GovernanceDbContext>? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(stale, _journal) && _journal is not null)
            {
                return;   // another request replaced it already
            }

            await DisposeQuietlyAsync(_journal);
            var journal = new GroupCommitJournal<GovernanceDbContext>(contexts);
            var ledger = await journal.RestoreAsync(TimeBankPolicy.Default, clock, cancellationToken);
            DemoDistrict.OpenAccounts(ledger, organisation);
            await journal.DurableAsync(cancellationToken);
            (_journal, _ledger) = (journal, ledger);
            Restores++;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeQuietlyAsync(_journal);
        _gate.Dispose();
    }

    /// <summary>Stops a journal; one that lost its writer or failed a commit has nothing more to store.</summary>
    private static async Task DisposeQuietlyAsync(GroupCommitJournal<GovernanceDbContext>? journal)
    {
        if (journal is null)
        {
            return;
        }

        try
        {
            await journal.DisposeAsync();
        }
        catch (Exception e) when (e is GovernanceException or InvalidOperationException)
        {
            // What it held unacknowledged was never stored; the journal in the database is whole.
        }
    }
}
