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
/// <para>One ledger writes one journal: the store continues the numbering it read at <see cref="RestoreAsync"/>.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context (with <see cref="GovernanceModelBuilderExtensions.UseGovernance"/>) or <see cref="Storage.GovernanceDbContext"/>.</typeparam>
/// <param name="contexts">Makes contexts.</param>
public sealed class TimeBankJournalStore<TContext>(IDbContextFactory<TContext> contexts) : ITimeBankWriteAhead
    where TContext : DbContext
{
    private const string AccountKind = "account";
    private const string RelationKind = "relation";
    private const string TransactionKind = "transaction";
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;
    private readonly IDbContextFactory<TContext> _contexts = contexts ?? throw new ArgumentNullException(nameof(contexts));
    private long _sequence;

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
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        var accounts = new List<TimeBankExportedAccount>();
        var relations = new List<TimeBankRelation>();
        var transactions = new List<TimeBankTransaction>();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        long expected = 0;
        await foreach (var row in db.Set<TimeBankJournalRow>().AsNoTracking().OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (row.Sequence != ++expected)
            {
                throw new Validation.ValidationFailedException("time-bank journal", [new Validation.ValidationError($"sequence {expected}", $"the journal has a gap: record {expected} is missing (the next is {row.Sequence}).")]);
            }

            switch (row.Kind)
            {
                case AccountKind:
                    accounts.Add(JsonSerializer.Deserialize<TimeBankExportedAccount>(row.Payload, Json) ?? throw Null(row));
                    break;
                case RelationKind:
                    relations.Add(JsonSerializer.Deserialize<TimeBankRelation>(row.Payload, Json) ?? throw Null(row));
                    break;
                case TransactionKind:
                    transactions.Add(JsonSerializer.Deserialize<TimeBankTransaction>(row.Payload, Json) ?? throw Null(row));
                    break;
                default:
                    throw new Validation.ValidationFailedException("time-bank journal", [new Validation.ValidationError($"sequence {row.Sequence}", $"unknown record kind '{row.Kind}'.")]);
            }
        }

        _sequence = expected;
        return TimeBankLedger.Restore(new TimeBankLedgerExport(policy, accounts, relations, transactions), clock, this);
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

    private static JsonException Null(TimeBankJournalRow row) => new($"Time-bank journal record {row.Sequence} ({row.Kind}) is null.");

    private void Write(string kind, string? transactionId, string payload)
    {
        // The ledger calls its hook under its lock, one record at a time, in its order.
        using var db = _contexts.CreateDbContext();
        db.Add(new TimeBankJournalRow { Sequence = _sequence + 1, Kind = kind, TransactionId = transactionId, Payload = payload });
        db.SaveChanges();
        _sequence++;
    }
}
