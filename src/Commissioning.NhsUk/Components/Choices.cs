using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>Content revealed under a radio or checkbox when it is chosen.</summary>
public sealed record ConditionalOptions
{
    /// <summary>The content, as HTML.</summary>
    public IHtmlContent? Html { get; init; }
}

/// <summary>One radio.</summary>
public sealed record RadiosItem
{
    /// <summary>The label as text.</summary>
    public string? Text { get; init; }

    /// <summary>The label as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The value sent when chosen.</summary>
    public string? Value { get; init; }

    /// <summary>Its id; the group's id prefix (numbered after the first) when not set.</summary>
    public string? Id { get; init; }

    /// <summary>The label's own options (classes, attributes, or its text).</summary>
    public LabelOptions? Label { get; init; }

    /// <summary>A hint under the label.</summary>
    public HintOptions? Hint { get; init; }

    /// <summary>Whether it is chosen; otherwise it is chosen when its value is the group's value.</summary>
    public bool? Checked { get; init; }

    /// <summary>Whether it is disabled; the group's setting when not set.</summary>
    public bool? Disabled { get; init; }

    /// <summary>Content revealed when it is chosen.</summary>
    public ConditionalOptions? Conditional { get; init; }

    /// <summary>Makes this item a divider with this text (such as "or") instead of a radio.</summary>
    public string? Divider { get; init; }

    /// <summary>Extra classes on the input.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes on the input.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>The <c>radios</c> component's options.</summary>
public sealed record RadiosOptions
{
    /// <summary>The start of every radio's id; the name when not set.</summary>
    public string? IdPrefix { get; init; }

    /// <summary>The name they are sent as.</summary>
    public string? Name { get; init; }

    /// <summary>The radios.</summary>
    public IReadOnlyList<RadiosItem?>? Items { get; init; }

    /// <summary>The value chosen.</summary>
    public string? Value { get; init; }

    /// <summary>The fieldset and legend around them.</summary>
    public FieldsetOptions? Fieldset { get; init; }

    /// <summary>The hint.</summary>
    public HintOptions? Hint { get; init; }

    /// <summary>The error message.</summary>
    public ErrorMessageOptions? ErrorMessage { get; init; }

    /// <summary>The form group.</summary>
    public FormGroupOptions? FormGroup { get; init; }

    /// <summary>Side by side (for two short answers such as yes and no).</summary>
    public bool? Inline { get; init; }

    /// <summary>Smaller radios.</summary>
    public bool? Small { get; init; }

    /// <summary>Disables every radio that does not say otherwise.</summary>
    public bool? Disabled { get; init; }

    /// <summary>The id of the group's container.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes on the group's container.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>One checkbox.</summary>
public sealed record CheckboxesItem
{
    /// <summary>The label as text.</summary>
    public string? Text { get; init; }

    /// <summary>The label as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>The value sent when ticked.</summary>
    public string? Value { get; init; }

    /// <summary>The name it is sent as; the group's name when not set.</summary>
    public string? Name { get; init; }

    /// <summary>Its id; the group's id prefix (numbered after the first) when not set.</summary>
    public string? Id { get; init; }

    /// <summary>The label's own options (classes, attributes, or its text).</summary>
    public LabelOptions? Label { get; init; }

    /// <summary>A hint under the label.</summary>
    public HintOptions? Hint { get; init; }

    /// <summary>Whether it is ticked; otherwise it is ticked when its value is among the group's values.</summary>
    public bool? Checked { get; init; }

    /// <summary>Whether it is disabled; the group's setting when not set.</summary>
    public bool? Disabled { get; init; }

    /// <summary>Content revealed when it is ticked.</summary>
    public ConditionalOptions? Conditional { get; init; }

    /// <summary>Makes this item a divider with this text (such as "or") instead of a checkbox.</summary>
    public string? Divider { get; init; }

    /// <summary><c>exclusive</c> (a "none of these" box that clears the others) or <c>inclusive</c> (an "all of these" box).</summary>
    public string? Behaviour { get; init; }

    /// <summary>The group the behaviour applies to, where a page has several.</summary>
    public string? BehaviourGroup { get; init; }

    /// <summary>The older way to ask for the exclusive behaviour.</summary>
    public bool? Exclusive { get; init; }

    /// <summary>The older name for the behaviour group.</summary>
    public string? ExclusiveGroup { get; init; }

