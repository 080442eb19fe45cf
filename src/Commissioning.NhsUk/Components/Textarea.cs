using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>The <c>textarea</c> component's options.</summary>
public sealed record TextareaOptions
{
    /// <summary>Its id; its name when not set.</summary>
    public string? Id { get; init; }

    /// <summary>The name it is sent as.</summary>
    public string? Name { get; init; }

    /// <summary>How many rows it shows; 5 when not set.</summary>
    public int? Rows { get; init; }

    /// <summary>The value shown.</summary>
    public string? Value { get; init; }

    /// <summary>Whether it is disabled.</summary>
    public bool? Disabled { get; init; }

    /// <summary>Ids of other elements that describe it, before its hint and error.</summary>
    public string? DescribedBy { get; init; }

    /// <summary>The autocomplete token.</summary>
    public string? Autocomplete { get; init; }

    /// <summary>Whether the browser checks spelling.</summary>
    public bool? Spellcheck { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>The label.</summary>
    public LabelOptions? Label { get; init; }

    /// <summary>The hint.</summary>
    public HintOptions? Hint { get; init; }

    /// <summary>The error message.</summary>
    public ErrorMessageOptions? ErrorMessage { get; init; }

    /// <summary>The form group.</summary>
    public FormGroupOptions? FormGroup { get; init; }

    /// <summary>Extra attributes on the textarea.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>The <c>character-count</c> component's options: a textarea that counts what is typed.</summary>
public sealed record CharacterCountOptions
{
    /// <summary>Its id; its name when not set.</summary>
    public string? Id { get; init; }

    /// <summary>The name it is sent as.</summary>
    public string? Name { get; init; }

    /// <summary>How many rows it shows; 5 when not set.</summary>
    public int? Rows { get; init; }

    /// <summary>The value shown.</summary>
    public string? Value { get; init; }

    /// <summary>Whether it is disabled.</summary>
    public bool? Disabled { get; init; }

    /// <summary>The autocomplete token.</summary>
    public string? Autocomplete { get; init; }

    /// <summary>Whether the browser checks spelling.</summary>
    public bool? Spellcheck { get; init; }

    /// <summary>Extra classes on the textarea.</summary>
    public string? Classes { get; init; }

    /// <summary>The most characters allowed.</summary>
    public int? Maxlength { get; init; }

    /// <summary>The most words allowed.</summary>
    public int? Maxwords { get; init; }

    /// <summary>The percentage of the limit at which the count appears.</summary>
    public int? Threshold { get; init; }

    /// <summary>What is counted: <c>characters</c> or <c>words</c>.</summary>
    public string? CountType { get; init; }

    /// <summary>The description of the limit, with <c>%{count}</c> for the number.</summary>
    public string? TextareaDescriptionText { get; init; }

    /// <summary>The label.</summary>
    public LabelOptions? Label { get; init; }

    /// <summary>The hint.</summary>
    public HintOptions? Hint { get; init; }

    /// <summary>The error message.</summary>
    public ErrorMessageOptions? ErrorMessage { get; init; }

    /// <summary>The form group.</summary>
    public FormGroupOptions? FormGroup { get; init; }

    /// <summary>Extra attributes on the textarea.</summary>
    public AttributeList? Attributes { get; init; }
}

public static partial class Render
{
    /// <summary>A textarea in its form group, with label, hint and error.</summary>
    public static IHtmlContent Textarea(TextareaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = NonEmpty(options.Id) ?? options.Name ?? string.Empty;
        var hasError = options.ErrorMessage?.ShowsError == true;
        var (hint, error, describedBy) = HintAndError(id, NonEmpty(options.DescribedBy), options.Hint, options.ErrorMessage);

        // The HTML parser drops one newline straight after <textarea>: write one more when the value starts with one.
        var value = options.Value ?? string.Empty;
        var textarea = new HtmlElement("textarea")
            .Class("nhsuk-textarea", hasError ? "nhsuk-textarea--error" : null, options.Classes)
            .Attr("id", id)
            .Attr("name", options.Name ?? string.Empty)
            .Attr("rows", (options.Rows is > 0 and var rows ? rows : 5).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Attr("spellcheck", options.Spellcheck is { } check ? (check ? "true" : "false") : null)
            .Flag("disabled", options.Disabled == true)
            .Attr("aria-describedby", describedBy)
            .Attr("autocomplete", NonEmpty(options.Autocomplete))
            .Attrs(options.Attributes)
            .Text(value.StartsWith('\n') ? "\n" + value : value);

        return FormGroup(hasError, options.FormGroup)
            .Add(options.Label is null ? null : Label(options.Label with { For = options.Label.For ?? id }))
            .Add(hint)
            .Add(error)
            .Add(options.FormGroup?.BeforeInput?.Content)
            .Add(textarea)
            .Add(options.FormGroup?.AfterInput?.Content);
    }

    /// <summary>A textarea that counts characters or words against a limit, with the limit described for everyone.</summary>
    public static IHtmlContent CharacterCount(CharacterCountOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = NonEmpty(options.Id) ?? options.Name ?? string.Empty;
        var countType = NonEmpty(options.CountType) ?? (options.Maxwords is > 0 ? "words" : null);
        var limit = options.Maxwords is > 0 ? options.Maxwords : options.Maxlength is > 0 ? options.Maxlength : null;
        var description = NonEmpty(options.TextareaDescriptionText) ?? "You can enter up to %{count} " + (countType == "words" ? "words" : "characters");
        var shown = limit is { } count ? description.Replace("%{count}", count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) : null;

        var message = Hint(new HintOptions
        {
            Text = shown,
            Id = id + "-info",
            Classes = "nhsuk-character-count__message",
            Attributes = string.IsNullOrEmpty(shown) ? new AttributeList { { "hidden", null } } : null,
        });
        var attributes = new AttributeList { { "data-module", "nhsuk-character-count" } };
        void AddNumber(string name, int? value)
        {
            if (value is { } v)
            {
                attributes.Add(name, v.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        AddNumber("data-maxlength", options.Maxlength);
        AddNumber("data-maxwords", options.Maxwords);
        AddNumber("data-threshold", options.Threshold);
        if (countType is not null)
        {
            attributes.Add("data-count-type", countType);
        }

        if (limit is null && !string.IsNullOrEmpty(options.TextareaDescriptionText))
        {
            attributes.Add("data-i18n.textarea-description.other", options.TextareaDescriptionText);
        }

        if (options.FormGroup?.Attributes is { } extra)
        {
            foreach (var (name, value) in extra)
            {
                attributes.Add(name, value);
            }
        }

        return Textarea(new TextareaOptions
        {
            Id = id,
            Name = options.Name,
            DescribedBy = id + "-info",
            Rows = options.Rows,
            Spellcheck = options.Spellcheck,
            Value = options.Value,
            FormGroup = new FormGroupOptions
            {
                Classes = Markup.Classes(options.FormGroup?.Classes, "nhsuk-character-count"),
                Attributes = attributes,
                BeforeInput = options.FormGroup?.BeforeInput,
                AfterInput = new FormGroupContentOptions { Html = Markup.Join(message, options.FormGroup?.AfterInput?.Content) },
            },
            Classes = Markup.Classes("nhsuk-js-character-count", options.Classes),
            Label = options.Label is null ? null : options.Label with { For = options.Label.For ?? id },
            Hint = options.Hint,
            ErrorMessage = options.ErrorMessage,
            Disabled = options.Disabled,
            Autocomplete = options.Autocomplete,
            Attributes = options.Attributes,
        });
    }
}
