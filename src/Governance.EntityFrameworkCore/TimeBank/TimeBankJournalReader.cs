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

    public static async Task<(TimeBankLedger Ledger, long Last)> RestoreAsync<TContext>(
        IDbContextFactory<TContext> contexts, TimeBankPolicy policy, IClock clock, ITimeBankWriteAhead writeAhead, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        var accounts = new List<TimeBankExportedAccount>();
        var relations = new List<TimeBankRelation>();
        var transactions = new List<TimeBankTransaction>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        long expected = 0;

        // Rows are read in order a chunk at a time; each chunk's JSON is read on every core (it is most of a cold start).
        var chunk = new List<TimeBankJournalRow>(ChunkSize);
        await foreach (var row in db.Set<TimeBankJournalRow>().AsNoTracking().OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (row.Sequence != ++expected)
            {
                throw new ValidationFailedException("time-bank journal", [new ValidationError($"sequence {expected}", $"the journal has a gap: record {expected} is missing (the next is {row.Sequence}).")]);
            }

            chunk.Add(row);
            if (chunk.Count == ChunkSize)
            {
                Parse(chunk, accounts, relations, transactions, cancellationToken);
            }
        }

        Parse(chunk, accounts, relations, transactions, cancellationToken);
        return (TimeBankLedger.Restore(new TimeBankLedgerExport(policy, accounts, relations, transactions), clock, writeAhead), expected);
    }

    private const int ChunkSize = 16_384;

    private static void Parse(List<TimeBankJournalRow> chunk, List<TimeBankExportedAccount> accounts, List<TimeBankRelation> relations, List<TimeBankTransaction> transactions, CancellationToken cancellationToken)
    {
        var parsed = new object[chunk.Count];
        Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var row = chunk[i];
            try
            {
                parsed[i] = row.Kind switch
                {
                    AccountKind => JsonSerializer.Deserialize<TimeBankExportedAccount>(row.Payload, Json) ?? throw Null(row),
                    RelationKind => JsonSerializer.Deserialize<TimeBankRelation>(row.Payload, Json) ?? throw Null(row),
                    TransactionKind => JsonSerializer.Deserialize<TimeBankTransaction>(row.Payload, Json) ?? throw Null(row),
                    _ => throw new ValidationFailedException("time-bank journal", [new ValidationError($"sequence {row.Sequence}", $"unknown record kind '{row.Kind}'.")]),
                };
            }
            catch (Exception e) when (e is JsonException or ValidationFailedException)
            {
                parsed[i] = e; // reported in journal order below, as it is
            }
        });
        foreach (var record in parsed)
        {
            switch (record)
            {
                case Exception e:
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
                    break;
                case TimeBankExportedAccount a:
                    accounts.Add(a);
                    break;
                case TimeBankRelation r:
                    relations.Add(r);
                    break;
                default:
                    transactions.Add((TimeBankTransaction)record);
                    break;
            }
        }

        chunk.Clear();
    }

    private static JsonException Null(TimeBankJournalRow row) => new($"Time-bank journal record {row.Sequence} ({row.Kind}) is null.");
}
