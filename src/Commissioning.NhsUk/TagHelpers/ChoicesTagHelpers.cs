using Commissioning.NhsUk.Components;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>The radios or checkboxes given inside a group, in order.</summary>
internal sealed class ChoiceItems
{
    public List<ChoiceItem> Items { get; } = [];
}

/// <summary>One radio or checkbox as its tag gave it.</summary>
internal sealed class ChoiceItem
{
    public string? Value { get; set; }

    public IHtmlContent? Label { get; set; }

    public HintOptions? Hint { get; set; }

    public IHtmlContent? Conditional { get; set; }

    public string? Divider { get; set; }

    public bool? Checked { get; set; }

    public bool? Disabled { get; set; }

    public string? Behaviour { get; set; }

    public Html.AttributeList? Attributes { get; set; }
}

/// <summary>What the tags inside one radio or checkbox give it.</summary>
internal sealed class ChoiceItemParts
{
    public HintOptions? Hint { get; set; }

    public IHtmlContent? Conditional { get; set; }
}

/// <summary>What a group of radios or checkboxes draws from: the field, its parts, its answers.</summary>
internal sealed record ChoiceGroup(string Name, string Id, FieldParts Parts, IReadOnlyList<ChoiceItem> Items, ErrorMessageOptions? Error, Html.AttributeList? Attributes, string? Classes)
{
    public FieldsetOptions? Fieldset => Parts.Legend is null ? null : new FieldsetOptions { Legend = Parts.Legend };
}

/// <summary>A group of radios or checkboxes bound with <c>asp-for</c>: its legend and hint, then its answers.</summary>
public abstract class ChoiceGroupTagHelper : FieldTagHelper
{
    /// <summary>Side by side, for two short answers such as yes and no.</summary>
    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    /// <summary>Smaller radios or checkboxes.</summary>
    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    /// <summary>The value chosen, when not the model's (a field repeated for each item, bound by name).</summary>
    [HtmlAttributeName("value")]
    public string? GivenValue { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var items = new ChoiceItems();
        context.Items[typeof(ChoiceItems)] = items;
        var key = FullName;
        Register(key, FieldId);
        var parts = await ReadPartsAsync(context, output);
        var attributes = output.PassThrough(out var classes);
        output.Replace(Draw(new ChoiceGroup(key, FieldId, parts, items.Items, ErrorOptions(key), attributes, classes)));
    }

    /// <summary>The component for the group.</summary>
    private protected abstract IHtmlContent Draw(ChoiceGroup group);

    /// <summary><c>true</c> when the attribute was set, else null (the component's default).</summary>
    private protected static bool? Set(bool value) => value ? true : null;
}

/// <summary>
/// Radios bound with <c>asp-for</c>: a <c>&lt;nhsuk-legend&gt;</c> and optional
/// <c>&lt;nhsuk-hint&gt;</c>, then one <c>&lt;nhsuk-radio&gt;</c> per answer. The radio whose value
/// is the model's is chosen; the error summary links to the first radio.
/// </summary>
[HtmlTargetElement("nhsuk-radios")]
[NhsUkComponent("radios")]
public sealed class RadiosTagHelper : ChoiceGroupTagHelper
{
    private protected override IHtmlContent Draw(ChoiceGroup group) => Render.Radios(new RadiosOptions
    {
        IdPrefix = group.Id,
        Name = group.Name,
        Value = GivenValue ?? Value(),
        Inline = Set(Inline),
        Small = Set(Small),
        Fieldset = group.Fieldset,
        Hint = group.Parts.Hint,
        ErrorMessage = group.Error,
        Attributes = group.Attributes,
        Classes = group.Classes,
        Items = [.. group.Items.Select(i => new RadiosItem
        {
            Value = i.Value,
            Html = i.Label,
            Hint = i.Hint,
            Conditional = i.Conditional is null ? null : new ConditionalOptions { Html = i.Conditional },
            Divider = i.Divider,
            Checked = i.Checked,
            Disabled = i.Disabled,
            Attributes = i.Attributes,
        })],
    });
}

