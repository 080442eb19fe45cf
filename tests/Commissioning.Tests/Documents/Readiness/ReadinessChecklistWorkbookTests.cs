using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using ClosedXML.Excel;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Readiness;
using Commissioning.Core.Standards;
using Commissioning.Documents.Excel;
using Commissioning.Documents.Readiness;
using Commissioning.Tests.Documents.Matrix;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Documents.Specification.DocumentFixtures;

namespace Commissioning.Tests.Documents.Readiness;

/// <summary>The provider's evidence checklist workbook, read back with ClosedXML.</summary>
public sealed class ReadinessChecklistWorkbookTests
{
    private const int Order = 1;
    private const int Id = 2;
    private const int Status = 7;
    private const int Asked = 9;
    private const int Held = 10;
    private const int Source = 12;
    private const int Owner = 13;
    private const int Done = 14;

    private static XLWorkbook Open(ReadinessReport report) =>
        new(new MemoryStream(ReadinessChecklistWorkbook.Write(report, Repository.Standards)));

    /// <summary>The checklist's data rows: every row below the header with something in it.</summary>
    private static List<IXLRow> Rows(XLWorkbook book) =>
        [.. book.Worksheet(ReadinessChecklistWorkbook.ChecklistSheet).RowsUsed().Skip(1)];

    /// <summary>The report's order, worked out here from its sections: failing gates, must gaps, should gaps, the rest not ready, ready.</summary>
    private static int Rank(ReadinessReport report, ReadinessItem item) =>
        report.GatesFailed.Any(g => g.RequirementId == item.Requirement.Id) ? 0
        : report.MustGaps.Contains(item) ? 1
        : report.ShouldGaps.Contains(item) ? 2
        : item.Status != ReadinessStatus.Ready ? 3
        : 4;

    [Test]
    public void Write_TheExampleReport_HasTheChecklistThenTheSummary_WithAFrozenFilteredHeader()
    {
        var report = ExampleReadiness();

        using var book = Open(report);

        Assert.That(book.Worksheets.Select(w => w.Name), Is.EqualTo(new[] { "Checklist", "Summary" }));
        var sheet = book.Worksheet("Checklist");
        Assert.Multiple(() =>
        {
            Assert.That(sheet.Row(1).CellsUsed().Select(c => c.GetString()), Is.EqualTo(ReadinessChecklistWorkbook.ChecklistColumns));
            Assert.That(sheet.SheetView.SplitRow, Is.EqualTo(1), "the header row is frozen");
            Assert.That(sheet.AutoFilter.IsEnabled, Is.True);
            Assert.That(sheet.AutoFilter.Range.RangeAddress.ToString(), Is.EqualTo($"A1:N{report.Items.Count + 1}"), "the filter covers every row");
            Assert.That(sheet.Column(Asked).Width, Is.GreaterThan(sheet.Column(Order).Width * 3));
            Assert.That(sheet.Cell(2, Asked).Style.Alignment.WrapText, Is.True);
        });
    }

