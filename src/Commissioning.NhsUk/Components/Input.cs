using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>Text shown before or after an input, such as £ or %.</summary>
public sealed record AffixOptions
{
    /// <summary>As text.</summary>
    public string? Text { get; init; }

    /// <summary>As HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>The wrapper around an input and its prefix or suffix.</summary>
public sealed record InputWrapperOptions
{
    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>The <c>input</c> component's options.</summary>
public sealed record InputOptions
{
    /// <summary>The input's id; its name when not set.</summary>
    public string? Id { get; init; }

    /// <summary>The name it is sent as.</summary>
    public string? Name { get; init; }

    /// <summary>The input type; <c>text</c> when not set.</summary>
    public string? Type { get; init; }

    /// <summary>The value shown.</summary>
    public string? Value { get; init; }

    /// <summary>Whether it is disabled.</summary>
    public bool? Disabled { get; init; }

    /// <summary>Ids of other elements that describe it, before its hint and error.</summary>
    public string? DescribedBy { get; init; }

    /// <summary>The autocomplete token.</summary>
    public string? Autocomplete { get; init; }

    /// <summary>The autocapitalize setting.</summary>
    public string? Autocapitalize { get; init; }

    /// <summary>A pattern.</summary>
    public string? Pattern { get; init; }

    /// <summary>A placeholder (the design system advises against them).</summary>
    public string? Placeholder { get; init; }

    /// <summary>The input mode, such as <c>numeric</c>.</summary>
    public string? Inputmode { get; init; }

    /// <summary>Whether the browser checks spelling; left to the browser when not set.</summary>
    public bool? Spellcheck { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>A fixed width in characters: 2, 3, 4, 5, 10, 20 or 30.</summary>
    public string? Width { get; init; }

    /// <summary>Shows the value in the code style (for references and numbers).</summary>
    public bool? Code { get; init; }

    /// <summary>A larger input.</summary>
    public bool? Large { get; init; }

    /// <summary>The label.</summary>
    public LabelOptions? Label { get; init; }

    /// <summary>The hint.</summary>
    public HintOptions? Hint { get; init; }

    /// <summary>The error message.</summary>
    public ErrorMessageOptions? ErrorMessage { get; init; }

    /// <summary>Shown before the input, such as £.</summary>
    public AffixOptions? Prefix { get; init; }

    /// <summary>Shown after the input, such as %.</summary>
    public AffixOptions? Suffix { get; init; }

    /// <summary>The form group.</summary>
    public FormGroupOptions? FormGroup { get; init; }

    /// <summary>The wrapper around the input with its prefix or suffix.</summary>
    public InputWrapperOptions? InputWrapper { get; init; }

    /// <summary>Extra attributes on the input.</summary>
    public AttributeList? Attributes { get; init; }
}

public static partial class Render
{
    private static readonly string[] InputWidths = ["2", "3", "4", "5", "10", "20", "30"];

    /// <summary>A text input in its form group, with label, hint, error and any prefix or suffix.</summary>
    public static IHtmlContent Input(InputOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = NonEmpty(options.Id) ?? options.Name ?? string.Empty;
        var hasError = options.ErrorMessage?.ShowsError == true;
        var classNames = "nhsuk-input";
        var wrapperClasses = "nhsuk-input-wrapper";
        if (options.Large == true && !Markup.Mentions(options.Classes, "nhsuk-input--large"))
        {
            classNames += " nhsuk-input--large";
            wrapperClasses += " nhsuk-input-wrapper--large";
        }

        if (options.Code == true && !Markup.Mentions(options.Classes, "nhsuk-input--code"))
        {
            classNames += " nhsuk-input--code";
        }

        if (hasError)
        {
            classNames += " nhsuk-input--error";
        }

        if (options.Width is { } width && InputWidths.Contains(width) && !InputWidths.Any(w => Markup.Mentions(options.Classes, "nhsuk-input--width-" + w)))
        {
            classNames += " nhsuk-input--width-" + width;
        }

        var (hint, error, describedBy) = HintAndError(id, options.DescribedBy, options.Hint, options.ErrorMessage);
        var input = new HtmlElement("input")
            .Class(classNames, options.Classes)
            .Attr("id", id)
            .Attr("name", options.Name ?? string.Empty)
            .Attr("type", NonEmpty(options.Type) ?? "text")
            .Attr("spellcheck", options.Spellcheck is { } check ? (check ? "true" : "false") : null)
            .Attr("value", options.Value)
            .Flag("disabled", options.Disabled == true)
            .Attr("aria-describedby", describedBy)
            .Attr("autocomplete", options.Autocomplete)
            .Attr("autocapitalize", options.Autocapitalize)
            .Attr("pattern", options.Pattern)
            .Attr("placeholder", options.Placeholder)
            .Attr("inputmode", options.Inputmode)
            .Attrs(options.Attributes);

        var prefix = Affix(options.Prefix, "prefix");
        var suffix = Affix(options.Suffix, "suffix");
        var before = options.FormGroup?.BeforeInput?.Content;
        var after = options.FormGroup?.AfterInput?.Content;
        IHtmlContent field = input;
        if (prefix is not null || suffix is not null || before is not null || after is not null || options.InputWrapper?.Classes is not null || options.InputWrapper?.Attributes is not null)
        {
            field = new HtmlElement("div")
                .Class(wrapperClasses, options.InputWrapper?.Classes)
                .Attrs(options.InputWrapper?.Attributes)
                .Add(before).Add(prefix).Add(input).Add(suffix).Add(after);
        }

        return FormGroup(hasError, options.FormGroup)
            .Add(options.Label is null ? null : Label(options.Label with { For = options.Label.For ?? id }))
            .Add(hint)
            .Add(error)
            .Add(field);
    }

    /// <summary>The form group around a field, marked when the field has an error.</summary>
    internal static HtmlElement FormGroup(bool hasError, FormGroupOptions? formGroup, string baseClass = "nhsuk-form-group") =>
        new HtmlElement("div")
            .Class(baseClass, hasError ? "nhsuk-form-group--error" : null, formGroup?.Classes)
            .Attrs(formGroup?.Attributes);

    /// <summary>
    /// A field's hint and error message with their ids (<c>{id}-hint</c> and <c>{id}-error</c>
    /// unless given), and the field's <c>aria-describedby</c>: what it was given, then the hint,
    /// then the error.
    /// </summary>
    internal static (IHtmlContent? Hint, IHtmlContent? Error, string? DescribedBy) HintAndError(string id, string? describedBy, HintOptions? hint, ErrorMessageOptions? error)
    {
        IHtmlContent? hintHtml = null;
        IHtmlContent? errorHtml = null;
        var ids = describedBy ?? string.Empty;
        if (hint?.HasContent == true)
        {
            var hintId = NonEmpty(hint.Id) ?? id + "-hint";
            ids = $"{ids} {hintId}".Trim();
            hintHtml = Hint(hint with { Id = hintId });
        }

        if (error?.HasContent == true)
        {
            var errorId = NonEmpty(error.Id) ?? id + "-error";
            ids = $"{ids} {errorId}".Trim();
            errorHtml = ErrorMessage(error with { Id = errorId });
        }

        return (hintHtml, errorHtml, ids.Length == 0 ? null : ids);
    }

    private static HtmlElement? Affix(AffixOptions? affix, string type)
    {
        var content = affix is null ? null : Markup.Of(affix.Text, affix.Html);
        return content is null ? null : new HtmlElement("div")
            .Class($"nhsuk-input-wrapper__{type}", affix!.Classes)
            .Attr("aria-hidden", "true")
            .Attrs(affix.Attributes)
            .Add(content);
    }
}
