using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>The <c>button</c> component's options: a button, or a link that looks like one.</summary>
public sealed record ButtonOptions
{
    /// <summary>The button's text.</summary>
    public string? Text { get; init; }

    /// <summary>The button's content as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The element: <c>button</c>, <c>a</c> or <c>input</c>; a link when <see cref="Href"/> is set and <see cref="Type"/> is not.</summary>
    public string? Element { get; init; }

    /// <summary>Where a link button goes.</summary>
    public string? Href { get; init; }

    /// <summary>The button type; <c>submit</c> when not set.</summary>
    public string? Type { get; init; }

    /// <summary>The name sent with the form.</summary>
    public string? Name { get; init; }

    /// <summary>The value sent with the form.</summary>
    public string? Value { get; init; }

    /// <summary>The variant: <c>secondary</c>, <c>secondary-solid</c>, <c>reverse</c>, <c>warning</c>, <c>login</c> or <c>brand</c>.</summary>
    public string? Variant { get; init; }

    /// <summary>A smaller button.</summary>
    public bool? Small { get; init; }

    /// <summary>Whether it is disabled.</summary>
    public bool? Disabled { get; init; }

    /// <summary>Stops a second click sending the form twice.</summary>
    public bool? PreventDoubleClick { get; init; }

    /// <summary>An accessible name that replaces the text.</summary>
    public string? AriaLabel { get; init; }

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
    private static readonly string[] ButtonVariants = ["brand", "login", "reverse", "secondary", "secondary-solid", "warning"];

    /// <summary>A button, or a link styled as one.</summary>
    public static IHtmlContent Button(ButtonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var classNames = "nhsuk-button";
        if (options.Variant is { } variant && ButtonVariants.Contains(variant) && !ButtonVariants.Any(v => Markup.Mentions(options.Classes, "nhsuk-button--" + v)))
        {
            classNames += " nhsuk-button--" + variant;
        }

        if (options.Small == true && !Markup.Mentions(options.Classes, "nhsuk-button--small"))
        {
            classNames += " nhsuk-button--small";
        }

        var elementName = NonEmpty(options.Element)?.ToLowerInvariant()
            ?? (!string.IsNullOrEmpty(options.Href) && string.IsNullOrEmpty(options.Type) ? "a" : "button");
        var isControl = elementName is "button" or "input";
        var element = new HtmlElement(elementName)
            .Class(classNames, options.Classes)
            .Attr("id", options.Id)
            .Attr("name", isControl ? options.Name : null)
            .Attr("data-module", "nhsuk-button")
            .Attr("data-prevent-double-click", options.PreventDoubleClick is { } prevent ? (prevent ? "true" : "false") : null);
        if (isControl)
        {
            element
                .Attr("type", NonEmpty(options.Type) ?? "submit")
                .Attr("value", elementName == "input" ? options.Text : options.Value)
                .Flag("disabled", options.Disabled == true)
                .Attr("aria-label", options.AriaLabel)
                .Attr("aria-disabled", options.Disabled == true ? "true" : null);
        }
        else if (elementName == "a")
        {
            element
                .Attr("href", NonEmpty(options.Href) ?? "#")
                .Attr("role", "button")
                .Attr("draggable", "false")
                .Attr("aria-label", options.AriaLabel);
        }

        element.Attrs(options.Attributes);
        if (elementName != "input")
        {
            element.Add(!Markup.IsEmpty(options.Content) ? options.Content : Markup.Of(options.Text, options.Html));
        }

        return element;
    }
}
