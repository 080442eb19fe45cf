using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Commissioning.Documents.Excel.Matrix;

/// <summary>
/// Writes a laid-out workbook straight through the OpenXML SDK's <see cref="OpenXmlWriter"/>: one
/// forward pass over each worksheet part, no document object model and no object per cell. A
/// small fixed stylesheet (<see cref="MatrixStyles"/>) gives NHS blue headers, number formats,
/// locked formula cells and pale yellow unlocked score cells; text is written as inline strings
/// typed as text, with the quote prefix when <see cref="CellText.NeedsQuotePrefix"/> says a
/// spreadsheet could read it as a formula (the same rule as <see cref="CellText.SetText"/>);
/// explicit column widths, frozen panes, score cells with whole-number validation, every sheet
/// protected without a password, and a full recalculation requested when the file is opened.
/// </summary>
public static class MatrixWriter
{
    /// <summary>NHS blue, for header fills.</summary>
    public const string NhsBlue = "#005EB8";

    /// <summary>The pale yellow that marks cells a person may type into.</summary>
    public const string InputFill = "#FFF9C4";

    private const string RelationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const string WorksheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private const string StylesContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    // Element objects used only for their names: OpenXmlWriter writes the attributes it is given.
    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly CellValue ValueElement = new();
    private static readonly CellFormula FormulaElement = new();
    private static readonly InlineString InlineElement = new();
    private static readonly Text TextElement = new();
    private static readonly OpenXmlAttribute[] PreserveSpace = [new("xml", "space", XmlNamespace, "preserve")];

    /// <summary>Number formats by style.</summary>
    public static string? NumberFormat(CellStyle style) => MatrixStyles.NumberFormat(style);

    /// <summary>Writes the workbook to a stream.</summary>
    /// <param name="model">The laid-out workbook.</param>
    /// <param name="output">Where to write the .xlsx.</param>
    /// <param name="progress">Told the name of each sheet as it is written, and "Saving" before the package is closed; may be null.</param>
    public static void Write(WorkbookModel model, Stream output, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        WritePackage(model, output, progress);
    }

    private static void WritePackage(WorkbookModel model, Stream output, IProgress<string>? progress)
    {
        // A write-only package streams each part into the zip as it is written and closed; the
        // SDK's SpreadsheetDocument needs read access, which holds every part, uncompressed, in
        // memory until the package is closed. So the parts and their relationships are made here,
        // and each part's XML is written through OpenXmlWriter.
        using var package = Package.Open(output, FileMode.Create, FileAccess.Write);
        var workbookUri = new Uri("/xl/workbook.xml", UriKind.Relative);
        package.CreateRelationship(workbookUri, TargetMode.Internal, RelationshipBase + "officeDocument", "rId1");

        var stylesUri = new Uri("/xl/styles.xml", UriKind.Relative);
        using (var stream = package.CreatePart(stylesUri, StylesContentType, CompressionOption.Normal).GetStream(FileMode.Create, FileAccess.Write))
        {
            MatrixStyles.Write(stream);
        }

        var sheets = new List<(string Id, string File)>(model.Sheets.Count);
        for (var i = 0; i < model.Sheets.Count; i++)
        {
            var sheet = model.Sheets[i];
            progress?.Report(sheet.Name);
            var name = $"sheet{(i + 1).ToString(CultureInfo.InvariantCulture)}.xml";
            var part = package.CreatePart(new Uri("/xl/worksheets/" + name, UriKind.Relative), WorksheetContentType, CompressionOption.Normal);
            using (var stream = part.GetStream(FileMode.Create, FileAccess.Write))
            {
                WriteSheet(stream, sheet);
            }

            var id = "rId" + (i + 1).ToString(CultureInfo.InvariantCulture);
            sheets.Add((id, name));
        }

        // In a write-only package a part's zip entry must be written whole before the next is
        // begun, so the workbook part, which lists the sheets, comes last.
        progress?.Report("Saving");
        var workbook = package.CreatePart(workbookUri, WorkbookContentType, CompressionOption.Normal);
        workbook.CreateRelationship(new Uri("styles.xml", UriKind.Relative), TargetMode.Internal, RelationshipBase + "styles", "rIdStyles");
        foreach (var (id, file) in sheets)
        {
            workbook.CreateRelationship(new Uri("worksheets/" + file, UriKind.Relative), TargetMode.Internal, RelationshipBase + "worksheet", id);
        }

        using (var stream = workbook.GetStream(FileMode.Create, FileAccess.Write))
        using (var writer = OpenXmlWriter.Create(stream))
        {
            writer.WriteStartElement(new Workbook());
            writer.WriteStartElement(new BookViews());
            writer.WriteElement(new WorkbookView { ActiveTab = 0U });
            writer.WriteEndElement();
            writer.WriteStartElement(new Sheets());
            for (var i = 0; i < sheets.Count; i++)
            {
                writer.WriteElement(new Sheet { Name = model.Sheets[i].Name, SheetId = (uint)(i + 1), Id = sheets[i].Id });
            }

            writer.WriteEndElement();
            writer.WriteElement(new CalculationProperties { CalculationId = 0U, FullCalculationOnLoad = true, ForceFullCalculation = true });
            writer.WriteEndElement();
        }
    }

