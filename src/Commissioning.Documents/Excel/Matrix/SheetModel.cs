using System.Globalization;

namespace Commissioning.Documents.Excel.Matrix;

/// <summary>What a cell holds.</summary>
public enum CellKind
{
    /// <summary>Text, written through <see cref="CellText.SetText"/> so that it can never run as a formula.</summary>
    Text,
    /// <summary>A number.</summary>
    Number,
    /// <summary>A formula (without the leading <c>=</c>), recalculated by the spreadsheet.</summary>
    Formula,
}

/// <summary>How a cell looks: each style is one number format and font, shared by every cell that uses it.</summary>
public enum CellStyle
{
    /// <summary>Plain text or a general number.</summary>
    Plain,
    /// <summary>Text that wraps within its column.</summary>
    Wrap,
    /// <summary>A column or row heading: NHS blue fill, white bold text.</summary>
    Header,
    /// <summary>A sheet's title: bold, larger.</summary>
    Title,
    /// <summary>A label in bold.</summary>
    Label,
    /// <summary>A score on the tender's scale, to two places (a mean need not be whole).</summary>
    Score,
    /// <summary>A whole-number score typed by an evaluator or moderator.</summary>
    WholeScore,
    /// <summary>Points, to two places.</summary>
    Points,
    /// <summary>A percentage held as a number of percent (62.5 shows as 62.50%).</summary>
    Percent,
    /// <summary>Pounds and pence.</summary>
    Money,
    /// <summary>A whole number, such as a rank.</summary>
    Count,
    /// <summary>A total or result in bold, to two places.</summary>
    Total,
    /// <summary>A weighted percentage in bold, held as a number of percent.</summary>
    TotalPercent,
}

/// <summary>One cell of a sheet, 1-based.</summary>
/// <param name="Row">Row, from 1.</param>
/// <param name="Column">Column, from 1.</param>
/// <param name="Kind">Text, number or formula.</param>
/// <param name="Text">The text, or the formula without its <c>=</c>; null for a number.</param>
/// <param name="Number">The number, for <see cref="CellKind.Number"/>.</param>
/// <param name="Style">How it looks.</param>
public readonly record struct SheetCell(int Row, int Column, CellKind Kind, string? Text, decimal Number, CellStyle Style);

/// <summary>A block of cells a person may type into (unlocked), accepting whole numbers from 0 to a maximum.</summary>
/// <param name="FirstRow">First row.</param>
/// <param name="Column">The column.</param>
/// <param name="LastRow">Last row.</param>
/// <param name="Maximum">The highest whole number accepted (the top of the tender's scale).</param>
public readonly record struct ScoreInput(int FirstRow, int Column, int LastRow, int Maximum);

/// <summary>
/// One worksheet as the matrix lays it out, before it is written: the cells, the column widths,
/// the frozen panes and the score cells left open for typing. Both <see cref="MatrixWriter"/> and
/// the benchmark's minimal OpenXML writer write from this, so they emit exactly the same cells.
/// A sheet's cells are either held (<see cref="Text(int, int, string?, CellStyle)"/> and the
/// other adders) or, for the big sheets, made row by row while the sheet is written
/// (<see cref="Generate"/>), so that the hundreds of thousands of evaluator and moderation cells
/// are never all in memory at once.
/// </summary>
public sealed class SheetModel
{
    private readonly List<SheetCell> _cells = [];
    private Func<IEnumerable<SheetCell>>? _generated;
    private readonly SortedDictionary<int, double> _widths = [];
    private readonly List<ScoreInput> _inputs = [];

    /// <summary>Makes an empty sheet.</summary>
    public SheetModel(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 31)
        {
            throw new ArgumentException($"Sheet name '{name}' is longer than 31 characters.", nameof(name));
        }

