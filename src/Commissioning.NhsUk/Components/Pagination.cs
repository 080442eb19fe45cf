using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>The label under a previous or next link, naming the page it goes to.</summary>
public sealed record PaginationLabel
{
    /// <summary>As text.</summary>
    public string? Text { get; init; }

    /// <summary>As HTML.</summary>
    public IHtmlContent? Html { get; init; }
}

/// <summary>The link to the previous or the next page.</summary>
public sealed record PaginationLink
{
    /// <summary>Where it goes; no link is shown without it.</summary>
    public string? Href { get; init; }

    /// <summary>The link's words; "Previous page" or "Next page" (with "page" for screen readers only) when neither this nor <see cref="Html"/> is set.</summary>
    public string? Text { get; init; }

    /// <summary>The link's words as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The name of the page it goes to, under the link; not shown when there are numbered pages.</summary>
    public PaginationLabel? Label { get; init; }

    /// <summary>Extra attributes on the link; not used when there are numbered pages.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>One numbered page, or an ellipsis standing for the pages left out.</summary>
public sealed record PaginationItem
{
    /// <summary>The page's number (or other short name), as shown.</summary>
    public string? Number { get; init; }

    /// <summary>Where it goes.</summary>
    public string? Href { get; init; }

    /// <summary>Whether this is the page being shown.</summary>
    public bool? Current { get; init; }

    /// <summary>Shows an ellipsis instead of a page.</summary>
    public bool? Ellipsis { get; init; }

    /// <summary>The link's accessible name; "Page " and the number when not set.</summary>
    public string? AriaLabel { get; init; }

    /// <summary>Extra classes on the item.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes on the link.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>
/// The <c>pagination</c> component's options: links to the previous and next pages, with the
/// numbered pages between them when <see cref="Items"/> are given.
/// </summary>
public sealed record PaginationOptions
{
    /// <summary>The link to the previous page.</summary>
    public PaginationLink? Previous { get; init; }

    /// <summary>The link to the next page.</summary>
    public PaginationLink? Next { get; init; }

    /// <summary>The numbered pages (and ellipses); null items are skipped.</summary>
    public IReadOnlyList<PaginationItem?>? Items { get; init; }

    /// <summary>The navigation landmark's accessible name; "Pagination" when not set.</summary>
    public string? AriaLabel { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }
}

public static partial class Render
{
    /// <summary>Pagination: previous and next links, with numbered pages when given.</summary>
    public static IHtmlContent Pagination(PaginationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var items = options.Items ?? [];
        var numbered = items.Count > 0;
        var previous = options.Previous;
        var next = options.Next;
        var nav = new HtmlElement("nav")
            .Class("nhsuk-pagination", numbered ? "nhsuk-pagination--numbered" : null, options.Classes)
            .Attr("id", NonEmpty(options.Id))
            .Attr("role", "navigation")
            .Attr("aria-label", NonEmpty(options.AriaLabel) ?? "Pagination")
            .Attrs(options.Attributes);

        if (numbered)
        {
            if (!string.IsNullOrEmpty(previous?.Href))
            {
                nav.Add(new HtmlElement("a").Attr("href", previous.Href).Class("nhsuk-pagination__previous").Attr("rel", "prev")
                    .Add(Icon("arrow-left"))
                    .Add(PaginationTitle(previous, "Previous")));
            }

            var list = new HtmlElement("ul").Class("nhsuk-pagination__list");
            foreach (var item in items)
            {
                if (item is not null)
                {
                    list.Add(PaginationPage(item));
                }
            }

            nav.Add(list);
            if (!string.IsNullOrEmpty(next?.Href))
            {
                nav.Add(new HtmlElement("a").Attr("href", next.Href).Class("nhsuk-pagination__next").Attr("rel", "next")
                    .Add(PaginationTitle(next, "Next"))
                    .Add(Icon("arrow-right")));
            }

            return nav;
        }

        var links = new HtmlElement("ul").Class("nhsuk-list", "nhsuk-pagination__list");
        if (!string.IsNullOrEmpty(previous?.Href))
        {
            links.Add(new HtmlElement("li").Class("nhsuk-pagination-item--previous")
                .Add(PaginationSideLink(previous, "Previous", "nhsuk-pagination__link--prev", "prev", "arrow-left")));
        }

        if (!string.IsNullOrEmpty(next?.Href))
        {
            links.Add(new HtmlElement("li").Class("nhsuk-pagination-item--next")
                .Add(PaginationSideLink(next, "Next", "nhsuk-pagination__link--next", "next", "arrow-right")));
        }

        return nav.Add(links);
    }

    private static HtmlElement PaginationSideLink(PaginationLink link, string defaultText, string className, string rel, string icon)
    {
        var element = new HtmlElement("a")
            .Class("nhsuk-pagination__link", className)
            .Attr("href", link.Href)
            .Attr("rel", rel)
            .Attrs(link.Attributes)
            .Add(PaginationTitle(link, defaultText));
        var label = Markup.Of(link.Label?.Text, link.Label?.Html);
        if (label is not null)
        {
            element
                .Add(new HtmlElement("span").Class("nhsuk-u-visually-hidden").Text(":"))
                .Add(new HtmlElement("span").Class("nhsuk-pagination__page").Add(label));
        }

        return element.Add(Icon(icon));
    }

    private static HtmlElement PaginationTitle(PaginationLink link, string defaultText) =>
        new HtmlElement("span").Class("nhsuk-pagination__title")
            .Add(Markup.Of(link.Text, link.Html)
                ?? Markup.Join(new TextContent(defaultText), new HtmlElement("span").Class("nhsuk-u-visually-hidden").Text(" page")));

    private static HtmlElement PaginationPage(PaginationItem item)
    {
        var element = new HtmlElement("li").Class(
            "nhsuk-pagination__item",
            item.Current == true ? "nhsuk-pagination__item--current" : null,
            item.Ellipsis == true ? "nhsuk-pagination__item--ellipsis" : null,
            item.Classes);
        if (item.Ellipsis == true)
        {
            return element.Add(new HtmlString("&ctdot;"));
        }

        return element.Add(new HtmlElement("a")
            .Class("nhsuk-pagination__link")
            .Attr("href", item.Href ?? string.Empty)
            .Attr("aria-label", item.AriaLabel ?? "Page " + item.Number)
            .Attr("aria-current", item.Current == true ? "page" : null)
            .Attrs(item.Attributes)
            .Add(Markup.Text(item.Number)));
    }
}
