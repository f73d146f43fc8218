using Governance.EntityFrameworkCore.Storage;
using Governance.Resources;
using Microsoft.EntityFrameworkCore;

namespace Governance.EntityFrameworkCore.TimeBank;

/// <summary>
/// The journal's writer epoch (<see cref="TimeBankWriterRow"/>): a journal takes a new epoch when it starts writing, and
/// every transaction that appends to the journal first updates the writer row where the epoch is still its own, which
/// locks the row until the commit (PostgreSQL's row lock; on SQLite the database's write lock). A writer that finds no
/// such row lost the journal to a newer writer, and its transaction appends nothing.
/// </summary>
internal static class TimeBankWriter
{
    public const string Scheme = "timebank";

    /// <summary>Takes the next epoch; everything committed under earlier epochs is visible once this returns.</summary>
    public static async Task<long> AcquireAsync(DbContext db, CancellationToken cancellationToken)
    {
        var holder = $"{Environment.MachineName}/{Environment.ProcessId}";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Set<TimeBankWriterRow>().Where(w => w.Name == Scheme)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Epoch, w => w.Epoch + 1).SetProperty(w => w.Holder, holder), cancellationToken).ConfigureAwait(false);
        if (rows != 1)
        {
            throw new GovernanceSchemaException(StoreMessages.Text("DatabaseSGovTimebankWriterTable"), null);
        }

        var epoch = await db.Set<TimeBankWriterRow>().AsNoTracking().Where(w => w.Name == Scheme).Select(w => w.Epoch).SingleAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return epoch;
    }

    /// <summary>In the caller's transaction: locks the writer row if it still holds <paramref name="epoch"/>, or throws.</summary>
    public static async Task FenceAsync(DbContext db, long epoch, CancellationToken cancellationToken)
    {
        var rows = await db.Set<TimeBankWriterRow>().Where(w => w.Name == Scheme && w.Epoch == epoch)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Epoch, epoch), cancellationToken).ConfigureAwait(false);
        if (rows != 1)
        {
            var current = await db.Set<TimeBankWriterRow>().AsNoTracking().Where(w => w.Name == Scheme).Select(w => new { w.Epoch, w.Holder })
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            throw new TimeBankWriterLostException(epoch, current?.Epoch, current?.Holder);
        }
    }

    /// <summary>The synchronous <see cref="FenceAsync"/>, for the ledger's synchronous write-ahead hook.</summary>
    public static void Fence(DbContext db, long epoch)
    {
        var rows = db.Set<TimeBankWriterRow>().Where(w => w.Name == Scheme && w.Epoch == epoch).ExecuteUpdate(s => s.SetProperty(w => w.Epoch, epoch));
        if (rows != 1)
        {
            var current = db.Set<TimeBankWriterRow>().AsNoTracking().Where(w => w.Name == Scheme).Select(w => new { w.Epoch, w.Holder }).SingleOrDefault();
            throw new TimeBankWriterLostException(epoch, current?.Epoch, current?.Holder);
        }
    }
}
