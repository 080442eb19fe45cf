namespace Commissioning.Documents.Charts;

/// <summary>
/// The numbers of a chart as a table: the text alternative to the picture, with the same figures
/// written the toolkit's way (<see cref="Commissioning.Core.Evaluation.Rounding"/>). Every row has
/// one cell per header.
/// </summary>
/// <param name="Headers">The column headings.</param>
/// <param name="Rows">The rows, each a cell per heading.</param>
public sealed record ChartTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// One chart of an evaluation: a self-contained SVG (no script, no style, no external reference)
/// with its title, a one-sentence summary of what it shows, notes on what it leaves out, and the
/// same numbers as a table.
/// </summary>
/// <param name="Id">
/// The chart's id, unique on a page that shows several lots: the SVG's own ids (its title, its
/// description and its patterns) begin with it.
/// </param>
/// <param name="Title">A short title, naming the lot.</param>
/// <param name="Summary">One plain-English sentence: what the chart shows.</param>
/// <param name="Notes">What the chart leaves out and why, such as an excluded bid; a sentence each, possibly none.</param>
/// <param name="Svg">The SVG element as XML text, ready to write into an HTML page as it is.</param>
/// <param name="Table">The same numbers as a table.</param>
public sealed record Chart(string Id, string Title, string Summary, IReadOnlyList<string> Notes, string Svg, ChartTable Table);
