using Commissioning.NhsUk.Components;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>The options given inside a select.</summary>
internal sealed class SelectItems
{
    public List<SelectItem> Items { get; } = [];
}

/// <summary>
/// A select bound with <c>asp-for</c>: its label and hint, then one
/// <c>&lt;nhsuk-select-option&gt;</c> per choice; the choice whose value is the model's is selected.
/// </summary>
[HtmlTargetElement("nhsuk-select")]
[NhsUkComponent("select")]
public sealed class SelectTagHelper : FieldTagHelper
{
    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var items = new SelectItems();
        context.Items[typeof(SelectItems)] = items;
        var key = FullName;
        Register(key, FieldId);
        var parts = await ReadPartsAsync(context, output);
        output.Replace(Render.Select(new SelectOptions
        {
            Id = FieldId,
            Name = key,
            Value = Value(),
            Items = items.Items,
            Label = parts.Label,
            Hint = parts.Hint,
            ErrorMessage = ErrorOptions(key),
            Attributes = output.PassThrough(),
        }));
    }
}

/// <summary>One choice in a <c>&lt;nhsuk-select&gt;</c>; its content is its text.</summary>
[HtmlTargetElement("nhsuk-select-option", ParentTag = "nhsuk-select")]
[NhsUkComponent("select")]
public sealed class SelectOptionTagHelper : TagHelper
{
    /// <summary>The value sent when it is chosen.</summary>
    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    /// <summary>Chooses it whatever the model's value.</summary>
    [HtmlAttributeName("selected")]
    public bool? Selected { get; set; }

    /// <summary>Whether it cannot be chosen.</summary>
    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.GetChildContentAsync();
        if (context.Parent<SelectItems>() is { } items)
        {
            items.Items.Add(new SelectItem
            {
                Value = Value ?? string.Empty,
                Text = System.Net.WebUtility.HtmlDecode(content.GetContent()).Trim(),
                Selected = Selected,
                Disabled = Disabled ? true : null,
                Attributes = output.PassThrough(),
            });
        }

        output.SuppressOutput();
    }
}
