using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>The visible part of a details component, which opens and closes it.</summary>
public sealed record DetailsSummary
{
    /// <summary>As text.</summary>
    public string? Text { get; init; }

    /// <summary>As HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Extra classes on the summary element.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes on the summary element.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>The <c>details</c> component's options: a summary that opens to show more (with the class <c>nhsuk-expander</c>, an expander).</summary>
public sealed record DetailsOptions
{
    /// <summary>The summary, always shown.</summary>
    public DetailsSummary? Summary { get; init; }

    /// <summary>What is shown when open, as text.</summary>
    public string? Text { get; init; }

    /// <summary>What is shown when open, as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Whether it starts open.</summary>
    public bool? Open { get; init; }

    /// <summary>The variant: only <c>reverse</c> (for dark backgrounds).</summary>
    public string? Variant { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The call block: what is shown when open, between the tag helper's tags.</summary>
    [JsonIgnore]
    public IHtmlContent? Content { get; init; }
}

public static partial class Render
{
    /// <summary>A details component (or expander).</summary>
    public static IHtmlContent Details(DetailsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var classNames = "nhsuk-details";
        if (options.Variant == "reverse" && !Markup.Mentions(options.Classes, "nhsuk-details--reverse"))
        {
            classNames += " nhsuk-details--reverse";
        }

        var summary = options.Summary;
        return new HtmlElement("details")
            .Class(classNames, options.Classes)
            .Attr("id", NonEmpty(options.Id))
            .Attrs(options.Attributes)
            .Flag("open", options.Open == true)
            .Add(new HtmlElement("summary")
                .Class("nhsuk-details__summary", summary?.Classes)
                .Attrs(summary?.Attributes)
                .Add(new HtmlElement("span").Class("nhsuk-details__summary-text").Add(Markup.Of(summary?.Text, summary?.Html))))
            .Add(new HtmlElement("div")
                .Class("nhsuk-details__text")
                .Add(!Markup.IsEmpty(options.Content) ? options.Content : Markup.Of(options.Text, options.Html)));
    }
}
