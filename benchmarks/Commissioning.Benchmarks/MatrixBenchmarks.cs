using BenchmarkDotNet.Attributes;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Excel.Matrix;

namespace Commissioning.Benchmarks;

/// <summary>
/// The evaluation matrix of the ICS-scale tender (40 bids × 200 questions × 10 evaluators):
/// the real export (layout and ClosedXML) against a minimal writer that streams the same cells
/// through OpenXmlWriter. The evaluation itself is done once in setup and not timed; both
/// methods lay out the workbook from the result and write it to memory.
/// </summary>
[MemoryDiagnoser]
public class MatrixBenchmarks
{
    private static readonly MatrixProvenance Provenance = new() { GeneratedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), ToolkitVersion = "benchmark" };
    private TenderPack _pack = null!;
    private TenderResult _result = null!;
    private IReadOnlyList<LotRobustness> _robustness = null!;

    /// <summary>Builds and evaluates the pack outside the measured time.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pack = IcsScaleTender.Create();
        (_result, _robustness) = TenderEvaluator.EvaluateWithRobustness(_pack);
    }

    /// <summary>The matrix as the toolkit writes it (MatrixWriter): styles, widths, validation, protection.</summary>
    [Benchmark]
    public long MatrixExport()
    {
        using var stream = new MemoryStream();
        MatrixWriter.Write(MatrixBuilder.Build(_pack, _result, _robustness, Provenance), stream);
        return stream.Length;
    }

    /// <summary>The same cells through OpenXmlWriter with nothing else: the yardstick.</summary>
    [Benchmark(Baseline = true)]
    public long MinimalOpenXmlWriter()
    {
        using var stream = new MemoryStream();
        MinimalMatrixWriter.Write(MatrixBuilder.Build(_pack, _result, _robustness, Provenance), stream);
        return stream.Length;
    }
}
