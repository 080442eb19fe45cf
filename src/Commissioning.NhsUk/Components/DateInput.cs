using System.Globalization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>One field of a date input: the day, the month or the year.</summary>
public sealed record DateInputItem
{
    /// <summary>Its id; the date's id, a hyphen and the name when not set.</summary>
    public string? Id { get; init; }

    /// <summary>Its name: <c>day</c>, <c>month</c> or <c>year</c>, or a name of the caller's.</summary>
    public string? Name { get; init; }

    /// <summary>The value shown.</summary>
    public string? Value { get; init; }

    /// <summary>Its width in characters; 2, or 4 for the year.</summary>
    public string? Width { get; init; }

    /// <summary>Its label; the name with a capital letter when not set.</summary>
    public LabelOptions? Label { get; init; }

    /// <summary>Whether this field has the error.</summary>
    public bool? Error { get; init; }

    /// <summary>Extra classes on the input.</summary>
    public string? Classes { get; init; }

    /// <summary>The autocomplete token, such as <c>bday-day</c>.</summary>
    public string? Autocomplete { get; init; }

    /// <summary>The autocapitalize setting.</summary>
    public string? Autocapitalize { get; init; }

    /// <summary>A pattern.</summary>
    public string? Pattern { get; init; }

    /// <summary>The input mode; <c>numeric</c> when not set.</summary>
    public string? Inputmode { get; init; }

    /// <summary>Whether the browser checks spelling.</summary>
    public bool? Spellcheck { get; init; }

    /// <summary>Whether it is disabled; the date's setting when not set.</summary>
    public bool? Disabled { get; init; }

    /// <summary>Ids of other elements that describe it.</summary>
    public string? DescribedBy { get; init; }

    /// <summary>The input type; <c>text</c> when not set.</summary>
    public string? Type { get; init; }

    /// <summary>Extra attributes on the input.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>The values of a date input's fields.</summary>
public sealed record DateInputValues
{
    /// <summary>The day.</summary>
    public string? Day { get; init; }

    /// <summary>The month.</summary>
    public string? Month { get; init; }

    /// <summary>The year.</summary>
    public string? Year { get; init; }

    /// <summary>The value of the field of this name, if any.</summary>
    internal string? For(string? name) => name switch { "day" => Day, "month" => Month, "year" => Year, _ => null };
}

/// <summary>The <c>date-input</c> component's options.</summary>
public sealed record DateInputOptions
{
    /// <summary>The date's id; each field's id starts with it.</summary>
    public string? Id { get; init; }

    /// <summary>Puts each field's name in brackets after this prefix (<c>prefix[day]</c>).</summary>
    public string? NamePrefix { get; init; }

    /// <summary>The fields, when not the usual day, month and year.</summary>
    public IReadOnlyList<DateInputItem?>? Items { get; init; }

    /// <summary>The day field's options.</summary>
    public DateInputItem? Day { get; init; }

    /// <summary>The month field's options.</summary>
    public DateInputItem? Month { get; init; }

    /// <summary>The year field's options.</summary>
    public DateInputItem? Year { get; init; }

    /// <summary>The values shown in the fields.</summary>
    public DateInputValues? Values { get; init; }

    /// <summary>Disables every field that does not say otherwise.</summary>
    public bool? Disabled { get; init; }

    /// <summary>The fieldset and legend around the fields.</summary>
    public FieldsetOptions? Fieldset { get; init; }

    /// <summary>The hint.</summary>
    public HintOptions? Hint { get; init; }

    /// <summary>The error message.</summary>
    public ErrorMessageOptions? ErrorMessage { get; init; }

