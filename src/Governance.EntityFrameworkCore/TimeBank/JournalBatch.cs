using System.Data.Common;
using System.Text;
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
            ?? throw new InvalidOperationException($"The context {typeof(TContext).Name} has no time-bank journal; call modelBuilder.UseGovernance().");
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({Column(nameof(TimeBankJournalRow.Sequence))}, {Column(nameof(TimeBankJournalRow.Kind))}, "
            + $"{Column(nameof(TimeBankJournalRow.TransactionId))}, {Column(nameof(TimeBankJournalRow.Payload))}) VALUES ";

        // The fence first: it locks the writer row until the commit, or finds that another writer took the journal over.
        await using var efTransaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
        await TimeBankWriter.FenceAsync(db, epoch, CancellationToken.None).ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        var transaction = efTransaction.GetDbTransaction();
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(insert);
            for (var i = 0; i < count; i++)
            {
                var row = rows[start + i];
                text.Append(i == 0 ? "(" : ", (");
                Add(command, text, $"s{i}", row.Sequence).Append(", ");
                Add(command, text, $"k{i}", row.Kind).Append(", ");
                Add(command, text, $"t{i}", (object?)row.TransactionId ?? DBNull.Value).Append(", ");
                Add(command, text, $"p{i}", row.Payload).Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await efTransaction.CommitAsync().ConfigureAwait(false);
    }

    private static StringBuilder Add(DbCommand command, StringBuilder text, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return text.Append('@').Append(name);
    }
}
