using System.Diagnostics;
using Commissioning.Core.Evaluation;
using Commissioning.Documents.Excel.Matrix;

namespace Commissioning.Benchmarks;

/// <summary>
/// <c>profile-matrix</c>: times each step of the ICS-scale matrix export with a stopwatch (after
/// a warm-up) and reports the process's peak working set, which BenchmarkDotNet does not measure.
/// </summary>
public static class MatrixProfile
{
    /// <summary>Runs the profile and writes the figures.</summary>
    public static void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var pack = IcsScaleTender.Create();
        var (result, robustness) = TenderEvaluator.EvaluateWithRobustness(pack);
        var provenance = new MatrixProvenance { GeneratedAt = DateTimeOffset.UnixEpoch, ToolkitVersion = "profile" };
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        // The exports first, so that the peak read after them is the export's alone (the peak
        // working set only ever grows); then the minimal writer.
        var exports = new List<(TimeSpan Layout, TimeSpan Write)>();
        var cells = 0;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var model = MatrixBuilder.Build(pack, result, robustness, provenance);
            var layout = clock.Elapsed;
            using (var stream = new MemoryStream())
            {
                MatrixWriter.Write(model, stream);
            }

            exports.Add((layout, clock.Elapsed - layout));
            cells = model.Sheets.Sum(s => s.Cells.Count());
        }

        long exportPeak;
        using (var current = Process.GetCurrentProcess())
        {
            exportPeak = current.PeakWorkingSet64;
        }

        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            using (var stream = new MemoryStream())
            {
                MinimalMatrixWriter.Write(MatrixBuilder.Build(pack, result, robustness, provenance), stream);
            }

            var minimal = clock.Elapsed;
            var (layout, write) = exports[run];
            output.WriteLine($"run {run + 1}: cells {cells:N0}; layout {layout.TotalMilliseconds:N0} ms; MatrixWriter write {write.TotalMilliseconds:N0} ms; export {(layout + write).TotalMilliseconds:N0} ms; minimal writer with layout {minimal.TotalMilliseconds:N0} ms");
        }

        output.WriteLine($"working set before the exports {before / 1048576:N0} MB; peak after the three exports {exportPeak / 1048576:N0} MB");
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"peak working set of the process after the minimal writer too {process.PeakWorkingSet64 / 1048576:N0} MB");
    }
}
