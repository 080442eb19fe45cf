using ClosedXML.Excel;

namespace Commissioning.Documents.Excel;

/// <summary>
/// Writes text from users and providers into a cell so that a spreadsheet can never run it as a
/// formula. ClosedXML 0.95 treats a string that starts with <c>=</c> as a formula when it is set
/// through <c>Value</c>; this sets the text as text, and for text that starts with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c> or a control character (tab, carriage return and the like) it also
/// sets the cell's quote prefix, so the text stays text even when a person edits the cell in
/// Excel or LibreOffice (the OWASP advice on CSV and formula injection). The text itself is not
/// changed: it reads back as written, except that a carriage return reads back as a line feed
/// (XML's rule for line breaks).
/// </summary>
public static class CellText
{
    /// <summary>Writes <paramref name="text"/> (null as an empty cell) as plain text.</summary>
    public static IXLCell SetText(this IXLCell cell, string? text)
    {
        ArgumentNullException.ThrowIfNull(cell);
        cell.SetValue(text ?? string.Empty);
        cell.DataType = XLDataType.Text;
        if (NeedsQuotePrefix(text))
        {
            cell.Style.IncludeQuotePrefix = true;
        }

        return cell;
    }

    /// <summary>Whether a spreadsheet could read <paramref name="text"/> as the start of a formula.</summary>
    public static bool NeedsQuotePrefix(string? text) =>
        !string.IsNullOrEmpty(text) && (text[0] is '=' or '+' or '-' or '@' || char.IsControl(text[0]) || text[0] is '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20');
}
