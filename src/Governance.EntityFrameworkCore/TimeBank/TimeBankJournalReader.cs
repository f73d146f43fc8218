using System.Data;
using System.Text.Json;
using Governance.Json;
using Governance.Resources;
using Governance.TimeBank;
using Governance.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.EntityFrameworkCore.TimeBank;

/// <summary>
/// Reads a time-bank journal back into a ledger (shared by the journal stores). The rows are read in sequence order
/// through the provider's own data reader (no entity is made per row), checked for gaps as they come, and handed in
/// chunks to parsers on the other cores, so reading the database and reading the JSON overlap; the records are then put
/// back in journal order. The first problem in journal order is the one reported, naming the record's sequence.
/// </summary>
internal static class TimeBankJournalReader
{
    public const string AccountKind = "account";
    public const string RelationKind = "relation";
    public const string TransactionKind = "transaction";
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;

    /// <summary>How many records one parser takes at a time (tests lower it to exercise many chunks).</summary>
    internal static int ChunkSize { get; set; } = 8192;

    public static async Task<(TimeBankLedger Ledger, long Last, long Epoch)> RestoreAsync<TContext>(
        IDbContextFactory<TContext> contexts, TimeBankPolicy policy, IClock clock, ITimeBankWriteAhead writeAhead, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // Take the journal over first: whatever an earlier writer committed is then visible, and it commits nothing more.
        var epoch = await TimeBankWriter.AcquireAsync(db, cancellationToken).ConfigureAwait(false);
        var parsers = new Parsers(Math.Max(1, Environment.ProcessorCount));
        long expected = 0;
        ValidationFailedException? gap = null;
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = SelectInOrder(db);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
            var chunk = new Chunk(expected + 1);
            while (!parsers.Failed && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var sequence = reader.GetInt64(0);
                if (sequence != ++expected)
                {
                    gap = Refused(expected, StoreMessages.Format("JournalGapRecordMissingNext", expected, sequence));
                    break;
                }

                chunk.Add(reader.GetString(1), reader.GetString(2));
                if (chunk.Count == ChunkSize)
                {
                    await parsers.StartAsync(chunk, cancellationToken).ConfigureAwait(false);
                    chunk = new Chunk(expected + 1);
                }
            }

            await parsers.StartAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        var chunks = await parsers.AllAsync().ConfigureAwait(false);
        var accounts = new List<TimeBankExportedAccount>();
        var relations = new List<TimeBankRelation>();
        var transactions = new List<TimeBankTransaction>((int)Math.Min(expected, int.MaxValue));
        foreach (var parsed in chunks)
        {
            if (parsed.Failure is { } failure)
            {
                throw failure;
            }

            accounts.AddRange(parsed.Accounts);
            relations.AddRange(parsed.Relations);
            transactions.AddRange(parsed.Transactions);
        }

        if (gap is not null)
        {
            throw gap;
        }

        return (TimeBankLedger.Restore(new TimeBankLedgerExport(policy, accounts, relations, transactions), clock, writeAhead), expected, epoch);
    }

    /// <summary>The journal's rows in sequence order, in the names the model maps them to on this provider.</summary>
    private static string SelectInOrder(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TimeBankJournalRow)) ?? throw new InvalidOperationException(StoreMessages.Format("ContextNoCallModelBuilderApplyGovernanceModel", nameof(TimeBankJournalRow)));
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var sequence = column(nameof(TimeBankJournalRow.Sequence));
        return $"SELECT {sequence}, {column(nameof(TimeBankJournalRow.Kind))}, {column(nameof(TimeBankJournalRow.Payload))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} ORDER BY {sequence}";
    }

    private static ValidationFailedException Refused(long sequence, string message) => new(StoreMessages.Text("TimeBankJournal"), [new ValidationError($"sequence {sequence}", message)]);

    /// <summary>Consecutive records as read: their kinds and payloads, from sequence <see cref="First"/>.</summary>
    private sealed class Chunk(long first)
    {
        public long First { get; } = first;

        public List<(string Kind, string Payload)> Rows { get; } = new(ChunkSize);

        public int Count => Rows.Count;

        public void Add(string kind, string payload) => Rows.Add((kind, payload));

        /// <summary>The chunk's records as objects, stopping at the first that cannot be read.</summary>
        public Parsed Parse()
        {
            var parsed = new Parsed();
            for (var i = 0; i < Rows.Count; i++)
            {
                var (kind, payload) = Rows[i];
                var sequence = First + i;
                try
                {
                    switch (kind)
                    {
                        case TransactionKind:
                            parsed.Transactions.Add(JsonSerializer.Deserialize<TimeBankTransaction>(payload, Json) ?? throw Null(sequence, kind));
                            break;
                        case AccountKind:
                            parsed.Accounts.Add(JsonSerializer.Deserialize<TimeBankExportedAccount>(payload, Json) ?? throw Null(sequence, kind));
                            break;
                        case RelationKind:
                            parsed.Relations.Add(JsonSerializer.Deserialize<TimeBankRelation>(payload, Json) ?? throw Null(sequence, kind));
                            break;
                        default:
                            parsed.Failure = Refused(sequence, StoreMessages.Format("UnknownRecordKind", kind));
                            return parsed;
                    }
                }
                catch (JsonException e)
                {
                    parsed.Failure = Refused(sequence, StoreMessages.Format("RecordCannotRead", kind, e.Message));
                    return parsed;
                }
            }

            return parsed;
        }

        private static JsonException Null(long sequence, string kind) => new(StoreMessages.Format("RecordNull", sequence, kind));
    }

    /// <summary>What one chunk held, or where it stopped.</summary>
    private sealed class Parsed
    {
        public List<TimeBankExportedAccount> Accounts { get; } = [];

        public List<TimeBankRelation> Relations { get; } = [];

        public List<TimeBankTransaction> Transactions { get; } = new(ChunkSize);

        public ValidationFailedException? Failure { get; set; }
    }

    /// <summary>The chunks being parsed, in journal order, at most two per core in flight (the reader waits for the oldest).</summary>
    private sealed class Parsers(int cores)
    {
        private readonly List<Task<Parsed>> _started = [];
        private int _waited;

        /// <summary>Whether a chunk already parsed failed (the reader stops: nothing after it is reported).</summary>
        public bool Failed { get; private set; }

        public async Task StartAsync(Chunk chunk, CancellationToken cancellationToken)
        {
            if (chunk.Count == 0)
            {
                return;
            }

            while (_started.Count - _waited >= 2 * cores)
            {
                var done = await _started[_waited++].WaitAsync(cancellationToken).ConfigureAwait(false);
                Failed |= done.Failure is not null;
            }

            _started.Add(Task.Run(chunk.Parse, cancellationToken));
        }

        public async Task<Parsed[]> AllAsync() => await Task.WhenAll(_started).ConfigureAwait(false);
    }
}
