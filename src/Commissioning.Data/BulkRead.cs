using System.Globalization;
using Commissioning.Core.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Data;

/// <summary>
/// Reads a tender's evaluator scores (80,000 in an ICS tender) with a plain data reader, straight
/// into Core's records, repeating ids shared rather than copied. The values are read as the
/// context stores them (see <see cref="BulkInsert"/>); the round-trip tests hold the two together.
/// </summary>
public static class BulkRead
{
    /// <summary>The tender's evaluator scores in their stored order.</summary>
    public static async Task<List<EvaluatorScore>> ScoresAsync(CommissioningDbContext db, Guid tenderId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(cancel).ConfigureAwait(false);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT \"EvaluatorKey\", \"BidKey\", \"QuestionKey\", \"Score\", \"Rationale\" FROM \"EvaluatorScores\" WHERE \"TenderId\" = @tender ORDER BY \"Position\"";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@tender";
            parameter.Value = sqlite ? tenderId.ToString().ToUpperInvariant() : tenderId;
            command.Parameters.Add(parameter);
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            string Shared(string id) => ids.TryGetValue(id, out var seen) ? seen : ids[id] = id;
            var scores = new List<EvaluatorScore>();
            await using var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false);
            while (await reader.ReadAsync(cancel).ConfigureAwait(false))
            {
                scores.Add(new EvaluatorScore
                {
                    EvaluatorId = Shared(reader.GetString(0)),
                    BidId = Shared(reader.GetString(1)),
                    QuestionId = Shared(reader.GetString(2)),
                    Score = sqlite ? decimal.Parse(reader.GetString(3), NumberStyles.Number, CultureInfo.InvariantCulture) : reader.GetDecimal(3),
                    Rationale = reader.GetString(4),
                });
            }

            return scores;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