/// <summary>
/// Checkboxes bound with <c>asp-for</c> to a list: a <c>&lt;nhsuk-legend&gt;</c> and optional
/// <c>&lt;nhsuk-hint&gt;</c>, then one <c>&lt;nhsuk-checkbox&gt;</c> per answer. The boxes whose
/// values are in the model's list are ticked; the error summary links to the first box.
/// </summary>
[HtmlTargetElement("nhsuk-checkboxes")]
[NhsUkComponent("checkboxes")]
public sealed class CheckboxesTagHelper : ChoiceGroupTagHelper
{
    private protected override IHtmlContent Draw(ChoiceGroup group) => Render.Checkboxes(new CheckboxesOptions
    {
        IdPrefix = group.Id,
        Name = group.Name,
        Values = GivenValue is { } given ? [given] : Values(),
        Inline = Set(Inline),
        Small = Set(Small),
        Fieldset = group.Fieldset,
        Hint = group.Parts.Hint,
        ErrorMessage = group.Error,
        Attributes = group.Attributes,
        Classes = group.Classes,
        Items = [.. group.Items.Select(i => new CheckboxesItem
        {
            Value = i.Value,
            Html = i.Label,
            Hint = i.Hint,
            Conditional = i.Conditional is null ? null : new ConditionalOptions { Html = i.Conditional },
            Divider = i.Divider,
            Checked = i.Checked,
            Disabled = i.Disabled,
            Behaviour = i.Behaviour,
            Attributes = i.Attributes,
        })],
    });
}

/// <summary>
/// One answer in <c>&lt;nhsuk-radios&gt;</c> (as <c>nhsuk-radio</c>) or
/// <c>&lt;nhsuk-checkboxes&gt;</c> (as <c>nhsuk-checkbox</c>): its content is its label, with an
/// optional <c>&lt;nhsuk-item-hint&gt;</c> and <c>&lt;nhsuk-conditional&gt;</c> (content revealed
/// when it is chosen) inside.
/// </summary>
[HtmlTargetElement("nhsuk-radio", ParentTag = "nhsuk-radios")]
[HtmlTargetElement("nhsuk-checkbox", ParentTag = "nhsuk-checkboxes")]
[NhsUkComponent("radios")]
public sealed class ChoiceTagHelper : TagHelper
{
    /// <summary>The value sent when it is chosen.</summary>
    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    /// <summary>Chooses (or, with false, clears) it whatever the model says.</summary>
    [HtmlAttributeName("checked")]
    public bool? Checked { get; set; }

    /// <summary>Whether it cannot be chosen.</summary>
    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    /// <summary>For a checkbox: <c>exclusive</c> for a "none of these" box that clears the others.</summary>
    [HtmlAttributeName("behaviour")]
    public string? Behaviour { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var parts = new ChoiceItemParts();
        context.Items[typeof(ChoiceItemParts)] = parts;
        var label = await output.ContentAsync();
        if (context.Parent<ChoiceItems>() is { } items)
        {
            items.Items.Add(new ChoiceItem
            {
                Value = Value ?? string.Empty,
                Label = label,
                Hint = parts.Hint,
                Conditional = parts.Conditional,
                Checked = Checked,
                Disabled = Disabled ? true : null,
                Behaviour = Behaviour,
                Attributes = output.PassThrough(),
            });
        }

        output.SuppressOutput();
    }
}

/// <summary>A divider between answers, such as "or" before a "none of these" box.</summary>
[HtmlTargetElement("nhsuk-choice-divider", ParentTag = "nhsuk-radios")]
[HtmlTargetElement("nhsuk-choice-divider", ParentTag = "nhsuk-checkboxes")]
[NhsUkComponent("radios")]
public sealed class ChoiceDividerTagHelper : TagHelper
{
    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.GetChildContentAsync();
        if (context.Parent<ChoiceItems>() is { } items)
        {
            items.Items.Add(new ChoiceItem { Divider = System.Net.WebUtility.HtmlDecode(content.GetContent()).Trim() });
        }

        output.SuppressOutput();
    }
}

/// <summary>A hint under one radio or checkbox.</summary>
[HtmlTargetElement("nhsuk-item-hint", ParentTag = "nhsuk-radio")]
[HtmlTargetElement("nhsuk-item-hint", ParentTag = "nhsuk-checkbox")]
[NhsUkComponent("radios")]
public sealed class ChoiceHintTagHelper : TagHelper
{
    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.ContentAsync();
        if (context.Parent<ChoiceItemParts>() is { } parts)
        {
            parts.Hint = new HintOptions { Content = content };
        }

        output.SuppressOutput();
    }
}

/// <summary>Content revealed under a radio or checkbox when it is chosen, such as a follow-up question.</summary>
[HtmlTargetElement("nhsuk-conditional", ParentTag = "nhsuk-radio")]
[HtmlTargetElement("nhsuk-conditional", ParentTag = "nhsuk-checkbox")]
[NhsUkComponent("radios")]
public sealed class ChoiceConditionalTagHelper : TagHelper
{
    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.ContentAsync();
        if (context.Parent<ChoiceItemParts>() is { } parts)
        {
            parts.Conditional = content;
        }

        output.SuppressOutput();
    }
}