    /// <summary>Extra classes on the input.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes on the input.</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>The <c>checkboxes</c> component's options.</summary>
public sealed record CheckboxesOptions
{
    /// <summary>The start of every checkbox's id; the name when not set.</summary>
    public string? IdPrefix { get; init; }

    /// <summary>The name they are sent as.</summary>
    public string? Name { get; init; }

    /// <summary>The checkboxes.</summary>
    public IReadOnlyList<CheckboxesItem?>? Items { get; init; }

    /// <summary>The values ticked.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Ids of other elements that describe the group.</summary>
    public string? DescribedBy { get; init; }

    /// <summary>The fieldset and legend around them.</summary>
    public FieldsetOptions? Fieldset { get; init; }

    /// <summary>The hint.</summary>
    public HintOptions? Hint { get; init; }

    /// <summary>The error message.</summary>
    public ErrorMessageOptions? ErrorMessage { get; init; }

    /// <summary>The form group.</summary>
    public FormGroupOptions? FormGroup { get; init; }

    /// <summary>Side by side.</summary>
    public bool? Inline { get; init; }

    /// <summary>Smaller checkboxes.</summary>
    public bool? Small { get; init; }

    /// <summary>Disables every checkbox that does not say otherwise.</summary>
    public bool? Disabled { get; init; }

    /// <summary>The id of the group's container.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes on the group's container.</summary>
    public AttributeList? Attributes { get; init; }
}

public static partial class Render
{
    /// <summary>A group of radios in a fieldset, with hint, error and revealed content.</summary>
    public static IHtmlContent Radios(RadiosOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var items = (options.Items ?? []).Select(i => i is null ? null : new Choice(
            i.Text, i.Html, i.Value, i.Id, i.Label, i.Hint, i.Checked, i.Disabled, i.Conditional, i.Divider, i.Classes, i.Attributes, null, null, null)).ToList();
        return Choices("radios", "radio", options.IdPrefix, options.Name, items,
            item => !string.IsNullOrEmpty(options.Value) && item.Value == options.Value,
            null, options.Fieldset, options.Hint, options.ErrorMessage, options.FormGroup,
            options.Inline, options.Small, options.Disabled, options.Id, options.Classes, options.Attributes);
    }

    /// <summary>A group of checkboxes in a fieldset, with hint, error, revealed content and "none" or "all" boxes.</summary>
    public static IHtmlContent Checkboxes(CheckboxesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var items = (options.Items ?? []).Select(i => i is null ? null : new Choice(
            i.Text, i.Html, i.Value, i.Id, i.Label, i.Hint, i.Checked, i.Disabled, i.Conditional, i.Divider, i.Classes, i.Attributes,
            i.Name, i.Exclusive == true ? "exclusive" : i.Behaviour, i.ExclusiveGroup ?? i.BehaviourGroup) { DividerBehaviour = i.Behaviour }).ToList();
        var values = options.Values;
        return Choices("checkboxes", "checkbox", options.IdPrefix, options.Name, items,
            item => values is { Count: > 0 } && item.Value is not null && values.Contains(item.Value),
            options.DescribedBy, options.Fieldset, options.Hint, options.ErrorMessage, options.FormGroup,
            options.Inline, options.Small, options.Disabled, options.Id, options.Classes, options.Attributes);
    }