        Name = name;
    }

    /// <summary>The sheet's name (made by the toolkit, never from user text).</summary>
    public string Name { get; }

    /// <summary>
    /// Every cell: the cells held, in the order they were added, then the generated cells, made
    /// afresh each time this is enumerated.
    /// </summary>
    public IEnumerable<SheetCell> Cells => _generated is null ? _cells : _cells.Concat(_generated());

    /// <summary>The cells held (not the generated ones), in the order they were added.</summary>
    internal IReadOnlyList<SheetCell> HeldCells => _cells;

    /// <summary>Makes the generated cells, in row then column order; null when there are none.</summary>
    internal Func<IEnumerable<SheetCell>>? GeneratedCells => _generated;

    /// <summary>Column widths in characters, by column number.</summary>
    public IReadOnlyDictionary<int, double> ColumnWidths => _widths;

    /// <summary>The score cells left open for typing, each with whole-number validation.</summary>
    public IReadOnlyList<ScoreInput> Inputs => _inputs;

    /// <summary>Rows kept in view when scrolling down.</summary>
    public int FreezeRows { get; set; }

    /// <summary>Columns kept in view when scrolling across.</summary>
    public int FreezeColumns { get; set; }

    /// <summary>The sheet name as a formula reference prefix: <c>'Name'!</c>.</summary>
    public string Prefix => "'" + Name.Replace("'", "''", StringComparison.Ordinal) + "'!";

    /// <summary>Adds text.</summary>
    public void Text(int row, int column, string? text, CellStyle style = CellStyle.Plain)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _cells.Add(new SheetCell(row, column, CellKind.Text, text, 0m, style));
        }
    }

    /// <summary>Adds a number.</summary>
    public void Number(int row, int column, decimal value, CellStyle style = CellStyle.Plain) =>
        _cells.Add(new SheetCell(row, column, CellKind.Number, null, value, style));

    /// <summary>Adds a number, or nothing for null.</summary>
    public void Number(int row, int column, decimal? value, CellStyle style)
    {
        if (value is { } v)
        {
            Number(row, column, v, style);
        }
    }

    /// <summary>Adds a formula (without its leading <c>=</c>).</summary>
    public void Formula(int row, int column, string formula, CellStyle style = CellStyle.Plain) =>
        _cells.Add(new SheetCell(row, column, CellKind.Formula, formula, 0m, style));

    /// <summary>
    /// Sets how the rest of the sheet's cells are made: <paramref name="cells"/> is called each
    /// time the sheet is written (or <see cref="Cells"/> enumerated) and must yield its cells in
    /// row then column order, each place once. The writer checks the order.
    /// </summary>
    public void Generate(Func<IEnumerable<SheetCell>> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (_generated is not null)
        {
            throw new InvalidOperationException($"Sheet '{Name}' already has generated cells.");
        }

        _generated = cells;
    }

    /// <summary>A text cell, or null for null or empty text (which, as with <see cref="Text(int, int, string?, CellStyle)"/>, leaves the cell empty).</summary>
    public static SheetCell? TextCell(int row, int column, string? text, CellStyle style = CellStyle.Plain) =>
        string.IsNullOrEmpty(text) ? null : new SheetCell(row, column, CellKind.Text, text, 0m, style);

    /// <summary>A number cell.</summary>
    public static SheetCell NumberCell(int row, int column, decimal value, CellStyle style = CellStyle.Plain) =>
        new(row, column, CellKind.Number, null, value, style);

    /// <summary>A formula cell (without its leading <c>=</c>).</summary>
    public static SheetCell FormulaCell(int row, int column, string formula, CellStyle style = CellStyle.Plain) =>
        new(row, column, CellKind.Formula, formula, 0m, style);

    /// <summary>Sets a column's width in characters.</summary>
    public void Width(int column, double width) => _widths[column] = width;

    /// <summary>Leaves a column of score cells open for typing, with whole-number validation.</summary>
    public void Input(int firstRow, int column, int lastRow, int maximum)
    {
        if (lastRow >= firstRow)
        {
            _inputs.Add(new ScoreInput(firstRow, column, lastRow, maximum));
        }
    }

    /// <summary>A1 reference, such as <c>C7</c> or <c>$C$7</c>.</summary>
    public static string A1(int row, int column, bool absolute = false) =>
        absolute ? "$" + ColumnName(column) + "$" + row.ToString(CultureInfo.InvariantCulture)
                 : ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>A range reference, such as <c>$C$7:$C$9</c>.</summary>
    public static string Range(int firstRow, int firstColumn, int lastRow, int lastColumn, bool absolute = true) =>
        A1(firstRow, firstColumn, absolute) + ":" + A1(lastRow, lastColumn, absolute);

    /// <summary>The letters of a column: 1 is A, 27 is AA.</summary>
    public static string ColumnName(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        var name = string.Empty;
        while (column > 0)
        {
            var rest = (column - 1) % 26;
            name = (char)('A' + rest) + name;
            column = (column - 1) / 26;
        }

        return name;
    }
}

