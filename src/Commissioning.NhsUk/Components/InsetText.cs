using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>The <c>inset-text</c> component's options: information set apart from the text around it.</summary>
public sealed record InsetTextOptions
{
    /// <summary>The information as text, shown in a paragraph.</summary>
    public string? Text { get; init; }

    /// <summary>The information as HTML, shown as it is.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Words for screen readers only, before the information; "Information" when not set.</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The call block: content between the tag helper's tags, shown as it is.</summary>
    [JsonIgnore]
    public IHtmlContent? Content { get; init; }
}

public static partial class Render
{
    /// <summary>Inset text.</summary>
    public static IHtmlContent InsetText(InsetTextOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HtmlElement("div")
            .Class("nhsuk-inset-text", options.Classes)
            .Attr("id", NonEmpty(options.Id))
            .Attrs(options.Attributes)
            .Add(new HtmlElement("span").Class("nhsuk-u-visually-hidden").Text((NonEmpty(options.VisuallyHiddenText) ?? "Information") + ": "))
            .Add(!Markup.IsEmpty(options.Content) ? options.Content
                : !Markup.IsEmpty(options.Html) ? options.Html
                : string.IsNullOrEmpty(options.Text) ? null
                : new HtmlElement("p").Text(options.Text));
    }
}
