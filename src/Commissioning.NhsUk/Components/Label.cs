using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>The <c>label</c> component's options.</summary>
public sealed record LabelOptions
{
    /// <summary>The label as text.</summary>
    public string? Text { get; init; }

    /// <summary>The label as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The id of the field it labels.</summary>
    public string? For { get; init; }

    /// <summary>The label's own id.</summary>
    public string? Id { get; init; }

    /// <summary>Its size: <c>s</c>, <c>m</c>, <c>l</c> or <c>xl</c>.</summary>
    public string? Size { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>Shows the label inside a level 1 heading (the older way to ask for a heading).</summary>
    public bool? IsPageHeading { get; init; }

    /// <summary>Shows the label inside a heading.</summary>
    public HeadingOptions? Heading { get; init; }

    /// <summary>A caption.</summary>
    public CaptionOptions? Caption { get; init; }

    /// <summary>Words for screen readers only, after the text.</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>The call block: content between the tag helper's tags.</summary>
    [JsonIgnore]
    public IHtmlContent? Content { get; init; }
}

/// <summary>The <c>legend</c> component's options (a fieldset's legend).</summary>
public sealed record LegendOptions
{
    /// <summary>The legend as text.</summary>
    public string? Text { get; init; }

    /// <summary>The legend as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Its size: <c>s</c>, <c>m</c>, <c>l</c> or <c>xl</c>.</summary>
    public string? Size { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>Shows the legend as a level 1 heading (the older way to ask for a heading).</summary>
    public bool? IsPageHeading { get; init; }

    /// <summary>Shows the legend as a heading.</summary>
    public HeadingOptions? Heading { get; init; }

    /// <summary>A caption.</summary>
    public CaptionOptions? Caption { get; init; }

    /// <summary>Words for screen readers only, after the text.</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>The call block: content between the tag helper's tags.</summary>
    [JsonIgnore]
    public IHtmlContent? Content { get; init; }
}

/// <summary>The components, each rendered as the design system's template renders it.</summary>
public static partial class Render
{
    private static readonly string[] AllHeadingSizes = ["xxs", "xs", "s", "m", "l", "xl"];
    private static readonly string[] LabelSizes = ["s", "m", "l", "xl"];
    private static readonly string[] CaptionSizes = ["m", "l", "xl", "xxl"];

    /// <summary>A label, inside a heading when asked; null when it has no content.</summary>
    public static IHtmlContent? Label(LabelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (hasHeading, size, caption, content, visuallyHidden) = ReadQuestion(
            options.Heading, options.IsPageHeading, options.Size, options.Caption, options.Text, options.Html, options.Content, options.VisuallyHiddenText);
        var heading = options.Heading;
        if (Markup.IsEmpty(content))
        {
            return null;
        }

        var label = Heading(new HeadingParameters
        {
            Id = options.Id,
            Content = content,
            VisuallyHiddenText = visuallyHidden,
            Caption = caption is null || caption.Placement is null or "start" or "end" ? caption : null,
            Size = size,
            Sizes = LabelSizes,
            ClassName = "nhsuk-label",
            ClassPrefix = "nhsuk-label--",
            Classes = options.Classes,
            Attributes = Prepend(("for", string.IsNullOrEmpty(options.For) ? null : options.For), options.Attributes),
            Element = "label",
        });

        IHtmlContent body = label!;
        if (hasHeading)
        {
            body = new HtmlElement($"h{(heading?.Level is > 0 and var level ? level : 1)}")
                .Class("nhsuk-label-wrapper")
                .Attr("id", NonEmpty(heading?.Id))
                .Attrs(heading?.Attributes)
                .Add(label);
        }

        return Markup.Join(
            caption?.Placement == "before" ? Caption(caption) : null,
            body,
            caption?.Placement == "after" ? Caption(caption) : null);
    }

