using System.Data.Common;
using System.Globalization;
using System.Text;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commissioning.Data;

/// <summary>
/// Inserts the many rows of a tender import (80,000 scores in an ICS tender) with multi-row
/// INSERT statements inside the caller's transaction, instead of through the change tracker. The
/// values are written exactly as the context's own mapping would write them (checked by the
/// round-trip tests, which read these rows back through the context).
/// </summary>
public static class BulkInsert
{
    private const int RowsPerStatement = 400;

    /// <summary>Inserts evaluator scores, at version 1, in the current transaction.</summary>
    public static Task ScoresAsync(CommissioningDbContext db, IReadOnlyList<EvaluatorScoreRow> rows, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var sqlite = db.Database.IsSqlite();
        return InsertAsync(db, "EvaluatorScores",
            ["Id", "TenderId", "Position", "EvaluatorKey", "BidKey", "QuestionKey", "Score", "Rationale", "Submitted", "SubmittedAt", "Version"],
            rows, r =>
            {
                r.Version = 1;
                return [Key(r.Id, sqlite), Key(r.TenderId, sqlite), r.Position, r.EvaluatorKey, r.BidKey, r.QuestionKey, Number(r.Score, sqlite), r.Rationale, r.Submitted, (object?)r.SubmittedAt ?? DBNull.Value, r.Version];
            }, cancel);
    }

    /// <summary>Inserts moderated scores, at version 1, in the current transaction.</summary>
    public static Task ModerationAsync(CommissioningDbContext db, IReadOnlyList<ModeratedScoreRow> rows, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var sqlite = db.Database.IsSqlite();
        return InsertAsync(db, "ModeratedScores",
            ["Id", "TenderId", "Position", "BidKey", "QuestionKey", "Score", "Reason", "ModeratorKey", "Version"],
            rows, r =>
            {
                r.Version = 1;
                return [Key(r.Id, sqlite), Key(r.TenderId, sqlite), r.Position, r.BidKey, r.QuestionKey, Number(r.Score, sqlite), r.Reason, r.ModeratorKey, r.Version];
            }, cancel);
    }

    /// <summary>EF Core's SQLite provider keeps a Guid as upper-case text; PostgreSQL as uuid.</summary>
    private static object Key(Guid id, bool sqlite) => sqlite ? id.ToString().ToUpperInvariant() : id;

    /// <summary>The context keeps a decimal as its exact invariant text on SQLite (see CommissioningDbContext); numeric on PostgreSQL.</summary>
    private static object Number(decimal value, bool sqlite) => sqlite ? value.ToString(CultureInfo.InvariantCulture) : value;

    private static async Task InsertAsync<T>(CommissioningDbContext db, string table, string[] columns, IReadOnlyList<T> rows, Func<T, object[]> values, CancellationToken cancel)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction, so a failure leaves nothing behind; begin one first.");
        var connection = db.Database.GetDbConnection();

        // SQLite: one prepared single-row INSERT, run once a row (SQLite has no network round
        // trip, and binding is cheapest with few parameters). PostgreSQL: many rows a statement.
        var perStatement = db.Database.IsSqlite() ? 1 : RowsPerStatement;
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                if (command is null || command.Parameters.Count != count * columns.Length)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync().ConfigureAwait(false);
                    }

                    command = Command(connection, transaction, table, columns, count);
                }

                for (var i = 0; i < count; i++)
                {
                    var row = values(rows[start + i]);
                    for (var c = 0; c < row.Length; c++)
                    {
                        command.Parameters[(i * columns.Length) + c].Value = row[c];
                    }
                }

                await command.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string table, string[] columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{i}_{c}");
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }
}
