using System.Text.Json;
using Governance.Json;
using Governance.TimeBank;
using Governance.Validation;
using Microsoft.EntityFrameworkCore;

namespace Governance.EntityFrameworkCore.TimeBank;

/// <summary>Reads a time-bank journal back into a ledger (shared by the journal stores).</summary>
internal static class TimeBankJournalReader
{
    public const string AccountKind = "account";
    public const string RelationKind = "relation";
    public const string TransactionKind = "transaction";
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;

    public static async Task<(TimeBankLedger Ledger, long Last, long Epoch)> RestoreAsync<TContext>(
        IDbContextFactory<TContext> contexts, TimeBankPolicy policy, IClock clock, ITimeBankWriteAhead writeAhead, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        var accounts = new List<TimeBankExportedAccount>();
        var relations = new List<TimeBankRelation>();
        var transactions = new List<TimeBankTransaction>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // Take the journal over first: whatever an earlier writer committed is then visible, and it commits nothing more.
        var epoch = await TimeBankWriter.AcquireAsync(db, cancellationToken).ConfigureAwait(false);
        long expected = 0;
        await foreach (var row in db.Set<TimeBankJournalRow>().AsNoTracking().OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (row.Sequence != ++expected)
            {
                throw new ValidationFailedException("time-bank journal", [new ValidationError($"sequence {expected}", $"the journal has a gap: record {expected} is missing (the next is {row.Sequence}).")]);
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
                    throw new ValidationFailedException("time-bank journal", [new ValidationError($"sequence {row.Sequence}", $"unknown record kind '{row.Kind}'.")]);
            }
        }

        return (TimeBankLedger.Restore(new TimeBankLedgerExport(policy, accounts, relations, transactions), clock, writeAhead), expected, epoch);
    }

    private static JsonException Null(TimeBankJournalRow row) => new($"Time-bank journal record {row.Sequence} ({row.Kind}) is null.");
}