    /// <summary>A fieldset's legend, as a heading when asked; null when it has no content.</summary>
    public static IHtmlContent? Legend(LegendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A legend's caption cannot stand before the legend: "before" puts it at the start inside.
        var given = options.Caption is { Placement: "before" } c ? c with { Placement = "start" } : options.Caption;
        var heading = options.Heading is { Caption.Placement: "before" } h ? h with { Caption = h.Caption with { Placement = "start" } } : options.Heading;
        var (hasHeading, size, caption, content, visuallyHidden) = ReadQuestion(
            heading, options.IsPageHeading, options.Size, given, options.Text, options.Html, options.Content, options.VisuallyHiddenText);
        if (Markup.IsEmpty(content))
        {
            return null;
        }

        var classNames = "nhsuk-fieldset__legend";
        if (size is not null && LabelSizes.Contains(size) && !LabelSizes.Any(s => Markup.Mentions(options.Classes, "nhsuk-fieldset__legend--" + s)))
        {
            classNames += " nhsuk-fieldset__legend--" + size;
        }

        classNames = Markup.Classes(classNames, options.Classes)!;
        var inner = caption is null || caption.Placement is null or "start" or "end" ? caption : null;
        IHtmlContent legend;
        if (hasHeading)
        {
            legend = new HtmlElement("legend")
                .Class(classNames)
                .Attr("id", NonEmpty(options.Id))
                .Attrs(options.Attributes)
                .Add(Heading(new HeadingParameters
                {
                    Id = heading?.Id,
                    Content = content,
                    VisuallyHiddenText = visuallyHidden,
                    Caption = inner,
                    Level = heading?.Level,
                    ClassName = "nhsuk-fieldset__heading",
                    Attributes = heading?.Attributes,
                }));
        }
        else
        {
            legend = Heading(new HeadingParameters
            {
                Id = options.Id,
                Content = content,
                VisuallyHiddenText = visuallyHidden,
                Caption = inner,
                ClassName = classNames,
                Attributes = options.Attributes,
                Element = "legend",
            })!;
        }

        return Markup.Join(legend, caption?.Placement == "after" ? Caption(caption) : null);
    }

    /// <summary>A caption.</summary>
    internal static IHtmlContent Caption(CaptionOptions caption)
    {
        var classNames = "nhsuk-caption";
        if (caption.Size is { } size && CaptionSizes.Contains(size) && !CaptionSizes.Any(s => Markup.Mentions(caption.Classes, "nhsuk-caption-" + s)))
        {
            classNames = "nhsuk-caption-" + size;
        }

        if (caption.Placement is "after" or "end")
        {
            classNames += " nhsuk-caption--bottom";
        }

        return new HtmlElement((caption.Element ?? "span").ToLowerInvariant())
            .Class(classNames, caption.Classes)
            .Attr("id", NonEmpty(caption.Id))
            .Attrs(caption.Attributes)
            .Add(Markup.Of(caption.Text, caption.Html));
    }

