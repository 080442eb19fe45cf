using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>One option of a select.</summary>
public sealed record SelectItem
{
    /// <summary>The value sent; the text is sent when not set.</summary>
    public string? Value { get; init; }

    /// <summary>The text shown.</summary>
    public string? Text { get; init; }

    /// <summary>Whether it is chosen; otherwise it is chosen when its value is the select's value.</summary>
    public bool? Selected { get; init; }

    /// <summary>Whether it cannot be chosen.</summary>
    public bool? Disabled { get; init; }

    /// <summary>Makes this item a dividing line instead of an option.</summary>
    public bool? Divider { get; init; }

    /// <summary>Extra attributes on the option.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>The <c>select</c> component's options.</summary>
public sealed record SelectOptions
{
    /// <summary>Its id; its name when not set.</summary>
    public string? Id { get; init; }

    /// <summary>The name it is sent as.</summary>
    public string? Name { get; init; }

    /// <summary>The options.</summary>
    public IReadOnlyList<SelectItem?>? Items { get; init; }

    /// <summary>The value chosen.</summary>
    public string? Value { get; init; }

    /// <summary>Whether it is disabled.</summary>
    public bool? Disabled { get; init; }

    /// <summary>Ids of other elements that describe it, before its hint and error.</summary>
    public string? DescribedBy { get; init; }

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

    /// <summary>The wrapper used when there is content before or after the select.</summary>
    public InputWrapperOptions? InputWrapper { get; init; }

    /// <summary>Extra attributes on the select.</summary>
    public AttributeList? Attributes { get; init; }
}

public static partial class Render
{
    /// <summary>A select in its form group, with label, hint and error.</summary>
    public static IHtmlContent Select(SelectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = NonEmpty(options.Id) ?? options.Name ?? string.Empty;
        var hasError = options.ErrorMessage?.ShowsError == true;
        var (hint, error, describedBy) = HintAndError(id, NonEmpty(options.DescribedBy), options.Hint, options.ErrorMessage);
        var select = new HtmlElement("select")
            .Class("nhsuk-select", hasError ? "nhsuk-select--error" : null, options.Classes)
            .Attr("id", id)
            .Attr("name", options.Name ?? string.Empty)
            .Flag("disabled", options.Disabled == true)
            .Attr("aria-describedby", describedBy)
            .Attrs(options.Attributes);
        foreach (var item in options.Items ?? [])
        {
            if (item is null)
            {
                continue;
            }

            if (item.Divider == true)
            {
                select.Add(new HtmlElement("hr"));
                continue;
            }

            var effectiveValue = item.Value ?? item.Text;
            var selected = item.Selected == true || (item.Selected != false && !string.IsNullOrEmpty(options.Value) && effectiveValue == options.Value);
            select.Add(new HtmlElement("option")
                .Attr("value", item.Value)
                .Flag("selected", selected)
                .Flag("disabled", item.Disabled == true)
                .Attrs(item.Attributes)
                .Text(item.Text));
        }

        var before = options.FormGroup?.BeforeInput?.Content;
        var after = options.FormGroup?.AfterInput?.Content;
        IHtmlContent field = select;
        if (before is not null || after is not null || options.InputWrapper?.Classes is not null || options.InputWrapper?.Attributes is not null)
        {
            field = new HtmlElement("div")
                .Class("nhsuk-input-wrapper", options.InputWrapper?.Classes)
                .Attrs(options.InputWrapper?.Attributes)
                .Add(before).Add(select).Add(after);
        }

        return FormGroup(hasError, options.FormGroup)
            .Add(options.Label is null ? null : Label(options.Label with { For = options.Label.For ?? id }))
            .Add(hint)
            .Add(error)
            .Add(field);
    }
}
