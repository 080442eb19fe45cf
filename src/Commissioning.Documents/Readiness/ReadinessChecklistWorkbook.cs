using ClosedXML.Excel;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Readiness;
using Commissioning.Core.Standards;
using Commissioning.Documents.Excel;
using Commissioning.Documents.Specification;

namespace Commissioning.Documents.Readiness;

/// <summary>
/// A provider's readiness report as the workbook a bid team works from: a "Checklist" sheet with
/// one row for each requirement, most urgent first (a gate the bid would fail, then must, then
/// should requirements not yet ready, then the rest not ready, then those ready), with the
/// evidence each asks for and an empty owner and done column to fill in; and a "Summary" sheet
/// with the overall readiness, readiness by area and the gates. Words, order and rounding are
/// those of the readiness report (<see cref="ReadinessDocuments"/>). Nothing is protected: the
/// workbook is the provider's own. Described in docs/documents.md.
/// </summary>
public static class ReadinessChecklistWorkbook
{
    /// <summary>The checklist sheet's name.</summary>
    public const string ChecklistSheet = "Checklist";

    /// <summary>The summary sheet's name.</summary>
    public const string SummarySheet = "Summary";

    /// <summary>The checklist's column headings, in order.</summary>
    public static IReadOnlyList<string> ChecklistColumns { get; } =
    [
        "Order", "Requirement", "Title", "Area", "Strength", "How it is judged", "Status", "Declared",
        "Evidence asked for", "Evidence held", "Why it applies", "Source", "Owner", "Done",
    ];

    private static readonly double[] ChecklistWidths = [8, 13, 34, 24, 13, 13, 15, 32, 50, 36, 34, 34, 18, 9];

    private static readonly XLColor NhsBlue = XLColor.FromHtml("#005EB8");
    private static readonly XLColor InputFill = XLColor.FromHtml("#FFF9C4");
    private static readonly XLColor FailFill = XLColor.FromHtml("#F6D5D5");
    private static readonly XLColor GapFill = XLColor.FromHtml("#FFEBC2");
    private static readonly XLColor ReadyFill = XLColor.FromHtml("#DCEFE0");
    private static readonly XLColor ReadyText = XLColor.FromHtml("#4C6272");

    /// <summary>The workbook as bytes.</summary>
    /// <param name="report">The readiness report.</param>
    /// <param name="standards">The standards, for the titles of the sources each requirement cites.</param>
    public static byte[] Write(ReadinessReport report, StandardsCatalogue standards)
    {
        using var stream = new MemoryStream();
        Write(report, standards, stream);
        return stream.ToArray();
    }

    /// <summary>Writes the workbook to <paramref name="output"/>.</summary>
    /// <param name="report">The readiness report.</param>
    /// <param name="standards">The standards, for the titles of the sources each requirement cites.</param>
    /// <param name="output">Where the .xlsx goes.</param>
    public static void Write(ReadinessReport report, StandardsCatalogue standards, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(output);
        using var book = new XLWorkbook();
        book.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;

        // Only the title: no author, last editor, company or manager, so the file says nothing
        // about the person or machine that made it.
        book.Properties.Title = $"{ReadinessDocuments.Title(report)}: evidence checklist";
        book.Properties.Author = string.Empty;
        book.Properties.LastModifiedBy = string.Empty;
        book.Properties.Company = string.Empty;
        book.Properties.Manager = string.Empty;

        WriteChecklist(book.AddWorksheet(ChecklistSheet), report, standards);
        WriteSummary(book.AddWorksheet(SummarySheet), report);
        foreach (var sheet in book.Worksheets)
        {
            WrappedRows.Fit(sheet);
            sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
            sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
            sheet.PageSetup.FitToPages(1, 0);
        }

        book.Worksheet(ChecklistSheet).SetTabActive();
        book.SaveAs(output);
    }

    private static void WriteChecklist(IXLWorksheet sheet, ReadinessReport report, StandardsCatalogue standards)
    {
        for (var c = 0; c < ChecklistWidths.Length; c++)
        {
            sheet.Column(c + 1).Width = ChecklistWidths[c];
        }

        Header(sheet, 1, 1, ChecklistColumns);
        var areas = report.Areas.ToDictionary(a => a.Area.Id, a => a.Area.Title, StringComparer.Ordinal);
        var items = report.ByUrgency();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var requirement = item.Requirement;
            var row = i + 2;
            Number(sheet.Cell(row, 1), i + 1, "0");
            sheet.Cell(row, 2).SetText(requirement.Id).Style.Font.Bold = true;
            Wrap(sheet.Cell(row, 3).SetText(requirement.Title));
            Wrap(sheet.Cell(row, 4).SetText(areas.GetValueOrDefault(requirement.RuleSetId) ?? standards.FindRuleSet(requirement.RuleSetId)?.Title ?? requirement.RuleSetId));
            Wrap(sheet.Cell(row, 5).SetText(DocumentWords.Strength(item.Strength)));
            Wrap(sheet.Cell(row, 6).SetText(DocumentWords.Evaluation(item.Evaluation)));
            var status = sheet.Cell(row, 7).SetText(ReadinessDocuments.Status(item.Status));
            Wrap(status);
            status.Style.Fill.BackgroundColor = item.Status switch
            {
                ReadinessStatus.FailsGate or ReadinessStatus.NotMet => FailFill,
                ReadinessStatus.Ready => ReadyFill,
                _ => GapFill,
            };
            Wrap(sheet.Cell(row, 8).SetText(ReadinessDocuments.Declared(item)));
            Wrap(sheet.Cell(row, 9).SetText(Lines(requirement.Evidence)));
            Wrap(sheet.Cell(row, 10).SetText(Lines(item.EvidenceHeld)));
            Wrap(sheet.Cell(row, 11).SetText(item.Why));
            Wrap(sheet.Cell(row, 12).SetText(Lines(requirement.Sources.Select(s => DocumentWords.Source(standards, s)))));
            foreach (var input in new[] { sheet.Cell(row, 13), sheet.Cell(row, 14) })
            {
                input.Style.Fill.BackgroundColor = InputFill;
                input.Style.NumberFormat.Format = "@";
                input.Style.Alignment.WrapText = true;
            }

            if (item.Status == ReadinessStatus.Ready)
            {
                sheet.Range(row, 1, row, 12).Style.Font.FontColor = ReadyText;
            }
        }