    /// <summary>The shared heading template that labels and legends are written with; null when it has no content.</summary>
    internal static IHtmlContent? Heading(HeadingParameters parameters)
    {
        if (Markup.IsEmpty(parameters.Content))
        {
            return null;
        }

        var className = parameters.ClassName;
        var prefix = parameters.ClassPrefix ?? className + "-";
        var classNames = className;
        string? size = null;
        var sizes = parameters.Sizes ?? AllHeadingSizes;
        if (!string.IsNullOrEmpty(parameters.Size) && sizes.Contains(parameters.Size) && !AllHeadingSizes.Any(s => Markup.Mentions(parameters.Classes, prefix + s)))
        {
            size = parameters.Size;
            classNames = prefix.Replace(className, string.Empty, StringComparison.Ordinal) == "-" ? prefix + size : classNames + " " + prefix + size;
        }

        classNames = Markup.Classes(classNames, parameters.Classes) ?? string.Empty;
        var caption = WithSize(parameters.Caption, size);
        var hasCaption = caption?.HasContent == true;
        var inner = parameters.Content!;
        if (!string.IsNullOrEmpty(parameters.Href))
        {
            inner = new HtmlElement("a").Class("nhsuk-link").Attr("href", parameters.Href).Add(inner);
        }

        var element = new HtmlElement((parameters.Element ?? $"h{(parameters.Level is > 0 and var level ? level : 1)}").ToLowerInvariant())
            .Attr("class", classNames.Length == 0 ? null : classNames)
            .Attr("id", parameters.Id)
            .Attrs(parameters.Attributes);
        if (caption is not null && (caption.Placement == "start" || (hasCaption && string.IsNullOrEmpty(caption.Placement))))
        {
            element.Add(Caption(caption));
        }

        element.Add(inner);
        if (!string.IsNullOrEmpty(parameters.VisuallyHiddenText))
        {
            element.Add(new HtmlElement("span").Class("nhsuk-u-visually-hidden").Text(" " + parameters.VisuallyHiddenText));
        }

        if (caption?.Placement == "end")
        {
            element.Add(Caption(caption));
        }

        return Markup.Join(
            caption?.Placement == "before" ? Caption(caption) : null,
            element,
            caption?.Placement == "after" ? Caption(caption) : null);
    }

    /// <summary>
    /// What a label and a legend read alike from their options: whether they are shown as a
    /// heading (asked for by <c>isPageHeading</c>, or by giving a heading), and then the size,
    /// caption (sized like the text unless given a size), words and hidden words, taken from the
    /// heading first when there is one and from the label or legend otherwise.
    /// </summary>
    private static (bool HasHeading, string? Size, CaptionOptions? Caption, IHtmlContent? Content, string? VisuallyHidden) ReadQuestion(
        HeadingOptions? heading, bool? isPageHeading, string? size, CaptionOptions? caption, string? text, IHtmlContent? html, IHtmlContent? callBlock, string? visuallyHidden)
    {
        var hasHeading = isPageHeading == true || (isPageHeading != false && heading is not null);
        var shownSize = hasHeading ? heading?.Size ?? size : size;
        var content = !Markup.IsEmpty(callBlock) ? callBlock
            : hasHeading ? Markup.Of(heading?.Text ?? text, heading?.Html ?? html)
            : Markup.Of(text ?? heading?.Text, html ?? heading?.Html);
        return (
            hasHeading,
            shownSize,
            WithSize(hasHeading ? heading?.Caption ?? caption : caption, shownSize),
            content,
            hasHeading ? heading?.VisuallyHiddenText ?? visuallyHidden : visuallyHidden);
    }

    private static CaptionOptions? WithSize(CaptionOptions? caption, string? size) =>
        caption is null ? null : caption with { Size = caption.Size ?? size };

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static AttributeList Prepend((string Name, string? Value) first, AttributeList? rest)
    {
        var list = new AttributeList();
        if (first.Value is not null)
        {
            list.Add(first.Name, first.Value);
        }

        if (rest is not null)
        {
            foreach (var (name, value) in rest)
            {
                list.Add(name, value);
            }
        }

        return list;
    }
}

/// <summary>What the shared heading template takes (the design system's <c>heading</c> macro).</summary>
internal sealed record HeadingParameters
{
    public string ClassName { get; init; } = "nhsuk-heading";

    public string? ClassPrefix { get; init; }

    public IReadOnlyList<string>? Sizes { get; init; }

    public string? Size { get; init; }

    public string? Classes { get; init; }

    public string? Id { get; init; }

    public string? Element { get; init; }

    public int? Level { get; init; }

    public string? Href { get; init; }

    public IHtmlContent? Content { get; init; }

    public string? VisuallyHiddenText { get; init; }

    public CaptionOptions? Caption { get; init; }

    public AttributeList? Attributes { get; init; }
}
