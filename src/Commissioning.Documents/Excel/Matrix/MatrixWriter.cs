using ClosedXML.Excel;

namespace Commissioning.Documents.Excel.Matrix;

/// <summary>
/// Writes a laid-out workbook with ClosedXML: text through <see cref="CellText.SetText"/>, NHS
/// blue headers, number formats, explicit column widths (AdjustToContents needs libgdiplus),
/// frozen panes, score cells unlocked with whole-number validation, every sheet protected
/// without a password, and a full recalculation requested when the file is opened.
/// </summary>
public static class MatrixWriter
{
    /// <summary>NHS blue, for header fills.</summary>
    public const string NhsBlue = "#005EB8";

    /// <summary>The pale yellow that marks cells a person may type into.</summary>
    public const string InputFill = "#FFF9C4";

    /// <summary>Number formats by style.</summary>
    public static string? NumberFormat(CellStyle style) => style switch
    {
        CellStyle.Score or CellStyle.Points or CellStyle.Total => "0.00",
        CellStyle.WholeScore or CellStyle.Count => "0",
        CellStyle.Percent or CellStyle.TotalPercent => "0.00\"%\"",
        CellStyle.Money => "\"£\"#,##0.00",
        _ => null,
    };

    /// <summary>Writes the workbook to a stream.</summary>
    /// <param name="model">The laid-out workbook.</param>
    /// <param name="output">Where to write the .xlsx.</param>
    /// <param name="progress">Told the name of each sheet as it is written, and "Saving" before the file is written; may be null.</param>
    public static void Write(WorkbookModel model, Stream output, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        foreach (var sheet in model.Sheets)
        {
            progress?.Report(sheet.Name);
            WriteSheet(workbook.AddWorksheet(sheet.Name), sheet);
        }

        workbook.ForceFullCalculation = true;
        workbook.FullCalculationOnLoad = true;
        progress?.Report("Saving");
        workbook.SaveAs(output, new SaveOptions { EvaluateFormulasBeforeSaving = false, GenerateCalculationChain = false, ValidatePackage = false });
    }

    private static void WriteSheet(IXLWorksheet worksheet, SheetModel sheet)
    {
        foreach (var cell in sheet.Cells)
        {
            var target = worksheet.Cell(cell.Row, cell.Column);
            switch (cell.Kind)
            {
                case CellKind.Text:
                    target.SetText(cell.Text);
                    break;
                case CellKind.Number:
                    target.SetValue(cell.Number);
                    break;
                default:
                    target.FormulaA1 = cell.Text;
                    break;
            }

            if (cell.Style != CellStyle.Plain)
            {
                Apply(target.Style, cell.Style);
            }
        }

        foreach (var (column, width) in sheet.ColumnWidths)
        {
            worksheet.Column(column).Width = width;
        }

        foreach (var input in sheet.Inputs)
        {
            var range = worksheet.Range(input.FirstRow, input.Column, input.LastRow, input.Column);
            range.Style.Protection.SetLocked(false);
            range.Style.Fill.BackgroundColor = XLColor.FromHtml(InputFill);
            var validation = range.SetDataValidation();
            validation.WholeNumber.Between(0, input.Maximum);
            validation.ErrorStyle = XLErrorStyle.Stop;
            validation.ErrorTitle = "Score out of range";
            validation.ErrorMessage = $"Enter a whole number from 0 to {input.Maximum}.";
            validation.ShowErrorMessage = true;
            validation.IgnoreBlanks = true;
        }

        if (sheet.FreezeRows > 0 || sheet.FreezeColumns > 0)
        {
            worksheet.SheetView.Freeze(sheet.FreezeRows, sheet.FreezeColumns);
        }

        var protection = worksheet.Protect();
        protection.AllowElement(XLSheetProtectionElements.FormatColumns | XLSheetProtectionElements.FormatRows);
    }

    private static void Apply(IXLStyle style, CellStyle kind)
    {
        switch (kind)
        {
            case CellStyle.Header:
                style.Fill.BackgroundColor = XLColor.FromHtml(NhsBlue);
                style.Font.FontColor = XLColor.White;
                style.Font.Bold = true;
                style.Alignment.WrapText = true;
                style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
                break;
            case CellStyle.Title:
                style.Font.Bold = true;
                style.Font.FontSize = 14;
                break;
            case CellStyle.Label:
                style.Font.Bold = true;
                break;
            case CellStyle.Wrap:
                style.Alignment.WrapText = true;
                style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
                break;
            case CellStyle.Total or CellStyle.TotalPercent:
                style.Font.Bold = true;
                style.NumberFormat.Format = NumberFormat(kind);
                break;
            default:
                if (NumberFormat(kind) is { } format)
                {
                    style.NumberFormat.Format = format;
                }

                break;
        }
    }
}
