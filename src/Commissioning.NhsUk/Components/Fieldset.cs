using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>The <c>fieldset</c> component's options.</summary>
public sealed record FieldsetOptions
{
    /// <summary>The legend.</summary>
    public LegendOptions? Legend { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Its ARIA role.</summary>
    public string? Role { get; init; }

    /// <summary>The ids of the hint and error that describe the group.</summary>
    public string? DescribedBy { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The fields inside, as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The call block: content between the tag helper's tags.</summary>
    [JsonIgnore]
    public IHtmlContent? Content { get; init; }
}

public static partial class Render
{
    /// <summary>A fieldset with its legend, around the fields given.</summary>
    public static IHtmlContent Fieldset(FieldsetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HtmlElement("fieldset")
            .Class("nhsuk-fieldset", options.Classes)
            .Attr("id", options.Id)
            .Attr("role", options.Role)
            .Attr("aria-describedby", NonEmpty(options.DescribedBy))
            .Attrs(options.Attributes)
            .Add(options.Legend is null ? null : Legend(options.Legend))
            .Add(!Markup.IsEmpty(options.Content) ? options.Content : options.Html);
    }
}