    [Test]
    public void Write_TheExampleReport_ListsEveryItemOnce_GateFailuresThenMustThenShouldGapsThenTheRest()
    {
        var report = ExampleReadiness();
        var byId = report.Items.ToDictionary(i => i.Requirement.Id, StringComparer.Ordinal);
        var guideOrder = report.Items.Select((item, index) => (item.Requirement.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);

        using var book = Open(report);
        var ids = Rows(book).Select(r => r.Cell(Id).GetString()).ToList();

        Assert.That(ids, Is.EquivalentTo(byId.Keys), "every item exactly once, and nothing else");
        var ranks = ids.Select(id => Rank(report, byId[id])).ToList();
        var problems = new List<string>();
        for (var i = 1; i < ids.Count; i++)
        {
            var (before, after) = ((ranks[i - 1], guideOrder[ids[i - 1]]), (ranks[i], guideOrder[ids[i]]));
            if (before.CompareTo(after) > 0)
            {
                problems.Add($"{ids[i - 1]} (rank {ranks[i - 1]}) is listed before {ids[i]} (rank {ranks[i]})");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(ranks.Distinct(), Is.SupersetOf(new[] { 0, 1, 2, 4 }), "the example has a failing gate, must and should gaps and ready items, so the order is really tested");
            Assert.That(ids[0], Is.EqualTo(report.GatesFailed.First().RequirementId));
        });
    }

    [Test]
    public void Write_TheExampleReport_EachRowHasTheItemsStatusEvidenceAndSource_AndEmptyOwnerAndDone()
    {
        var report = ExampleReadiness();
        var byId = report.Items.ToDictionary(i => i.Requirement.Id, StringComparer.Ordinal);

        using var book = Open(report);
        var rows = Rows(book);

        var withHeld = 0;
        Assert.Multiple(() =>
        {
            foreach (var row in rows)
            {
                var item = byId[row.Cell(Id).GetString()];
                var expectedStatus = item.Status switch
                {
                    ReadinessStatus.FailsGate => "Fails a gate",
                    ReadinessStatus.NotMet => "Not met",
                    ReadinessStatus.Ready => "Ready",
                    _ => "No evidence yet",
                };
                Assert.That(row.Cell(Status).GetString(), Is.EqualTo(expectedStatus), item.Requirement.Id);
                Assert.That(row.Cell(Asked).GetString().Split('\n'), Is.EqualTo(item.Requirement.Evidence), item.Requirement.Id);
                Assert.That(row.Cell(Held).GetString(), Is.EqualTo(string.Join("\n", item.EvidenceHeld)), item.Requirement.Id);
                foreach (var source in item.Requirement.Sources)
                {
                    Assert.That(row.Cell(Source).GetString(), Does.Contain(source.Section), item.Requirement.Id);
                }

                Assert.That(row.Cell(Owner).IsEmpty() && row.Cell(Done).IsEmpty(), Is.True, item.Requirement.Id);
                withHeld += item.EvidenceHeld.Count > 0 ? 1 : 0;
            }

            Assert.That(rows, Has.Count.EqualTo(report.Items.Count));
            Assert.That(withHeld, Is.GreaterThan(0), "the example holds evidence for some requirements");
        });
    }

    [Test]
    public void Write_TheExampleReport_NumbersAreNumericCells_RoundedAndShownAsTheReportShowsThem()
    {
        var report = ExampleReadiness();

        using var book = Open(report);
        var checklist = Rows(book);
        var summary = book.Worksheet(ReadinessChecklistWorkbook.SummarySheet);

        Assert.Multiple(() =>
        {
            for (var i = 0; i < checklist.Count; i++)
            {
                Assert.That(checklist[i].Cell(Order).DataType, Is.EqualTo(XLDataType.Number));
                Assert.That(checklist[i].Cell(Order).GetDouble(), Is.EqualTo(i + 1));
            }

            var overall = Labelled(summary, "Overall readiness, weighted");
            AssertPercent(overall, report.OverallPercent);
            Assert.That(Labelled(summary, "Requirements ready").GetDouble(), Is.EqualTo(report.Items.Count(i => i.Status == ReadinessStatus.Ready)));
            Assert.That(Labelled(summary, "Requirements that apply").GetDouble(), Is.EqualTo(report.Items.Count));
            Assert.That(summary.Column(1).CellsUsed().Any(c => c.GetString() == "How readiness is weighted" && c.CellRight().GetString() == ReadinessDocuments.WeightingNote), Is.True);

            var header = summary.Column(1).CellsUsed().Single(c => c.GetString() == "Area").WorksheetRow();
            Assert.That(header.Cell(4).GetString(), Is.EqualTo("Weighted readiness"));
            foreach (var (area, index) in report.Areas.Select((a, i) => (a, i)))
            {
                var row = header.RowBelow(index + 1);
                Assert.That(row.Cell(1).GetString(), Is.EqualTo(area.Area.Title));
                Assert.That(row.Cell(2).DataType, Is.EqualTo(XLDataType.Number), area.Area.Id);
                Assert.That(row.Cell(2).GetDouble(), Is.EqualTo(area.Applicable), area.Area.Id);
                Assert.That(row.Cell(3).GetDouble(), Is.EqualTo(area.Ready), area.Area.Id);
                AssertPercent(row.Cell(4), area.Percent);
            }

            Assert.That(report.Areas.Select(a => a.Percent).Append(report.OverallPercent).Any(p => p != decimal.Round(p, 2)), Is.True, "the example has a percentage that needs rounding");
        });
    }

    [TestCase("62.345", 0.6235, "62.35%")]
    [TestCase("62.5", 0.625, "62.5%")]
    [TestCase("99.996", 1.0, "100%")]
    [TestCase("0", 0.0, "0%")]
    public void Write_AnOverallPercent_IsStoredRoundedAsTheReport_AndShownAsTheReportShowsIt(string percent, double stored, string shown)
    {
        var value = decimal.Parse(percent, CultureInfo.InvariantCulture);
        var report = ExampleReadiness() with { OverallPercent = value };

        using var book = Open(report);
        var cell = Labelled(book.Worksheet(ReadinessChecklistWorkbook.SummarySheet), "Overall readiness, weighted");

        Assert.That(cell.GetDouble(), Is.EqualTo(stored).Within(1e-12));
        Assert.That(Shown(cell), Is.EqualTo(shown).And.EqualTo(Rounding.Percent(value)));
    }

    [Test]
    public void Write_FormulaLikeProviderEvidenceAndGateText_IsStoredAsTextWithTheQuotePrefix()
    {
        var corpus = InjectionCorpus.Strings;
        var example = ExampleReadiness();
        var problems = new List<string>();
        var prefixed = 0;
        var plain = 0;
        var heldSeen = new HashSet<string>(StringComparer.Ordinal);

        // The example has fewer items than the corpus has strings: one workbook for each turn through the corpus.
        for (var offset = 0; offset < corpus.Length; offset += example.Items.Count)
        {
            var report = example with
            {
                Provider = "=HYPERLINK(\"https://example.invalid/\",\"Click\")",
                Target = corpus[3],
                Items = [.. example.Items.Select((item, i) => item with { EvidenceHeld = [corpus[(offset + i) % corpus.Length], "and a second document"] })],
                Gates = [.. example.Gates.Select((gate, i) => gate with { Explanation = corpus[(offset + i + 7) % corpus.Length] })],
            };

            using var book = Open(report);
            Check(book, report);
        }

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(heldSeen, Is.EquivalentTo(corpus.Select(InjectionCorpus.Normalise).Distinct()), "every corpus string was written as evidence held");
            Assert.That(prefixed, Is.GreaterThanOrEqualTo(2 * example.Items.Count), "every evidence-held cell starts like a formula");
            Assert.That(plain, Is.GreaterThan(200));
        });

