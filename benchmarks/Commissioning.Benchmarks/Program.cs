using BenchmarkDotNet.Running;
using Commissioning.Core.Files;

namespace Commissioning.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/Commissioning.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>
    /// Runs the benchmarks chosen on the command line. Other modes: <c>write-ics &lt;file.json&gt;</c>
    /// writes the ICS-scale tender to a file (to measure a command's peak memory on it);
    /// <c>profile-matrix</c> times the matrix export and its peak memory; <c>profile-load</c> times
    /// each step of loading the ICS-scale tender from SQLite; <c>import-loop
    /// &lt;sqlite-file&gt;</c> imports the ICS-scale tender into the file again and again (the child
    /// process that the kill-mid-save test stops with SIGKILL); <c>seed-load</c> and <c>load</c> measure
    /// the site under load over HTTP (<see cref="LoadTest"/>); <c>seed-setup &lt;sqlite-file&gt;</c> stores
    /// the ICS-scale tender's definition as a draft (its set-up pages), <c>seed-bids &lt;sqlite-file&gt;
    /// [count]</c> stores it that many times open for bids with none yet, and <c>upload</c> posts the 40
    /// response workbooks to each of those tenders' bids pages (<see cref="UploadTest"/>).
    /// </summary>
    public static void Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["write-ics", var path])
        {
            File.WriteAllText(path, TenderFile.Write(IcsScaleTender.Create()));
            return;
        }

        if (args is ["import-loop", var file])
        {
            ImportLoop.Run(file);
            return;
        }

        if (args is ["profile-load"])
        {
            StorageProfile.Run(Console.Out);
            return;
        }

        if (args is ["seed-load", var sqlite])
        {
            LoadTest.Seed(new Commissioning.Data.DatabaseSettings(Commissioning.Data.DatabaseProvider.Sqlite, $"Data Source={sqlite}"), Console.Out);
            return;
        }

        if (args is ["seed-load-postgres", var connection])
        {
            LoadTest.Seed(new Commissioning.Data.DatabaseSettings(Commissioning.Data.DatabaseProvider.PostgreSql, connection), Console.Out);
            return;
        }

        if (args is ["seed-setup", var setupFile])
        {
            LoadTest.SeedBare(new Commissioning.Data.DatabaseSettings(Commissioning.Data.DatabaseProvider.Sqlite, $"Data Source={setupFile}"), null, Console.Out);
            return;
        }

        if (args is ["seed-bids", var bidsFile, .. var times])
        {
            var count = times.Length > 0 ? int.Parse(times[0], System.Globalization.CultureInfo.InvariantCulture) : 1;
            for (var i = 0; i < count; i++)
            {
                LoadTest.SeedBare(new Commissioning.Data.DatabaseSettings(Commissioning.Data.DatabaseProvider.Sqlite, $"Data Source={bidsFile}"), Commissioning.Core.Lifecycle.TenderStage.OpenForBids, Console.Out);
            }

            return;
        }

        if (args is ["upload", { } site, { } ownerEmail, { } ownerPassword, .. var ids] && ids.Length > 0)
        {
            UploadTest.Run(new Uri(site), ownerEmail, ownerPassword, [.. ids.Select(i => Guid.Parse(i, System.Globalization.CultureInfo.InvariantCulture))], Console.Out);
            return;
        }

        if (args is ["load", { } url, { } email, { } password, { } target, .. var rest])
        {
            var connections = rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 50;
            var seconds = rest.Length > 1 ? int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
            LoadTest.Run(new Uri(url), email, password, target, connections, seconds, Console.Out);
            return;
        }

        if (args is ["profile-matrix"])
        {
            MatrixProfile.Run(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
