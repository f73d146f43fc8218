using System.Text.Json;
using Governance.Json;
using Governance.People;
using Governance.TimeBank;
using Microsoft.EntityFrameworkCore;

namespace Governance.EntityFrameworkCore.TimeBank;

/// <summary>
/// 时间银行日志存储 — the time-bank ledger's write-ahead journal in the database: every account, relation and transaction
/// the ledger accepts is written (and committed) here before it takes effect, and <see cref="RestoreAsync"/> rebuilds the
/// ledger from it at start-up.
/// </summary>
/// <remarks>
/// <para>Records are keyed by their place in the journal; a client's transaction id is unique, so a record written twice
/// is refused by the database. Each record is its own database transaction: acknowledged means durable. A write that
/// fails throws from the ledger's call and the ledger is unchanged.</para>
/// <para>One writer at a time: <see cref="RestoreAsync"/> takes the journal's writer epoch, and each record commits only
/// while that epoch is still the database's; otherwise the ledger's call throws <see cref="TimeBankWriterLostException"/>
/// and changes nothing.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context (with <see cref="GovernanceModelBuilderExtensions.UseGovernance"/>) or <see cref="Storage.GovernanceDbContext"/>.</typeparam>
/// <param name="contexts">Makes contexts.</param>
public sealed class TimeBankJournalStore<TContext>(IDbContextFactory<TContext> contexts) : ITimeBankWriteAhead
    where TContext : DbContext
{
    private const string AccountKind = TimeBankJournalReader.AccountKind;
    private const string RelationKind = TimeBankJournalReader.RelationKind;
    private const string TransactionKind = TimeBankJournalReader.TransactionKind;
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;
    private readonly IDbContextFactory<TContext> _contexts = contexts ?? throw new ArgumentNullException(nameof(contexts));
    private long _sequence;
    private long _epoch;

    /// <summary>
    /// 冷启动 — reads the journal and restores the ledger it records (<see cref="TimeBankLedger.Restore"/>), with this store as
    /// its write-ahead hook for what follows.
    /// </summary>
    /// <param name="policy">The scheme's rules (the ones the journal was written under).</param>
    /// <param name="clock">The ledger's clock.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ledger.</returns>
    /// <exception cref="Validation.ValidationFailedException">The journal is inconsistent (a gap, a record out of order); names the place.</exception>
    /// <exception cref="JsonException">A record is not valid JSON for its kind.</exception>
    public async Task<TimeBankLedger> RestoreAsync(TimeBankPolicy policy, IClock clock, CancellationToken cancellationToken = default)
    {
        var (ledger, last, epoch) = await TimeBankJournalReader.RestoreAsync(_contexts, policy, clock, this, cancellationToken).ConfigureAwait(false);
        (_sequence, _epoch) = (last, epoch);
        return ledger;
    }

    /// <inheritdoc />
    public void WriteAccount(TimeBankAccount account, Person? person) =>
        Write(AccountKind, null, JsonSerializer.Serialize(new TimeBankExportedAccount(account, person), Json));

    /// <inheritdoc />
    public void WriteRelation(TimeBankRelation relation) => Write(RelationKind, null, JsonSerializer.Serialize(relation, Json));

    /// <inheritdoc />
    public void WriteTransaction(TimeBankTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        Write(TransactionKind, transaction.Id.Value, JsonSerializer.Serialize(transaction, Json));
    }

    private void Write(string kind, string? transactionId, string payload)
    {
        // The ledger calls its hook under its lock, one record at a time, in its order.
        using var db = _contexts.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        TimeBankWriter.Fence(db, _epoch);
        db.Add(new TimeBankJournalRow { Sequence = _sequence + 1, Kind = kind, TransactionId = transactionId, Payload = payload });
        db.SaveChanges();
        transaction.Commit();
        _sequence++;
    }
}