    /// <summary>The form group.</summary>
    public FormGroupOptions? FormGroup { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes on the fields' container.</summary>
    public AttributeList? Attributes { get; init; }
}

public static partial class Render
{
    /// <summary>
    /// A date as three fields (day, month, year) in a fieldset, with hint and error. When the
    /// date has an error and no field is marked as having it, every field is shown in error.
    /// </summary>
    public static IHtmlContent DateInput(DateInputOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var day = options.Day ?? new DateInputItem { Name = "day", Value = options.Values?.Day, Width = "2" };
        var month = options.Month ?? new DateInputItem { Name = "month", Value = options.Values?.Month, Width = "2" };
        var year = options.Year ?? new DateInputItem { Name = "year", Value = options.Values?.Year, Width = "4" };
        IReadOnlyList<DateInputItem?> items = options.Items is { Count: > 0 } given ? given : [day, month, year];
        var anyItemHasError = items.Any(i => i is not null && (i.Error == true || Markup.Mentions(i.Classes, "nhsuk-input--error")));
        var dateHasError = options.ErrorMessage?.ShowsError == true;

        var id = options.Id ?? string.Empty;
        var (hint, error, describedBy) = HintAndError(id, NonEmpty(options.Fieldset?.DescribedBy), options.Hint, options.ErrorMessage);
        var fields = new HtmlElement("div")
            .Class("nhsuk-date-input", options.Classes)
            .Attr("id", NonEmpty(options.Id))
            .Attrs(options.Attributes)
            .Add(options.FormGroup?.BeforeInputs?.Content);
        foreach (var item in items)
        {
            if (item is null)
            {
                continue;
            }

            var name = item.Name;
            var value = item.Value;
            var width = item.Width ?? "2";
            if (ReferenceEquals(item, day) || (item.Name is { Length: > 0 } n1 && (n1 == "day" || n1 == day.Name)))
            {
                name = item.Name ?? "day";
                value = item.Value ?? day.Value;
            }
            else if (ReferenceEquals(item, month) || (item.Name is { Length: > 0 } n2 && (n2 == "month" || n2 == month.Name)))
            {
                name = item.Name ?? "month";
                value = item.Value ?? month.Value;
            }
            else if (ReferenceEquals(item, year) || (item.Name is { Length: > 0 } n3 && (n3 == "year" || n3 == year.Name)))
            {
                name = item.Name ?? "year";
                value = item.Value ?? year.Value;
                width = item.Width ?? "4";
            }

            var itemClasses = item.Classes?.Trim() ?? string.Empty;
            var itemHasError = item.Error == true || Markup.Mentions(item.Classes, "nhsuk-input--error");
            var showError = !Markup.Mentions(itemClasses, "nhsuk-input--error")
                && (itemHasError || (item.Error != false && dateHasError && !anyItemHasError));
            var label = item.Label;
            fields.Add(new HtmlElement("div").Class("nhsuk-date-input__item").Add(Input(new InputOptions
            {
                Label = new LabelOptions
                {
                    Html = label?.Html,
                    Text = label?.Text ?? Capitalise(name),
                    VisuallyHiddenText = label?.VisuallyHiddenText,
                    Id = label?.Id,
                    For = label?.For,
                    Classes = Markup.Classes("nhsuk-date-input__label", label?.Classes),
                    Attributes = label?.Attributes,
                },
                ErrorMessage = showError ? new ErrorMessageOptions { HighlightOnly = true } : null,
                Id = NonEmpty(item.Id) ?? $"{options.Id}-{name}",
                Name = !string.IsNullOrEmpty(options.NamePrefix) ? $"{options.NamePrefix}[{name}]" : name,
                Value = value ?? options.Values?.For(name),
                Type = NonEmpty(item.Type) ?? "text",
                Width = width,
                Inputmode = NonEmpty(item.Inputmode) ?? "numeric",
                Spellcheck = item.Spellcheck,
                Autocomplete = item.Autocomplete,
                Autocapitalize = item.Autocapitalize,
                Pattern = item.Pattern,
                Disabled = item.Disabled ?? options.Disabled,
                DescribedBy = item.DescribedBy,
                Classes = Markup.Classes("nhsuk-date-input__input", itemClasses),
                Attributes = item.Attributes,
            })));
        }

        fields.Add(options.FormGroup?.AfterInputs?.Content);
        var inner = Markup.Join(hint, error, fields);
        var fieldset = options.Fieldset;
        return FormGroup(dateHasError || anyItemHasError, options.FormGroup)
            .Add(fieldset is not null
                ? Fieldset(new FieldsetOptions
                {
                    Legend = fieldset.Legend,
                    Html = inner,
                    Id = fieldset.Id,
                    Role = fieldset.Role ?? "group",
                    DescribedBy = describedBy,
                    Classes = fieldset.Classes,
                    Attributes = fieldset.Attributes,
                })
                : inner);
    }

    private static string? Capitalise(string? name) =>
        string.IsNullOrEmpty(name) ? name : char.ToUpper(name[0], CultureInfo.InvariantCulture) + name[1..].ToLower(CultureInfo.InvariantCulture);
}