        var last = Math.Max(2, items.Count + 1);
        sheet.Range(1, 1, last, ChecklistColumns.Count).SetAutoFilter();
        sheet.SheetView.FreezeRows(1);
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
    }

    private static void WriteSummary(IXLWorksheet sheet, ReadinessReport report)
    {
        double[] widths = [44, 14, 14, 20, 70];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }

        var heading = sheet.Cell(1, 1).SetText(ReadinessDocuments.Title(report));
        heading.Style.Font.Bold = true;
        heading.Style.Font.FontSize = 14;
        heading.Style.Font.FontColor = NhsBlue;

        var row = 3;
        Label(sheet, row, "Provider");
        Wrap(Merged(sheet, row++).SetText(report.Provider));
        Label(sheet, row, "Checked against");
        Wrap(Merged(sheet, row++).SetText(report.Target));
        Label(sheet, row, "Overall readiness, weighted");
        Percent(sheet.Cell(row++, 2), report.OverallPercent);
        Label(sheet, row, "Requirements ready");
        Number(sheet.Cell(row++, 2), report.ReadyCount, "0");
        Label(sheet, row, "Requirements that apply");
        Number(sheet.Cell(row++, 2), report.Items.Count, "0");
        Label(sheet, row, "How readiness is weighted");
        Wrap(Merged(sheet, row++).SetText(ReadinessDocuments.WeightingNote));

        row++;
        Section(sheet, row++, "Readiness by area");
        Header(sheet, row++, 1, ["Area", "Applicable", "Ready", "Weighted readiness"]);
        foreach (var area in report.Areas)
        {
            Wrap(sheet.Cell(row, 1).SetText(area.Area.Title));
            Number(sheet.Cell(row, 2), area.Applicable, "0");
            Number(sheet.Cell(row, 3), area.Ready, "0");
            Percent(sheet.Cell(row, 4), area.Percent);
            row++;
        }

        row++;
        Section(sheet, row++, "Pass or fail gates");
        if (report.Gates.Count == 0)
        {
            sheet.Cell(row, 1).SetText("None: nothing checked here is a pass or fail gate.");
            return;
        }

        Header(sheet, row++, 1, ["Gate", "Id", "Requirement", "Status", "Explanation"]);
        foreach (var gate in report.Gates)
        {
            Wrap(sheet.Cell(row, 1).SetText(gate.Title));
            sheet.Cell(row, 2).SetText(gate.Id).Style.Font.Bold = true;
            sheet.Cell(row, 3).SetText(gate.RequirementId);
            var status = sheet.Cell(row, 4).SetText(ReadinessDocuments.GateStatus(gate.Status));
            status.Style.Fill.BackgroundColor = gate.Status switch
            {
                ReadinessStatus.FailsGate or ReadinessStatus.NotMet => FailFill,
                ReadinessStatus.Ready => ReadyFill,
                _ => GapFill,
            };
            Wrap(sheet.Cell(row, 5).SetText(gate.Explanation));
            row++;
        }
    }

    /// <summary>A list in one cell, one entry a line.</summary>
    private static string Lines(IEnumerable<string> entries) => string.Join("\n", entries);

    /// <summary>
    /// A percentage as a number (62.5% as 0.625), rounded as the documents round it, with a format
    /// that shows it as they do: "62.5%", "100%" (Excel would show "100.%" for 0.##%).
    /// </summary>
    private static void Percent(IXLCell cell, decimal percent)
    {
        var shown = Rounding.ForDisplay(percent);
        Number(cell, shown / 100m, shown == decimal.Truncate(shown) ? "0%" : "0.##%");
    }

    private static void Number(IXLCell cell, decimal value, string format)
    {
        cell.SetValue((double)value);
        cell.Style.NumberFormat.Format = format;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }

    private static IXLCell Merged(IXLWorksheet sheet, int row)
    {
        sheet.Range(row, 2, row, 5).Merge();
        return sheet.Cell(row, 2);
    }

    private static void Label(IXLWorksheet sheet, int row, string text) =>
        sheet.Cell(row, 1).SetText(text).Style.Font.Bold = true;

    private static void Section(IXLWorksheet sheet, int row, string text)
    {
        var cell = sheet.Cell(row, 1).SetText(text);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 12;
        cell.Style.Font.FontColor = NhsBlue;
    }

    private static void Header(IXLWorksheet sheet, int row, int column, IReadOnlyList<string> texts)
    {
        for (var c = 0; c < texts.Count; c++)
        {
            var cell = sheet.Cell(row, column + c).SetText(texts[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Font.FontColor = XLColor.White;
            cell.Style.Fill.BackgroundColor = NhsBlue;
            cell.Style.Alignment.WrapText = true;
        }
    }

    private static void Wrap(IXLCell cell) => cell.Style.Alignment.WrapText = true;
}
