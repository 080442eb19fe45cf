using System.Collections;
using System.Globalization;
using Commissioning.NhsUk.Components;
using Commissioning.NhsUk.Forms;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>What the tags inside a form field give it: its label or legend, and its hint.</summary>
internal sealed class FieldParts
{
    public LabelOptions? Label { get; set; }

    public LegendOptions? Legend { get; set; }

    public HintOptions? Hint { get; set; }
}

/// <summary>
/// A form field bound to the page's model with <c>asp-for</c>: its name, id, value and error all
/// come from the model expression and ModelState, so a page cannot leave one out. The field is
/// recorded for the error summary, which links each message to the field's id.
/// </summary>
public abstract class FieldTagHelper : TagHelper
{
    /// <summary>The model property the field shows and is sent back as.</summary>
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    /// <summary>The name it is sent as, when not taken from <c>asp-for</c>.</summary>
    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    /// <summary>Its id, when not worked out from the name.</summary>
    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    /// <summary>The page being drawn.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The full name the field is sent as.</summary>
    protected string FullName =>
        Name ?? (For is null ? throw new InvalidOperationException($"<{GetType().Name}> needs asp-for or name.") : ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name));

    /// <summary>The field's id.</summary>
    protected string FieldId => string.IsNullOrEmpty(Id) ? FieldIds.From(FullName) : Id;

    /// <summary>Records the field (its key and the id to link to) for the error summary.</summary>
    protected void Register(string key, string id) => PageFields.For(ViewContext.HttpContext).Register(key, id);

    /// <summary>The first error message for a key in ModelState, or null.</summary>
    protected string? ErrorFor(string key) =>
        ViewContext.ViewData.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The field's error for the component: the first message in ModelState for the key, or null.</summary>
    protected ErrorMessageOptions? ErrorOptions(string key) =>
        ErrorFor(key) is { } message ? new ErrorMessageOptions { Text = message } : null;

    /// <summary>The value to show: what was typed, when ModelState holds it, else the model's value.</summary>
    protected string? Value()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(FullName, out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }

        return Format(For?.Model);
    }

    /// <summary>The values chosen: what was sent, when ModelState holds it, else the model's values.</summary>
    protected IReadOnlyList<string> Values()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(FullName, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string one => [one],
                string[] many => many,
                _ => [Format(entry.RawValue) ?? string.Empty],
            };
        }

        return For?.Model switch
        {
            null => [],
            string one => [one],
            IEnumerable many => [.. many.Cast<object?>().Select(Format).OfType<string>()],
            var one => [Format(one) ?? string.Empty],
        };
    }

    /// <summary>Runs the tags inside the field, which fill its parts.</summary>
    internal static async Task<FieldParts> ReadPartsAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = new FieldParts();
        context.Items[typeof(FieldParts)] = parts;
        await output.GetChildContentAsync();
        return parts;
    }

    /// <summary>A model value as text: booleans as <c>true</c> and <c>false</c>, numbers and dates without the culture.</summary>
    protected static string? Format(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
