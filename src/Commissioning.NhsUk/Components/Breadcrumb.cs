using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>One link in the breadcrumb trail.</summary>
public sealed record BreadcrumbItem
{
    /// <summary>The link's words.</summary>
    public string? Text { get; init; }

    /// <summary>The link's content as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Where it goes; an item without an address is not shown.</summary>
    public string? Href { get; init; }

    /// <summary>Extra attributes on the link (the last item's are also given to the back link, unless it has its own).</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>The <c>breadcrumb</c> component's options: the trail of parent pages, and the back link shown in its place on small screens.</summary>
public sealed record BreadcrumbOptions
{
    /// <summary>The parent pages, from the top; the last is the one the back link goes to.</summary>
    public IReadOnlyList<BreadcrumbItem?>? Items { get; init; }

    /// <summary>The variant: only <c>reverse</c> (for dark backgrounds).</summary>
    public string? Variant { get; init; }

    /// <summary>The navigation landmark's accessible name; "Breadcrumb" when not set.</summary>
    public string? AriaLabel { get; init; }

    /// <summary>
    /// The back link shown on small screens. What is not set is taken from the last item (its
    /// text, address and attributes) and from the breadcrumb (its variant); its hidden words
    /// are "Back to" unless set. Its <see cref="BackLinkOptions.Content"/> is not used here.
    /// </summary>
    public BackLinkOptions? BackLink { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }
}

public static partial class Render
{
    /// <summary>A breadcrumb trail with its back link.</summary>
    public static IHtmlContent Breadcrumb(BreadcrumbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var classNames = "nhsuk-breadcrumb";
        if (options.Variant == "reverse" && !Markup.Mentions(options.Classes, "nhsuk-breadcrumb--reverse"))
        {
            classNames += " nhsuk-breadcrumb--reverse";
        }

        var items = options.Items ?? [];
        var list = new HtmlElement("ol").Class("nhsuk-breadcrumb__list");
        foreach (var item in items)
        {
            if (item is null || string.IsNullOrEmpty(item.Href))
            {
                continue;
            }

            list.Add(new HtmlElement("li").Class("nhsuk-breadcrumb__list-item")
                .Add(new HtmlElement("a")
                    .Class("nhsuk-breadcrumb__link")
                    .Attr("href", item.Href)
                    .Attrs(item.Attributes)
                    .Add(Markup.Of(item.Text, item.Html))));
        }

        var last = items.Count > 0 ? items[^1] : null;
        var backLink = options.BackLink;
        var ownContent = !Markup.IsEmpty(backLink?.Html) || !string.IsNullOrEmpty(backLink?.Text);
        return new HtmlElement("nav")
            .Class(classNames, options.Classes)
            .Attr("id", NonEmpty(options.Id))
            .Attr("aria-label", NonEmpty(options.AriaLabel) ?? "Breadcrumb")
            .Attrs(options.Attributes)
            .Add(list)
            .Add(BackLink(new BackLinkOptions
            {
                Id = backLink?.Id,
                VisuallyHiddenText = backLink?.VisuallyHiddenText ?? "Back to",
                Text = ownContent ? backLink?.Text : last?.Text,
                Html = ownContent ? backLink?.Html : null,
                Href = backLink?.Href ?? last?.Href,
                Type = backLink?.Type,
                Classes = backLink?.Classes,
                Attributes = backLink?.Attributes ?? last?.Attributes,
                Variant = backLink?.Variant ?? options.Variant,
            }));
    }
}
