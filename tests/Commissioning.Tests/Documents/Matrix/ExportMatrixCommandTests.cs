using ClosedXML.Excel;
using Commissioning.Core.Files;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Documents.Matrix;

/// <summary><c>export matrix &lt;tender.json&gt; -o &lt;file.xlsx&gt;</c> from the command line.</summary>
public sealed class ExportMatrixCommandTests
{
    private static (int Code, string Output) Run(string folder, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Commissioning.Cli.CommandLine.Run(args, output, error, folder, new FixedTime(MatrixFiles.Generated));
        return (code, output.ToString() + error.ToString());
    }

    private static string Folder() => Directory.CreateTempSubdirectory("matrix-").FullName;

    [Test]
    public void ExportMatrix_ExampleTender_WritesTheWorkbookAndNothingElse()
    {
        var folder = Folder();
        var tender = Path.Combine(Repository.Root, "examples", "ics-tender.json");

        var (code, output) = Run(folder, "export", "matrix", tender, "-o", "matrix.xlsx", "--standards", Repository.StandardsFolder);

        using var workbook = new XLWorkbook(Path.Combine(folder, "matrix.xlsx"));
        var provenance = workbook.Worksheet("Provenance");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(output, Does.Contain("Wrote the evaluation matrix").And.Contain("most advantageous tender: Northgate Occupational Health Ltd"));
            Assert.That(workbook.Worksheets.Select(w => w.Name), Does.Contain("Summary").And.Contain("L1 Quality").And.Contain("L2 Price").And.Contain("Provenance"));
            Assert.That(provenance.CellsUsed().Select(c => c.GetString()), Does.Contain("2025-03-14 09:30:00 UTC"));
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EqualTo(new[] { "matrix.xlsx" }));
        });
    }

    [TestCase("", "Name the workbook to write with -o")]
    [TestCase("matrix.csv", "give a file name ending in .xlsx")]
    [TestCase("missing-folder/matrix.xlsx", "The folder for the workbook does not exist")]
    public void ExportMatrix_BadOutputName_UsageErrorAndNoFile(string name, string message)
    {
        var folder = Folder();
        var tender = Path.Combine(Repository.Root, "examples", "ics-tender.json");
        string[] args = name.Length == 0 ? ["export", "matrix", tender] : ["export", "matrix", tender, "-o", name];

        var (code, output) = Run(folder, args);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(output, Does.Contain(message));
            Assert.That(Directory.GetFileSystemEntries(folder), Is.Empty);
        });
    }

    [Test]
    public void ExportMatrix_InvalidTender_ReportsTheRulesAndWritesNothing()
    {
        var folder = Folder();
        var pack = MatrixFiles.Example();
        var broken = pack with { Tender = pack.Tender with { Lots = [pack.Tender.Lots[0] with { QualityWeight = 10m }, .. pack.Tender.Lots.Skip(1)] } };
        File.WriteAllText(Path.Combine(folder, "tender.json"), TenderFile.Write(broken));

        var (code, output) = Run(folder, "export", "matrix", "tender.json", "-o", "matrix.xlsx", "--standards", Repository.StandardsFolder);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("tender.json breaks"));
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EqualTo(new[] { "tender.json" }));
        });
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
