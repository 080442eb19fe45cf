using Commissioning.Documents.Excel.Response;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Documents.Response;

/// <summary>Every malformed or hostile workbook of the generated corpus is refused with its message, in its place, and gives no bid.</summary>
public sealed class HostileWorkbookTests
{
    /// <summary>The size of the corpus: a case removed or added must change this on purpose.</summary>
    internal const int CorpusSize = 139;

    [Test]
    public void Read_EveryHostileWorkbook_IsRefusedWithItsMessageInItsPlace()
    {
        var failures = new List<string>();
        var checkedCases = 0;
        foreach (var hostile in HostileWorkbooks.Cases)
        {
            var pack = hostile.IntoFullExample ? ResponseWorkbooks.ExamplePack : ResponseWorkbooks.ExampleTenderOnly;

            ResponseImport import;
            try
            {
                import = ResponseWorkbookReader.Read(pack, hostile.Bytes, Commissioning.Application.TenderFiles.Rules(Repository.Standards), new ResponseImportOptions { Standards = Repository.Standards, ExpectedLotId = "lot-1" });
            }
#pragma warning disable CA1031 // A crash is this test's finding, reported with the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add($"{hostile.Name}: threw {ex.GetType().Name}: {ex.Message}");
                checkedCases++;
                continue;
            }

            checkedCases++;
            if (import.Bid is not null || import.Succeeded)
            {
                failures.Add($"{hostile.Name}: imported as a bid");
            }
            else if (!import.Problems.Any(p => p.Location == hostile.Location && p.Message.Contains(hostile.Message, StringComparison.Ordinal)))
            {
                failures.Add($"{hostile.Name}: expected at {hostile.Location} '{hostile.Message}'; got {string.Join(" | ", import.Problems)}");
            }
        }

        Assert.That(failures, Is.Empty);
        Assert.That(checkedCases, Is.EqualTo(CorpusSize));
        Assert.That(checkedCases, Is.GreaterThanOrEqualTo(100));
    }

    [Test]
    public void Read_WorkbookWithSeveralProblems_ReportsThemAllAtOnce()
    {
        var bid = ResponseWorkbooks.ExampleBid();
        var bytes = ResponseWorkbooks.Filled(bid, book =>
        {
            book.Worksheet(ResponseLayout.PricesSheet).Cell("B5").Value = "lots";
            book.Worksheet(ResponseLayout.PricesSheet).Cell("B6").Value = -1;
            book.Worksheet(ResponseLayout.AnswersSheet).Cell("F7").FormulaA1 = "1+1";
            book.Worksheet(ResponseLayout.DeclarationsSheet).Cell(ResponseWorkbooks.DeclarationAddress(DeclarationField.Seqohs)).Value = "Perhaps";
            book.Worksheet(ResponseLayout.EvidenceSheet).Cell("B5").Value = "NOPE-1";
        });

        var import = ResponseWorkbookReader.Read(ResponseWorkbooks.ExampleTenderOnly, bytes, Commissioning.Application.TenderFiles.Rules(Repository.Standards), new ResponseImportOptions { Standards = Repository.Standards });

        Assert.That(import.Succeeded, Is.False);
        Assert.That(import.Problems.Select(p => p.Location), Is.EquivalentTo(new[] { "Prices!B5", "Answers!F7", ResponseLayout.DeclarationsSheet + "!" + ResponseWorkbooks.DeclarationAddress(DeclarationField.Seqohs), "Evidence!B5" }));
    }

    /// <summary>
    /// Empty cells typed as numbers (<c>&lt;c t="n"&gt;&lt;/c&gt;</c>), as some programs write merged
    /// cells, are blank cells: read as blank, never an exception.
    /// </summary>
    [Test]
    public void Read_EmptyCellsTypedAsNumbers_AreReadAsBlank()
    {
        var bid = ResponseWorkbooks.ExampleBid();
        var layout = ResponseLayout.For(ResponseWorkbooks.ExamplePack.Tender, "lot-1", Repository.Standards);
        var answer = $"{ResponseLayout.AnswerColumn}{layout.Questions[0].Row}";
        var nextAnswer = $"{ResponseLayout.AnswerColumn}{layout.Questions[1].Row}";
        var responsibleOfficer = ResponseWorkbooks.DeclarationAddress(DeclarationField.ResponsibleOfficer);
        var bytes = ResponseWorkbooks.Filled(bid);
        bytes = HostileWorkbooks.RawCell(bytes, "xl/worksheets/sheet4.xml", answer, "n", value: null, style: null);
        bytes = HostileWorkbooks.RawCell(bytes, "xl/worksheets/sheet4.xml", nextAnswer, "n", value: null, style: null);
        bytes = HostileWorkbooks.RawCell(bytes, "xl/worksheets/sheet2.xml", responsibleOfficer, "n", value: null, style: null);

        var import = ResponseWorkbookReader.Read(ResponseWorkbooks.ExampleTenderOnly, bytes, Commissioning.Application.TenderFiles.Rules(Repository.Standards), new ResponseImportOptions { Standards = Repository.Standards });

        Assert.That(import.Problems, Is.Empty);
        Assert.That(import.Bid!.Answers.Select(a => a.QuestionId), Does.Not.Contain(layout.Questions[0].Question.Id).And.Not.Contain(layout.Questions[1].Question.Id));
        Assert.That(import.Bid.Declarations.ResponsibleOfficer, Is.Null);
        Assert.That(import.Warnings.Select(w => w.Location), Does.Contain($"Answers!{answer}").And.Contain($"Answers!{nextAnswer}"));
    }
}
