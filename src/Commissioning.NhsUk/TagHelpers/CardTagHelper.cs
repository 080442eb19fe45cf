using Commissioning.NhsUk.Components;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>
/// A card: a heading (a link to the page it leads to, with <c>asp-page</c> or <c>href</c>; the
/// whole card can be clicked with <c>clickable</c>), a description, and any content inside.
/// </summary>
/// <param name="urls">Makes the page's URL helper.</param>
[HtmlTargetElement("nhsuk-card")]
[NhsUkComponent("card")]
public sealed class CardTagHelper(IUrlHelperFactory urls) : PageLinkTagHelper(urls)
{
    /// <summary>The card's heading.</summary>
    [HtmlAttributeName("heading")]
    public string? Heading { get; set; }

    /// <summary>The heading's level; 2 when not set.</summary>
    [HtmlAttributeName("heading-level")]
    public int? HeadingLevel { get; set; }

    /// <summary>The heading's size: <c>s</c>, <c>m</c> or <c>l</c>.</summary>
    [HtmlAttributeName("heading-size")]
    public string? HeadingSize { get; set; }

    /// <summary>A description under the heading.</summary>
    [HtmlAttributeName("description")]
    public string? Description { get; set; }

    /// <summary>Makes the whole card a link.</summary>
    [HtmlAttributeName("clickable")]
    public bool Clickable { get; set; }

    /// <summary><c>primary</c>, <c>secondary</c> or <c>feature</c>; a plain card when not set.</summary>
    [HtmlAttributeName("variant")]
    public string? Variant { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Replace(Render.Card(new CardOptions
        {
            Heading = Heading is null ? null : new CardHeading { Text = Heading, Level = HeadingLevel, Size = HeadingSize },
            Href = Url(),
            Clickable = Clickable ? true : null,
            Variant = Variant,
            Description = Description is null ? null : new CardDescription { Text = Description },
            Content = await output.ContentAsync(),
            Attributes = output.PassThrough(out var classes),
            Classes = classes,
        }));
    }
}
