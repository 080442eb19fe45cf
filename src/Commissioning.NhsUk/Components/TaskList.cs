using System.Globalization;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>A task's name: a link to the task when the task has an address.</summary>
public sealed record TaskListItemHeading
{
    /// <summary>The name as text.</summary>
    public string? Text { get; init; }

    /// <summary>The name as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Words for screen readers only, after the name.</summary>
    public string? VisuallyHiddenText { get; init; }

    /// <summary>The id of the link (or of the name, when there is no link).</summary>
    public string? Id { get; init; }

    /// <summary>
    /// Extra classes. With a link, the design system writes them straight after <c>nhsuk-link</c>
    /// with no space between, so begin them with a space.
    /// </summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes on the link (or on the name).</summary>
    public AttributeList? Attributes { get; init; }
}

/// <summary>A hint under a task's name.</summary>
public sealed record TaskListItemHint
{
    /// <summary>The hint as text.</summary>
    public string? Text { get; init; }

    /// <summary>The hint as HTML.</summary>
    public IHtmlContent? Html { get; init; }
}

/// <summary>A task's status: a tag, or plain text or HTML.</summary>
public sealed record TaskListItemStatus
{
    /// <summary>The status as a tag; wins over text and HTML.</summary>
    public TagOptions? Tag { get; init; }

    /// <summary>The status as text.</summary>
    public string? Text { get; init; }

    /// <summary>The status as HTML.</summary>
    public IHtmlContent? Html { get; init; }

    /// <summary>Extra classes on the status's container.</summary>
    public string? Classes { get; init; }
}

/// <summary>One task in a task list.</summary>
public sealed record TaskListItem
{
    /// <summary>The task's name.</summary>
    public TaskListItemHeading? Heading { get; init; }

    /// <summary>Where the task is done; without it the task cannot be started yet and its name is not a link.</summary>
    public string? Href { get; init; }

    /// <summary>A hint under the name; its id is <c>{idPrefix}-{n}-hint</c>.</summary>
    public TaskListItemHint? Hint { get; init; }

    /// <summary>The task's status; its container's id is <c>{idPrefix}-{n}-status</c>.</summary>
    public TaskListItemStatus? Status { get; init; }

    /// <summary>Extra classes on the item.</summary>
    public string? Classes { get; init; }
}

/// <summary>The <c>task-list</c> component's options: the tasks of a longer transaction, each with its status.</summary>
public sealed record TaskListOptions
{
    /// <summary>The tasks. A null task is skipped, but still counts in the numbering of the ids.</summary>
    public IReadOnlyList<TaskListItem?>? Items { get; init; }

    /// <summary>The start of each task's hint and status ids, <c>{idPrefix}-{n}-hint</c> and <c>{idPrefix}-{n}-status</c> (n from 1); <c>task-list</c> when not set.</summary>
    public string? IdPrefix { get; init; }

    /// <summary>Its id.</summary>
    public string? Id { get; init; }

    /// <summary>Extra classes.</summary>
    public string? Classes { get; init; }

    /// <summary>Extra attributes.</summary>
    public AttributeList? Attributes { get; init; }
}

public static partial class Render
{
    /// <summary>A task list.</summary>
    public static IHtmlContent TaskList(TaskListOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var idPrefix = NonEmpty(options.IdPrefix) ?? "task-list";
        var list = new HtmlElement("ul")
            .Class("nhsuk-task-list", options.Classes)
            .Attr("id", NonEmpty(options.Id))
            .Attrs(options.Attributes);
        var items = options.Items ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                list.Add(TaskListRow(item, idPrefix, i + 1));
            }
        }

        return list;
    }

    private static HtmlElement TaskListRow(TaskListItem item, string idPrefix, int number)
    {
        var hintId = string.Create(CultureInfo.InvariantCulture, $"{idPrefix}-{number}-hint");
        var statusId = string.Create(CultureInfo.InvariantCulture, $"{idPrefix}-{number}-status");
        var hasLink = !string.IsNullOrEmpty(item.Href);
        var hint = Markup.Of(item.Hint?.Text, item.Hint?.Html);
        var heading = item.Heading;

        var headingAttributes = new AttributeList();
        if (item.Href is not null)
        {
            headingAttributes.Add("href", item.Href);
        }

        if (hasLink)
        {
            headingAttributes.Add("aria-describedby", hint is null ? statusId : hintId + " " + statusId);
        }

        foreach (var (name, value) in heading?.Attributes ?? new AttributeList())
        {
            headingAttributes.Add(name, value);
        }

        var nameAndHint = new HtmlElement("div").Class("nhsuk-task-list__name-and-hint")
            .Add(Heading(new HeadingParameters
            {
                Id = heading?.Id,
                Content = Markup.Of(heading?.Text, heading?.Html),
                VisuallyHiddenText = heading?.VisuallyHiddenText,
                ClassName = hasLink ? "nhsuk-task-list__link" : string.Empty,
                Classes = (hasLink ? "nhsuk-link" : string.Empty) + heading?.Classes,
                Attributes = headingAttributes,
                Element = hasLink ? "a" : "div",
            }));
        if (hint is not null)
        {
            nameAndHint.Add(new HtmlElement("div").Class("nhsuk-task-list__hint").Attr("id", hintId).Add(hint));
        }

        var status = item.Status;
        return new HtmlElement("li")
            .Class("nhsuk-task-list__item", hasLink ? "nhsuk-task-list__item--with-link" : null, item.Classes)
            .Add(nameAndHint)
            .Add(new HtmlElement("div")
                .Class("nhsuk-task-list__status", status?.Classes)
                .Attr("id", statusId)
                .Add(status?.Tag is { } tag ? Tag(tag) : Markup.Of(status?.Text, status?.Html)));
    }
}