/// <summary>The workbook as laid out: its sheets in order, and where the tests and readers find each figure.</summary>
public sealed class WorkbookModel
{
    /// <summary>The sheets, in order.</summary>
    public required IReadOnlyList<SheetModel> Sheets { get; init; }

    /// <summary>Where each lot's figures are.</summary>
    public required IReadOnlyList<LotMap> Lots { get; init; }
}

/// <summary>A cell's place: sheet name, row and column.</summary>
/// <param name="Sheet">The sheet's name.</param>
/// <param name="Row">Row, from 1.</param>
/// <param name="Column">Column, from 1.</param>
public readonly record struct CellPlace(string Sheet, int Row, int Column)
{
    /// <summary>The A1 address within its sheet.</summary>
    public string Address => SheetModel.A1(Row, Column);

    /// <inheritdoc />
    public override string ToString() => $"{Sheet}!{Address}";
}

/// <summary>Where one bid's calculated figures are in the workbook; each is a formula.</summary>
public sealed record BidMap
{
    /// <summary>The bid.</summary>
    public required string BidId { get; init; }
    /// <summary>1 when eligible, 0 when excluded.</summary>
    public required CellPlace Eligible { get; init; }
    /// <summary>Weighted quality percentage (absolute).</summary>
    public required CellPlace QualityPercent { get; init; }
    /// <summary>Relative quality percentage, under relative quality scoring only.</summary>
    public CellPlace? RelativeQualityPercent { get; init; }
    /// <summary>Quality points.</summary>
    public required CellPlace QualityPoints { get; init; }
    /// <summary>Price points (empty under price per quality point or when excluded).</summary>
    public required CellPlace PricePoints { get; init; }
    /// <summary>Price per quality point.</summary>
    public required CellPlace PricePerQualityPoint { get; init; }
    /// <summary>Total out of 100 (empty when excluded).</summary>
    public required CellPlace Total { get; init; }
    /// <summary>Rank (empty when excluded).</summary>
    public required CellPlace Rank { get; init; }
    /// <summary>Each section's weighted percentage, by section id.</summary>
    public required IReadOnlyDictionary<string, CellPlace> SectionPercent { get; init; }
    /// <summary>Each question's final score, by question id.</summary>
    public required IReadOnlyDictionary<string, CellPlace> FinalScore { get; init; }
}

/// <summary>Where one lot's figures are.</summary>
public sealed record LotMap
{
    /// <summary>The lot.</summary>
    public required string LotId { get; init; }
    /// <summary>The lot's Quality sheet.</summary>
    public required string QualitySheet { get; init; }
    /// <summary>The lot's Price sheet.</summary>
    public required string PriceSheet { get; init; }
    /// <summary>The lot's Moderation sheet.</summary>
    public required string ModerationSheet { get; init; }
    /// <summary>The lot's evaluator sheets, by evaluator id.</summary>
    public required IReadOnlyDictionary<string, string> EvaluatorSheets { get; init; }
    /// <summary>The Summary cell naming the leading bid (or saying why there is none).</summary>
    public required CellPlace Leader { get; init; }
    /// <summary>Each bid's figures, by bid id.</summary>
    public required IReadOnlyDictionary<string, BidMap> Bids { get; init; }
}
