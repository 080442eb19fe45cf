using System.Globalization;
using ClosedXML.Excel;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;

namespace Commissioning.Documents.Excel.Response;

/// <summary>
/// Writes the provider response workbook for one lot of a tender: instructions, the declarations
/// with drop-down lists, the evidence held, an answer for each question, the price schedule, and
/// a very hidden sheet with the signed identity. Only the cells a provider fills in are unlocked;
/// every sheet and the workbook's structure are protected (without a password: the protection
/// stops accidents, not a determined person). Described in docs/response-workbook.md.
/// </summary>
public static class ResponseWorkbookWriter
{
    private static readonly XLColor NhsBlue = XLColor.FromHtml("#005EB8");
    private static readonly XLColor InputFill = XLColor.FromHtml("#FFF9C4");
    private static readonly XLColor PaleGrey = XLColor.FromHtml("#F0F4F5");

    /// <summary>Writes the workbook for <paramref name="lotId"/> to <paramref name="output"/>.</summary>
    /// <param name="tender">The tender (already validated).</param>
    /// <param name="lotId">The lot.</param>
    /// <param name="standards">The standards, for requirement titles, guidance and the evidence drop-down; may be null.</param>
    /// <param name="key">The key that signs the identity.</param>
    /// <param name="output">Where the .xlsx goes.</param>
    public static void Write(Tender tender, string lotId, StandardsCatalogue? standards, ResponseWorkbookKey key, Stream output) =>
        Write(tender, lotId, standards, key, output, ResponseIdentity.CurrentVersion);

    /// <summary>The workbook as bytes.</summary>
    public static byte[] Write(Tender tender, string lotId, StandardsCatalogue? standards, ResponseWorkbookKey key)
    {
        using var stream = new MemoryStream();
        Write(tender, lotId, standards, key, stream);
        return stream.ToArray();
    }

    /// <summary>Writes a workbook claiming another format version: for tests of older and newer workbooks.</summary>
    internal static void Write(Tender tender, string lotId, StandardsCatalogue? standards, ResponseWorkbookKey key, Stream output, int version)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(output);
        var layout = ResponseLayout.For(tender, lotId, standards);
        using var book = new XLWorkbook();
        book.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        WriteInstructions(book.AddWorksheet(ResponseLayout.InstructionsSheet), layout);
        WriteDeclarations(book.AddWorksheet(ResponseLayout.DeclarationsSheet), layout);
        WriteEvidence(book.AddWorksheet(ResponseLayout.EvidenceSheet), layout);
        WriteAnswers(book.AddWorksheet(ResponseLayout.AnswersSheet), layout);
        WritePrices(book.AddWorksheet(ResponseLayout.PricesSheet), layout);
        WriteLists(book.AddWorksheet(ResponseLayout.ListsSheet), layout);
        WriteIdentity(book.AddWorksheet(ResponseLayout.IdentitySheet), ResponseIdentity.For(tender, lotId, version), key);
        foreach (var sheet in book.Worksheets.Where(w => w.Visibility == XLWorksheetVisibility.Visible))
        {
            WrappedRows.Fit(sheet);
            sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
            sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
            sheet.PageSetup.FitToPages(1, 0);
            sheet.PageSetup.SetRowsToRepeatAtTop(1, sheet.Name == ResponseLayout.InstructionsSheet ? 1 : ResponseLayout.HeaderRow);
        }

