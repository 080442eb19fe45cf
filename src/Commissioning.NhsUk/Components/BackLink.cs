using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>The <c>back-link</c> component's options: a link (or button) back to the previous page.</summary>
public sealed record BackLinkOptions
{
    /// <summary>The words shown; "Back" when neither this nor <see cref="Html"/> is set.</summary>
    public string? Text { get; init; }

    /// <summary>What is shown, as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Where it goes; with an address and no <see cref="Type"/> it is a link, otherwise a button.</summary>
    public string? Href { get; init; }

    /// <summary>The button type (<c>button</c> or <c>submit</c>) when it is a button; <c>submit</c> when not set.</summary>
    public string? Type { get; init; }

    /// <summary>The variant: only <c>reverse</c> (for dark backgrounds).</summary>
    public string? Variant { get; init; }

    /// <summary>Words for screen readers only, before the text (the breadcrumb gives "Back to").</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The call block: content between the tag helper's tags.</summary>
    [JsonIgnore]
    public IHtmlContent? Content { get; init; }
}

public static partial class Render
{
    /// <summary>A back link: a link when it has an address and no button type, otherwise a button.</summary>
    public static IHtmlContent BackLink(BackLinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var classNames = "nhsuk-back-link";
        if (options.Variant == "reverse" && !Markup.Mentions(options.Classes, "nhsuk-back-link--reverse"))
        {
            classNames += " nhsuk-back-link--reverse";
        }

        var isLink = !string.IsNullOrEmpty(options.Href) && string.IsNullOrEmpty(options.Type);
        var element = new HtmlElement(isLink ? "a" : "button")
            .Class(classNames, options.Classes)
            .Attr("id", options.Id)
            .Attr("type", isLink ? null : options.Type ?? "submit")
            .Attr("href", isLink ? options.Href : null)
            .Attrs(options.Attributes);
        if (!string.IsNullOrEmpty(options.VisuallyHiddenText))
        {
            element.Add(new HtmlElement("span").Class("nhsuk-u-visually-hidden").Text(options.VisuallyHiddenText + " "));
        }

        return element.Add(!Markup.IsEmpty(options.Content) ? options.Content
            : !Markup.IsEmpty(options.Html) ? options.Html
            : Markup.Text(NonEmpty(options.Text) ?? "Back"));
    }
}
