using Commissioning.NhsUk.Components;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>
/// A text input bound with <c>asp-for</c>, with its <c>&lt;nhsuk-label&gt;</c> and optional
/// <c>&lt;nhsuk-hint&gt;</c> inside; <c>prefix</c> and <c>suffix</c> show £ or % beside it.
/// </summary>
[HtmlTargetElement("nhsuk-input")]
[NhsUkComponent("input")]
public sealed class InputTagHelper : FieldTagHelper
{
    /// <summary>The input type: <c>text</c> (the default), <c>email</c>, <c>password</c>, <c>tel</c>.</summary>
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    /// <summary>The autocomplete token, such as <c>name</c> or <c>email</c>.</summary>
    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    /// <summary>The input mode, such as <c>numeric</c> or <c>decimal</c>.</summary>
    [HtmlAttributeName("inputmode")]
    public string? Inputmode { get; set; }

    /// <summary>Whether the browser checks spelling.</summary>
    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    /// <summary>A fixed width in characters: 2, 3, 4, 5, 10, 20 or 30.</summary>
    [HtmlAttributeName("width")]
    public int? Width { get; set; }

    /// <summary>Text before the input, such as £.</summary>
    [HtmlAttributeName("prefix")]
    public string? Prefix { get; set; }

    /// <summary>Text after the input, such as %.</summary>
    [HtmlAttributeName("suffix")]
    public string? Suffix { get; set; }

    /// <summary>Whether it is disabled.</summary>
    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    /// <summary>The value to show, when not the model's (a field repeated on each row of a table, bound by name).</summary>
    [HtmlAttributeName("value")]
    public string? GivenValue { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var key = FullName;
        Register(key, FieldId);
        var parts = await ReadPartsAsync(context, output);
        var type = Type ?? "text";
        output.Replace(Render.Input(new InputOptions
        {
            Id = FieldId,
            Name = key,
            Type = type,
            Value = type == "password" ? null : GivenValue ?? Value(),
            Autocomplete = Autocomplete,
            Inputmode = Inputmode,
            Spellcheck = Spellcheck ?? (type is "email" or "password" ? false : null),
            Width = Width?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Prefix = Prefix is null ? null : new AffixOptions { Text = Prefix },
            Suffix = Suffix is null ? null : new AffixOptions { Text = Suffix },
            Disabled = Disabled ? true : null,
            Label = parts.Label,
            Hint = parts.Hint,
            ErrorMessage = ErrorOptions(key),
            Attributes = output.PassThrough(out var classes),
            Classes = classes,
        }));
    }
}

/// <summary>A textarea bound with <c>asp-for</c>, with its label and optional hint inside.</summary>
[HtmlTargetElement("nhsuk-textarea")]
[NhsUkComponent("textarea")]
public sealed class TextareaTagHelper : FieldTagHelper
{
    /// <summary>How many rows it shows; 5 when not set.</summary>
    [HtmlAttributeName("rows")]
    public int? Rows { get; set; }

    /// <summary>The autocomplete token.</summary>
    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    /// <summary>The text to show, when not the model's (a field repeated for each item, bound by name).</summary>
    [HtmlAttributeName("value")]
    public string? GivenValue { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var key = FullName;
        Register(key, FieldId);
        var parts = await ReadPartsAsync(context, output);
        output.Replace(Render.Textarea(new TextareaOptions
        {
            Id = FieldId,
            Name = key,
            Rows = Rows,
            Value = GivenValue ?? Value(),
            Autocomplete = Autocomplete,
            Label = parts.Label,
            Hint = parts.Hint,
            ErrorMessage = ErrorOptions(key),
            Attributes = output.PassThrough(),
        }));
    }
}

/// <summary>
/// A textarea bound with <c>asp-for</c> that tells the user how much they may type and counts
/// as they type (the design system's character count); the limit is stated for everyone, and the
/// count appears with the page's script.
/// </summary>
[HtmlTargetElement("nhsuk-character-count")]
[NhsUkComponent("character-count")]
public sealed class CharacterCountTagHelper : FieldTagHelper
{
    /// <summary>The most characters allowed.</summary>
    [HtmlAttributeName("maxlength")]
    public int? Maxlength { get; set; }

    /// <summary>The most words allowed.</summary>
    [HtmlAttributeName("maxwords")]
    public int? Maxwords { get; set; }

    /// <summary>The percentage of the limit at which the count appears.</summary>
    [HtmlAttributeName("threshold")]
    public int? Threshold { get; set; }

    /// <summary>How many rows it shows; 5 when not set.</summary>
    [HtmlAttributeName("rows")]
    public int? Rows { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var key = FullName;
        Register(key, FieldId);
        var parts = await ReadPartsAsync(context, output);
        output.Replace(Render.CharacterCount(new CharacterCountOptions
        {
            Id = FieldId,
            Name = key,
            Rows = Rows,
            Value = Value(),
            Maxlength = Maxlength,
            Maxwords = Maxwords,
            Threshold = Threshold,
            Label = parts.Label,
            Hint = parts.Hint,
            ErrorMessage = ErrorOptions(key),
            Attributes = output.PassThrough(),
        }));
    }
}

/// <summary>
/// A file input bound with <c>asp-for</c>, which the design system's script turns into a drop
/// zone with a "Choose file" button; <c>accept</c> and other attributes pass to the input.
/// </summary>
[HtmlTargetElement("nhsuk-file-upload")]
[NhsUkComponent("file-upload")]
public sealed class FileUploadTagHelper : FieldTagHelper
{
    /// <summary>Whether several files may be chosen.</summary>
    [HtmlAttributeName("multiple")]
    public bool Multiple { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var key = FullName;
        Register(key, FieldId);
        var parts = await ReadPartsAsync(context, output);
        output.Replace(Render.FileUpload(new FileUploadOptions
        {
            Id = FieldId,
            Name = key,
            Multiple = Multiple ? true : null,
            Label = parts.Label,
            Hint = parts.Hint,
            ErrorMessage = ErrorOptions(key),
            Attributes = output.PassThrough(),
        }));
    }
}
