using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>The <c>tag</c> component's options: a short status label, such as "Completed".</summary>
public sealed record TagOptions
{
    /// <summary>
    /// The <see cref="Colour"/> that removes the tag's colour, standing for the macro's
    /// <c>colour: false</c>.
    /// </summary>
    public const string NoColour = "false";

    /// <summary>The tag as text.</summary>
    public string? Text { get; init; }

    /// <summary>The tag as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>
    /// Its colour: <c>white</c>, <c>grey</c>, <c>green</c>, <c>aqua-green</c>, <c>blue</c>,
    /// <c>purple</c>, <c>pink</c>, <c>red</c>, <c>orange</c> or <c>yellow</c>; blue when not set;
    /// <see cref="NoColour"/> for none.
    /// </summary>
    public string? Colour { get; init; }

    /// <summary>False removes the border.</summary>
    public bool? Border { get; init; }

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
    private static readonly string[] TagColours = ["white", "grey", "green", "aqua-green", "blue", "purple", "pink", "red", "orange", "yellow"];

    /// <summary>A tag.</summary>
    public static IHtmlContent Tag(TagOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var classNames = "nhsuk-tag";
        if (options.Colour is { } colour && TagColours.Contains(colour) && !TagColours.Any(c => Markup.Mentions(options.Classes, "nhsuk-tag--" + c)))
        {
            classNames += " nhsuk-tag--" + colour;
        }

        if (options.Colour == TagOptions.NoColour && !Markup.Mentions(options.Classes, "nhsuk-tag--no-colour"))
        {
            classNames += " nhsuk-tag--no-colour";
        }

        if (options.Border == false && !Markup.Mentions(options.Classes, "nhsuk-tag--no-border"))
        {
            classNames += " nhsuk-tag--no-border";
        }

        return new HtmlElement("strong")
            .Class(classNames, options.Classes)
            .Attr("id", NonEmpty(options.Id))
            .Attrs(options.Attributes)
            .Add(!Markup.IsEmpty(options.Content) ? options.Content : Markup.Of(options.Text, options.Html));
    }
}
