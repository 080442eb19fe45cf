using ClosedXML.Excel;
using Commissioning.Documents.Readiness;
using Commissioning.Tests.Documents.Specification;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Documents.Specification.DocumentFixtures;

namespace Commissioning.Tests.Documents.Readiness;

/// <summary><c>render readiness … -o file.xlsx</c>: the evidence checklist from the command line.</summary>
public sealed class ReadinessChecklistCommandTests
{
    private static (int Code, string Output, string Error) Run(params string[] args) => RenderDocumentsCommandTests.Run(args);

    [Test]
    public void RenderReadiness_ToAnXlsxFile_WritesTheChecklistWorkbook_OverAnExistingFile()
    {
        var folder = Directory.CreateTempSubdirectory("render-").FullName;
        var path = Path.Combine(folder, "checklist.xlsx");
        File.WriteAllText(path, "not a workbook");
        var report = ExampleReadiness("lot-2");

        var (code, output, error) = Run("render", "readiness", Example("ics-tender.json"), Example("provider-declarations.json"), "--lot", "lot-2", "-o", path);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo($"Wrote the evidence checklist for {report.Provider} to {path}.{Environment.NewLine}"));
        using var book = new XLWorkbook(path);
        Assert.Multiple(() =>
        {
            Assert.That(book.Worksheets.Select(w => w.Name), Is.EqualTo(new[] { ReadinessChecklistWorkbook.ChecklistSheet, ReadinessChecklistWorkbook.SummarySheet }));
            Assert.That(
                book.Worksheet(ReadinessChecklistWorkbook.ChecklistSheet).RowsUsed().Skip(1).Select(r => r.Cell(2).GetString()),
                Is.EquivalentTo(report.Items.Select(i => i.Requirement.Id)),
                "the lot asked for, not another");
            Assert.That(Directory.GetFiles(folder), Has.Length.EqualTo(1), "no temporary file is left behind");
        });
    }

    [TestCase(new[] { "render", "readiness", "examples/ics-tender.json", "examples/provider-declarations.json", "--lot", "lot-1", "-o", "OUT.pdf" }, "The output file OUT.pdf must end in .html (print-ready HTML) or .md (Markdown). A readiness report can also be written as its evidence checklist, an Excel workbook: end the file in .xlsx.")]
    [TestCase(new[] { "render", "readiness", "examples/ics-tender.json", "examples/provider-declarations.json", "--lot", "lot-1" }, "Name the file to write with -o, such as -o readiness.html (HTML to print) or -o readiness.md (Markdown). A readiness report can also be written as its evidence checklist, an Excel workbook: end the file in .xlsx.")]
    [TestCase(new[] { "render", "specification", "examples/riverside-members.json", "-o", "OUT.xlsx" }, "The output file OUT.xlsx must end in .html (print-ready HTML) or .md (Markdown).")]
    [TestCase(new[] { "render", "questionnaire", "examples/ics-tender.json", "-o", "OUT.xlsx" }, "The output file OUT.xlsx must end in .html (print-ready HTML) or .md (Markdown).")]
    public void Render_AnOutputTheDocumentCannotBeWrittenAs_IsAUsageError_AndWritesNothing(string[] args, string message)
    {
        var before = Directory.GetFiles(Repository.Root, "OUT.*").Length;

        var (code, _, error) = Run(args);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain(message));
        Assert.That(error.Split('\n')[0].Contains("evidence checklist", StringComparison.Ordinal), Is.EqualTo(args[1] == "readiness"), "only readiness has a workbook (the usage text that follows names it for every command)");
        Assert.That(Directory.GetFiles(Repository.Root, "OUT.*"), Has.Length.EqualTo(before));
    }
}
