using System.Globalization;
using Commissioning.Documents.Excel.Matrix;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Commissioning.Benchmarks;

/// <summary>
/// The yardstick for the matrix export: the same cells (text, numbers and formulas, sheet by
/// sheet) streamed straight through the OpenXML SDK's <see cref="OpenXmlWriter"/>, with no
/// styles, widths, validation or protection. The real writer may take at most three times as long.
/// </summary>
public static class MinimalMatrixWriter
{
    /// <summary>Writes the model's cells to a stream.</summary>
    public static void Write(WorkbookModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var sheets = new Sheets();
        uint id = 1;
        foreach (var sheet in model.Sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            WriteSheet(part, sheet);
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }

        workbookPart.Workbook = new Workbook(sheets);
        workbookPart.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart part, SheetModel sheet)
    {
        var cells = sheet.Cells.OrderBy(c => c.Row).ThenBy(c => c.Column).ToList();
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        var row = 0;
        foreach (var cell in cells)
        {
            if (cell.Row != row)
            {
                if (row != 0)
                {
                    writer.WriteEndElement();
                }

                row = cell.Row;
                writer.WriteStartElement(new Row { RowIndex = (uint)row });
            }

            var reference = SheetModel.A1(cell.Row, cell.Column);
            switch (cell.Kind)
            {
                case CellKind.Text:
                    writer.WriteElement(new Cell(new InlineString(new Text(cell.Text!) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString });
                    break;
                case CellKind.Number:
                    writer.WriteElement(new Cell(new CellValue(cell.Number.ToString(CultureInfo.InvariantCulture))) { CellReference = reference });
                    break;
                default:
                    writer.WriteElement(new Cell(new CellFormula(cell.Text!)) { CellReference = reference });
                    break;
            }
        }

        if (row != 0)
        {
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