        void Check(XLWorkbook book, ReadinessReport report)
        {
            foreach (var cell in book.Worksheets.SelectMany(w => w.CellsUsed()))
            {
                if (cell.HasFormula)
                {
                    problems.Add($"{cell.Worksheet.Name}!{cell.Address} has the formula {cell.FormulaA1}");
                }

                if (cell.DataType != XLDataType.Text || cell.IsEmpty())
                {
                    continue;
                }

                var expected = CellText.NeedsQuotePrefix(cell.GetString());
                _ = expected ? prefixed++ : plain++;
                if (cell.Style.IncludeQuotePrefix != expected)
                {
                    problems.Add($"{cell.Worksheet.Name}!{cell.Address} '{cell.GetString()}': quote prefix {cell.Style.IncludeQuotePrefix}, expected {expected}");
                }
            }

            var provider = Labelled(book.Worksheet(ReadinessChecklistWorkbook.SummarySheet), "Provider");
            if (provider.GetString() != report.Provider || !provider.Style.IncludeQuotePrefix)
            {
                problems.Add($"the provider reads back as '{provider.GetString()}', quote prefix {provider.Style.IncludeQuotePrefix}");
            }

            var held = Rows(book).ToDictionary(r => r.Cell(Id).GetString(), r => r.Cell(Held), StringComparer.Ordinal);
            foreach (var item in report.Items)
            {
                var cell = held[item.Requirement.Id];
                var expected = InjectionCorpus.Normalise(string.Join("\n", item.EvidenceHeld));
                if (cell.DataType != XLDataType.Text || cell.GetString() != expected || !cell.Style.IncludeQuotePrefix)
                {
                    problems.Add($"{item.Requirement.Id}: evidence held reads back as '{cell.GetString()}' ({cell.DataType}, quote prefix {cell.Style.IncludeQuotePrefix})");
                }

                heldSeen.Add(cell.GetString().Split("\nand a second document")[0]);
            }
        }
    }

    [Test]
    public void Write_TheDocumentProperties_HaveTheTitle_AndNoAuthorOrLastEditor()
    {
        var report = ExampleReadiness();
        var bytes = ReadinessChecklistWorkbook.Write(report, Repository.Standards);

        using (var book = new XLWorkbook(new MemoryStream(bytes)))
        {
            Assert.That(book.Properties.Title, Does.Contain(report.Provider).And.Contain(report.Target).And.Contain("evidence checklist"));
        }

        // The package's own metadata parts, wherever the writer put them (System.IO.Packaging puts the core properties under package/services/metadata).
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var properties = new List<(string Name, string Value)>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("docProps/", StringComparison.Ordinal) || e.FullName.EndsWith(".psmdcp", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            properties.AddRange(XDocument.Load(stream).Descendants().Where(e => !e.HasElements).Select(e => (e.Name.LocalName, e.Value)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(properties, Does.Contain(("title", $"{ReadinessDocuments.Title(report)}: evidence checklist")), "the metadata parts were found and read");
            Assert.That(properties.Where(p => p.Name is "creator" or "lastModifiedBy" or "Company" or "Manager" && p.Value.Length > 0), Is.Empty, "no author, last editor, company or manager");
        });
    }

    [Test]
    public void Write_TheExampleReport_SummaryListsEveryGateWithItsStatusAndExplanation()
    {
        var report = ExampleReadiness();

        using var book = Open(report);
        var summary = book.Worksheet(ReadinessChecklistWorkbook.SummarySheet);

        Assert.That(report.Gates, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var gate in report.Gates)
            {
                var row = summary.Column(2).CellsUsed().Single(c => c.GetString() == gate.Id).WorksheetRow();
                Assert.That(row.Cell(1).GetString(), Is.EqualTo(gate.Title), gate.Id);
                Assert.That(row.Cell(3).GetString(), Is.EqualTo(gate.RequirementId ?? string.Empty), gate.Id);
                Assert.That(row.Cell(4).GetString(), Is.EqualTo(gate.Status switch
                {
                    ReadinessStatus.FailsGate => "Would fail",
                    ReadinessStatus.Ready => "Ready",
                    _ => "No evidence yet",
                }), gate.Id);
                Assert.That(row.Cell(5).GetString(), Is.EqualTo(gate.Explanation), gate.Id);
            }
        });
    }

    private static IXLCell Labelled(IXLWorksheet sheet, string label) =>
        sheet.Column(1).CellsUsed().Single(c => c.GetString() == label).CellRight();

    private static void AssertPercent(IXLCell cell, decimal percent)
    {
        Assert.That(cell.DataType, Is.EqualTo(XLDataType.Number), cell.Address.ToString());
        Assert.That(cell.GetDouble(), Is.EqualTo((double)(Rounding.ForDisplay(percent) / 100m)).Within(1e-12), cell.Address.ToString());
        Assert.That(Shown(cell), Is.EqualTo(Rounding.Percent(percent)), cell.Address.ToString());
    }

    /// <summary>What a spreadsheet shows for a number cell (ClosedXML's own formatting does not work with the ExcelNumberFormat here, see STACK.md).</summary>
    private static string Shown(IXLCell cell) =>
        new ExcelNumberFormat.NumberFormat(cell.Style.NumberFormat.Format).Format(cell.GetDouble(), CultureInfo.InvariantCulture, false);
}
