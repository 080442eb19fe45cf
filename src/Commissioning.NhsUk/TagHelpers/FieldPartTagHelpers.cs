using Commissioning.NhsUk.Components;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>
/// A label: inside a field (<c>nhsuk-input</c>, <c>nhsuk-textarea</c>, <c>nhsuk-select</c>,
/// <c>nhsuk-file-upload</c>, <c>nhsuk-character-count</c>) it labels that field; on its own it
/// draws a label for the element named by <c>for</c>.
/// </summary>
[HtmlTargetElement("nhsuk-label")]
[NhsUkComponent("label")]
public sealed class LabelTagHelper : QuestionTextTagHelper
{
    /// <summary>The id of the field it labels, when on its own.</summary>
    [HtmlAttributeName("for")]
    public string? For { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var options = new LabelOptions
        {
            Content = await output.ContentAsync(),
            Size = Sizes.Label(Size, IsPageHeading),
            IsPageHeading = IsPageHeading ? true : null,
            VisuallyHiddenText = VisuallyHiddenText,
            Attributes = output.PassThrough(),
        };
        if (context.Parent<FieldParts>() is { } parts)
        {
            parts.Label = options;
            output.SuppressOutput();
            return;
        }

        output.Replace(Render.Label(options with { For = For }));
    }
}

/// <summary>
/// A legend: inside <c>nhsuk-radios</c>, <c>nhsuk-checkboxes</c>, <c>nhsuk-date-input</c> or
/// <c>nhsuk-fieldset</c> it is that group's legend.
/// </summary>
[HtmlTargetElement("nhsuk-legend")]
[NhsUkComponent("legend")]
public sealed class LegendTagHelper : QuestionTextTagHelper
{
    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var options = new LegendOptions
        {
            Content = await output.ContentAsync(),
            Size = Sizes.Label(Size, IsPageHeading),
            IsPageHeading = IsPageHeading ? true : null,
            VisuallyHiddenText = VisuallyHiddenText,
            Attributes = output.PassThrough(),
        };
        if (context.Parent<FieldParts>() is { } parts)
        {
            parts.Legend = options;
            output.SuppressOutput();
            return;
        }

        output.Replace(Render.Legend(options));
    }
}

/// <summary>A hint: inside a field it is that field's hint (and describes it); on its own it draws a hint.</summary>
[HtmlTargetElement("nhsuk-hint")]
[NhsUkComponent("hint")]
public sealed class HintTagHelper : TagHelper
{
    /// <summary>Its id, when on its own.</summary>
    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var options = new HintOptions { Content = await output.ContentAsync(), Attributes = output.PassThrough() };
        if (context.Parent<FieldParts>() is { } parts)
        {
            parts.Hint = options;
            output.SuppressOutput();
            return;
        }

        output.Replace(Render.Hint(options with { Id = Id }));
    }
}

/// <summary>
/// An error message on its own, for an error that belongs to no field. A field's own error comes
/// from ModelState, never from this tag.
/// </summary>
[HtmlTargetElement("nhsuk-error-message")]
[NhsUkComponent("error-message")]
public sealed class ErrorMessageTagHelper : TagHelper
{
    /// <summary>Its id.</summary>
    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    /// <summary>The words screen readers hear first; "Error" when not set.</summary>
    [HtmlAttributeName("visually-hidden-text")]
    public string? VisuallyHiddenText { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Replace(Render.ErrorMessage(new ErrorMessageOptions
        {
            Content = await output.ContentAsync(),
            Id = Id,
            VisuallyHiddenText = VisuallyHiddenText,
            Attributes = output.PassThrough(),
        }));
    }
}

/// <summary>What a label and a legend share: the question's words, their size, and whether they are the page's heading.</summary>
public abstract class QuestionTextTagHelper : TagHelper
{
    /// <summary>Its size: <c>s</c> (the default for a field's label or legend), <c>m</c>, <c>l</c> or <c>xl</c>; <c>none</c> for plain text.</summary>
    [HtmlAttributeName("size")]
    public string? Size { get; set; }

    /// <summary>Makes it the page's heading (for a page with one question).</summary>
    [HtmlAttributeName("is-page-heading")]
    public bool IsPageHeading { get; set; }

    /// <summary>Words for screen readers only, after the text.</summary>
    [HtmlAttributeName("visually-hidden-text")]
    public string? VisuallyHiddenText { get; set; }
}

/// <summary>The site's one rule for label and legend sizes.</summary>
internal static class Sizes
{
    /// <summary>
    /// A field's label or legend is bold (<c>s</c>) unless the page says otherwise, so every form
    /// reads the same; a page heading is large (<c>l</c>); <c>none</c> asks for plain text.
    /// </summary>
    public static string? Label(string? size, bool isPageHeading) => size switch
    {
        "none" => null,
        null or "" => isPageHeading ? "l" : "s",
        _ => size,
    };
}
