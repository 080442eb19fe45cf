using System.Diagnostics;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Files;
using Commissioning.Data;

namespace Commissioning.Benchmarks;

/// <summary>
/// Imports the ICS-scale tender into an SQLite file over and over, saying on standard output
/// when each save starts and when it has committed. The kill-mid-save test reads these lines to
/// stop the process in the middle of a transaction.
/// </summary>
public static class ImportLoop
{
    /// <summary>Runs until killed.</summary>
    public static void Run(string sqliteFile)
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={sqliteFile}");
        CommissioningDatabase.Migrate(settings);
        var file = TenderFile.Write(IcsScaleTender.Create());
        var contexts = new CommissioningContextFactory(settings);
        var store = new ImportTender(contexts, TimeProvider.System);
        var owner = SeededAccounts.AccountAsync(settings, "bench-owner", "Bench Owner", commissioner: true).GetAwaiter().GetResult();
        for (var i = 1; ; i++)
        {
            Console.Out.WriteLine($"saving {i}");
            Console.Out.Flush();
            var watch = Stopwatch.StartNew();
            var outcome = store.HandleAsync(owner, file).GetAwaiter().GetResult();
            if (!outcome.Succeeded)
            {
                Console.Out.WriteLine("failed " + outcome.Errors[0].Message);
                return;
            }

            Console.Out.WriteLine($"committed {i} {watch.ElapsedMilliseconds}");
            Console.Out.Flush();
        }
    }
}
