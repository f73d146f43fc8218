using System.Data.Common;
using System.Text;
using Governance.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.EntityFrameworkCore.TimeBank;

/// <summary>
/// Inserts a batch of journal records in one database transaction, fenced by the writer's epoch, with multi-row <c>INSERT</c> statements (table and
/// column names, and their quoting, from the context's model and provider), without the change tracker: the batch is
/// the group commit's whole cost, so it is kept to a few statements.
/// </summary>
internal static class JournalBatch
{
    // Four parameters a row; SQLite's oldest limit is 999 parameters a statement.
    private const int RowsPerStatement = 200;

    public static async Task InsertAsync<TContext>(IDbContextFactory<TContext> contexts, long epoch, List<TimeBankJournalRow> rows)
        where TContext : DbContext
    {
        await using var db = await contexts.CreateDbContextAsync().ConfigureAwait(false);
        var entity = db.Model.FindEntityType(typeof(TimeBankJournalRow))
            ?? throw new InvalidOperationException(StoreMessages.Format("ContextNoTimeBankJournalCall", typeof(TContext).Name));
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({Column(nameof(TimeBankJournalRow.Sequence))}, {Column(nameof(TimeBankJournalRow.Kind))}, "
            + $"{Column(nameof(TimeBankJournalRow.TransactionId))}, {Column(nameof(TimeBankJournalRow.Payload))}) ";

        // The fence goes first, in the same round trip as the first INSERT: it locks the writer row until the commit, or
        // updates nothing because another writer took the journal over, and then the transaction is rolled back.
        var writer = db.Model.FindEntityType(typeof(TimeBankWriterRow))!;
        var writerTable = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(writer.GetTableName()!, writer.GetSchema());
        string WriterColumn(string property) => sql.DelimitIdentifier(writer.FindProperty(property)!.GetColumnName(writerTable)!);
        var writerName = sql.DelimitIdentifier(writerTable.Name, writerTable.Schema);
        var held = $"{WriterColumn(nameof(TimeBankWriterRow.Name))} = @scheme AND {WriterColumn(nameof(TimeBankWriterRow.Epoch))} = @epoch";
        var fence = $"UPDATE {writerName} SET {WriterColumn(nameof(TimeBankWriterRow.Epoch))} = @epoch WHERE {held};\n";

        // On PostgreSQL a batch that fits one statement needs no explicit transaction: the fence and the INSERT travel as
        // one command, which the server runs as one implicit transaction (one round trip, no COMMIT), and the INSERT adds
        // its rows only while the fence holds. Elsewhere (SQLite runs each statement by itself) the batch takes a transaction.
        var implicitTransaction = rows.Count <= RowsPerStatement && db.Database.ProviderName?.StartsWith("Npgsql", StringComparison.Ordinal) == true;
        await using var efTransaction = implicitTransaction ? null : await db.Database.BeginTransactionAsync().ConfigureAwait(false);
        await db.Database.OpenConnectionAsync().ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        var transaction = efTransaction?.GetDbTransaction();
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder();
            if (start == 0)
            {
                text.Append(fence);
                Parameter(command, "epoch", epoch);
                Parameter(command, "scheme", TimeBankWriter.Scheme);
            }

            text.Append(into).Append(implicitTransaction ? "SELECT * FROM (VALUES " : "VALUES ");
            for (var i = 0; i < count; i++)
            {
                var row = rows[start + i];
                text.Append(i == 0 ? "(" : ", (");
                Add(command, text, $"s{i}", row.Sequence).Append(", ");
                Add(command, text, $"k{i}", row.Kind).Append(", ");
                Add(command, text, $"t{i}", (object?)row.TransactionId ?? DBNull.Value).Append(", ");
                Add(command, text, $"p{i}", row.Payload).Append(')');
            }

            if (implicitTransaction)
            {
                text.Append($") AS v WHERE EXISTS (SELECT 1 FROM {writerName} WHERE {held})");
            }

            command.CommandText = text.ToString();
            int affected;
            try
            {
                affected = await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (DbException) when (start == 0)
            {
                // A newer writer's rows in the way (a duplicate sequence) mean this writer lost the journal: say so. The
                // failed transaction is rolled back first (it holds SQLite's write lock; on PostgreSQL it cannot be read
                // from), then the writer row is checked in a context of its own.
                if (efTransaction is not null)
                {
                    await efTransaction.RollbackAsync().ConfigureAwait(false);
                }

                await using var check = await contexts.CreateDbContextAsync().ConfigureAwait(false);
                await TimeBankWriter.FenceAsync(check, epoch, CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            if (start == 0 && affected != count + 1)
            {
                // The fence updated nothing: this writer lost the journal. Disposing the transaction rolls the rows back.
                await TimeBankWriter.FenceAsync(db, epoch, CancellationToken.None).ConfigureAwait(false);
                throw new InvalidOperationException(StoreMessages.Format("JournalBatchWroteRowsWhereWere", affected, count + 1));
            }
        }

        if (efTransaction is not null)
        {
            await efTransaction.CommitAsync().ConfigureAwait(false);
        }
    }

    private static StringBuilder Add(DbCommand command, StringBuilder text, string name, object value)
    {
        Parameter(command, name, value);
        return text.Append('@').Append(name);
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
