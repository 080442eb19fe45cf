using ClosedXML.Excel;

namespace Commissioning.Documents.Excel;

/// <summary>
/// Sets each row's height to fit its wrapped text. Spreadsheets do not grow a row for wrapped
/// text written by a program, and measuring text needs fonts this machine may not have, so the
/// lines are estimated: a column of width w holds about w characters a line (a merged cell, the
/// width of all its columns).
/// </summary>
internal static class WrappedRows
{
    /// <summary>Fits every used row of <paramref name="sheet"/>.</summary>
    public static void Fit(IXLWorksheet sheet)
    {
        foreach (var row in sheet.RowsUsed())
        {
            var lines = 1;
            foreach (var cell in row.CellsUsed(c => c.Style.Alignment.WrapText && c.DataType == XLDataType.Text))
            {
                var columns = cell.IsMerged() ? cell.MergedRange().Columns().Select(c => c.WorksheetColumn()) : [cell.WorksheetColumn()];
                var width = Math.Max(1, (int)columns.Sum(c => c.Width) - 1);
                var needed = cell.GetString().Split('\n').Sum(part => Math.Max(1, (part.Length + width - 1) / width));
                lines = Math.Max(lines, needed);
            }

            if (lines > 1)
            {
                row.Height = Math.Min(409, 15 * lines);
            }
        }
    }
}
