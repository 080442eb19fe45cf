using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>A card's heading.</summary>
public sealed record CardHeading
{
    /// <summary>The heading as text; inside the heading element, and made a link when the card has an <c>href</c>.</summary>
    public string? Text { get; init; }

    /// <summary>HTML written after the heading element (not inside it), such as a date line under the title.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The heading element's id.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// Words read by screen readers before the heading, followed by a colon. Care cards (non-urgent,
    /// urgent, emergency) have their own default words when this is not set.
    /// </summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>Its size: <c>xxs</c>, <c>xs</c>, <c>s</c>, <c>m</c>, <c>l</c> or <c>xl</c>.</summary>
    public string? Size { get; init; }

    /// <summary>The heading level; 2 when not set.</summary>
    public int? Level { get; init; }

    /// <summary>A caption shown with the heading.</summary>
    public CaptionOptions? Caption { get; init; }

    /// <summary>Extra classes on the heading element.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes on the heading element.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>Whether there is a heading at all (text or HTML).</summary>
    internal bool HasContent => !string.IsNullOrEmpty(Text) || !Markup.IsEmpty(Html);
}

/// <summary>A card's description: the content under its heading.</summary>
public sealed record CardDescription
{
    /// <summary>As text, written as a paragraph.</summary>
    public string? Text { get; init; }

    /// <summary>As HTML, written as it is.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Extra classes on the card's content wrapper.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes on the card's content wrapper.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>An image at the top of a card.</summary>
public sealed record CardImage
{
    /// <summary>The image's address.</summary>
    public string? Src { get; init; }

    /// <summary>The image's alternative text; empty (a decorative image) when not set.</summary>
    public string? Alt { get; init; }

    /// <summary>HTML used in place of a plain image, such as a figure with a caption; wins over <see cref="Src"/>.</summary>
    public IHtmlContent? Html { get; init; }
}

/// <summary>
/// An action on a card or on a summary list row: a link, or a button when it has a
/// <see cref="Type"/> or no <see cref="Href"/>. When the card (or the summary list's card) has a
/// heading, screen readers hear the heading in brackets after the action's words.
/// </summary>
public sealed record CardAction
{
    /// <summary>The action's words.</summary>
    public string? Text { get; init; }

    /// <summary>The action's content as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Words for screen readers only, after the action's words, such as what is being changed.</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>Where the link goes; a link is used when this is set and <see cref="Type"/> is not.</summary>
    public string? Href { get; init; }

    /// <summary>The button type (<c>button</c>, <c>submit</c> or <c>reset</c>); <c>submit</c> when a button and not set.</summary>
    public string? Type { get; init; }

    /// <summary>The name a button is sent as.</summary>
    public string? Name { get; init; }

