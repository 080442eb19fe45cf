using Commissioning.Core.Files;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Documents.Response;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Cli;

/// <summary><c>export response-workbook</c> and <c>import response-workbook</c>: the round trip, refusals, and nothing written on any problem.</summary>
public sealed class ResponseWorkbookCommandTests
{
    private static (int Code, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Commissioning.Cli.CommandLine.Run(args, output, error, Repository.Root);
        return (code, output.ToString() + error.ToString());
    }

    private static string Folder() => Directory.CreateTempSubdirectory("response-cli-").FullName;

    private static string WriteTender(string folder, TenderPack pack)
    {
        var path = Path.Combine(folder, "tender.json");
        File.WriteAllText(path, TenderFile.Write(pack));
        return path;
    }

    [Test]
    public void ExportThenImport_WorkbookFilledByAProvider_AddsTheBidAndWritesTheTenderFile()
    {
        var folder = Folder();
        var tender = WriteTender(folder, ResponseWorkbooks.ExampleTenderOnly);
        var workbook = Path.Combine(folder, "lot-1.xlsx");
        var output = Path.Combine(folder, "with-bid.json");

        var (exportCode, exportOutput) = Run("export", "response-workbook", tender, "--lot", "lot-1", "-o", workbook);
        var bid = ResponseWorkbooks.ExampleBid();
        File.WriteAllBytes(workbook, ResponseWorkbooks.Edit(File.ReadAllBytes(workbook),
            book => ResponseWorkbooks.Fill(book, Commissioning.Documents.Excel.Response.ResponseLayout.For(ResponseWorkbooks.ExamplePack.Tender, "lot-1", Repository.Standards), bid)));
        var (importCode, importOutput) = Run("import", "response-workbook", tender, workbook, "-o", output);

        Assert.That(exportCode, Is.EqualTo(0), exportOutput);
        Assert.That(exportOutput, Does.Contain("Wrote the response workbook for lot lot-1 (Trusts)").And.Contain("12 questions and prices for 5 years"));
        Assert.That(importCode, Is.EqualTo(0), importOutput);
        Assert.That(importOutput, Does.Contain($"Added bid bid-new from {bid.Provider} for lot lot-1 (Trusts)"));
        var written = TenderFile.Read(File.ReadAllText(output)).Value;
        Assert.That(written.Bids, Has.Count.EqualTo(1));
        Assert.That(ResponseWorkbooks.AsJson(written.Bids[0]), Is.EqualTo(ResponseWorkbooks.AsJson(bid)));
        Assert.That(Directory.GetFiles(folder, "*.tmp"), Is.Empty);
    }

    [Test]
    public void Import_IntoTheFileItRead_ReplacesItWithTheBidAdded()
    {
        var folder = Folder();
        var tender = Path.Combine(folder, "ics-tender.json");
        File.Copy(Path.Combine(Repository.Root, "examples", "ics-tender.json"), tender);
        var workbook = Path.Combine(folder, "bid.xlsx");
        File.WriteAllBytes(workbook, ResponseWorkbooks.Filled(ResponseWorkbooks.ExampleBid("lot-2", "bid-late")));

        var (code, output) = Run("import", "response-workbook", tender, workbook, "-o", tender, "--lot", "lot-2");

        Assert.That(code, Is.EqualTo(0), output);
        var written = TenderFile.Read(File.ReadAllText(tender)).Value;
        Assert.That(written.Bids.Select(b => b.Id), Is.EqualTo(ResponseWorkbooks.ExamplePack.Bids.Select(b => b.Id).Append("bid-late")));
    }

    [Test]
    public void Import_EveryHostileWorkbook_ExitsOneWithItsMessageAndWritesNothing()
    {
        var folder = Folder();
        var bare = WriteTender(folder, ResponseWorkbooks.ExampleTenderOnly);
        var full = Path.Combine(Repository.Root, "examples", "ics-tender.json");
        var fullBefore = File.ReadAllBytes(full);
        var output = Path.Combine(folder, "out.json");
        var failures = new List<string>();
        var checkedCases = 0;

        foreach (var hostile in HostileWorkbooks.Cases)
        {
            var workbook = Path.Combine(folder, "hostile.xlsx");
            File.WriteAllBytes(workbook, hostile.Bytes);

            var (code, text) = Run("import", "response-workbook", hostile.IntoFullExample ? full : bare, workbook, "-o", output, "--lot", "lot-1");

            checkedCases++;
            var where = hostile.Location == "the file" ? string.Empty : hostile.Location + ": ";
            if (code != 1 || File.Exists(output) || !text.Contains("Nothing was written.", StringComparison.Ordinal) || !text.Contains(where, StringComparison.Ordinal) || !text.Contains(hostile.Message, StringComparison.Ordinal))
            {
                failures.Add($"{hostile.Name}: exit {code}, output file {(File.Exists(output) ? "written" : "absent")}: {text}");
            }
        }

        Assert.That(failures, Is.Empty);
        Assert.That(checkedCases, Is.EqualTo(HostileWorkbookTests.CorpusSize));
        Assert.That(File.ReadAllBytes(full), Is.EqualTo(fullBefore));
        Assert.That(Directory.GetFiles(folder), Has.Length.EqualTo(2), "only the tender and the last hostile workbook");
    }

    [TestCase(new[] { "export", "response-workbook", "examples/ics-tender.json", "--lot", "lot-1" }, "Name the workbook to write with -o <file.xlsx>.")]
    [TestCase(new[] { "export", "response-workbook", "examples/ics-tender.json", "-o", "x.xlsx" }, "Name the lot the workbook is for with --lot <lot-id>. The tender's lots are: lot-1, lot-2.")]
    [TestCase(new[] { "export", "response-workbook", "examples/ics-tender.json", "--lot", "lot-9", "-o", "x.xlsx" }, "The tender has no lot 'lot-9'. Its lots are: lot-1, lot-2.")]
    [TestCase(new[] { "export", "response-workbook", "examples/ics-tender.json", "--lot", "lot-1", "-o", "x.csv" }, "should be named with the extension .xlsx")]
    [TestCase(new[] { "import", "response-workbook", "examples/ics-tender.json", "no-such.xlsx", "-o", "x.json" }, "The file 'no-such.xlsx' does not exist.")]
    [TestCase(new[] { "import", "response-workbook", "examples/ics-tender.json", "examples", "-o", "x.json" }, "'examples' is a folder. Name a file.")]
    [TestCase(new[] { "import", "response-workbook", "examples/ics-tender.json", "x.xlsx" }, "Name the tender file to write with -o <tender.json>.")]
    [TestCase(new[] { "import", "response-workbook", "examples/ics-tender.json" }, "Unknown command or wrong number of arguments")]
    public void Commands_UsageMistakes_ExitTwoWithTheProblem(string[] args, string message)
    {
        var (code, output) = Run(args);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain(message));
        Assert.That(File.Exists(Path.Combine(Repository.Root, "x.xlsx")) || File.Exists(Path.Combine(Repository.Root, "x.json")), Is.False);
    }
}
