using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Commissioning.Documents.Excel.Matrix;

/// <summary>
/// The matrix's fixed stylesheet: one cell format for each <see cref="CellStyle"/>, each also as an
/// unlocked, pale yellow input cell and with the quote prefix that keeps formula-like text as
/// text. Format <c>4 × style + 2 × input + quote</c>; format 0 is the default (plain, locked).
/// </summary>
public static class MatrixStyles
{
    private const uint PercentFormatId = 164;
    private const uint MoneyFormatId = 165;

    private static readonly CellStyle[] Styles = Enum.GetValues<CellStyle>();

    private static readonly string[] Indexes =
        [.. Enumerable.Range(0, Styles.Length * 4).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>Number formats by style (null for General).</summary>
    public static string? NumberFormat(CellStyle style) => style switch
    {
        CellStyle.Score or CellStyle.Points or CellStyle.Total => "0.00",
        CellStyle.WholeScore or CellStyle.Count => "0",
        CellStyle.Percent or CellStyle.TotalPercent => "0.00\"%\"",
        CellStyle.Money => "\"£\"#,##0.00",
        _ => null,
    };

    /// <summary>The cell format index (as the <c>s</c> attribute's text) for a style.</summary>
    public static string Index(CellStyle style, bool input, bool quotePrefix) =>
        Indexes[((int)style * 4) + (input ? 2 : 0) + (quotePrefix ? 1 : 0)];

    /// <summary>Writes the stylesheet into its part's stream.</summary>
    public static void Write(Stream part)
    {
        ArgumentNullException.ThrowIfNull(part);
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteElement(Build());
    }

    private static Stylesheet Build()
    {
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = PercentFormatId, FormatCode = "0.00\"%\"" },
            new NumberingFormat { NumberFormatId = MoneyFormatId, FormatCode = "\"£\"#,##0.00" })
        { Count = 2U };

        // Fonts: 0 plain, 1 bold, 2 bold white (headers), 3 bold 14 point (titles).
        var fonts = new Fonts(
            Font(bold: false, size: 11, colour: null),
            Font(bold: true, size: 11, colour: null),
            Font(bold: true, size: 11, colour: "FFFFFFFF"),
            Font(bold: true, size: 14, colour: null))
        { Count = 4U };

        // Fills: 0 and 1 are required by the format; 2 NHS blue; 3 the pale yellow of input cells.
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FF" + MatrixWriter.NhsBlue[1..]),
            Solid("FF" + MatrixWriter.InputFill[1..]))
        { Count = 4U };

        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U };
        var styleFormats = new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U };
        var cellFormats = new CellFormats();
        foreach (var style in Styles)
        {
            for (var variant = 0; variant < 4; variant++)
            {
                cellFormats.Append(Format(style, input: (variant & 2) != 0, quote: (variant & 1) != 0));
            }
        }

        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        return new Stylesheet(
            formats,
            fonts,
            fills,
            borders,
            styleFormats,
            cellFormats,
            new CellStyles(new DocumentFormat.OpenXml.Spreadsheet.CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U },
            new DifferentialFormats { Count = 0U });
    }

    private static CellFormat Format(CellStyle style, bool input, bool quote)
    {
        var numberFormat = NumberFormat(style) switch
        {
            "0.00" => 2U,
            "0" => 1U,
            "0.00\"%\"" => PercentFormatId,
            "\"£\"#,##0.00" => MoneyFormatId,
            _ => 0U,
        };
        uint font = style switch
        {
            CellStyle.Header => 2U,
            CellStyle.Title => 3U,
            CellStyle.Label or CellStyle.Total or CellStyle.TotalPercent => 1U,
            _ => 0U,
        };
        uint fill = input ? 3U : style == CellStyle.Header ? 2U : 0U;
        var wrap = style is CellStyle.Header or CellStyle.Wrap;
        var format = new CellFormat
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = fill,
            BorderId = 0U,
            FormatId = 0U,
            ApplyNumberFormat = numberFormat != 0U ? true : null,
            ApplyFont = font != 0U ? true : null,
            ApplyFill = fill != 0U ? true : null,
            ApplyAlignment = wrap ? true : null,
            ApplyProtection = input ? true : null,
            QuotePrefix = quote ? true : null,
        };
        if (wrap)
        {
            format.Append(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top });
        }

        if (input)
        {
            format.Append(new Protection { Locked = false });
        }

        return format;
    }

    private static Font Font(bool bold, double size, string? colour)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size });
        font.Append(colour is null ? new Color { Theme = 1U } : new Color { Rgb = colour });
        font.Append(new FontName { Val = "Calibri" });
        font.Append(new FontFamilyNumbering { Val = 2 });
        font.Append(new FontScheme { Val = FontSchemeValues.Minor });
        return font;
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid });
}
