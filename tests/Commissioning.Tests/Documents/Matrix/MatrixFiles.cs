using System.Globalization;
using ClosedXML.Excel;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Excel.Matrix;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Documents.Matrix;

/// <summary>Writes matrices for tests into TestResults/matrix and reads them back.</summary>
internal static class MatrixFiles
{
    public static readonly DateTimeOffset Generated = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static string Folder
    {
        get
        {
            var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "TestResults", "matrix");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static TenderPack Example() =>
        TenderFile.Read(File.ReadAllText(Path.Combine(Repository.Root, "examples", "ics-tender.json"))).Value;

    public static MatrixProvenance Provenance() => new()
    {
        GeneratedAt = Generated,
        ToolkitVersion = "test",
        Standards = MatrixProvenance.Fingerprint(Repository.StandardsFiles(), Repository.Standards),
    };

    /// <summary>Evaluates and writes a pack's matrix; returns the engine's result, the layout and the file.</summary>
    public static (TenderResult Result, WorkbookModel Model, string Path) Export(TenderPack pack, string name)
    {
        var path = System.IO.Path.Combine(Folder, name + ".xlsx");
        var (result, robustness) = TenderEvaluator.EvaluateWithRobustness(pack);
        var model = MatrixBuilder.Build(pack, result, robustness, Provenance());
        using (var stream = File.Create(path))
        {
            MatrixWriter.Write(model, stream);
        }

        return (result, model, path);
    }

    /// <summary>A cell's value as ClosedXML calculates it, as invariant text.</summary>
    public static string Read(XLWorkbook workbook, CellPlace place)
    {
        var value = workbook.Worksheet(place.Sheet).Cell(place.Row, place.Column).Value;
        return value switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            bool b => b ? "1" : "0",
            null => string.Empty,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }
}
