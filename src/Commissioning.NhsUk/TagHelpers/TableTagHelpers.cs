using Commissioning.NhsUk.Components;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>The heads and rows given inside a table.</summary>
internal sealed class TableParts
{
    public List<TableHeadCell> Head { get; } = [];

    public List<IReadOnlyList<TableCell?>> Rows { get; } = [];
}

/// <summary>The cells given inside a table row.</summary>
internal sealed class TableRowCells
{
    public List<TableCell> Cells { get; } = [];
}

/// <summary>
/// A table: its caption, one <c>&lt;nhsuk-table-header&gt;</c> per column, then one
/// <c>&lt;nhsuk-table-row&gt;</c> of <c>&lt;nhsuk-table-cell&gt;</c> per row. The responsive
/// variant repeats each column's heading inside its cells, so a narrow screen shows the table as
/// a list of cards.
/// </summary>
[HtmlTargetElement("nhsuk-table")]
[NhsUkComponent("tables")]
public sealed class TableTagHelper : TagHelper
{
    /// <summary>The caption, which says what the table shows.</summary>
    [HtmlAttributeName("caption")]
    public string? Caption { get; set; }

    /// <summary>The caption's size: <c>s</c>, <c>m</c>, <c>l</c> or <c>xl</c>.</summary>
    [HtmlAttributeName("caption-size")]
    public string? CaptionSize { get; set; }

    /// <summary>Keeps the caption for screen readers only (when a heading above already says it).</summary>
    [HtmlAttributeName("caption-hidden")]
    public bool CaptionHidden { get; set; }

    /// <summary>Draws the table as a list of cards on a narrow screen.</summary>
    [HtmlAttributeName("responsive")]
    public bool Responsive { get; set; }

    /// <summary>Makes each row's first cell that row's heading.</summary>
    [HtmlAttributeName("first-cell-is-header")]
    public bool FirstCellIsHeader { get; set; }

    /// <summary>Extra classes.</summary>
    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var parts = new TableParts();
        context.Items[typeof(TableParts)] = parts;
        await output.GetChildContentAsync();
        output.Replace(Render.Table(new TableOptions
        {
            Caption = Caption is null ? null : new TableCaption { Text = Caption, Size = CaptionSize, Classes = CaptionHidden ? "nhsuk-u-visually-hidden" : null },
            Head = parts.Head.Count == 0 ? null : parts.Head,
            Rows = parts.Rows,
            Responsive = Responsive ? true : null,
            FirstCellIsHeader = FirstCellIsHeader ? true : null,
            Classes = Classes,
            Attributes = output.PassThrough(),
        }));
    }
}

/// <summary>A column's heading; <c>format="numeric"</c> aligns a column of numbers to the right.</summary>
[HtmlTargetElement("nhsuk-table-header", ParentTag = "nhsuk-table")]
[NhsUkComponent("tables")]
public sealed class TableHeaderTagHelper : TagHelper
{
    /// <summary><c>numeric</c> for a column of numbers.</summary>
    [HtmlAttributeName("format")]
    public string? Format { get; set; }

    /// <summary>The column's width, such as <c>one-half</c>.</summary>
    [HtmlAttributeName("width")]
    public string? Width { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.ContentAsync() ?? HtmlString.Empty;
        if (context.Parent<TableParts>() is { } parts)
        {
            parts.Head.Add(new TableHeadCell { Html = content, Format = Format, Width = Width, Attributes = output.PassThrough() });
        }

        output.SuppressOutput();
    }
}

/// <summary>One row of a table, of <c>&lt;nhsuk-table-cell&gt;</c>.</summary>
[HtmlTargetElement("nhsuk-table-row", ParentTag = "nhsuk-table")]
[NhsUkComponent("tables")]
public sealed class TableRowTagHelper : TagHelper
{
    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var cells = new TableRowCells();
        context.Items[typeof(TableRowCells)] = cells;
        await output.GetChildContentAsync();
        if (context.Parent<TableParts>() is { } parts)
        {
            parts.Rows.Add(cells.Cells);
        }

        output.SuppressOutput();
    }
}

/// <summary>One cell of a table row; <c>format="numeric"</c> for a number.</summary>
[HtmlTargetElement("nhsuk-table-cell", ParentTag = "nhsuk-table-row")]
[NhsUkComponent("tables")]
public sealed class TableCellTagHelper : TagHelper
{
    /// <summary><c>numeric</c> for a number; the column's format when not set.</summary>
    [HtmlAttributeName("format")]
    public string? Format { get; set; }

    /// <summary>How many columns it spans.</summary>
    [HtmlAttributeName("colspan")]
    public int? Colspan { get; set; }

    /// <summary>Extra classes on the cell.</summary>
    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.ContentAsync() ?? HtmlString.Empty;
        if (context.Parent<TableRowCells>() is { } cells)
        {
            // Words alone go in as text, markup as HTML: the responsive table wraps HTML in a span of its own.
            var html = Html.Markup.ToHtml(content);
            var cell = html.Contains('<', StringComparison.Ordinal)
                ? new TableCell { Html = content }
                : new TableCell { Text = System.Net.WebUtility.HtmlDecode(html) };
            cells.Cells.Add(cell with { Format = Format, Colspan = Colspan, Classes = Classes, Attributes = output.PassThrough() });
        }

        output.SuppressOutput();
    }
}
