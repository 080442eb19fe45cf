using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>A heading or description given as text or HTML.</summary>
public sealed record TextOptions
{
    /// <summary>As text.</summary>
    public string? Text { get; init; }

    /// <summary>As HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The content, or null when there is none.</summary>
    internal IHtmlContent? Content => Markup.Of(Text, Html);
}

/// <summary>One problem listed in the error summary.</summary>
public sealed record ErrorSummaryItem
{
    /// <summary>Where the link goes: <c>#</c> and the id of the field with the problem.</summary>
    public string? Href { get; init; }

    /// <summary>The message as text.</summary>
    public string? Text { get; init; }

    /// <summary>The message as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Extra attributes on the link.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>The <c>error-summary</c> component's options.</summary>
public sealed record ErrorSummaryOptions
{
    /// <summary>The heading, such as "There is a problem".</summary>
    public TextOptions? Heading { get; init; }

    /// <summary>A description under the heading.</summary>
    public TextOptions? Description { get; init; }

    /// <summary>The problems.</summary>
    public IReadOnlyList<ErrorSummaryItem?>? ErrorList { get; init; }

    /// <summary>Stops the summary taking focus when the page loads.</summary>
    public bool? DisableAutoFocus { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The call block: the description, between the tag helper's tags.</summary>
    [JsonIgnore]
    public IHtmlContent? Content { get; init; }
}

public static partial class Render
{
    /// <summary>The error summary at the top of a page with problems, each linked to its field.</summary>
    public static IHtmlContent ErrorSummary(ErrorSummaryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var body = new HtmlElement("div").Class("nhsuk-error-summary__body");
        var description = !Markup.IsEmpty(options.Content) ? options.Content : options.Description?.Content;
        if (description is not null)
        {
            body.Add(new HtmlElement("p").Add(description));
        }

        var items = (options.ErrorList ?? []).Where(i => i is not null).ToList();
        if (items.Count > 0)
        {
            var list = new HtmlElement("ul").Class("nhsuk-list", "nhsuk-error-summary__list");
            foreach (var item in items)
            {
                var message = Markup.Of(item!.Text, item.Html);
                list.Add(new HtmlElement("li").Add(string.IsNullOrEmpty(item.Href)
                    ? message
                    : new HtmlElement("a").Attr("href", item.Href).Attrs(item.Attributes).Add(message)));
            }

            body.Add(list);
        }

        return new HtmlElement("div")
            .Class("nhsuk-error-summary", options.Classes)
            .Attr("id", options.Id)
            .Attr("data-module", "nhsuk-error-summary")
            .Attr("data-disable-auto-focus", options.DisableAutoFocus is { } focus ? (focus ? "true" : "false") : null)
            .Attrs(options.Attributes)
            .Add(new HtmlElement("div").Attr("role", "alert")
                .Add(Heading(new HeadingParameters
                {
                    Id = options.Heading?.Id,
                    Content = options.Heading?.Content,
                    Level = 2,
                    ClassName = "nhsuk-error-summary__heading",
                    Attributes = options.Heading?.Attributes,
                }))
                .Add(body));
    }
}