    private static void WriteSheet(Stream part, SheetModel sheet)
    {
        using var cells = new CellCursor(Ordered(sheet.HeldCells), sheet.GeneratedCells?.Invoke(), sheet.Name);
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        WriteView(writer, sheet);
        writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15D });
        if (sheet.ColumnWidths.Count > 0)
        {
            writer.WriteStartElement(new Columns());
            foreach (var (column, width) in sheet.ColumnWidths)
            {
                writer.WriteElement(new Column { Min = (uint)column, Max = (uint)column, Width = FileWidth(width), CustomWidth = true });
            }

            writer.WriteEndElement();
        }

        writer.WriteStartElement(new SheetData());
        WriteRows(writer, sheet, cells);
        writer.WriteEndElement();

        // Prevents accidents, not a secret: no password. Column and row formats may still change.
        writer.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false });
        if (sheet.Inputs.Count > 0)
        {
            writer.WriteStartElement(new DataValidations { Count = (uint)sheet.Inputs.Count });
            foreach (var input in sheet.Inputs)
            {
                var maximum = input.Maximum.ToString(CultureInfo.InvariantCulture);
                writer.WriteElement(new DataValidation(new Formula1("0"), new Formula2(maximum))
                {
                    Type = DataValidationValues.Whole,
                    Operator = DataValidationOperatorValues.Between,
                    ErrorStyle = DataValidationErrorStyleValues.Stop,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ShowInputMessage = true,
                    ErrorTitle = "Score out of range",
                    Error = $"Enter a whole number from 0 to {maximum}.",
                    SequenceOfReferences = new ListValue<StringValue>([new StringValue(SheetModel.Range(input.FirstRow, input.Column, input.LastRow, input.Column, absolute: false))]),
                });
            }

            writer.WriteEndElement();
        }

        writer.WriteElement(new PageMargins { Left = 0.7D, Right = 0.7D, Top = 0.75D, Bottom = 0.75D, Header = 0.3D, Footer = 0.3D });
        writer.WriteEndElement();
    }

    /// <summary>
    /// A width in characters as the file stores it: with the cell's padding of 5 pixels added,
    /// for Calibri 11's 7-pixel digit, truncated to 1/256 (ECMA-376 part 1, §18.3.1.13), so a
    /// spreadsheet shows the width the layout asked for.
    /// </summary>
    private static double FileWidth(double characters) => Math.Truncate(((characters * 7) + 5) / 7 * 256) / 256;

    private static void WriteView(OpenXmlWriter writer, SheetModel sheet)
    {
        var view = new SheetView { WorkbookViewId = 0U };
        if (sheet.FreezeRows > 0 || sheet.FreezeColumns > 0)
        {
            var pane = new Pane
            {
                TopLeftCell = SheetModel.A1(sheet.FreezeRows + 1, sheet.FreezeColumns + 1),
                State = PaneStateValues.Frozen,
                ActivePane = sheet.FreezeRows > 0 && sheet.FreezeColumns > 0 ? PaneValues.BottomRight
                    : sheet.FreezeRows > 0 ? PaneValues.BottomLeft : PaneValues.TopRight,
            };
            if (sheet.FreezeColumns > 0)
            {
                pane.HorizontalSplit = sheet.FreezeColumns;
            }

            if (sheet.FreezeRows > 0)
            {
                pane.VerticalSplit = sheet.FreezeRows;
            }

            view.Append(pane, new Selection { Pane = pane.ActivePane });
        }

        writer.WriteStartElement(new SheetViews());
        writer.WriteElement(view);
        writer.WriteEndElement();
    }

    private static void WriteRows(OpenXmlWriter writer, SheetModel sheet, CellCursor cells)
    {
        var inputs = sheet.Inputs;
        var rowAttributes = new OpenXmlAttribute[1];
        var attributes = new List<OpenXmlAttribute>(3);
        var open = new List<int>(inputs.Count);
        var row = 0;
        while (true)
        {
            // The next row with a cell or an input cell on it.
            row = Math.Min(cells.HasCurrent ? cells.Current.Row : int.MaxValue, NextInputRow(inputs, row));
            if (row == int.MaxValue)
            {
                break;
            }

            // The input columns open on this row, in column order, so that empty score cells
            // are still written: unlocked, pale yellow.
            open.Clear();
            foreach (var input in inputs)
            {
                if (row >= input.FirstRow && row <= input.LastRow && !open.Contains(input.Column))
                {
                    open.Add(input.Column);
                }
            }

            open.Sort();
            rowAttributes[0] = new OpenXmlAttribute("r", string.Empty, row.ToString(CultureInfo.InvariantCulture));
            writer.WriteStartElement(RowElement, rowAttributes);
            var o = 0;
            while ((cells.HasCurrent && cells.Current.Row == row) || o < open.Count)
            {
                var cellColumn = cells.HasCurrent && cells.Current.Row == row ? cells.Current.Column : int.MaxValue;
                var inputColumn = o < open.Count ? open[o] : int.MaxValue;
                if (inputColumn < cellColumn)
                {
                    WriteEmptyInput(writer, attributes, row, inputColumn);
                    o++;
                    continue;
                }

                var isInput = inputColumn == cellColumn;
                if (isInput)
                {
                    o++;
                }

                WriteCell(writer, attributes, cells.Current, isInput);
                cells.MoveNext();
            }

            writer.WriteEndElement();
        }
    }

    /// <summary>The first row after <paramref name="row"/> inside any block of input cells; <see cref="int.MaxValue"/> when there is none.</summary>
    private static int NextInputRow(IReadOnlyList<ScoreInput> inputs, int row)
    {
        var next = int.MaxValue;
        foreach (var input in inputs)
        {
            if (input.LastRow > row)
            {
                next = Math.Min(next, Math.Max(input.FirstRow, row + 1));
            }
        }

        return next;
    }

    private static void WriteEmptyInput(OpenXmlWriter writer, List<OpenXmlAttribute> attributes, int row, int column)
    {
        attributes.Clear();
        attributes.Add(new OpenXmlAttribute("r", string.Empty, SheetModel.A1(row, column)));
        attributes.Add(new OpenXmlAttribute("s", string.Empty, MatrixStyles.Index(CellStyle.WholeScore, input: true, quotePrefix: false)));
        writer.WriteStartElement(CellElement, attributes);
        writer.WriteEndElement();
    }

    private static void WriteCell(OpenXmlWriter writer, List<OpenXmlAttribute> attributes, in SheetCell cell, bool isInput)
    {
        attributes.Clear();
        attributes.Add(new OpenXmlAttribute("r", string.Empty, SheetModel.A1(cell.Row, cell.Column)));
        var quote = cell.Kind == CellKind.Text && CellText.NeedsQuotePrefix(cell.Text);
        if (cell.Style != CellStyle.Plain || isInput || quote)
        {
            attributes.Add(new OpenXmlAttribute("s", string.Empty, MatrixStyles.Index(cell.Style, isInput, quote)));
        }

        switch (cell.Kind)
        {
            case CellKind.Text:
                attributes.Add(new OpenXmlAttribute("t", string.Empty, "inlineStr"));
                writer.WriteStartElement(CellElement, attributes);
                writer.WriteStartElement(InlineElement);
                writer.WriteStartElement(TextElement, PreserveSpace);
                writer.WriteString(XmlText(cell.Text!));
                writer.WriteEndElement();
                writer.WriteEndElement();
                break;
            case CellKind.Number:
                writer.WriteStartElement(CellElement, attributes);
                writer.WriteStartElement(ValueElement);
                writer.WriteString(cell.Number.ToString(CultureInfo.InvariantCulture));
                writer.WriteEndElement();
                break;
            default:
                writer.WriteStartElement(CellElement, attributes);
                writer.WriteStartElement(FormulaElement);
                writer.WriteString(cell.Text!);
                writer.WriteEndElement();
                break;
        }

        writer.WriteEndElement();
    }

    /// <summary>
    /// Text as XML can hold it: a carriage return becomes a line feed (XML's rule for line breaks,
    /// as ClosedXML wrote it) and a character XML 1.0 cannot carry becomes U+FFFD, so a control
    /// character in a provider's text cannot make the file unreadable.
    /// </summary>
    private static string XmlText(string text)
    {
        var clean = true;
        foreach (var c in text)
        {
            if (c == '\r' || (c < ' ' && c is not '\t' and not '\n') || c is '\uFFFE' or '\uFFFF')
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return string.Create(normalised.Length, normalised, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = (c < ' ' && c is not '\t' and not '\n') || c is '\uFFFE' or '\uFFFF' ? '\uFFFD' : c;
            }
        });
    }

    /// <summary>The held cells in row then column order; where two share a place, the later one wins (as when a cell is set twice).</summary>
    private static SheetCell[] Ordered(IReadOnlyList<SheetCell> cells)
    {
        var sorted = true;
        for (var i = 1; i < cells.Count && sorted; i++)
        {
            var (a, b) = (cells[i - 1], cells[i]);
            sorted = a.Row < b.Row || (a.Row == b.Row && a.Column < b.Column);
        }

        if (sorted)
        {
            return [.. cells];
        }

        var keys = new long[cells.Count];
        var order = new int[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            keys[i] = ((long)cells[i].Row << 40) | ((long)cells[i].Column << 24) | (uint)i;
            order[i] = i;
        }

        Array.Sort(keys, order);
        var result = new List<SheetCell>(cells.Count);
        for (var i = 0; i < order.Length; i++)
        {
            var cell = cells[order[i]];
            if (i + 1 < order.Length && (keys[i + 1] >> 24) == (keys[i] >> 24))
            {
                continue;
            }

            result.Add(cell);
        }

        return [.. result];
    }

    /// <summary>
    /// The held cells (sorted) and the generated cells (already in order) merged into one pass in
    /// row then column order; where both have a cell in one place, the generated one, added
    /// later, wins. Generated cells out of order are a fault in the layout, and stop the write.
    /// </summary>
    private sealed class CellCursor : IDisposable
    {
        private readonly SheetCell[] _held;
        private readonly IEnumerator<SheetCell>? _generated;
        private readonly string _sheet;
        private int _next;
        private bool _hasGenerated;
        private SheetCell _current;

        public CellCursor(SheetCell[] held, IEnumerable<SheetCell>? generated, string sheet)
        {
            _held = held;
            _generated = generated?.GetEnumerator();
            _sheet = sheet;
            _hasGenerated = _generated?.MoveNext() == true;
            MoveNext();
        }

        public bool HasCurrent { get; private set; }

        public ref readonly SheetCell Current => ref _current;

        public void MoveNext()
        {
            var hasHeld = _next < _held.Length;
            if (!hasHeld && !_hasGenerated)
            {
                HasCurrent = false;
                return;
            }

            if (hasHeld && (!_hasGenerated || Before(_held[_next], _generated!.Current)))
            {
                _current = _held[_next++];
            }
            else
            {
                if (hasHeld && Same(_held[_next], _generated!.Current))
                {
                    _next++;
                }

                _current = _generated!.Current;
                _hasGenerated = _generated.MoveNext();
                if (_hasGenerated && !Before(_current, _generated.Current))
                {
                    throw new InvalidOperationException($"Sheet '{_sheet}': generated cell {SheetModel.A1(_generated.Current.Row, _generated.Current.Column)} comes after {SheetModel.A1(_current.Row, _current.Column)}; generated cells must be in row then column order.");
                }
            }

            HasCurrent = true;
        }

        public void Dispose() => _generated?.Dispose();

        private static bool Before(in SheetCell a, in SheetCell b) => a.Row < b.Row || (a.Row == b.Row && a.Column < b.Column);

        private static bool Same(in SheetCell a, in SheetCell b) => a.Row == b.Row && a.Column == b.Column;
    }
}
