using System.Globalization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>A table's caption, written as its <c>caption</c> element.</summary>
public sealed record TableCaption
{
    /// <summary>As text.</summary>
    public string? Text { get; init; }

    /// <summary>As HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>
    /// Its id. A scrolling table's region is labelled by it; when not set there, it is the table's
    /// id followed by <c>-caption</c>, or else made from the caption's text.
    /// </summary>
    public string? Id { get; init; }

    /// <summary>Words for screen readers, in brackets after the caption; "Column headers are sortable" on a sortable table when not set.</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>A smaller caption shown with this one, at its <c>start</c> (the default) or <c>end</c>.</summary>
    public CaptionOptions? Caption { get; init; }

    /// <summary>Its size: <c>s</c>, <c>m</c>, <c>l</c> or <c>xl</c>.</summary>
    public string? Size { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>A column heading in a table's head row.</summary>
public sealed record TableHeadCell
{
    /// <summary>As text.</summary>
    public string? Text { get; init; }

    /// <summary>As HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Words for screen readers only, after the heading (or the whole heading, for a column of actions).</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>Makes the heading a link (for sorting on the server: set <see cref="Sort"/> too).</summary>
    public string? Href { get; init; }

    /// <summary><c>numeric</c> aligns the column's numbers to the right; it is the default format for the column's cells.</summary>
    public string? Format { get; init; }

    /// <summary>How many columns it spans (ignored by responsive tables).</summary>
    public int? Colspan { get; init; }

    /// <summary>How many rows it spans.</summary>
    public int? Rowspan { get; init; }

    /// <summary>Its alignment, and the default for the column's cells: <c>left</c>, <c>centre</c> or <c>right</c>.</summary>
    public string? Align { get; init; }

    /// <summary>A grid width, such as <c>one-third</c>.</summary>
    public string? Width { get; init; }

    /// <summary>
    /// Makes the column sortable: <c>ascending</c> or <c>descending</c> for the order the rows are
    /// in now, or <c>none</c> (also written <c>true</c>) for a sortable column not in order;
    /// <c>false</c> or not set for a column that cannot be sorted.
    /// </summary>
    public string? Sort { get; init; }

    /// <summary>The order the column sorts to when first chosen in the browser: <c>ascending</c> or <c>descending</c>.</summary>
    public string? SortNext { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The sort state the template works with: null (not sortable), <c>none</c>, or the order given.</summary>
    internal string? SortState => Sort switch
    {
        null or "" or "false" => null,
        "true" => "none",
        var order => order,
    };
}

/// <summary>A cell in a table's body.</summary>
public sealed record TableCell
{
    /// <summary>As text.</summary>
    public string? Text { get; init; }

    /// <summary>As HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Words for screen readers only, after the cell's content.</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>Makes the cell's content a link.</summary>
    public string? Href { get; init; }

    /// <summary><c>numeric</c> or <c>string</c>; its column heading's format when not set.</summary>
    public string? Format { get; init; }

    /// <summary>The value the browser sorts the column by, in place of the cell's text.</summary>
    public string? SortValue { get; init; }

    /// <summary>How many columns it spans (ignored by responsive tables).</summary>
    public int? Colspan { get; init; }

    /// <summary>How many rows it spans.</summary>
    public int? Rowspan { get; init; }

    /// <summary>
    /// Its alignment: <c>left</c>, <c>centre</c> or <c>right</c>; when not set, its column heading's,
    /// or <c>right</c> for a <c>string</c> cell in a numeric column.
    /// </summary>
    public string? Align { get; init; }

    /// <summary>A grid width, such as <c>one-third</c>.</summary>
    public string? Width { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>The <c>table</c> component's options.</summary>
public sealed record TableOptions
{
    /// <summary>The caption.</summary>
    public TableCaption? Caption { get; init; }

    /// <summary>The column headings; an empty entry leaves its column without a heading cell.</summary>
    public IReadOnlyList<TableHeadCell?>? Head { get; init; }

    /// <summary>The rows of cells; empty rows and cells are skipped (a cell keeps its column's place).</summary>
    public IReadOnlyList<IReadOnlyList<TableCell?>?>? Rows { get; init; }

    /// <summary>Makes each row's first cell a row heading.</summary>
    public bool? FirstCellIsHeader { get; init; }

    /// <summary>Less space around cells.</summary>
    public bool? Compact { get; init; }

    /// <summary>Stacks each row on small screens, repeating its column's heading in every cell.</summary>
    public bool? Responsive { get; init; }

    /// <summary>Puts the table in a scrolling region labelled by its caption.</summary>
    public bool? Scroll { get; init; }

    /// <summary>Shades every other row.</summary>
    public bool? Striped { get; init; }

    /// <summary>False removes the borders between all rows.</summary>
    public bool? Border { get; init; }

    /// <summary>False removes the border under the last row.</summary>
    public bool? LastRowBorder { get; init; }

    /// <summary><c>reverse</c> for a table on a dark background.</summary>
    public string? Variant { get; init; }

    /// <summary>A card to put the table in; its id, heading, link, actions, variant, classes and attributes are used.</summary>
    public CardOptions? Card { get; init; }

    /// <summary>Puts the table in a feature card (the older way to ask for a card).</summary>
    public bool? Panel { get; init; }

    /// <summary>Classes for that card (the older way to give them).</summary>
    public string? PanelClasses { get; init; }

    /// <summary>The card's heading text, when <see cref="Card"/> has no heading (the older way to give it).</summary>
    public string? Heading { get; init; }

    /// <summary>The card heading's level (the older way to give it), when the card's heading gives none.</summary>
    public int? HeadingLevel { get; init; }

    /// <summary>What screen readers announce after a column is sorted, in place of the browser script's own words.</summary>
    public string? SortAnnouncementText { get; init; }

    /// <summary>The word for ascending order in that announcement.</summary>
    public string? AscendingText { get; init; }

    /// <summary>The word for descending order in that announcement.</summary>
    public string? DescendingText { get; init; }

    /// <summary>The table's id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes on the table.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes on the table.</summary>
    public AttributeList? Attributes { get; init; }
}

public static partial class Render
{
    private static readonly string[] TableCaptionSizes = ["s", "m", "l", "xl"];
    private static readonly string[] TableAlignments = ["left", "centre", "right"];

    /// <summary>A table, optionally responsive, sortable, scrolling or in a card.</summary>
    public static IHtmlContent Table(TableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var classNames = "nhsuk-table";
        var caption = options.Caption;
        if (options.Variant == "reverse" && !Markup.Mentions(options.Classes, "nhsuk-table--reverse") && !Markup.Mentions(options.Classes, "nhsuk-table-responsive--reverse"))
        {
            classNames += " nhsuk-table--reverse";
        }

        if (options.Compact == true && !Markup.Mentions(options.Classes, "nhsuk-table--compact"))
        {
            classNames += " nhsuk-table--compact";
        }

        var responsive = options.Responsive == true;
        if (responsive && !Markup.Mentions(options.Classes, "nhsuk-table--responsive"))
        {
            classNames += " nhsuk-table--responsive";
        }

        if (options.Border == false && !Markup.Mentions(options.Classes, "nhsuk-table--no-border"))
        {
            classNames += " nhsuk-table--no-border";
        }
        else if (options.LastRowBorder == false && !Markup.Mentions(options.Classes, "nhsuk-table--no-last-row-border"))
        {
            classNames += " nhsuk-table--no-last-row-border";
        }

        var head = options.Head ?? [];
        var rows = (options.Rows ?? []).Where(r => r is not null).Select(r => r!).ToList();

        // A column counts as sortable from the first heading with a sort state; the table sorts on the
        // server when a sortable heading (that one or a later one) is a link.
        var isSortable = false;
        var isSortableOnServer = false;
        foreach (var item in head)
        {
            isSortable |= item?.SortState is not null;
            isSortableOnServer |= isSortable && !string.IsNullOrEmpty(item?.Href);
        }

        if (isSortable && !Markup.Mentions(options.Classes, "nhsuk-table--sortable"))
        {
            classNames += " nhsuk-table--sortable";
        }

        if (options.Striped == true && !Markup.Mentions(options.Classes, "nhsuk-table--striped"))
        {
            classNames += " nhsuk-table--striped";
        }

        classNames = Markup.Classes(classNames, options.Classes)!;
        var isSortableTable = Markup.Mentions(classNames, "nhsuk-table--sortable");
        var captionId = caption?.Id
            ?? (options.Scroll == true && !string.IsNullOrEmpty(options.Id) ? options.Id + "-caption" : null)
            ?? (options.Scroll == true && !string.IsNullOrEmpty(caption?.Text) ? CaptionIdFromText(caption.Text) : null);
        var captionHidden = caption?.VisuallyHiddenText ?? (isSortableTable ? "Column headers are sortable" : null);

        var table = new HtmlElement("table")
            .Class(classNames)
            .Attr("id", NonEmpty(options.Id))
            .Attr("data-module", isSortableTable && !isSortableOnServer ? "nhsuk-table" : null)
            .Attr("data-i18n.sort-announcement", NonEmpty(options.SortAnnouncementText))
            .Attr("data-i18n.ascending", NonEmpty(options.AscendingText))
            .Attr("data-i18n.descending", NonEmpty(options.DescendingText))
            .Attr("role", responsive ? "table" : null)
            .Attrs(options.Attributes);

        if (!string.IsNullOrEmpty(caption?.Text) || !Markup.IsEmpty(caption?.Html))
        {
            var inner = caption!.Caption;
            table.Add(Heading(new HeadingParameters
            {
                Id = captionId,
                Content = Markup.Of(caption.Text?.Trim(), caption.Html),
                VisuallyHiddenText = string.IsNullOrEmpty(captionHidden) ? null : $"({captionHidden})",
                Caption = inner is null ? null : new CaptionOptions
                {
                    Id = inner.Id,
                    Text = inner.Text,
                    Html = inner.Html,
                    Placement = inner.Placement is null or "" or "start" or "end" ? NonEmpty(inner.Placement) : null,
                    Size = inner.Size ?? caption.Size,
                    Classes = inner.Classes,
                    Attributes = inner.Attributes,
                },
                Size = caption.Size,
                Sizes = TableCaptionSizes,
                ClassName = "nhsuk-table__caption",
                ClassPrefix = "nhsuk-table__caption--",
                Classes = caption.Classes,
                Attributes = caption.Attributes,
                Element = "caption",
            }));
        }

        if (head.Count > 0)
        {
            var headRow = new HtmlElement("tr").Class("nhsuk-table__row").Attr("role", responsive ? "row" : null);
            foreach (var header in head)
            {
                if (header is null)
                {
                    continue;
                }

                var sort = header.SortState;
                var sortNext = NonEmpty(header.SortNext);
                var attributes = new AttributeList();
                if (sort is not null && isSortable)
                {
                    attributes.Add("data-sort", null);
                }

                if (sortNext is not null && isSortable && !isSortableOnServer)
                {
                    attributes.Add("data-sort-next", sortNext);
                }

                if (sort is not null && sort != "none" && isSortable)
                {
                    attributes.Add("aria-sort", sort);
                }

                headRow.Add(TableCellHtml(
                    new TableCellParameters
                    {
                        Element = "th",
                        Text = header.Text,
                        Html = header.Html,
                        VisuallyHiddenText = header.VisuallyHiddenText,
                        Format = header.Format,
                        Href = header.Href,
                        Scope = "col",
                        Role = responsive ? "columnheader" : null,
                        Colspan = responsive ? null : header.Colspan,
                        Rowspan = header.Rowspan,
                        Align = header.Align,
                        Width = header.Width,
                        Classes = header.Classes,
                        SortAttributes = attributes,
                        Attributes = header.Attributes,
                    },
                    columnHeading: null));
            }

            table.Add(new HtmlElement("thead").Class("nhsuk-table__head").Attr("role", responsive ? "rowgroup" : null).Add(headRow));
        }

        var body = new HtmlElement("tbody").Class("nhsuk-table__body");
        foreach (var row in rows)
        {
            var tr = new HtmlElement("tr").Class("nhsuk-table__row").Attr("role", responsive ? "row" : null);
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                if (cell is null)
                {
                    continue;
                }

                var header = i < head.Count ? head[i] : null;
                var isRowHeader = i == 0 && options.FirstCellIsHeader == true;
                var attributes = new AttributeList();
                if (!string.IsNullOrEmpty(cell.SortValue))
                {
                    attributes.Add("data-sort-value", cell.SortValue);
                }

                tr.Add(TableCellHtml(
                    new TableCellParameters
                    {
                        Element = isRowHeader ? "th" : "td",
                        Text = cell.Text,
                        Html = cell.Html,
                        VisuallyHiddenText = cell.VisuallyHiddenText,
                        Format = cell.Format ?? header?.Format,
                        Href = cell.Href,
                        Scope = isRowHeader ? "row" : null,
                        Role = responsive ? (isRowHeader ? "rowheader" : "cell") : null,
                        Colspan = responsive ? null : cell.Colspan,
                        Rowspan = cell.Rowspan,
                        Align = cell.Align ?? (cell.Format == "string" && header?.Format == "numeric" ? "right" : header?.Align),
                        Width = cell.Width,
                        Classes = cell.Classes,
                        SortAttributes = attributes,
                        Attributes = cell.Attributes,
                    },
                    columnHeading: responsive ? header ?? new TableHeadCell() : null));
            }

            body.Add(tr);
        }

        table.Add(body);

        IHtmlContent result = table;
        if (options.Scroll == true)
        {
            result = new HtmlElement("div")
                .Class("nhsuk-scroll", options.Variant == "reverse" ? "nhsuk-scroll--reverse" : null)
                .Attr("data-module", "nhsuk-scroll")
                .Add(new HtmlElement("div")
                    .Class("nhsuk-scroll__content")
                    .Attr("role", "region")
                    .Attr("aria-labelledby", NonEmpty(captionId))
                    .Add(result));
        }

        if (options.Card is null && options.Panel != true)
        {
            return result;
        }

        var card = options.Card ?? new CardOptions();
        return Card(new CardOptions
        {
            Id = card.Id,
            Heading = card.Heading is { } heading
                ? heading with { Level = heading.Level ?? options.HeadingLevel }
                : options.Heading is null ? null : new CardHeading { Text = options.Heading, Level = options.HeadingLevel },
            Href = card.Href,
            Actions = card.Actions,
            Classes = options.PanelClasses ?? card.Classes,
            Attributes = card.Attributes,
            Variant = card.Variant ?? (options.Panel == true ? "feature" : null),
            Content = result,
        });
    }

    /// <summary>
    /// The caption id a scrolling table makes from its caption's text when it has no id: spaces
    /// become hyphens, the text is lower-cased and cut to 40 characters, between <c>table-</c> and <c>-caption</c>.
    /// </summary>
    private static string CaptionIdFromText(string text)
    {
        var slug = text.Replace(" ", "-", StringComparison.Ordinal).ToLowerInvariant();
        return "table-" + (slug.Length > 40 ? slug[..40] : slug) + "-caption";
    }

    /// <summary>
    /// One table cell. In a responsive table's body each cell starts with its column's heading
    /// (hidden from screen readers, which have the real heading), and HTML content is wrapped in a span.
    /// </summary>
    private static HtmlElement TableCellHtml(TableCellParameters item, TableHeadCell? columnHeading)
    {
        var baseClass = item.Element == "th" ? "nhsuk-table__header" : "nhsuk-table__cell";
        var classNames = baseClass;
        if (item.Format == "numeric" && !Markup.Mentions(item.Classes, baseClass + "--numeric"))
        {
            classNames += " " + baseClass + "--numeric";
        }

        if (item.Align is { } align && TableAlignments.Contains(align) && !TableAlignments.Any(a => Markup.Mentions(item.Classes, "nhsuk-u-text-align-" + a)))
        {
            classNames += " nhsuk-u-text-align-" + align;
        }

        var element = new HtmlElement(item.Element)
            .Class(classNames, WidthClass(item.Width, item.Classes), item.Classes)
            .Attr("scope", item.Scope)
            .Attr("role", item.Role)
            .Attr("colspan", item.Colspan?.ToString(CultureInfo.InvariantCulture))
            .Attr("rowspan", item.Rowspan?.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, attributeValue) in item.SortAttributes)
        {
            if (attributeValue is null)
            {
                element.Flag(name);
            }
            else
            {
                element.Attr(name, attributeValue);
            }
        }

        element.Attrs(item.Attributes);
        var value = TableValue(item.Text, item.Html, item.VisuallyHiddenText);
        var inner = string.IsNullOrEmpty(item.Href) ? value : new HtmlElement("a").Class("nhsuk-link").Attr("href", item.Href).Add(value);
        if (columnHeading is not null)
        {
            element.Add(new HtmlElement("span")
                .Class("nhsuk-table__heading")
                .Attr("aria-hidden", "true")
                .Add(TableValue(columnHeading.Text, columnHeading.Html, columnHeading.VisuallyHiddenText))
                .Text(" "));
            return element.Add(Markup.IsEmpty(item.Html) ? inner : new HtmlElement("span").Add(inner));
        }

        return element.Add(inner);
    }

    /// <summary>A cell's content: its HTML or text, then any words for screen readers only.</summary>
    private static IHtmlContent TableValue(string? text, IHtmlContent? html, string? visuallyHiddenText)
    {
        var content = Markup.Of(text?.Trim(), html);
        var hidden = string.IsNullOrEmpty(visuallyHiddenText)
            ? null
            : new HtmlElement("span").Class("nhsuk-u-visually-hidden").Text(content is null ? visuallyHiddenText : " " + visuallyHiddenText);
        return Markup.Join(content, hidden);
    }

    /// <summary>What a table cell is written from, whether a heading or a body cell.</summary>
    private sealed record TableCellParameters
    {
        public required string Element { get; init; }

        public string? Text { get; init; }

        public IHtmlContent? Html { get; init; }

        public string? VisuallyHiddenText { get; init; }

        public string? Format { get; init; }

        public string? Href { get; init; }

        public string? Scope { get; init; }

        public string? Role { get; init; }

        public int? Colspan { get; init; }

        public int? Rowspan { get; init; }

        public string? Align { get; init; }

        public string? Width { get; init; }

        public string? Classes { get; init; }

        public required AttributeList SortAttributes { get; init; }

        public AttributeList? Attributes { get; init; }
    }
}
