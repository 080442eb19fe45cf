using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>The <c>skip-link</c> component's options: the first link on the page, to its main content.</summary>
public sealed record SkipLinkOptions
{
    /// <summary>The link's words; "Skip to main content" when neither this nor <see cref="Html"/> is set.</summary>
    public string? Text { get; init; }

    /// <summary>The link's content as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Where it goes; <c>#maincontent</c> when not set.</summary>
    public string? Href { get; init; }

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
    /// <summary>A skip link.</summary>
    public static IHtmlContent SkipLink(SkipLinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HtmlElement("a")
            .Class("nhsuk-skip-link", options.Classes)
            .Attr("id", options.Id)
            .Attr("data-module", "nhsuk-skip-link")
            .Attr("href", NonEmpty(options.Href) ?? "#maincontent")
            .Attrs(options.Attributes)
            .Add(!Markup.IsEmpty(options.Content) ? options.Content
                : !Markup.IsEmpty(options.Html) ? options.Html
                : Markup.Text(NonEmpty(options.Text) ?? "Skip to main content"));
    }
}
