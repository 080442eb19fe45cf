using Commissioning.NhsUk.Components;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>
/// A button: a form's submit button, or, with <c>asp-page</c> or <c>href</c>, a link that looks
/// like one (to start something, such as "Create an account").
/// </summary>
/// <param name="urls">Makes the page's URL helper.</param>
[HtmlTargetElement("nhsuk-button")]
[NhsUkComponent("button")]
public sealed class ButtonTagHelper(IUrlHelperFactory urls) : PageLinkTagHelper(urls)
{
    /// <summary><c>secondary</c>, <c>reverse</c>, <c>warning</c> or <c>login</c>; the primary green button when not set.</summary>
    [HtmlAttributeName("variant")]
    public string? Variant { get; set; }

    /// <summary>A smaller button.</summary>
    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    /// <summary>The button type; <c>submit</c> when not set.</summary>
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    /// <summary>The name sent with the form.</summary>
    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    /// <summary>The value sent with the form.</summary>
    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    /// <summary>Stops a second click sending the form twice.</summary>
    [HtmlAttributeName("prevent-double-click")]
    public bool PreventDoubleClick { get; set; }

    /// <summary>Whether it is disabled.</summary>
    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    /// <summary>Its id.</summary>
    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Replace(Render.Button(new ButtonOptions
        {
            Content = await output.ContentAsync(),
            Href = Url(),
            Type = Type,
            Name = Name,
            Value = Value,
            Variant = Variant,
            Small = Small ? true : null,
            PreventDoubleClick = PreventDoubleClick ? true : null,
            Disabled = Disabled ? true : null,
            Id = Id,
            Attributes = output.PassThrough(out var classes),
            Classes = classes,
        }));
    }
}
