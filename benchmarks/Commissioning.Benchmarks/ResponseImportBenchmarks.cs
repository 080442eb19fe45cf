using BenchmarkDotNet.Attributes;
using ClosedXML.Excel;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Excel.Response;

namespace Commissioning.Benchmarks;

/// <summary>
/// Import of 40 filled response workbooks for the ICS-scale lot (200 questions; see
/// <see cref="IcsScaleTender"/>), one after another, as a commissioner imports the bids received.
/// The workbooks are exported and filled with the generated bids once, outside the measured time.
/// Target: under 10 s for the 40.
/// </summary>
[MemoryDiagnoser]
public class ResponseImportBenchmarks
{
    private TenderPack _tender = null!;
    private List<byte[]> _workbooks = null!;

    /// <summary>Exports the lot's workbook and fills one copy with each of the 40 generated bids.</summary>
    [GlobalSetup]
    public void Setup() => (_tender, _workbooks) = Build();

    /// <summary>Builds the bare tender and the 40 filled workbooks.</summary>
    public static (TenderPack Tender, List<byte[]> Workbooks) Build()
    {
        var pack = IcsScaleTender.Create();
        var tender = pack.Tender;
        var lot = tender.Lots[0];
        var blank = ResponseWorkbookWriter.Write(tender, lot.Id, null, ResponseWorkbookKey.DerivedFrom(tender, lot.Id));
        var layout = ResponseLayout.For(tender, lot.Id, null);
        var workbooks = pack.Bids.Select(bid => Fill(blank, layout, bid)).ToList();
        return (new TenderPack { Tender = tender }, workbooks);
    }

    /// <summary>Imports each workbook as a bid; every one must succeed.</summary>
    [Benchmark]
    public int ImportForty() => Import(_tender, _workbooks);

    /// <summary>Imports each workbook, throwing if one fails: a benchmark of a failing import would measure the wrong thing.</summary>
    public static int Import(TenderPack tender, IReadOnlyList<byte[]> workbooks)
    {
        var imported = 0;
        foreach (var workbook in workbooks)
        {
            var result = ResponseWorkbookReader.Read(tender, workbook, Commissioning.Application.TenderFiles.Rules(null));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("A benchmark workbook did not import: " + string.Join("; ", result.Problems));
            }

            imported++;
        }

        return imported;
    }

    private static byte[] Fill(byte[] blank, ResponseLayout layout, Bid bid)
    {
        using var input = new MemoryStream(blank);
        using var book = new XLWorkbook(input);
        var declarations = book.Worksheet(ResponseLayout.DeclarationsSheet);
        IXLCell Cell(DeclarationField field) => declarations.Cell($"{ResponseLayout.DeclarationInputColumn}{layout.Row(field).Row}");
        var d = bid.Declarations;
        Cell(DeclarationField.BidId).Value = bid.Id;
        Cell(DeclarationField.Provider).Value = bid.Provider;
        Cell(DeclarationField.Seqohs).Value = ResponseLayout.SeqohsChoices[(int)d.Seqohs];
        if (d.SeqohsDate is { } seqohs)
        {
            Cell(DeclarationField.SeqohsDate).Value = seqohs.ToDateTime(TimeOnly.MinValue);
        }

        Cell(DeclarationField.Esr).Value = ResponseLayout.EsrChoices[(int)d.Esr];
        if (d.EsrDate is { } esr)
        {
            Cell(DeclarationField.EsrDate).Value = esr.ToDateTime(TimeOnly.MinValue);
        }

        if (d.ResponsibleOfficer is not null)
        {
            Cell(DeclarationField.ResponsibleOfficer).Value = d.ResponsibleOfficer;
        }

        Cell(DeclarationField.ConsultantQualification).Value = ResponseLayout.QualificationChoices[(int)d.ConsultantQualification];
        Cell(DeclarationField.OccupationalPhysicians).Value = d.Staffing.OccupationalPhysicians;
        Cell(DeclarationField.OhNurses).Value = d.Staffing.OhNurses;
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
            prices.Cell($"{ResponseLayout.PriceColumn}{row.Row}").Value = list[row.Year - 1];
        }

        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }
}
