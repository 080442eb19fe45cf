using System.Diagnostics;
using Commissioning.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Tests.Data;

/// <summary>
/// A process killed (SIGKILL) in the middle of importing the ICS-scale tender into an SQLite file
/// leaves the database consistent: each tender whole or absent, and SQLite's integrity check ok.
/// </summary>
[NonParallelizable]
public sealed class KillMidSaveTests
{
    [Test]
    [CancelAfter(300_000)]
    public async Task ImportKilledMidTransaction_Reopened_HoldsWholeTendersOnlyAndPassesTheIntegrityCheck(CancellationToken cancel)
    {
        var folder = Directory.CreateTempSubdirectory("commissioning-kill-").FullName;
        var file = Path.Combine(folder, "commissioning.db");
        try
        {
            var child = Path.Combine(AppContext.BaseDirectory, "Commissioning.Benchmarks.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(child);
            start.ArgumentList.Add("import-loop");
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var lines = new List<string>();
            var firstSave = await process.StandardOutput.ReadLineAsync(cancel);
            lines.Add(firstSave!);
            Assert.That(firstSave, Is.EqualTo("saving 1"));

            // The transaction is under way once the write-ahead log grows well past what the
            // migrations left in it: the import's pages are being written, not yet committed.
            var wal = file + "-wal";
            var before = File.Exists(wal) ? new FileInfo(wal).Length : 0;
            long atKill;
            while (true)
            {
                await Task.Delay(20, cancel);
                atKill = File.Exists(wal) ? new FileInfo(wal).Length : 0;
                if (atKill > before + (4 << 20))
                {
                    break;
                }

                Assert.That(process.HasExited, Is.False, "The import process ended before it was killed.");
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(cancel);
            lines.AddRange((await process.StandardOutput.ReadToEndAsync(cancel)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            var committed = lines.Count(l => l.StartsWith("committed", StringComparison.Ordinal));

            SqliteConnection.ClearAllPools();
            var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}");
            await using var db = CommissioningDatabase.CreateContext(settings);
            var integrity = await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync(cancel);
            var tenders = await db.Tenders.Select(t => t.Id).ToListAsync(cancel);
            var checkedTenders = 0;
            foreach (var id in tenders)
            {
                Assert.That(await db.Bids.CountAsync(b => b.TenderId == id, cancel), Is.EqualTo(40));
                Assert.That(await db.EvaluatorScores.CountAsync(s => s.TenderId == id, cancel), Is.EqualTo(80_000));
                Assert.That(await db.AuditEntries.CountAsync(a => a.TenderId == id, cancel), Is.EqualTo(1));
                checkedTenders++;
            }

            Assert.That(atKill, Is.GreaterThan(before + (4 << 20)), "killed while the transaction was writing");
            Assert.That(integrity, Is.EqualTo(new[] { "ok" }));
            Assert.That(committed, Is.Zero, "the kill came before the first import committed");
            Assert.That(tenders, Is.Empty, "nothing of the unfinished import is visible");
            Assert.That(await db.EvaluatorScores.CountAsync(cancel), Is.Zero);
            Assert.That(await db.AuditEntries.CountAsync(cancel), Is.Zero);
            Assert.That(checkedTenders, Is.EqualTo(tenders.Count));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
