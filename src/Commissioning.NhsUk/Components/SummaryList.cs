using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>A summary list row's key or value.</summary>
public sealed record SummaryListCell
{
    /// <summary>As text.</summary>
    public string? Text { get; init; }

    /// <summary>As HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>A grid width, such as <c>one-third</c> or <c>one-half</c>.</summary>
    public string? Width { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>A summary list row's actions, such as "Change".</summary>
public sealed record SummaryListActions
{
    /// <summary>The actions; empty entries are skipped.</summary>
    public IReadOnlyList<CardAction?>? Items { get; init; }

    /// <summary>A grid width for the actions column, such as <c>one-third</c>.</summary>
    public string? Width { get; init; }

    /// <summary>The actions column's id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes on the actions column.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes on the actions column.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>One row of a summary list.</summary>
public sealed record SummaryListRow
{
    /// <summary>The key: what the row is about.</summary>
    public SummaryListCell? Key { get; init; }

    /// <summary>The value.</summary>
    public SummaryListCell? Value { get; init; }

    /// <summary>The row's actions.</summary>
    public SummaryListActions? Actions { get; init; }

    /// <summary>False removes the border under this row.</summary>
    public bool? Border { get; init; }

    /// <summary>The row's id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes on the row.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes on the row.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>The <c>summary-list</c> component's options.</summary>
public sealed record SummaryListOptions
{
    /// <summary>The rows; empty entries are skipped.</summary>
    public IReadOnlyList<SummaryListRow?>? Rows { get; init; }

    /// <summary>The list's content as HTML, in place of rows (the call block wins over it).</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>False removes the borders between all rows.</summary>
    public bool? Border { get; init; }

    /// <summary>False removes the border under the last row.</summary>
    public bool? LastRowBorder { get; init; }

    /// <summary>A card to put the list in (a summary card); its heading is read after each row action by screen readers.</summary>
    public CardOptions? Card { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The call block: the list's rows as HTML, between the tag helper's tags.</summary>
    [JsonIgnore]
    public IHtmlContent? Content { get; init; }
}

public static partial class Render
{
    /// <summary>A summary list of keys and values, each row with any actions, in a card when asked.</summary>
    public static IHtmlContent SummaryList(SummaryListOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var classNames = "nhsuk-summary-list";
        if (options.Border == false && !Markup.Mentions(options.Classes, "nhsuk-summary-list--no-border"))
        {
            classNames += " nhsuk-summary-list--no-border";
        }
        else if (options.LastRowBorder == false && !Markup.Mentions(options.Classes, "nhsuk-summary-list--no-last-row-border"))
        {
            classNames += " nhsuk-summary-list--no-last-row-border";
        }

        var rows = (options.Rows ?? []).Where(r => r is not null).Select(r => r!).ToList();
        var hasActions = rows.Exists(r => r.Actions?.Items is { Count: > 0 });
        var list = new HtmlElement("dl")
            .Class(classNames, options.Classes)
            .Attr("id", NonEmpty(options.Id))
            .Attrs(options.Attributes);
        if (!Markup.IsEmpty(options.Content))
        {
            list.Add(options.Content);
        }
        else if (!Markup.IsEmpty(options.Html))
        {
            list.Add(options.Html);
        }
        else
        {
            for (var i = 0; i < rows.Count; i++)
            {
                list.Add(SummaryListRowHtml(rows[i], options, hasActions, isLast: i == rows.Count - 1));
            }
        }

        return options.Card is null ? list : Card(options.Card with { Content = list });
    }

    private static HtmlElement SummaryListRowHtml(SummaryListRow row, SummaryListOptions list, bool listHasActions, bool isLast)
    {
        var actions = (row.Actions?.Items ?? []).Where(a => a is not null).Select(a => a!).ToList();
        var classNames = "nhsuk-summary-list__row";
        if (listHasActions && actions.Count == 0)
        {
            classNames += " nhsuk-summary-list__row--no-actions";
        }

        if (row.Border == false
            && !Markup.Mentions(row.Classes, "nhsuk-summary-list__row--no-border")
            && !Markup.Mentions(list.Classes, "nhsuk-summary-list--no-border")
            && !Markup.Mentions(list.Classes, "nhsuk-summary-list--no-last-row-border")
            && !(list.LastRowBorder == false && isLast))
        {
            classNames += " nhsuk-summary-list__row--no-border";
        }

        var element = new HtmlElement("div")
            .Class(classNames, row.Classes)
            .Attr("id", NonEmpty(row.Id))
            .Attrs(row.Attributes)
            .Add(SummaryListCellHtml("dt", "nhsuk-summary-list__key", row.Key))
            .Add(SummaryListCellHtml("dd", "nhsuk-summary-list__value", row.Value));
        if (actions.Count > 0)
        {
            var column = new HtmlElement("dd")
                .Class("nhsuk-summary-list__actions", WidthClass(row.Actions!.Width, row.Actions.Classes), row.Actions.Classes)
                .Attr("id", NonEmpty(row.Actions.Id))
                .Attrs(row.Actions.Attributes);
            var cardHeading = list.Card?.Heading;
            if (actions.Count == 1)
            {
                column.Add(CardActionLink(actions[0], cardHeading));
            }
            else
            {
                column.Add(new HtmlElement("ul")
                    .Class("nhsuk-summary-list__actions-list")
                    .Add(actions.Select(a => (IHtmlContent?)new HtmlElement("li").Class("nhsuk-summary-list__actions-list-item").Add(CardActionLink(a, cardHeading)))));
            }

            element.Add(column);
        }

        return element;
    }

    private static HtmlElement SummaryListCellHtml(string tagName, string className, SummaryListCell? cell) =>
        new HtmlElement(tagName)
            .Class(className, WidthClass(cell?.Width, cell?.Classes), cell?.Classes)
            .Attr("id", NonEmpty(cell?.Id))
            .Attrs(cell?.Attributes)
            .Add(!Markup.IsEmpty(cell?.Html) ? cell!.Html : Markup.Text(cell?.Text?.Trim()));

    /// <summary>The grid width class for a width option, unless the classes given already name it.</summary>
    private static string? WidthClass(string? width, string? classes) =>
        !string.IsNullOrEmpty(width) && !Markup.Mentions(classes, "nhsuk-u-width-" + width) ? "nhsuk-u-width-" + width : null;
}
