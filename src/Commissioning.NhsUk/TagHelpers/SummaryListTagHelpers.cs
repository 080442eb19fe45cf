using Commissioning.NhsUk.Components;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>The rows given inside a summary list.</summary>
internal sealed class SummaryListRows
{
    public List<SummaryListRow> Rows { get; } = [];
}

/// <summary>What the tags inside one row give it.</summary>
internal sealed class SummaryListRowParts
{
    public SummaryListCell? Key { get; set; }

    public SummaryListCell? Value { get; set; }

    public List<CardAction> Actions { get; } = [];
}

/// <summary>
/// A summary list: one <c>&lt;nhsuk-summary-list-row&gt;</c> per fact, each with a
/// <c>&lt;nhsuk-summary-list-key&gt;</c>, a <c>&lt;nhsuk-summary-list-value&gt;</c> and any
/// <c>&lt;nhsuk-summary-list-action&gt;</c> (such as "Change").
/// </summary>
[HtmlTargetElement("nhsuk-summary-list")]
[NhsUkComponent("summary-list")]
public sealed class SummaryListTagHelper : TagHelper
{
    /// <summary>False for a list without borders between rows.</summary>
    [HtmlAttributeName("border")]
    public bool? Border { get; set; }

    /// <summary>Extra classes.</summary>
    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var rows = new SummaryListRows();
        context.Items[typeof(SummaryListRows)] = rows;
        await output.GetChildContentAsync();
        output.Replace(Render.SummaryList(new SummaryListOptions { Rows = rows.Rows, Border = Border, Classes = Classes, Attributes = output.PassThrough() }));
    }
}

/// <summary>One row of a summary list; <c>id</c> and <c>class</c> go on the row.</summary>
[HtmlTargetElement("nhsuk-summary-list-row", ParentTag = "nhsuk-summary-list")]
[NhsUkComponent("summary-list")]
public sealed class SummaryListRowTagHelper : TagHelper
{
    /// <summary>The row's id.</summary>
    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    /// <summary>Extra classes on the row.</summary>
    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var parts = new SummaryListRowParts();
        context.Items[typeof(SummaryListRowParts)] = parts;
        await output.GetChildContentAsync();
        if (context.Parent<SummaryListRows>() is { } rows)
        {
            rows.Rows.Add(new SummaryListRow
            {
                Key = parts.Key,
                Value = parts.Value,
                Actions = parts.Actions.Count == 0 ? null : new SummaryListActions { Items = parts.Actions },
                Id = Id,
                Classes = Classes,
                Attributes = output.PassThrough(),
            });
        }

        output.SuppressOutput();
    }
}

/// <summary>The key (what the fact is) or the value of a summary list row; <c>id</c> and <c>class</c> go on the cell.</summary>
[HtmlTargetElement("nhsuk-summary-list-key", ParentTag = "nhsuk-summary-list-row")]
[HtmlTargetElement("nhsuk-summary-list-value", ParentTag = "nhsuk-summary-list-row")]
[NhsUkComponent("summary-list")]
public sealed class SummaryListCellTagHelper : TagHelper
{
    /// <summary>The cell's id.</summary>
    [HtmlAttributeName("id")]
    public string? Id { get; set; }

    /// <summary>Extra classes on the cell.</summary>
    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.ContentAsync() ?? HtmlString.Empty;
        if (context.Parent<SummaryListRowParts>() is { } parts)
        {
            var cell = new SummaryListCell { Html = content, Id = Id, Classes = Classes, Attributes = output.PassThrough() };
            if (context.TagName == "nhsuk-summary-list-key")
            {
                parts.Key = cell;
            }
            else
            {
                parts.Value = cell;
            }
        }

        output.SuppressOutput();
    }
}

/// <summary>An action on a summary list row, such as "Change", with words for screen readers saying what it changes.</summary>
/// <param name="urls">Makes the page's URL helper.</param>
[HtmlTargetElement("nhsuk-summary-list-action", ParentTag = "nhsuk-summary-list-row")]
[NhsUkComponent("summary-list")]
public sealed class SummaryListActionTagHelper(IUrlHelperFactory urls) : PageLinkTagHelper(urls)
{
    /// <summary>What the action is about, for screen readers (such as "the stage").</summary>
    [HtmlAttributeName("visually-hidden-text")]
    public string? VisuallyHiddenText { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.ContentAsync();
        if (context.Parent<SummaryListRowParts>() is { } parts)
        {
            parts.Actions.Add(new CardAction { Html = content, Href = Url(), VisuallyHiddenText = VisuallyHiddenText, Attributes = output.PassThrough() });
        }

        output.SuppressOutput();
    }
}
