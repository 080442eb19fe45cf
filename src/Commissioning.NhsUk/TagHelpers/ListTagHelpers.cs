using Commissioning.NhsUk.Components;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>The tasks given inside a task list.</summary>
internal sealed class TaskListItems
{
    public List<TaskListItem> Items { get; } = [];
}

/// <summary>
/// A task list: one <c>&lt;nhsuk-task-list-item&gt;</c> per task, each with its status, for a
/// job done in several parts (such as setting up a tender).
/// </summary>
[HtmlTargetElement("nhsuk-task-list")]
[NhsUkComponent("task-list")]
public sealed class TaskListTagHelper : TagHelper
{
    /// <summary>The start of the ids of the tasks' hints and statuses.</summary>
    [HtmlAttributeName("id-prefix")]
    public string? IdPrefix { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var items = new TaskListItems();
        context.Items[typeof(TaskListItems)] = items;
        await output.GetChildContentAsync();
        output.Replace(Render.TaskList(new TaskListOptions { IdPrefix = IdPrefix, Items = items.Items, Attributes = output.PassThrough() }));
    }
}

/// <summary>
/// One task: its name (the content), linked by <c>asp-page</c> or <c>href</c> when it can be
/// started, and its status drawn as the design system's task list example draws it: a task to do
/// as a blue tag (or the <c>status-colour</c> given), a completed task in plain text, a task that
/// cannot start yet in grey.
/// </summary>
/// <param name="urls">Makes the page's URL helper.</param>
[HtmlTargetElement("nhsuk-task-list-item", ParentTag = "nhsuk-task-list")]
[NhsUkComponent("task-list")]
public sealed class TaskListItemTagHelper(IUrlHelperFactory urls) : PageLinkTagHelper(urls)
{
    /// <summary>The status, such as "Completed" or "Not started".</summary>
    [HtmlAttributeName("status")]
    public string? Status { get; set; }

    /// <summary><c>to-do</c> (the default), <c>completed</c> or <c>cannot-start</c>.</summary>
    [HtmlAttributeName("state")]
    public string? State { get; set; }

    /// <summary>The colour of a task to do's tag; blue when not set.</summary>
    [HtmlAttributeName("status-colour")]
    public string? StatusColour { get; set; }

    /// <summary>A hint under the task's name.</summary>
    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.ContentAsync();
        if (context.Parent<TaskListItems>() is { } items)
        {
            items.Items.Add(new TaskListItem
            {
                Heading = new TaskListItemHeading { Html = content },
                Href = Url(),
                Hint = Hint is null ? null : new TaskListItemHint { Text = Hint },
                Status = new TaskListItemStatus
                {
                    Tag = State switch
                    {
                        "completed" => new TagOptions { Text = Status, Border = false, Colour = TagOptions.NoColour, Classes = "nhsuk-u-font-weight-normal" },
                        "cannot-start" => new TagOptions { Text = Status, Border = false, Colour = TagOptions.NoColour, Classes = "nhsuk-u-font-weight-normal nhsuk-u-secondary-text-colour" },
                        _ => new TagOptions { Text = Status, Colour = StatusColour ?? "blue" },
                    },
                },
            });
        }

        output.SuppressOutput();
    }
}

/// <summary>The links given inside a pagination.</summary>
internal sealed class PaginationParts
{
    public PaginationLink? Previous { get; set; }

    public PaginationLink? Next { get; set; }

    public List<PaginationItem> Items { get; } = [];
}

/// <summary>
/// Pagination: <c>&lt;nhsuk-pagination-previous&gt;</c> and <c>&lt;nhsuk-pagination-next&gt;</c>
/// (with an optional <c>label</c>, such as the next question's name), or numbered
/// <c>&lt;nhsuk-pagination-item&gt;</c> links for a long list.
/// </summary>
[HtmlTargetElement("nhsuk-pagination")]
[NhsUkComponent("pagination")]
public sealed class PaginationTagHelper : TagHelper
{
    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var parts = new PaginationParts();
        context.Items[typeof(PaginationParts)] = parts;
        await output.GetChildContentAsync();
        output.Replace(Render.Pagination(new PaginationOptions
        {
            Previous = parts.Previous,
            Next = parts.Next,
            Items = parts.Items.Count == 0 ? null : parts.Items,
            Attributes = output.PassThrough(),
        }));
    }
}

/// <summary>The link to the previous or next page in a pagination; its content is its text ("Previous" or "Next" when empty).</summary>
/// <param name="urls">Makes the page's URL helper.</param>
[HtmlTargetElement("nhsuk-pagination-previous", ParentTag = "nhsuk-pagination")]
[HtmlTargetElement("nhsuk-pagination-next", ParentTag = "nhsuk-pagination")]
[NhsUkComponent("pagination")]
public sealed class PaginationLinkTagHelper(IUrlHelperFactory urls) : PageLinkTagHelper(urls)
{
    /// <summary>What the link leads to, such as the next question's name.</summary>
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.ContentAsync();
        if (context.Parent<PaginationParts>() is { } parts)
        {
            var link = new PaginationLink
            {
                Href = Url(),
                Html = content,
                Label = Label is null ? null : new PaginationLabel { Text = Label },
                Attributes = output.PassThrough(),
            };
            if (context.TagName == "nhsuk-pagination-previous")
            {
                parts.Previous = link;
            }
            else
            {
                parts.Next = link;
            }
        }

        output.SuppressOutput();
    }
}

/// <summary>A numbered page in a pagination, or an ellipsis for pages left out.</summary>
/// <param name="urls">Makes the page's URL helper.</param>
[HtmlTargetElement("nhsuk-pagination-item", ParentTag = "nhsuk-pagination")]
[NhsUkComponent("pagination")]
public sealed class PaginationItemTagHelper(IUrlHelperFactory urls) : PageLinkTagHelper(urls)
{
    /// <summary>The page's number.</summary>
    [HtmlAttributeName("number")]
    public int? Number { get; set; }

    /// <summary>Whether it is the page being shown.</summary>
    [HtmlAttributeName("current")]
    public bool Current { get; set; }

    /// <summary>An ellipsis in place of pages left out.</summary>
    [HtmlAttributeName("ellipsis")]
    public bool Ellipsis { get; set; }

    /// <inheritdoc />
    public override Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (context.Parent<PaginationParts>() is { } parts)
        {
            parts.Items.Add(new PaginationItem
            {
                Number = Number?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Href = Ellipsis ? null : Url(),
                Current = Current ? true : null,
                Ellipsis = Ellipsis ? true : null,
            });
        }

        output.SuppressOutput();
        return Task.CompletedTask;
    }
}