    private static HtmlElement Choices(
        string kind, string inputType, string? idPrefixGiven, string? name, IReadOnlyList<Choice?> items, Func<Choice, bool> chosen,
        string? describedByGiven, FieldsetOptions? fieldset, HintOptions? hint, ErrorMessageOptions? error, FormGroupOptions? formGroup,
        bool? inline, bool? small, bool? disabled, string? id, string? classes, AttributeList? attributes)
    {
        var isCheckbox = kind == "checkboxes";
        var hasError = error?.ShowsError == true;
        var classNames = $"nhsuk-{kind}";
        if (small == true && !Markup.Mentions(classes, $"nhsuk-{kind}--small"))
        {
            classNames += $" nhsuk-{kind}--small";
        }

        if (inline == true && !Markup.Mentions(classes, $"nhsuk-{kind}--inline"))
        {
            classNames += $" nhsuk-{kind}--inline";
        }

        var idPrefix = NonEmpty(idPrefixGiven) ?? name ?? string.Empty;
        var describedBy = isCheckbox ? NonEmpty(fieldset?.DescribedBy) ?? describedByGiven ?? string.Empty : fieldset?.DescribedBy ?? string.Empty;
        var (hintHtml, errorHtml, groupDescribedBy) = HintAndError(idPrefix, NonEmpty(describedBy), hint, error);
        var hasFieldset = fieldset is not null;

        var group = new HtmlElement("div")
            .Class(classNames, classes)
            .Attr("id", id)
            .Attr("data-module", $"nhsuk-{kind}")
            .Attrs(attributes)
            .Add(formGroup?.BeforeInputs?.Content);
        for (var index = 1; index <= items.Count; index++)
        {
            if (items[index - 1] is not { } item)
            {
                continue;
            }

            var itemId = NonEmpty(item.Id) ?? idPrefix + (index > 1 ? "-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
            var conditionalId = "conditional-" + itemId;
            var inclusive = isCheckbox && item.DividerBehaviour == "inclusive";
            if (!string.IsNullOrEmpty(item.Divider))
            {
                group.Add(new HtmlElement("div").Class($"nhsuk-{kind}__divider", inclusive ? "nhsuk-u-frontend-not-supported-hidden" : null).Text(item.Divider));
                continue;
            }

            var isChecked = item.Checked == true || (item.Checked != false && chosen(item));
            var itemHint = item.Hint?.HasContent == true ? item.Hint : null;
            var itemHintId = itemHint is null ? null : NonEmpty(itemHint.Id) ?? itemId + "-item-hint";
            var itemDescribedBy = isCheckbox ? Markup.Ids(hasFieldset ? null : groupDescribedBy, itemHintId) : itemHintId;
            var hasConditional = !Markup.IsEmpty(item.Conditional?.Html);
            var input = new HtmlElement("input")
                .Class($"nhsuk-{kind}__input", item.Classes)
                .Attr("id", itemId)
                .Attr("name", (isCheckbox ? NonEmpty(item.Name) : null) ?? name ?? string.Empty)
                .Attr("type", inputType)
                .Attr("value", item.Value ?? string.Empty)
                .Flag("checked", isChecked)
                .Flag("disabled", item.Disabled == true || (item.Disabled != false && disabled == true))
                .Attr("data-aria-controls", hasConditional ? conditionalId : null)
                .Attr("data-behaviour", isCheckbox ? NonEmpty(item.Behaviour) : null)
                .Attr("data-behaviour-group", isCheckbox ? NonEmpty(item.BehaviourGroup) : null)
                .Attr("aria-describedby", itemDescribedBy)
                .Attrs(item.Attributes);
            var label = item.Label;
            group.Add(new HtmlElement("div")
                .Class($"nhsuk-{kind}__item", inclusive ? "nhsuk-u-frontend-not-supported-hidden" : null)
                .Add(input)
                .Add(Label(new LabelOptions
                {
                    Html = label?.Html ?? item.Html,
                    Text = label?.Text ?? item.Text,
                    VisuallyHiddenText = label?.VisuallyHiddenText,
                    Id = label?.Id,
                    For = itemId,
                    Classes = Markup.Classes($"nhsuk-{kind}__label", label?.Classes),
                    Attributes = label?.Attributes,
                }))
                .Add(itemHint is null ? null : Hint(itemHint with { Id = itemHintId, Classes = Markup.Classes($"nhsuk-{kind}__hint", itemHint.Classes) })));
            if (hasConditional)
            {
                group.Add(new HtmlElement("div")
                    .Class($"nhsuk-{kind}__conditional", isChecked ? null : $"nhsuk-{kind}__conditional--hidden")
                    .Attr("id", conditionalId)
                    .Add(item.Conditional!.Html));
            }
        }

        group.Add(formGroup?.AfterInputs?.Content);
        var inner = Markup.Join(hintHtml, errorHtml, group);
        return FormGroup(hasError, formGroup)
            .Add(hasFieldset
                ? Fieldset(new FieldsetOptions
                {
                    Legend = fieldset!.Legend,
                    Html = inner,
                    Id = fieldset.Id,
                    Role = fieldset.Role,
                    DescribedBy = groupDescribedBy,
                    Classes = fieldset.Classes,
                    Attributes = fieldset.Attributes,
                })
                : inner);
    }

    /// <summary>One radio or checkbox, whichever group it is in.</summary>
    private sealed record Choice(
        string? Text, IHtmlContent? Html, string? Value, string? Id, LabelOptions? Label, HintOptions? Hint, bool? Checked, bool? Disabled,
        ConditionalOptions? Conditional, string? Divider, string? Classes, AttributeList? Attributes, string? Name, string? Behaviour, string? BehaviourGroup)
    {
        public string? DividerBehaviour { get; init; }
    }
}
