using ClosedXML.Excel;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Excel.Response;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Documents.Response;

/// <summary>
/// Makes response workbooks for tests: the example tender, a blank workbook for a lot, and a
/// workbook filled in through ClosedXML cell by cell, as a provider would in Excel.
/// </summary>
internal static class ResponseWorkbooks
{
    private static readonly Lazy<TenderPack> Example = new(() =>
        TenderFile.Read(File.ReadAllText(Path.Combine(Repository.Root, "examples", "ics-tender.json"))).Value);

    /// <summary>The example tender with its bids, scores and decisions.</summary>
    public static TenderPack ExamplePack => Example.Value;

    /// <summary>The example tender with no bids, scores or decisions yet: what a workbook is imported into.</summary>
    public static TenderPack ExampleTenderOnly => new() { Tender = ExamplePack.Tender };

    /// <summary>The example's first bid for a lot, under a new id (so it can be added to the full example too).</summary>
    public static Bid ExampleBid(string lotId = "lot-1", string newId = "bid-new") =>
        ExamplePack.Bids.First(b => b.LotId == lotId) with { Id = newId };

    /// <summary>A blank workbook for a lot of the example tender.</summary>
    public static byte[] Blank(string lotId = "lot-1") =>
        ResponseWorkbookWriter.Write(ExamplePack.Tender, lotId, Repository.Standards, ResponseWorkbookKey.DerivedFrom(ExamplePack.Tender, lotId));

    /// <summary>A workbook for <paramref name="bid"/>'s lot, filled in with it.</summary>
    public static byte[] Filled(Bid bid, Action<XLWorkbook>? change = null, Tender? tender = null)
    {
        tender ??= ExamplePack.Tender;
        var blank = ResponseWorkbookWriter.Write(tender, bid.LotId, Repository.Standards, ResponseWorkbookKey.DerivedFrom(tender, bid.LotId));
        return Edit(blank, book =>
        {
            Fill(book, ResponseLayout.For(tender, bid.LotId, Repository.Standards), bid);
            change?.Invoke(book);
        });
    }

    /// <summary>Opens a workbook, changes it and saves it again.</summary>
    public static byte[] Edit(byte[] workbook, Action<XLWorkbook> change)
    {
        using var input = new MemoryStream(workbook);
        using var book = new XLWorkbook(input);
        change(book);
        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>Types the bid into the workbook's input cells, the way a provider would: text as text, numbers as numbers, dates as dates, choices by their labels.</summary>
    public static void Fill(XLWorkbook book, ResponseLayout layout, Bid bid)
    {
        var declarations = book.Worksheet(ResponseLayout.DeclarationsSheet);
        IXLCell Cell(DeclarationField field) => declarations.Cell($"{ResponseLayout.DeclarationInputColumn}{layout.Row(field).Row}");
        var d = bid.Declarations;
        Cell(DeclarationField.BidId).Value = bid.Id;
        Cell(DeclarationField.Provider).Value = bid.Provider;
        Cell(DeclarationField.Seqohs).Value = ResponseLayout.SeqohsChoices[(int)d.Seqohs];
        SetDate(Cell(DeclarationField.SeqohsDate), d.SeqohsDate);
        Cell(DeclarationField.Esr).Value = ResponseLayout.EsrChoices[(int)d.Esr];
        SetDate(Cell(DeclarationField.EsrDate), d.EsrDate);
        if (d.ResponsibleOfficer is not null)
        {
            Cell(DeclarationField.ResponsibleOfficer).Value = d.ResponsibleOfficer;
        }

        Cell(DeclarationField.ConsultantQualification).Value = ResponseLayout.QualificationChoices[(int)d.ConsultantQualification];
        Cell(DeclarationField.OccupationalPhysicians).Value = d.Staffing.OccupationalPhysicians;
        Cell(DeclarationField.OhNurses).Value = d.Staffing.OhNurses;
        Cell(DeclarationField.OtherClinical).Value = d.Staffing.OtherClinical;
        Cell(DeclarationField.NursingPracticeTeachers).Value = d.Staffing.NursingPracticeTeachers;
        Cell(DeclarationField.StrPosts).Value = d.Staffing.StrPosts;
        foreach (var (id, row) in layout.SubSpecialisms)
        {
            if (d.SubSpecialisms.TryGetValue(id, out var provision))
            {
                declarations.Cell($"{ResponseLayout.ModeColumn}{row}").Value = ResponseLayout.ProvisionChoices[(int)provision.Mode];
                if (provision.Partner is not null)
                {
                    declarations.Cell($"{ResponseLayout.PartnerColumn}{row}").Value = provision.Partner;
                }
            }
        }

        var evidence = book.Worksheet(ResponseLayout.EvidenceSheet);
        var evidenceRow = ResponseLayout.FirstEvidenceRow;
        foreach (var (id, items) in d.Evidence)
        {
            foreach (var item in items)
            {
                evidence.Cell($"{ResponseLayout.EvidenceIdColumn}{evidenceRow}").Value = id;
                evidence.Cell($"{ResponseLayout.EvidenceItemColumn}{evidenceRow}").Value = item;
                evidenceRow++;
            }
        }

        var answers = book.Worksheet(ResponseLayout.AnswersSheet);
        foreach (var question in layout.Questions)
        {
            if (bid.Answers.FirstOrDefault(a => a.QuestionId == question.Question.Id) is { } answer)
            {
                answers.Cell($"{ResponseLayout.AnswerColumn}{question.Row}").Value = answer.Text;
            }
        }

        var prices = book.Worksheet(ResponseLayout.PricesSheet);
        foreach (var row in layout.Prices)
        {
            var list = row.Extension ? bid.Price.ExtensionPrices : bid.Price.AnnualPrices;
            if (row.Year <= list.Count)
            {
                prices.Cell($"{ResponseLayout.PriceColumn}{row.Row}").Value = list[row.Year - 1];
            }
        }
    }

    /// <summary>The input cell of a declaration field, as "Declarations!C5".</summary>
    public static string DeclarationAddress(DeclarationField field, string lotId = "lot-1") =>
        $"{ResponseLayout.DeclarationInputColumn}{ResponseLayout.For(ExamplePack.Tender, lotId, Repository.Standards).Row(field).Row}";

    /// <summary>A bid written as a tender file: a deep comparison of two bids that ignores nothing.</summary>
    public static string AsJson(Bid bid) => TenderFile.Write(new TenderPack { Tender = ExamplePack.Tender, Bids = [bid] });

    private static void SetDate(IXLCell cell, DateOnly? date)
    {
        if (date is { } value)
        {
            cell.Value = value.ToDateTime(TimeOnly.MinValue);
        }
    }
}
