using ClosedXML.Excel;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Excel.Response;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Documents.Response;

/// <summary>The exported workbook, read back with ClosedXML: sheets, protection, drop-downs, guidance and identity.</summary>
public sealed class ResponseExportTests
{
    private static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    [Test]
    public void Write_ExampleLot_HasTheSheetsInOrder_WithTheListsHiddenAndTheIdentityVeryHidden()
    {
        using var book = Open(ResponseWorkbooks.Blank());

        Assert.That(book.Worksheets.OrderBy(w => w.Position).Select(w => w.Name), Is.EqualTo(ResponseLayout.Sheets));
        Assert.That(book.Worksheet(ResponseLayout.ListsSheet).Visibility, Is.EqualTo(XLWorksheetVisibility.Hidden));
        Assert.That(book.Worksheet(ResponseLayout.IdentitySheet).Visibility, Is.EqualTo(XLWorksheetVisibility.VeryHidden));
        Assert.That(book.IsProtected, Is.True);
    }

    [Test]
    public void Write_ExampleLot_UnlocksOnlyTheInputCells_OnProtectedSheets()
    {
        var layout = ResponseLayout.For(ResponseWorkbooks.ExamplePack.Tender, "lot-1", Repository.Standards);
        using var book = Open(ResponseWorkbooks.Blank());
        var unlocked = new List<string>();
        var sheets = 0;

        foreach (var sheet in book.Worksheets)
        {
            Assert.That(sheet.IsProtected, Is.True, sheet.Name);
            sheets++;
            unlocked.AddRange(sheet.Range("A1:H300").Cells().Where(c => !c.Style.Protection.Locked).Select(c => $"{sheet.Name}!{c.Address}"));
        }

        var expected = layout.Declarations.Select(d => $"Declarations!C{d.Row}")
            .Concat(layout.SubSpecialisms.SelectMany(s => new[] { $"Declarations!C{s.Row}", $"Declarations!D{s.Row}" }))
            .Concat(Enumerable.Range(ResponseLayout.FirstEvidenceRow, ResponseLayout.EvidenceRows).SelectMany(r => new[] { $"Evidence!B{r}", $"Evidence!C{r}" }))
            .Concat(layout.Questions.Select(q => $"Answers!F{q.Row}"))
            .Concat(layout.Prices.Select(p => $"Prices!B{p.Row}"));
        Assert.That(unlocked, Is.EquivalentTo(expected));
        Assert.That(unlocked, Has.Count.EqualTo(13 + 20 + 240 + 12 + 5));
        Assert.That(sheets, Is.EqualTo(7));
    }

    [Test]
    public void Write_ExampleLot_OffersDropDownListsForEveryChoice()
    {
        var layout = ResponseLayout.For(ResponseWorkbooks.ExamplePack.Tender, "lot-1", Repository.Standards);
        using var book = Open(ResponseWorkbooks.Blank());
        var declarations = book.Worksheet(ResponseLayout.DeclarationsSheet);
        var checkedLists = 0;

        void ExpectList(IXLCell cell, string list)
        {
            Assert.That(cell.HasDataValidation, Is.True, cell.Address.ToString());
            Assert.That(cell.DataValidation.AllowedValues, Is.EqualTo(XLAllowedValues.List));
            Assert.That(cell.DataValidation.Value, Is.EqualTo(list));
            checkedLists++;
        }

        ExpectList(declarations.Cell($"C{layout.Row(DeclarationField.Seqohs).Row}"), "\"None,Working towards,Accredited\"");
        ExpectList(declarations.Cell($"C{layout.Row(DeclarationField.Esr).Row}"), "\"None,Planned,Live\"");
        ExpectList(declarations.Cell($"C{layout.Row(DeclarationField.ConsultantQualification).Row}"), "\"None,CESR,CCT,No consultant\"");
        foreach (var (_, row) in layout.SubSpecialisms)
        {
            ExpectList(declarations.Cell($"C{row}"), "\"Not offered,Through a partner,Direct\"");
        }

        ExpectList(book.Worksheet(ResponseLayout.EvidenceSheet).Cell("B5"), $"{ResponseLayout.ListsSheet}!$A$1:$A${Repository.Standards.Requirements.Count}");
        Assert.That(checkedLists, Is.EqualTo(14));
        Assert.That(book.Worksheet(ResponseLayout.PricesSheet).Cell("B5").DataValidation.AllowedValues, Is.EqualTo(XLAllowedValues.Decimal));
        Assert.That(declarations.Cell($"C{layout.Row(DeclarationField.SeqohsDate).Row}").DataValidation.AllowedValues, Is.EqualTo(XLAllowedValues.Date));
    }

