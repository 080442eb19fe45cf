using System.Diagnostics;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Benchmarks;

/// <summary>
/// <c>profile-load</c>: where the time of <c>TenderLoader.LoadPackAsync</c> goes on the
/// ICS-scale tender in SQLite. Each step of the load is timed on its own with a stopwatch (after
/// warm-up runs), as the store does it, and the whole load beside them; the median of the runs is
/// shown. The steps read the same rows in the same way as the store, so their sum is close to
/// the whole.
/// </summary>
public static class StorageProfile
{
    private const int Runs = 15;

    /// <summary>Runs the profile and writes the figures.</summary>
    public static void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var folder = Directory.CreateTempSubdirectory("commissioning-profile-").FullName;
        try
        {
            var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "profile.db")}");
            CommissioningDatabase.Migrate(settings);
            var contexts = new CommissioningContextFactory(settings);
        var store = new ImportTender(contexts, TimeProvider.System);
        var owner = SeededAccounts.AccountAsync(settings, "bench-owner", "Bench Owner", commissioner: true).GetAwaiter().GetResult();
            var file = TenderFile.Write(IcsScaleTender.Create());
            var id = store.HandleAsync(owner, file).GetAwaiter().GetResult().Value;

            // Wall time, and the process's processor time (which other processes on a busy machine
            // disturb much less than the wall time), for each step.
            var steps = new Dictionary<string, (List<double> Wall, List<double> Cpu)>(StringComparer.Ordinal);
            using var process = Process.GetCurrentProcess();
            void Time(string step, Action action)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                action();
                var wall = clock.Elapsed.TotalMilliseconds;
                process.Refresh();
                var lists = steps.TryGetValue(step, out var found) ? found : steps[step] = ([], []);
                lists.Wall.Add(wall);
                lists.Cpu.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
            }

            for (var run = 0; run < Runs + 3; run++)
            {
                if (run == 3)
                {
                    steps.Clear();
                }

                Time("whole LoadPackAsync", () => TenderLoader.LoadPackAsync(contexts, id, default).GetAwaiter().GetResult());
                ProfileSteps(settings, id, Time);
            }

            output.WriteLine($"{"step (median of " + Runs + " runs after 3 warm-ups)",-66} {"wall",9} {"min wall",9} {"processor",10}");
            foreach (var (step, (wall, cpu)) in steps)
            {
                wall.Sort();
                cpu.Sort();
                output.WriteLine($"{step,-66} {wall[wall.Count / 2],6:N1} ms {wall[0],6:N1} ms {cpu[cpu.Count / 2],7:N1} ms");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Each step of the load on its own context, as <c>TenderLoader.LoadPackAsync</c> does it.</summary>
    private static void ProfileSteps(DatabaseSettings settings, Guid id, Action<string, Action> time)
    {
        time("open a context and connection", () =>
        {
            using var db = CommissioningDatabase.CreateContext(settings);
            db.Database.OpenConnection();
            db.Database.CloseConnection();
        });
        time("definition through EF Core (read + map to Core)", () =>
        {
            using var db = CommissioningDatabase.CreateContext(settings);
            var tender = db.Tenders.AsNoTracking().AsSplitQuery()
                .Include(t => t.Members)
                .Include(t => t.Lots).ThenInclude(l => l.Sections).ThenInclude(s => s.Questions)
                .Include(t => t.Lots).ThenInclude(l => l.Gates)
                .Include(t => t.Evaluators)
                .Include(t => t.Assignments)
                .Single(t => t.Id == id);
            _ = TenderMapping.ToTender(tender);
        });
        time("bids through EF Core Include (old way: read only)", () =>
        {
            using var db = CommissioningDatabase.CreateContext(settings);
            _ = db.Bids.AsNoTracking().AsSplitQuery().Where(b => b.TenderId == id).Include(b => b.Prices).Include(b => b.Answers).OrderBy(b => b.Position).ToList();
        });
        time("bids through EF Core Include (read + map to Core)", () =>
        {
            using var db = CommissioningDatabase.CreateContext(settings);
            _ = db.Bids.AsNoTracking().AsSplitQuery().Where(b => b.TenderId == id).Include(b => b.Prices).Include(b => b.Answers).OrderBy(b => b.Position).ToList().Select(TenderMapping.ToBid).ToList();
        });
        time("bids, prices, answers by data reader (BulkRead.BidsAsync)", () =>
        {
            using var db = CommissioningDatabase.CreateContext(settings);
            _ = BulkRead.BidsAsync(db, id).GetAwaiter().GetResult();
        });
        time("declarations JSON parsed (40 bids)", () =>
        {
            using var db = CommissioningDatabase.CreateContext(settings);
            foreach (var json in db.Bids.AsNoTracking().Where(b => b.TenderId == id).Select(b => b.DeclarationsJson).ToList())
            {
                _ = System.Text.Json.JsonSerializer.Deserialize<Declarations>(json, TenderMapping.JsonOptions);
            }
        });
        time("80,000 scores by ADO.NET data reader (the old BulkRead)", () =>
        {
            using var db = CommissioningDatabase.CreateContext(settings);
            db.Database.OpenConnection();
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT \"EvaluatorKey\", \"BidKey\", \"QuestionKey\", \"Score\", \"Rationale\" FROM \"EvaluatorScores\" WHERE \"TenderId\" = $t ORDER BY \"Position\"";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$t";
            parameter.Value = id.ToString().ToUpperInvariant();
            command.Parameters.Add(parameter);
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            string Shared(string key) => ids.TryGetValue(key, out var seen) ? seen : ids[key] = key;
            var scores = new List<EvaluatorScore>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                scores.Add(new EvaluatorScore
                {
                    EvaluatorId = Shared(reader.GetString(0)),
                    BidId = Shared(reader.GetString(1)),
                    QuestionId = Shared(reader.GetString(2)),
                    Score = decimal.Parse(reader.GetString(3), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture),
                    Rationale = reader.GetString(4),
                });
            }
        });
        time("80,000 scores through SQLite's interface (BulkRead.ScoresAsync)", () =>
        {
            using var db = CommissioningDatabase.CreateContext(settings);
            _ = BulkRead.ScoresAsync(db, id).GetAwaiter().GetResult();
        });
        time("80,000 scores: SQLite step only (no values read)", () =>
        {
            using var db = CommissioningDatabase.CreateContext(settings);
            db.Database.OpenConnection();
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT \"EvaluatorKey\", \"BidKey\", \"QuestionKey\", \"Score\", \"Rationale\" FROM \"EvaluatorScores\" WHERE \"TenderId\" = $t ORDER BY \"Position\"";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$t";
            parameter.Value = id.ToString().ToUpperInvariant();
            command.Parameters.Add(parameter);
            using var reader = command.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
            }
        });
        foreach (var (name, columns) in new[] { ("keys only", new[] { 0, 1, 2 }), ("score text only", new[] { 3 }), ("rationale only", new[] { 4 }) })
        {
            time($"80,000 scores: step + GetString of {name}", () =>
            {
                using var db = CommissioningDatabase.CreateContext(settings);
                db.Database.OpenConnection();
                using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "SELECT \"EvaluatorKey\", \"BidKey\", \"QuestionKey\", \"Score\", \"Rationale\" FROM \"EvaluatorScores\" WHERE \"TenderId\" = $t ORDER BY \"Position\"";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "$t";
                parameter.Value = id.ToString().ToUpperInvariant();
                command.Parameters.Add(parameter);
                using var reader = command.ExecuteReader();
                var length = 0;
                while (reader.Read())
                {
                    foreach (var column in columns)
                    {
                        length += reader.GetString(column).Length;
                    }
                }
            });
        }

        time("moderation through EF Core projection", () =>
        {
            using var db = CommissioningDatabase.CreateContext(settings);
            _ = db.ModeratedScores.AsNoTracking().Where(s => s.TenderId == id).OrderBy(s => s.Position)
                .Select(m => new ModeratedScore { BidId = m.BidKey, QuestionId = m.QuestionKey, Score = m.Score, Reason = m.Reason, ModeratorId = m.ModeratorKey }).ToList();
        });
        time("moderation by data reader (BulkRead.ModerationAsync)", () =>
        {
            using var db = CommissioningDatabase.CreateContext(settings);
            _ = BulkRead.ModerationAsync(db, id).GetAwaiter().GetResult();
        });
        time("gate and low price decisions through EF Core", () =>
        {
            using var db = CommissioningDatabase.CreateContext(settings);
            _ = db.GateDecisions.AsNoTracking().Where(s => s.TenderId == id).OrderBy(s => s.Position).ToList();
            _ = db.LowPriceDecisions.AsNoTracking().Where(s => s.TenderId == id).OrderBy(s => s.Position).ToList();
        });
    }
}
