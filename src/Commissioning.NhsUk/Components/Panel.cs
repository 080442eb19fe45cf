using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>A panel's heading.</summary>
public sealed record PanelHeading
{
    /// <summary>As text.</summary>
    public string? Text { get; init; }

    /// <summary>As HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The heading level; 1 when not set.</summary>
    public int? Level { get; init; }

    /// <summary>Its size: <c>m</c>, <c>l</c> or <c>xl</c>.</summary>
    public string? Size { get; init; }

    /// <summary>Words for screen readers only, after the heading.</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>A caption.</summary>
    public CaptionOptions? Caption { get; init; }

    /// <summary>Makes the heading a link to this address.</summary>
    public string? Href { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>The <c>panel</c> component's options: a coloured box that confirms a finished transaction, or (the <c>interruption</c> variant) stops the user to check something.</summary>
public sealed record PanelOptions
{
    /// <summary>The panel's heading.</summary>
    public PanelHeading? Heading { get; init; }

    /// <summary>The body as text.</summary>
    public string? Text { get; init; }

    /// <summary>The body as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The variant: only <c>interruption</c>.</summary>
    public string? Variant { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The call block: the body, between the tag helper's tags.</summary>
    [JsonIgnore]
    public IHtmlContent? Content { get; init; }
}

public static partial class Render
{
    private static readonly string[] PanelHeadingSizes = ["m", "l", "xl"];

    /// <summary>A panel.</summary>
    public static IHtmlContent Panel(PanelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var classNames = "nhsuk-panel";
        if (options.Variant == "interruption" && !Markup.Mentions(options.Classes, "nhsuk-panel--interruption"))
        {
            classNames += " nhsuk-panel--interruption";
        }

        var heading = options.Heading;
        var panel = new HtmlElement("div")
            .Class(classNames, options.Classes)
            .Attr("id", NonEmpty(options.Id))
            .Attrs(options.Attributes)
            .Add(Heading(new HeadingParameters
            {
                Id = heading?.Id,
                Content = Markup.Of(heading?.Text, heading?.Html),
                VisuallyHiddenText = heading?.VisuallyHiddenText,
                Caption = heading?.Caption,
                Href = heading?.Href,
                Level = heading?.Level,
                Size = heading?.Size,
                Sizes = PanelHeadingSizes,
                ClassName = "nhsuk-panel__heading",
                ClassPrefix = "nhsuk-panel__heading--",
                Classes = heading?.Classes,
                Attributes = heading?.Attributes,
            }));
        var body = !Markup.IsEmpty(options.Content) ? options.Content : Markup.Of(options.Text, options.Html);
        if (body is not null)
        {
            panel.Add(new HtmlElement("div").Class("nhsuk-panel__body").Add(body));
        }

        return panel;
    }
}
