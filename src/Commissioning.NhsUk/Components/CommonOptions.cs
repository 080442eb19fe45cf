using System.Text.Json.Serialization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

// The options below mirror the design system's Nunjucks macro options of the same names
// (nhsuk-frontend 10.6.1, dist/nhsuk/components/<name>/macro-options.json), for the options this
// site offers. Where an option may be given as text or as HTML, HTML wins, as in the templates.
// "Content" stands for the macro's call block: what a tag helper holds between its tags.

/// <summary>A hint: the <c>hint</c> component, or the hint of a form field.</summary>
public sealed record HintOptions
{
    /// <summary>The hint as text.</summary>
    public string? Text { get; init; }

    /// <summary>The hint as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The hint's id; a form field gives it <c>{id}-hint</c> when not set.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The call block: content between the tag helper's tags.</summary>
    [JsonIgnore]
    public IHtmlContent? Content { get; init; }

    /// <summary>Whether there is anything to show.</summary>
    internal bool HasContent => !Markup.IsEmpty(Content) || !Markup.IsEmpty(Html) || !string.IsNullOrEmpty(Text);
}

/// <summary>An error message: the <c>error-message</c> component, or the error of a form field.</summary>
public sealed record ErrorMessageOptions
{
    /// <summary>The message as text.</summary>
    public string? Text { get; init; }

    /// <summary>The message as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The message's id; a form field gives it <c>{id}-error</c> when not set.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The words read before the message by screen readers; "Error" when not set, none when empty.</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>The call block: content between the tag helper's tags.</summary>
    [JsonIgnore]
    public IHtmlContent? Content { get; init; }

    /// <summary>
    /// Marks the field as in error without a message of its own (the design system's
    /// <c>errorMessage: true</c>), as the parts of a date input are when the date's message is shown once above them.
    /// </summary>
    public bool HighlightOnly { get; init; }

    /// <summary>Whether there is a message to show.</summary>
    internal bool HasContent => !Markup.IsEmpty(Html) || !string.IsNullOrEmpty(Text) || !Markup.IsEmpty(Content);

    /// <summary>Whether the field is shown as in error, with or without a message.</summary>
    internal bool ShowsError => HighlightOnly || HasContent;
}

/// <summary>A caption shown with a label, legend or heading.</summary>
public sealed record CaptionOptions
{
    /// <summary>The caption as text.</summary>
    public string? Text { get; init; }

    /// <summary>The caption as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>The element to use; <c>span</c> when not set.</summary>
    public string? Element { get; init; }

    /// <summary>Where it goes: <c>before</c>, <c>start</c>, <c>end</c> or <c>after</c> the text.</summary>
    public string? Placement { get; init; }

    /// <summary>Its size (<c>m</c>, <c>l</c>, <c>xl</c>, <c>xxl</c>); the label's or heading's when not set.</summary>
    public string? Size { get; init; }

    /// <summary>Whether there is anything to show.</summary>
    internal bool HasContent => !Markup.IsEmpty(Html) || !string.IsNullOrEmpty(Text);
}

/// <summary>A label or legend shown as (or inside) the page heading.</summary>
public sealed record HeadingOptions
{
    /// <summary>The heading's text; the label's or legend's own text when not set.</summary>
    public string? Text { get; init; }

    /// <summary>The heading's HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The heading level; 1 when not set.</summary>
    public int? Level { get; init; }

    /// <summary>The size, overriding the label's or legend's.</summary>
    public string? Size { get; init; }

    /// <summary>The heading element's id.</summary>
    public string? Id { get; init; }

    /// <summary>A caption, overriding the label's or legend's.</summary>
    public CaptionOptions? Caption { get; init; }

    /// <summary>Words for screen readers only, after the text.</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>Extra attributes on the heading element.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>Text or HTML placed before or after a field inside its form group.</summary>
public sealed record FormGroupContentOptions
{
    /// <summary>As text.</summary>
    public string? Text { get; init; }

    /// <summary>As HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The content, or null when there is none.</summary>
    internal IHtmlContent? Content => Markup.Of(Text, Html);
}

/// <summary>The form group around a field.</summary>
public sealed record FormGroupOptions
{
    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }

    /// <summary>Content before the input.</summary>
    public FormGroupContentOptions? BeforeInput { get; init; }

    /// <summary>Content after the input.</summary>
    public FormGroupContentOptions? AfterInput { get; init; }

    /// <summary>Content before a group of radios or checkboxes.</summary>
    public FormGroupContentOptions? BeforeInputs { get; init; }

    /// <summary>Content after a group of radios or checkboxes.</summary>
    public FormGroupContentOptions? AfterInputs { get; init; }
}
