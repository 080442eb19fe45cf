using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>A warning callout's heading.</summary>
public sealed record WarningCalloutHeading
{
    /// <summary>As text. Unless it says "Important", screen readers hear "Important: " (or the hidden text given) before it.</summary>
    public string? Text { get; init; }

    /// <summary>As HTML, shown as it is, without a heading element around it.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The heading level; 3 when not set.</summary>
    public int? Level { get; init; }

    /// <summary>Words for screen readers only, before the text; the callout's own, else "Important", when not set.</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>The <c>warning-callout</c> component's options: a yellow box for something the user must take note of.</summary>
public sealed record WarningCalloutOptions
{
    /// <summary>The heading.</summary>
    public WarningCalloutHeading? Heading { get; init; }

    /// <summary>The content as text, shown in a paragraph.</summary>
    public string? Text { get; init; }

    /// <summary>The content as HTML, shown as it is.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Words for screen readers only, before the heading's text; "Important" when not set.</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The call block: the content, between the tag helper's tags, shown as it is.</summary>
    [JsonIgnore]
    public IHtmlContent? Content { get; init; }
}

public static partial class Render
{
    /// <summary>A warning callout: the design system draws it as a card of the <c>warning</c> variant, and so does this.</summary>
    public static IHtmlContent WarningCallout(WarningCalloutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var heading = options.Heading;
        var headingText = heading?.Text;
        var hidden = !string.IsNullOrEmpty(headingText) && !headingText.Contains("Important", StringComparison.Ordinal) && !headingText.Contains("important", StringComparison.Ordinal)
            ? NonEmpty(heading?.VisuallyHiddenText ?? options.VisuallyHiddenText) ?? "Important"
            : null;
        return Card(new CardOptions
        {
            Id = options.Id,
            Heading = new CardHeading
            {
                Id = heading?.Id,
                Text = heading?.Text,
                Html = heading?.Html,
                VisuallyHiddenText = hidden,
                Level = heading?.Level ?? 3,
                Classes = heading?.Classes,
                Attributes = heading?.Attributes,
            },
            Description = new CardDescription { Text = options.Text, Html = options.Html },
            Classes = options.Classes,
            Attributes = options.Attributes,
            Variant = "warning",
            Content = options.Content,
        });
    }
}
