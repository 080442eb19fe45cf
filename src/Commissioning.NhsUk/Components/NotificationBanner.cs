using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>A notification banner's title, in its coloured header.</summary>
public sealed record NotificationBannerTitle
{
    /// <summary>As text; "Important", or "Success" for the success variant, when neither this nor <see cref="Html"/> is set.</summary>
    public string? Text { get; init; }

    /// <summary>As HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The heading level; 2 when not set.</summary>
    public int? Level { get; init; }

    /// <summary>Words for screen readers only, after the title.</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>Its id, which labels the banner; <c>nhsuk-notification-banner-title</c> when not set (so give one when a page has two banners).</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>A heading in a notification banner's content.</summary>
public sealed record NotificationBannerHeading
{
    /// <summary>As text.</summary>
    public string? Text { get; init; }

    /// <summary>As HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The heading level; 3 when not set.</summary>
    public int? Level { get; init; }

    /// <summary>The element, such as <c>p</c>; the heading for its level when not set.</summary>
    public string? Element { get; init; }

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

/// <summary>The <c>notification-banner</c> component's options: news the user needs to know, or (the <c>success</c> variant) that what they did worked.</summary>
public sealed record NotificationBannerOptions
{
    /// <summary>The title in the banner's header.</summary>
    public NotificationBannerTitle? Title { get; init; }

    /// <summary>A heading at the start of the content.</summary>
    public NotificationBannerHeading? Heading { get; init; }

    /// <summary>The content as text: shown as the heading when there is no <see cref="Heading"/>, otherwise as a paragraph under it.</summary>
    public string? Text { get; init; }

    /// <summary>The content as HTML, shown as it is under the heading.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The variant: only <c>success</c>, which is announced at once and takes focus when the page loads.</summary>
    public string? Variant { get; init; }

    /// <summary>The banner's role; <c>alert</c> for the success variant, otherwise <c>region</c>, when not set.</summary>
    public string? Role { get; init; }

    /// <summary>Stops a success (or <c>alert</c>) banner taking focus when the page loads.</summary>
    public bool? DisableAutoFocus { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The call block: the content, between the tag helper's tags, shown as it is under the heading.</summary>
    [JsonIgnore]
    public IHtmlContent? Content { get; init; }
}

public static partial class Render
{
    /// <summary>A notification banner.</summary>
    public static IHtmlContent NotificationBanner(NotificationBannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var success = options.Variant == "success";
        var classNames = Markup.Classes("nhsuk-notification-banner", options.Classes);
        if (success && !Markup.Mentions(options.Classes, "nhsuk-notification-banner--success"))
        {
            classNames += " nhsuk-notification-banner--success";
        }

        var title = options.Title;
        var titleId = NonEmpty(title?.Id) ?? "nhsuk-notification-banner-title";
        var heading = options.Heading;
        var headingContent = Markup.Of(heading?.Text, heading?.Html);
        var content = new HtmlElement("div").Class("nhsuk-notification-banner__content");
        if (headingContent is not null)
        {
            content.Add(Heading(new HeadingParameters
            {
                Id = heading!.Id,
                Content = headingContent,
                VisuallyHiddenText = heading.VisuallyHiddenText,
                Caption = heading.Caption,
                Href = heading.Href,
                Level = heading.Level ?? 3,
                ClassName = "nhsuk-notification-banner__heading",
                Classes = heading.Classes,
                Attributes = heading.Attributes,
                Element = NonEmpty(heading.Element),
            }));
        }

        if (!Markup.IsEmpty(options.Content))
        {
            content.Add(options.Content);
        }
        else if (!Markup.IsEmpty(options.Html))
        {
            content.Add(options.Html);
        }
        else if (!string.IsNullOrEmpty(options.Text))
        {
            content.Add(new HtmlElement("p").Class(headingContent is null ? "nhsuk-notification-banner__heading" : "nhsuk-body").Text(options.Text));
        }

        return new HtmlElement("div")
            .Class(classNames)
            .Attr("id", options.Id)
            .Attr("data-module", "nhsuk-notification-banner")
            .Attr("data-disable-auto-focus", options.DisableAutoFocus is { } focus ? (focus ? "true" : "false") : null)
            .Attr("role", NonEmpty(options.Role) ?? (success ? "alert" : "region"))
            .Attr("aria-labelledby", titleId)
            .Attrs(options.Attributes)
            .Add(new HtmlElement("div").Class("nhsuk-notification-banner__header")
                .Add(Heading(new HeadingParameters
                {
                    Id = titleId,
                    Content = Markup.Of(title?.Text ?? (success ? "Success" : "Important"), title?.Html),
                    VisuallyHiddenText = title?.VisuallyHiddenText,
                    Level = title?.Level ?? 2,
                    ClassName = "nhsuk-notification-banner__title",
                    Classes = title?.Classes,
                    Attributes = title?.Attributes,
                })))
            .Add(content);
    }
}