        book.Worksheet(ResponseLayout.InstructionsSheet).SetTabActive();
        book.Protect();
        book.SaveAs(output);
    }

    private static void WriteInstructions(IXLWorksheet sheet, ResponseLayout layout)
    {
        var tender = layout.Tender;
        var lot = layout.Lot;
        sheet.Column(1).Width = 110;
        var lines = new List<(string Text, bool Heading)>
        {
            ($"Response workbook: {tender.Title}", true),
            ($"Lot: {lot.Title} ({lot.Id})" + (string.IsNullOrEmpty(tender.Reference) ? string.Empty : $". Tender reference: {tender.Reference}"), false),
            (string.Empty, false),
            ("How to fill it in", true),
            ("1. Fill in only the yellow cells. Everything else is locked so that the workbook keeps the shape the buyer's toolkit reads.", false),
            ("2. Declarations: your bid reference, your organisation's name, SEQOHS, the ESR interface, your Responsible Officer, staffing and how you provide each sub-specialism. Choose from the drop-down lists where there is one.", false),
            ("3. Evidence: one row for each document or record you hold, with the requirement id it supports (choose from the list).", false),
            ($"4. Answers: an answer to each of the {layout.Questions.Count} questions. The guidance says what evidence would support your answer. A question left blank is imported with no answer.", false),
            ($"5. Prices: one annual price in pounds for each of the {lot.Price.ContractYears} contract years" + (lot.Price.ExtensionYears > 0 ? $" and each of the {lot.Price.ExtensionYears} extension years" : string.Empty) + ". Numbers only: no £ sign, no formulas.", false),
            (string.Empty, false),
            ("Rules the import applies", true),
            ("Type or paste values. Formulas are refused in every yellow cell, so enter the number or text itself.", false),
            ("Do not add, delete, move or rename sheets, rows or columns. If the workbook has been changed, ask the buyer for a fresh copy.", false),
            ("Save the file as an Excel Workbook (.xlsx). Workbooks with macros (.xlsm), links to other files or a password to open are refused.", false),
            ("Every problem found on import is listed with its sheet and cell, so that you can correct them all at once.", false),
            (string.Empty, false),
            ("This workbook holds a hidden record of the tender and lot it was made for. A workbook made for another tender or lot, or an earlier version of this one, cannot be imported here.", false),
        };

        for (var i = 0; i < lines.Count; i++)
        {
            var cell = sheet.Cell(i + 1, 1).SetText(lines[i].Text);
            cell.Style.Alignment.WrapText = true;
            cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            if (lines[i].Heading)
            {
                cell.Style.Font.Bold = true;
                cell.Style.Font.FontSize = i == 0 ? 14 : 12;
                cell.Style.Font.FontColor = NhsBlue;
            }
        }

        sheet.Protect();
    }

    private static void WriteDeclarations(IXLWorksheet sheet, ResponseLayout layout)
    {
        Title(sheet, "Declarations", "What you declare against the standards. The buyer's pass or fail gates are decided from these answers.");
        sheet.Column(1).Width = 26;
        sheet.Column(2).Width = 60;
        sheet.Column(3).Width = 34;
        sheet.Column(4).Width = 40;
        Header(sheet, ResponseLayout.HeaderRow, layout.Headers().First().Texts);
        foreach (var row in layout.Declarations)
        {
            sheet.Cell(row.Row, 1).SetText(row.Label).Style.Font.Bold = true;
            Wrap(sheet.Cell(row.Row, 2).SetText(row.Guidance));
            var input = sheet.Cell($"{ResponseLayout.DeclarationInputColumn}{row.Row}");
            Input(input, row.Kind);
            if (row.Kind == InputKind.Choice)
            {
                Choice(input, row.Choices);
            }
        }

        var header = layout.SubSpecialismHeaderRow;
        Header(sheet, header, layout.Headers().ElementAt(1).Texts);
        foreach (var (id, row) in layout.SubSpecialisms)
        {
            sheet.Cell(row, 1).SetText(id).Style.Font.Bold = true;
            Wrap(sheet.Cell(row, 2).SetText(layout.RequirementTitle(id) ?? DeclarationChecks.SubSpecialisms[id]));
            var mode = sheet.Cell($"{ResponseLayout.ModeColumn}{row}");
            Input(mode, InputKind.Choice);
            Choice(mode, ResponseLayout.ProvisionChoices);
            Input(sheet.Cell($"{ResponseLayout.PartnerColumn}{row}"), InputKind.Line);
        }

        sheet.SheetView.FreezeRows(ResponseLayout.HeaderRow);
        Protect(sheet);
    }

    private static void WriteEvidence(IXLWorksheet sheet, ResponseLayout layout)
    {
        Title(sheet, "Evidence", "The documents and records you hold, one a row, each under the requirement it supports.");
        sheet.Column(1).Width = 6;
        sheet.Column(2).Width = 18;
        sheet.Column(3).Width = 90;
        Header(sheet, ResponseLayout.HeaderRow, layout.Headers().ElementAt(2).Texts);
        var last = ResponseLayout.FirstEvidenceRow + ResponseLayout.EvidenceRows - 1;
        for (var row = ResponseLayout.FirstEvidenceRow; row <= last; row++)
        {
            sheet.Cell(row, 1).SetText((row - ResponseLayout.FirstEvidenceRow + 1).ToString(CultureInfo.InvariantCulture));
            Input(sheet.Cell($"{ResponseLayout.EvidenceIdColumn}{row}"), InputKind.Line);
            Input(sheet.Cell($"{ResponseLayout.EvidenceItemColumn}{row}"), InputKind.Line);
        }

        if (layout.RequirementIds.Count > 0)
        {
            var ids = sheet.Range($"{ResponseLayout.EvidenceIdColumn}{ResponseLayout.FirstEvidenceRow}:{ResponseLayout.EvidenceIdColumn}{last}").SetDataValidation();
            ids.List($"{ResponseLayout.ListsSheet}!$A$1:$A${layout.RequirementIds.Count}", true);
            ids.ErrorTitle = "Requirement id";
            ids.ErrorMessage = "Choose a requirement id from the list.";
        }

        sheet.SheetView.FreezeRows(ResponseLayout.HeaderRow);
        Protect(sheet);
    }

    private static void WriteAnswers(IXLWorksheet sheet, ResponseLayout layout)
    {
        Title(sheet, "Answers", $"One answer for each question of {layout.Lot.Title}. Answer in the yellow column; the guidance says what evidence would support your answer.");
        double[] widths = [10, 22, 28, 50, 40, 80];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }

        Header(sheet, ResponseLayout.HeaderRow, layout.Headers().ElementAt(3).Texts);
        foreach (var question in layout.Questions)
        {
            var q = question.Question;
            var row = question.Row;
            sheet.Cell(row, 1).SetText(q.Id).Style.Font.Bold = true;
            Wrap(sheet.Cell(row, 2).SetText(question.Section.Title));
            var title = layout.RequirementTitle(q.RequirementId);
            Wrap(sheet.Cell(row, 3).SetText(q.RequirementId is null ? "None (the buyer's own question)" : title is null ? q.RequirementId : $"{q.RequirementId} {title}"));
            Wrap(sheet.Cell(row, 4).SetText($"{q.Title}\n{q.Text}"));
            Wrap(sheet.Cell(row, 5).SetText(Guidance(layout, q)));
            var answer = sheet.Cell($"{ResponseLayout.AnswerColumn}{row}");
            Input(answer, InputKind.Text);
        }

        sheet.SheetView.FreezeRows(ResponseLayout.HeaderRow);
        Protect(sheet);
    }

    private static string Guidance(ResponseLayout layout, Question question)
    {
        var parts = new List<string>();
        if (question.RequirementId is { } id && layout.Standards?.FindRequirement(id) is { } requirement && requirement.Evidence.Count > 0)
        {
            parts.Add("Evidence that would support your answer: " + string.Join("; ", requirement.Evidence) + ".");
        }

        if (question.MinimumScore is { } minimum)
        {
            parts.Add($"A score below {Rounding.Number(minimum)} of {layout.Tender.Scale.Maximum} on this question excludes the bid.");
        }

        return parts.Count == 0 ? "Answer the question as asked." : string.Join("\n", parts);
    }

    private static void WritePrices(IXLWorksheet sheet, ResponseLayout layout)
    {
        var price = layout.Lot.Price;
        var evaluated = price.ExtensionYears == 0
            ? $"The evaluated price is the sum of the {price.ContractYears} contract years."
            : price.EvaluateExtensions
                ? $"The evaluated price is the sum of the {price.ContractYears} contract years and the {price.ExtensionYears} extension years."
                : $"The evaluated price is the sum of the {price.ContractYears} contract years; give the extension years' prices too, although they are not evaluated.";
        Title(sheet, "Prices", $"One annual price in pounds for each year, with no £ sign. {evaluated}");
        sheet.Column(1).Width = 22;
        sheet.Column(2).Width = 22;
        Header(sheet, ResponseLayout.HeaderRow, layout.Headers().ElementAt(4).Texts);
        foreach (var row in layout.Prices)
        {
            sheet.Cell(row.Row, 1).SetText(row.Label).Style.Font.Bold = true;
            Input(sheet.Cell($"{ResponseLayout.PriceColumn}{row.Row}"), InputKind.Money);
        }

        sheet.SheetView.FreezeRows(ResponseLayout.HeaderRow);
        Protect(sheet);
    }

    private static void WriteLists(IXLWorksheet sheet, ResponseLayout layout)
    {
        for (var i = 0; i < layout.RequirementIds.Count; i++)
        {
            sheet.Cell(i + 1, 1).SetText(layout.RequirementIds[i]);
            sheet.Cell(i + 1, 2).SetText(layout.RequirementTitle(layout.RequirementIds[i]));
        }

        sheet.Visibility = XLWorksheetVisibility.Hidden;
        sheet.Protect();
    }

    private static void WriteIdentity(IXLWorksheet sheet, ResponseIdentity identity, ResponseWorkbookKey key)
    {
        (string Name, string Value)[] rows =
        [
            ("format", identity.Format),
            ("version", identity.Version.ToString(CultureInfo.InvariantCulture)),
            ("tenderReference", identity.TenderReference),
            ("tenderTitle", identity.TenderTitle),
            ("lotId", identity.LotId),
            ("contentHash", identity.ContentHash),
            ("signature", identity.Signature(key)),
        ];
        for (var i = 0; i < rows.Length; i++)
        {
            sheet.Cell(i + 1, 1).SetText(rows[i].Name);
            sheet.Cell(i + 1, 2).SetText(rows[i].Value);
        }

        sheet.Visibility = XLWorksheetVisibility.VeryHidden;
        sheet.Protect();
    }

    private static void Title(IXLWorksheet sheet, string title, string note)
    {
        var heading = sheet.Cell(1, 1).SetText(title);
        heading.Style.Font.Bold = true;
        heading.Style.Font.FontSize = 14;
        heading.Style.Font.FontColor = NhsBlue;
        sheet.Cell(2, 1).SetText(note);
    }

    private static void Header(IXLWorksheet sheet, int row, IReadOnlyList<string> texts)
    {
        for (var c = 0; c < texts.Count; c++)
        {
            var cell = sheet.Cell(row, c + 1).SetText(texts[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Font.FontColor = XLColor.White;
            cell.Style.Fill.BackgroundColor = NhsBlue;
            cell.Style.Alignment.WrapText = true;
        }
    }

    private static void Wrap(IXLCell cell)
    {
        cell.Style.Alignment.WrapText = true;
        cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    private static void Input(IXLCell cell, InputKind kind)
    {
        cell.Style.Protection.Locked = false;
        cell.Style.Fill.BackgroundColor = InputFill;
        cell.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        cell.Style.Border.OutsideBorderColor = PaleGrey;
        cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        switch (kind)
        {
            case InputKind.Text or InputKind.Line:
                // Text format: what a provider types stays text (no dates from "1-2", no lost zeros).
                cell.Style.NumberFormat.Format = "@";
                cell.Style.Alignment.WrapText = true;
                break;
            case InputKind.Date:
                cell.Style.DateFormat.Format = "d mmmm yyyy";
                var date = cell.SetDataValidation();
                date.Date.Between(new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), new DateTime(2100, 12, 31, 0, 0, 0, DateTimeKind.Unspecified));
                date.ErrorTitle = "Date";
                date.ErrorMessage = "Enter a date, such as 3 July 2023.";
                break;
            case InputKind.Money:
                cell.Style.NumberFormat.Format = "#,##0.00";
                var money = cell.SetDataValidation();
                money.Decimal.GreaterThan(0);
                money.ErrorTitle = "Price";
                money.ErrorMessage = "Enter the annual price in pounds, as a number more than 0.";
                break;
            case InputKind.Number:
                cell.Style.NumberFormat.Format = "0.0#";
                var number = cell.SetDataValidation();
                number.Decimal.EqualOrGreaterThan(0);
                number.ErrorTitle = "Whole-time equivalents";
                number.ErrorMessage = "Enter a number, 0 or more, such as 7.2.";
                break;
            case InputKind.WholeNumber:
                cell.Style.NumberFormat.Format = "0";
                var whole = cell.SetDataValidation();
                whole.WholeNumber.EqualOrGreaterThan(0);
                whole.ErrorTitle = "Whole number";
                whole.ErrorMessage = "Enter a whole number, 0 or more.";
                break;
            case InputKind.Choice:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static void Choice(IXLCell cell, IReadOnlyList<string> choices)
    {
        var validation = cell.SetDataValidation();
        validation.List("\"" + string.Join(',', choices) + "\"", true);
        validation.ErrorTitle = "Choose from the list";
        validation.ErrorMessage = "Choose one of: " + string.Join(", ", choices) + ".";
    }

    private static void Protect(IXLWorksheet sheet)
    {
        // Formatting rows and columns is allowed so that a provider can make room to read a long
        // answer; inserting or deleting rows and columns is not.
        sheet.Protect()
            .AllowElement(XLSheetProtectionElements.FormatColumns)
            .AllowElement(XLSheetProtectionElements.FormatRows)
            .AllowElement(XLSheetProtectionElements.SelectLockedCells)
            .AllowElement(XLSheetProtectionElements.SelectUnlockedCells);
    }
}
