using System.Diagnostics;
using System.Globalization;
using Commissioning.Core.Evaluation;
using Commissioning.Documents.Excel.Matrix;

namespace Commissioning.Benchmarks;

/// <summary>
/// <c>profile-matrix</c>: times each run of the ICS-scale matrix export and of the minimal writer,
/// one after the other in the same process (after a warm-up of each), and reports each run's own
/// peak memory, which BenchmarkDotNet does not measure. On Linux the process's peak resident set
/// (<c>VmHWM</c>) is reset before each run (by writing 5 to <c>/proc/self/clear_refs</c>), so each
/// run's peak is its own; the pack and its evaluation are already in memory and are counted in
/// every peak, so the figure above them is given too.
/// </summary>
public static class MatrixProfile
{
    private const int Runs = 5;

    /// <summary>Runs the profile and writes the figures.</summary>
    public static void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var pack = IcsScaleTender.Create();
        var (result, robustness) = TenderEvaluator.EvaluateWithRobustness(pack);
        var provenance = new MatrixProvenance { GeneratedAt = DateTimeOffset.UnixEpoch, ToolkitVersion = "profile" };

        // Warm-up: one of each, not reported.
        Export(pack, result, robustness, provenance);
        Minimal(pack, result, robustness, provenance);

        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseline = Resident("VmRSS");
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"machine: {Environment.ProcessorCount} cores; load average {LoadAverage()}");
        output.WriteLine($"before the runs: resident {Mb(baseline)}; managed heap {Mb(heap)} (the pack, its evaluation and robustness)");
        output.WriteLine($"peak resets: {(ResetPeak() ? "yes (each run's peak is its own)" : "no (/proc/self/clear_refs not writable: peaks only grow)")}");

        var cells = MatrixBuilder.Build(pack, result, robustness, provenance).Sheets.Sum(s => s.Cells.Count());
        output.WriteLine($"cells: {cells.ToString("N0", CultureInfo.InvariantCulture)}");
        output.WriteLine("run | export ms | export peak resident | above the start | allocated | minimal writer ms | minimal peak resident | ratio export/minimal");
        var exportTimes = new List<double>();
        var minimalTimes = new List<double>();
        for (var run = 1; run <= Runs; run++)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var start = Resident("VmRSS");
            ResetPeak();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var export = Export(pack, result, robustness, provenance);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var exportPeak = Resident("VmHWM");

            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            ResetPeak();
            var minimal = Minimal(pack, result, robustness, provenance);
            var minimalPeak = Resident("VmHWM");
            exportTimes.Add(export.TotalMilliseconds);
            minimalTimes.Add(minimal.TotalMilliseconds);
            output.WriteLine($"{run} | {export.TotalMilliseconds:N0} | {Mb(exportPeak)} | {Mb(exportPeak - start)} | {Mb(allocated)} | {minimal.TotalMilliseconds:N0} | {Mb(minimalPeak)} | {export.TotalMilliseconds / minimal.TotalMilliseconds:N2}");
        }

        output.WriteLine($"export: slowest {exportTimes.Max():N0} ms, fastest {exportTimes.Min():N0} ms, mean {exportTimes.Average():N0} ms; minimal writer: slowest {minimalTimes.Max():N0} ms, mean {minimalTimes.Average():N0} ms; ratio of means {exportTimes.Average() / minimalTimes.Average():N2}");
        output.WriteLine($"load average at the end {LoadAverage()}");
    }

    /// <summary>Layout and write, as the command runs them, into memory (the workbook is about 4 MB).</summary>
    private static TimeSpan Export(Core.Tenders.TenderPack pack, TenderResult result, IReadOnlyList<LotRobustness> robustness, MatrixProvenance provenance)
    {
        var clock = Stopwatch.StartNew();
        using var stream = new MemoryStream();
        MatrixWriter.Write(MatrixBuilder.Build(pack, result, robustness, provenance), stream);
        return clock.Elapsed;
    }

    private static TimeSpan Minimal(Core.Tenders.TenderPack pack, TenderResult result, IReadOnlyList<LotRobustness> robustness, MatrixProvenance provenance)
    {
        var clock = Stopwatch.StartNew();
        using var stream = new MemoryStream();
        MinimalMatrixWriter.Write(MatrixBuilder.Build(pack, result, robustness, provenance), stream);
        return clock.Elapsed;
    }

    /// <summary>A field of /proc/self/status in bytes (0 where there is none, off Linux).</summary>
    private static long Resident(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            using var process = Process.GetCurrentProcess();
            return field == "VmHWM" ? process.PeakWorkingSet64 : process.WorkingSet64;
        }

        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Mb(long bytes) => $"{bytes / 1048576.0:N0} MB";
}