    /// <summary>The value a button sends.</summary>
    public string? Value { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>A card's actions.</summary>
public sealed record CardActions
{
    /// <summary>The actions; empty entries are skipped.</summary>
    public IReadOnlyList<CardAction?>? Items { get; init; }

    /// <summary>Extra classes on the actions' wrapper.</summary>
    public string? Classes { get; init; }
}

/// <summary>The <c>card</c> component's options.</summary>
public sealed record CardOptions
{
    /// <summary>The heading.</summary>
    public CardHeading? Heading { get; init; }

    /// <summary>Where the card links to: the heading's text becomes the link (except on feature and care cards).</summary>
    public string? Href { get; init; }

    /// <summary>Makes the whole card clickable (the heading link's area covers it).</summary>
    public bool? Clickable { get; init; }

    /// <summary>
    /// The variant: <c>feature</c>, <c>primary</c> (with a chevron), <c>secondary</c>, <c>warning</c>,
    /// or a care card: <c>non-urgent</c>, <c>urgent</c> or <c>emergency</c> (a care card needs a heading).
    /// </summary>
    public string? Variant { get; init; }

    /// <summary>An image at the top.</summary>
    public CardImage? Image { get; init; }

    /// <summary>The description under the heading; the call block wins over it.</summary>
    public CardDescription? Description { get; init; }

    /// <summary>Actions shown beside the heading.</summary>
    public CardActions? Actions { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The call block: the card's content, between the tag helper's tags.</summary>
    [JsonIgnore]
    public IHtmlContent? Content { get; init; }
}

public static partial class Render
{
    private static readonly string[] CardVariants = ["feature", "primary", "secondary", "warning"];
    private static readonly string[] CareCardVariants = ["non-urgent", "urgent", "emergency"];

    /// <summary>A card: a heading, a description or content, and optionally an image, actions, a link or a care-card style.</summary>
    public static IHtmlContent Card(CardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var variant = NonEmpty(options.Variant);
        var heading = options.Heading;
        var classNames = "nhsuk-card";
        if (options.Clickable == true)
        {
            classNames += " nhsuk-card--clickable";
        }

        if (variant is not null && CardVariants.Contains(variant) && !CardVariants.Any(v => Markup.Mentions(options.Classes, "nhsuk-card--" + v)))
        {
            classNames += " nhsuk-card--" + variant;
        }

        var isCareCard = variant is not null && CareCardVariants.Contains(variant) && heading?.HasContent == true;
        if (isCareCard && !CareCardVariants.Any(v => Markup.Mentions(options.Classes, "nhsuk-card--care--" + v)))
        {
            classNames += " nhsuk-card--care nhsuk-card--care--" + variant;
        }

        classNames = Markup.Classes(classNames, options.Classes)!;
        var actions = (options.Actions?.Items ?? []).Where(a => a is not null).Select(a => a!).ToList();
        var card = new HtmlElement("div")
            .Class(classNames)
            .Attr("id", NonEmpty(options.Id))
            .Attrs(options.Attributes);

        var image = options.Image;
        if (!Markup.IsEmpty(image?.Html))
        {
            card.Add(image!.Html);
        }
        else if (!string.IsNullOrEmpty(image?.Src))
        {
            card.Add(new HtmlElement("img").Class("nhsuk-card__img").Attr("src", image.Src).Attr("alt", image.Alt ?? string.Empty));
        }

        if (isCareCard)
        {
            heading = heading! with
            {
                VisuallyHiddenText = NonEmpty(heading.VisuallyHiddenText?.Trim()) ?? variant switch
                {
                    "emergency" => "Immediate action required",
                    "urgent" => "Urgent advice",
                    _ => "Non-urgent advice",
                },
            };
        }

        if (isCareCard || actions.Count > 0)
        {
            var container = new HtmlElement("div").Class("nhsuk-card__heading-container");
            if (heading?.HasContent == true)
            {
                // A care card's heading is never a link, even when the card has an href.
                container.Add(CardHeadingContent(heading, isCareCard ? null : options.Href, classNames, isCareCard));
            }

            if (actions.Count == 1)
            {
                container.Add(new HtmlElement("div")
                    .Class("nhsuk-card__actions", options.Actions?.Classes)
                    .Add(CardActionLink(actions[0], options.Heading)));
            }
            else if (actions.Count > 1)
            {
                container.Add(new HtmlElement("ul")
                    .Class("nhsuk-card__actions", options.Actions?.Classes)
                    .Add(actions.Select(a => (IHtmlContent?)new HtmlElement("li").Class("nhsuk-card__action").Add(CardActionLink(a, options.Heading)))));
            }

            card.Add(container);
        }

        var description = options.Description;
        var content = new HtmlElement("div")
            .Class("nhsuk-card__content", description?.Classes)
            .Attrs(description?.Attributes);
        if (!isCareCard && actions.Count == 0 && heading?.HasContent == true)
        {
            content.Add(CardHeadingContent(heading, options.Href, classNames, isCareCard));
        }

        if (!Markup.IsEmpty(options.Content))
        {
            content.Add(options.Content);
        }
        else if (!Markup.IsEmpty(description?.Html))
        {
            content.Add(description!.Html);
        }
        else if (!string.IsNullOrEmpty(description?.Text))
        {
            content.Add(new HtmlElement("p").Class("nhsuk-card__description").Text(description.Text.Trim()));
        }

        if (Markup.Mentions(classNames, "nhsuk-card--primary"))
        {
            content.Add(ChevronRightCircleIcon());
        }

        return card.Add(content);
    }

    /// <summary>
    /// The card's heading: the heading element when there is text (a link when the card has an
    /// <c>href</c> and is not a feature card), then any heading HTML, then a care card's arrow.
    /// </summary>
    private static IHtmlContent CardHeadingContent(CardHeading heading, string? href, string cardClasses, bool isCareCard)
    {
        IHtmlContent? element = null;
        if (!string.IsNullOrEmpty(heading.Text))
        {
            var text = heading.Text.Trim();
            IHtmlContent inner;
            if (!string.IsNullOrEmpty(href) && !Markup.Mentions(cardClasses, "nhsuk-card--feature"))
            {
                inner = new HtmlElement("a").Class("nhsuk-card__link").Attr("href", href).Text(text);
            }
            else if (!string.IsNullOrEmpty(heading.VisuallyHiddenText))
            {
                inner = new HtmlElement("span").Attr("role", "text")
                    .Add(new HtmlElement("span").Class("nhsuk-u-visually-hidden").Text(heading.VisuallyHiddenText + ": "))
                    .Text(text);
            }
            else
            {
                inner = new TextContent(text);
            }

            element = Heading(new HeadingParameters
            {
                Id = NonEmpty(heading.Id),
                Caption = heading.Caption,
                Size = heading.Size,
                Level = heading.Level ?? 2,
                Classes = heading.Classes,
                ClassName = "nhsuk-card__heading",
                ClassPrefix = "nhsuk-heading-",
                Attributes = heading.Attributes,
                Content = inner,
            });
        }

        return Markup.Join(
            element,
            Markup.IsEmpty(heading.Html) ? null : heading.Html,
            isCareCard ? new HtmlElement("span").Class("nhsuk-card--care__arrow").Attr("aria-hidden", "true") : null);
    }

    /// <summary>
    /// One card action (also used for summary list row actions): a link, or a button when it has a
    /// type or no link; the heading of the card it sits in is read, in brackets, after its words.
    /// </summary>
    internal static IHtmlContent CardActionLink(CardAction action, CardHeading? cardHeading)
    {
        var isLink = !string.IsNullOrEmpty(action.Href) && string.IsNullOrEmpty(action.Type);
        var element = new HtmlElement(isLink ? "a" : "button")
            .Class("nhsuk-link", action.Classes)
            .Attr("id", action.Id);
        if (isLink)
        {
            element.Attr("href", action.Href);
        }
        else
        {
            element
                .Attr("name", action.Name)
                .Attr("type", action.Type ?? "submit")
                .Attr("value", action.Value);
        }

        element.Attrs(action.Attributes);
        element.Add(!Markup.IsEmpty(action.Html) ? action.Html : Markup.Text(action.Text?.Trim()));
        var headingContent = !Markup.IsEmpty(cardHeading?.Html) ? cardHeading!.Html : Markup.Text(cardHeading?.Text);
        if (!string.IsNullOrEmpty(action.VisuallyHiddenText) || headingContent is not null)
        {
            var hidden = new HtmlElement("span").Class("nhsuk-u-visually-hidden");
            if (!string.IsNullOrEmpty(action.VisuallyHiddenText))
            {
                hidden.Text(" " + action.VisuallyHiddenText);
            }

            if (headingContent is not null)
            {
                hidden.Text(" (").Add(headingContent).Text(")");
            }

            element.Add(hidden);
        }

        return element;
    }

    /// <summary>The design system's <c>chevron-right-circle</c> icon, hidden from screen readers (a primary card's chevron).</summary>
    private static HtmlElement ChevronRightCircleIcon() =>
        new HtmlElement("svg")
            .Class("nhsuk-icon nhsuk-icon--chevron-right-circle")
            .Attr("xmlns", "http://www.w3.org/2000/svg")
            .Attr("viewBox", "0 0 24 24")
            .Attr("width", "16")
            .Attr("height", "16")
            .Attr("focusable", "false")
            .Attr("aria-hidden", "true")
            .Add(new HtmlElement("path").Attr("d", "M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm-.3 5.8a1 1 0 1 0-1.5 1.4l2.9 2.8-2.9 2.8a1 1 0 0 0 1.5 1.4l3.5-3.5c.4-.4.4-1 0-1.4Z"));
}
