using Commissioning.NhsUk.Components;
using Commissioning.NhsUk.Forms;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>
/// A date as three fields (day, month, year) bound with <c>asp-for</c> to a
/// <see cref="DateInputModel"/>, with a <c>&lt;nhsuk-legend&gt;</c> and optional
/// <c>&lt;nhsuk-hint&gt;</c> inside. When the date has an error, the parts at fault are shown in
/// error (those left empty, or the one that cannot be right; all of them otherwise), and the error
/// summary links to the first of them.
/// </summary>
[HtmlTargetElement("nhsuk-date-input")]
[NhsUkComponent("date-input")]
public sealed class DateInputTagHelper : FieldTagHelper
{
    private static readonly (string Part, DateParts Flag)[] PartNames = [("Day", DateParts.Day), ("Month", DateParts.Month), ("Year", DateParts.Year)];

    /// <summary>Autocomplete tokens for the three fields, such as <c>bday</c> for a date of birth (giving <c>bday-day</c>, <c>bday-month</c>, <c>bday-year</c>).</summary>
    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var key = FullName;
        var id = FieldId;
        var typed = new DateInputModel { Day = PartValue("Day"), Month = PartValue("Month"), Year = PartValue("Year") };

        var message = ErrorFor(key) ?? PartNames.Select(p => ErrorFor($"{key}.{p.Part}")).FirstOrDefault(m => m is not null);
        var atFault = DateParts.None;
        if (message is not null)
        {
            var problem = typed.Check();
            atFault = problem.Kind == DateProblemKind.None || problem.Parts == DateParts.None ? DateParts.All : problem.Parts;
        }

        var firstAtFault = PartNames.FirstOrDefault(p => atFault.HasFlag(p.Flag)).Part ?? "Day";
        Register(key, $"{id}-{firstAtFault.ToLowerInvariant()}");
        foreach (var (part, _) in PartNames)
        {
            Register($"{key}.{part}", $"{id}-{part.ToLowerInvariant()}");
        }

        var parts = await ReadPartsAsync(context, output);
        DateInputItem Item(string part, DateParts flag, string? value, string width) => new()
        {
            Id = $"{id}-{part.ToLowerInvariant()}",
            Name = $"{key}.{part}",
            Label = new LabelOptions { Text = part },
            Value = value,
            Width = width,
            Error = message is not null && atFault.HasFlag(flag) ? true : null,
            Autocomplete = Autocomplete is null ? null : $"{Autocomplete}-{part.ToLowerInvariant()}",
        };

        output.Replace(Render.DateInput(new DateInputOptions
        {
            Id = id,
            Items = [Item("Day", DateParts.Day, typed.Day, "2"), Item("Month", DateParts.Month, typed.Month, "2"), Item("Year", DateParts.Year, typed.Year, "4")],
            Fieldset = new FieldsetOptions { Legend = parts.Legend },
            Hint = parts.Hint,
            ErrorMessage = message is null ? null : new ErrorMessageOptions { Text = message },
            Attributes = output.PassThrough(),
        }));
    }

    private string? PartValue(string part)
    {
        if (ViewContext.ViewData.ModelState.TryGetValue($"{FullName}.{part}", out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }

        return For?.Model is DateInputModel model ? part switch { "Day" => model.Day, "Month" => model.Month, _ => model.Year } : null;
    }
}

/// <summary>A fieldset with its <c>&lt;nhsuk-legend&gt;</c>, grouping the fields inside it.</summary>
[HtmlTargetElement("nhsuk-fieldset")]
[NhsUkComponent("fieldset")]
public sealed class FieldsetTagHelper : TagHelper
{
    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var parts = new FieldParts();
        context.Items[typeof(FieldParts)] = parts;
        var content = await output.ContentAsync();
        output.Replace(Render.Fieldset(new FieldsetOptions { Legend = parts.Legend, Content = content, Attributes = output.PassThrough() }));
    }
}