    [Test]
    public void Write_ExampleLot_GivesEachQuestionItsIdRequirementTitleAndGuidance()
    {
        var tender = ResponseWorkbooks.ExamplePack.Tender;
        var layout = ResponseLayout.For(tender, "lot-1", Repository.Standards);
        using var book = Open(ResponseWorkbooks.Blank());
        var answers = book.Worksheet(ResponseLayout.AnswersSheet);
        var checkedQuestions = 0;

        foreach (var row in layout.Questions)
        {
            var question = row.Question;
            Assert.That(answers.Cell(row.Row, 1).GetString(), Is.EqualTo(question.Id));
            Assert.That(answers.Cell(row.Row, 4).GetString(), Does.Contain(question.Text));
            if (question.RequirementId is { } id)
            {
                var requirement = Repository.Standards.FindRequirement(id)!;
                Assert.That(answers.Cell(row.Row, 3).GetString(), Is.EqualTo($"{id} {requirement.Title}"));
                Assert.That(answers.Cell(row.Row, 5).GetString(), Does.Contain(requirement.Evidence[0]));
            }

            checkedQuestions++;
        }

        Assert.That(checkedQuestions, Is.EqualTo(tender.FindLot("lot-1")!.Questions.Count()));
    }

    [Test]
    public void Write_TenderTextThatLooksLikeFormulas_IsWrittenAsTextWithNoFormulaAnywhere()
    {
        var tender = ResponseWorkbooks.ExamplePack.Tender;
        var lot = tender.Lots[0];
        var hostile = tender with
        {
            Title = "=HYPERLINK(\"http://evil.example\",\"Click\")",
            Lots = [lot with { Title = "@SUM(1,1)", Sections = [lot.Sections[0] with { Title = "+1+1", Questions = [lot.Sections[0].Questions[0] with { Title = "-2+3", Text = "=cmd|' /C calc'!A0" }, .. lot.Sections[0].Questions.Skip(1)] }, .. lot.Sections.Skip(1)] }, .. tender.Lots.Skip(1)],
        };

        using var book = Open(ResponseWorkbookWriter.Write(hostile, "lot-1", Repository.Standards, ResponseWorkbookKey.DerivedFrom(hostile, "lot-1")));

        Assert.That(book.Worksheets.SelectMany(w => w.CellsUsed(c => c.HasFormula)), Is.Empty);
        Assert.That(book.Worksheet(ResponseLayout.AnswersSheet).Cell("D5").GetString(), Is.EqualTo("-2+3\n=cmd|' /C calc'!A0"));
        Assert.That(book.Worksheet(ResponseLayout.AnswersSheet).Cell("B5").Style.IncludeQuotePrefix, Is.True);
    }

    [Test]
    public void Write_SameTenderTwice_GivesTheSameSignedIdentity_AndAnotherLotADifferentOne()
    {
        string Identity(byte[] bytes)
        {
            using var book = Open(bytes);
            var sheet = book.Worksheet(ResponseLayout.IdentitySheet);
            return string.Join("|", Enumerable.Range(1, 7).Select(r => $"{sheet.Cell(r, 1).GetString()}={sheet.Cell(r, 2).GetString()}"));
        }

        var first = Identity(ResponseWorkbooks.Blank());
        var second = Identity(ResponseWorkbooks.Blank());
        var otherLot = Identity(ResponseWorkbooks.Blank("lot-2"));

        Assert.That(second, Is.EqualTo(first));
        Assert.That(otherLot, Is.Not.EqualTo(first));
        Assert.That(first, Does.StartWith("format=oh-response-workbook|version=1|tenderReference=RV-ICS-OH-2026-014|"));
        Assert.That(first, Does.Match(@"\|signature=[0-9a-f]{64}$"));
    }

    [Test]
    public void Write_UnknownLot_Throws()
    {
        Assert.Throws<ArgumentException>(() => ResponseWorkbookWriter.Write(ResponseWorkbooks.ExamplePack.Tender, "lot-9", Repository.Standards, ResponseWorkbookKey.DerivedFrom(ResponseWorkbooks.ExamplePack.Tender, "lot-1")));
    }

    [Test]
    public void FromSecret_ShortKey_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => ResponseWorkbookKey.FromSecret(new byte[16]));
    }
}
