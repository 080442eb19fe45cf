using System.Data.Common;
using System.Globalization;
using System.Text;
using Commissioning.Core.Tenders;
using Commissioning.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Commissioning.Data;

/// <summary>
/// Reads the big parts of a stored tender (80,000 evaluator scores, 8,000 answers and the bids'
/// prices in an ICS tender) with plain data readers straight into Core's records, without EF
/// Core's materialiser, and sharing repeated ids rather than copying them. The values are read as
/// the context stores them (see <see cref="BulkInsert"/> and <see cref="CommissioningDbContext"/>):
/// on SQLite a decimal is its exact text, a Guid upper-case text and an enum its name; the
/// round-trip tests on both databases hold the two together.
/// </summary>
public static class BulkRead
{
    /// <summary>The tender's evaluator scores in their stored order.</summary>
    public static async Task<List<EvaluatorScore>> ScoresAsync(CommissioningDbContext db, Guid tenderId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        const string Sql = "SELECT \"EvaluatorKey\", \"BidKey\", \"QuestionKey\", \"Score\", \"Rationale\" FROM \"EvaluatorScores\" WHERE \"TenderId\" = @tender ORDER BY \"Position\"";
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(cancel).ConfigureAwait(false);
        try
        {
            if (sqlite)
            {
                return SqliteScores((SqliteConnection)db.Database.GetDbConnection(), Sql.Replace("@tender", "?1", StringComparison.Ordinal), tenderId, cancel);
            }

            var ids = new SharedIds();
            var scores = new List<EvaluatorScore>();
            await using var command = Command(db, Sql, tenderId);
            await using var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false);
            while (await reader.ReadAsync(cancel).ConfigureAwait(false))
            {
                scores.Add(new EvaluatorScore
                {
                    EvaluatorId = ids.Share(reader.GetString(0)),
                    BidId = ids.Share(reader.GetString(1)),
                    QuestionId = ids.Share(reader.GetString(2)),
                    Score = reader.GetDecimal(3),
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

    /// <summary>
    /// The scores on SQLite, read through SQLite's own interface rather than the ADO.NET reader:
    /// each id is looked up by its bytes, so the 240,000 repeated ids of an ICS tender cost no new
    /// strings, and each score is parsed from its stored text without making a string first.
    /// Measured: this halves the time of reading the scores (see docs/performance.md).
    /// </summary>
    private static List<EvaluatorScore> SqliteScores(SqliteConnection connection, string sql, Guid tenderId, CancellationToken cancel)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            Check(handle, raw.sqlite3_bind_text(statement, 1, Key(tenderId)));
            var ids = new SharedIds();
            var scores = new List<EvaluatorScore>();
            int result;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if ((scores.Count & 0xFFF) == 0)
                {
                    cancel.ThrowIfCancellationRequested();
                }

                scores.Add(new EvaluatorScore
                {
                    EvaluatorId = ids.Share(raw.sqlite3_column_blob(statement, 0)),
                    BidId = ids.Share(raw.sqlite3_column_blob(statement, 1)),
                    QuestionId = ids.Share(raw.sqlite3_column_blob(statement, 2)),
                    Score = decimal.Parse(raw.sqlite3_column_blob(statement, 3), NumberStyles.Number, CultureInfo.InvariantCulture),
                    Rationale = Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, 4)),
                });
            }

            if (result != raw.SQLITE_DONE)
            {
                Check(handle, result);
            }

            return scores;
        }
    }

    private static void Check(sqlite3 handle, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite error {result} while reading scores: {raw.sqlite3_errmsg(handle).utf8_to_string()}", result);
        }
    }

    /// <summary>The tender's bids in their stored order, each with its prices and answers in order.</summary>
    public static async Task<List<Bid>> BidsAsync(CommissioningDbContext db, Guid tenderId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(cancel).ConfigureAwait(false);
        try
        {
            var bids = new List<(Guid Id, string Key, string Lot, string Provider, string Declarations)>();
            await using (var command = Command(db, "SELECT \"Id\", \"Key\", \"LotKey\", \"Provider\", \"DeclarationsJson\" FROM \"Bids\" WHERE \"TenderId\" = @tender ORDER BY \"Position\"", tenderId))
            await using (var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancel).ConfigureAwait(false))
                {
                    bids.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
                }
            }

            var prices = bids.ToDictionary(b => b.Id, _ => (Contract: new List<decimal>(), Extension: new List<decimal>()));
            await using (var command = Command(db, "SELECT p.\"BidId\", p.\"Kind\", p.\"Amount\" FROM \"BidPrices\" p JOIN \"Bids\" b ON p.\"BidId\" = b.\"Id\" WHERE b.\"TenderId\" = @tender ORDER BY p.\"BidId\", p.\"Kind\", p.\"Position\"", tenderId))
            await using (var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancel).ConfigureAwait(false))
                {
                    var lists = prices[reader.GetGuid(0)];
                    var kind = Enum.Parse<PriceYearKind>(reader.GetString(1));
                    (kind == PriceYearKind.Contract ? lists.Contract : lists.Extension).Add(Number(reader, 2, sqlite));
                }
            }

            var answers = bids.ToDictionary(b => b.Id, _ => new List<Answer>());
            var ids = new SharedIds();
            await using (var command = Command(db, "SELECT a.\"BidId\", a.\"QuestionKey\", a.\"Text\" FROM \"Answers\" a JOIN \"Bids\" b ON a.\"BidId\" = b.\"Id\" WHERE b.\"TenderId\" = @tender ORDER BY a.\"BidId\", a.\"Position\"", tenderId))
            await using (var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancel).ConfigureAwait(false))
                {
                    answers[reader.GetGuid(0)].Add(new Answer { QuestionId = ids.Share(reader.GetString(1)), Text = reader.GetString(2) });
                }
            }

            return [.. bids.Select(b => new Bid
            {
                Id = b.Key,
                LotId = b.Lot,
                Provider = b.Provider,
                Declarations = TenderMapping.Parse<Declarations>(b.Declarations),
                Price = new PriceSchedule { AnnualPrices = prices[b.Id].Contract, ExtensionPrices = prices[b.Id].Extension },
                Answers = answers[b.Id],
            })];
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The tender's consensus scores in their stored order.</summary>
    public static async Task<List<ModeratedScore>> ModerationAsync(CommissioningDbContext db, Guid tenderId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(cancel).ConfigureAwait(false);
        try
        {
            var ids = new SharedIds();
            var moderation = new List<ModeratedScore>();
            await using var command = Command(db, "SELECT \"BidKey\", \"QuestionKey\", \"Score\", \"Reason\", \"ModeratorKey\" FROM \"ModeratedScores\" WHERE \"TenderId\" = @tender ORDER BY \"Position\"", tenderId);
            await using var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false);
            while (await reader.ReadAsync(cancel).ConfigureAwait(false))
            {
                moderation.Add(new ModeratedScore
                {
                    BidId = ids.Share(reader.GetString(0)),
                    QuestionId = ids.Share(reader.GetString(1)),
                    Score = Number(reader, 2, sqlite),
                    Reason = reader.GetString(3),
                    ModeratorId = ids.Share(reader.GetString(4)),
                });
            }

            return moderation;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A command on the context's open connection (in its transaction, if any), with the tender id as <c>@tender</c>.</summary>
    private static DbCommand Command(CommissioningDbContext db, string sql, Guid tenderId)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@tender";
        parameter.Value = db.Database.IsSqlite() ? Key(tenderId) : tenderId;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>EF Core's SQLite provider keeps a Guid as upper-case text.</summary>
    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>A decimal as the context stores it: exact text on SQLite, numeric on PostgreSQL.</summary>
    private static decimal Number(DbDataReader reader, int column, bool sqlite) =>
        sqlite ? decimal.Parse(reader.GetString(column), NumberStyles.Number, CultureInfo.InvariantCulture) : reader.GetDecimal(column);

    /// <summary>
    /// One string for each distinct id, so 80,000 scores share a few hundred id strings. Looked up
    /// by the UTF-8 bytes where the reader gives them, so a repeated id makes no new string.
    /// </summary>
    private sealed class SharedIds
    {
        private readonly Dictionary<string, string> _byText = new(StringComparer.Ordinal);
        private readonly Dictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> _byBytes =
            new Dictionary<byte[], string>(ByteComparer.Instance).GetAlternateLookup<ReadOnlySpan<byte>>();

        public string Share(string id) => _byText.TryGetValue(id, out var seen) ? seen : _byText[id] = id;

        public string Share(ReadOnlySpan<byte> utf8)
        {
            if (_byBytes.TryGetValue(utf8, out var seen))
            {
                return seen;
            }

            var id = Share(Encoding.UTF8.GetString(utf8));
            _byBytes.Dictionary[utf8.ToArray()] = id;
            return id;
        }
    }

    /// <summary>Compares byte arrays, and spans against them, by content.</summary>
    private sealed class ByteComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
