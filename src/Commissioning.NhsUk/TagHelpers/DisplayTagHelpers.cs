using Commissioning.NhsUk.Components;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>A back link to the page before, by <c>asp-page</c> or <c>href</c>; its text is "Back" unless given.</summary>
/// <param name="urls">Makes the page's URL helper.</param>
[HtmlTargetElement("nhsuk-back-link")]
[NhsUkComponent("back-link")]
public sealed class BackLinkTagHelper(IUrlHelperFactory urls) : PageLinkTagHelper(urls)
{
    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Replace(Render.BackLink(new BackLinkOptions { Html = await output.ContentAsync(), Href = Url(), Attributes = output.PassThrough() }));
    }
}

/// <summary>The links given inside a breadcrumb.</summary>
internal sealed class BreadcrumbItems
{
    public List<BreadcrumbItem> Items { get; } = [];
}

/// <summary>
/// Breadcrumbs: one <c>&lt;nhsuk-breadcrumb-item&gt;</c> per page above this one, from the top.
/// On small screens the design system shows only a link back to the last of them.
/// </summary>
[HtmlTargetElement("nhsuk-breadcrumb")]
[NhsUkComponent("breadcrumb")]
public sealed class BreadcrumbTagHelper : TagHelper
{
    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var items = new BreadcrumbItems();
        context.Items[typeof(BreadcrumbItems)] = items;
        await output.GetChildContentAsync();
        output.Replace(Render.Breadcrumb(new BreadcrumbOptions { Items = items.Items, Attributes = output.PassThrough() }));
    }
}

/// <summary>One page in a breadcrumb, by <c>asp-page</c> or <c>href</c>.</summary>
/// <param name="urls">Makes the page's URL helper.</param>
[HtmlTargetElement("nhsuk-breadcrumb-item", ParentTag = "nhsuk-breadcrumb")]
[NhsUkComponent("breadcrumb")]
public sealed class BreadcrumbItemTagHelper(IUrlHelperFactory urls) : PageLinkTagHelper(urls)
{
    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.ContentAsync();
        if (context.Parent<BreadcrumbItems>() is { } items)
        {
            // As text: the breadcrumb's back link for small screens takes the last item's words.
            var text = content is null ? null : System.Net.WebUtility.HtmlDecode(Html.Markup.ToHtml(content));
            items.Items.Add(new BreadcrumbItem { Text = text, Href = Url(), Attributes = output.PassThrough() });
        }

        output.SuppressOutput();
    }
}

/// <summary>A tag: a short status such as "Completed" or "Must", in a colour.</summary>
[HtmlTargetElement("nhsuk-tag")]
[NhsUkComponent("tag")]
public sealed class TagTagHelper : TagHelper
{
    /// <summary>The colour: <c>white</c>, <c>grey</c>, <c>green</c>, <c>aqua-green</c>, <c>blue</c>, <c>purple</c>, <c>pink</c>, <c>red</c>, <c>orange</c> or <c>yellow</c>; the default blue when not set.</summary>
    [HtmlAttributeName("colour")]
    public string? Colour { get; set; }

    /// <summary>False for a tag without a border.</summary>
    [HtmlAttributeName("border")]
    public bool? Border { get; set; }

    /// <summary>Extra classes.</summary>
    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Replace(Render.Tag(new TagOptions { Content = await output.ContentAsync(), Colour = Colour, Border = Border, Classes = Classes, Attributes = output.PassThrough() }));
    }
}

/// <summary>Inset text: information the reader should notice, set off from the text around it.</summary>
[HtmlTargetElement("nhsuk-inset-text")]
[NhsUkComponent("inset-text")]
public sealed class InsetTextTagHelper : TagHelper
{
    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Replace(Render.InsetText(new InsetTextOptions { Content = await output.ContentAsync(), Attributes = output.PassThrough() }));
    }
}

/// <summary>A warning callout: something the reader must know before going on, under a heading.</summary>
[HtmlTargetElement("nhsuk-warning-callout")]
[NhsUkComponent("warning-callout")]
public sealed class WarningCalloutTagHelper : TagHelper
{
    /// <summary>The heading; "Important" when not set.</summary>
    [HtmlAttributeName("heading")]
    public string? Heading { get; set; }

    /// <summary>The heading's level; 3 when not set.</summary>
    [HtmlAttributeName("heading-level")]
    public int? HeadingLevel { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Replace(Render.WarningCallout(new WarningCalloutOptions
        {
            Heading = new WarningCalloutHeading { Text = Heading ?? "Important", Level = HeadingLevel },
            Content = await output.ContentAsync(),
            Attributes = output.PassThrough(),
        }));
    }
}

/// <summary>Details: a summary line the reader opens to see more; <c>expander</c> draws it as a box.</summary>
[HtmlTargetElement("nhsuk-details")]
[NhsUkComponent("details")]
public sealed class DetailsTagHelper : TagHelper
{
    /// <summary>The summary line.</summary>
    [HtmlAttributeName("summary")]
    public string? Summary { get; set; }

    /// <summary>Open when the page loads.</summary>
    [HtmlAttributeName("open")]
    public bool Open { get; set; }

    /// <summary>Drawn as a box (the design system's expander).</summary>
    [HtmlAttributeName("expander")]
    public bool Expander { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Replace(Render.Details(new DetailsOptions
        {
            Summary = new DetailsSummary { Text = Summary },
            Content = await output.ContentAsync(),
            Open = Open ? true : null,
            Classes = Expander ? "nhsuk-expander" : null,
            Attributes = output.PassThrough(),
        }));
    }
}

/// <summary>
/// A notification banner at the top of a page: <c>type="success"</c> after something has been done
/// (announced to screen readers), otherwise important information about the page.
/// </summary>
[HtmlTargetElement("nhsuk-notification-banner")]
[NhsUkComponent("notification-banner")]
public sealed class NotificationBannerTagHelper : TagHelper
{
    /// <summary><c>success</c>, or nothing for important information.</summary>
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    /// <summary>The title; "Success" or "Important" when not set.</summary>
    [HtmlAttributeName("title")]
    public string? Title { get; set; }

    /// <summary>A heading inside the banner.</summary>
    [HtmlAttributeName("heading")]
    public string? Heading { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Replace(Render.NotificationBanner(new NotificationBannerOptions
        {
            Variant = Type,
            Title = Title is null ? null : new NotificationBannerTitle { Text = Title },
            Heading = Heading is null ? null : new NotificationBannerHeading { Text = Heading },
            Content = await output.ContentAsync(),
            Attributes = output.PassThrough(),
        }));
    }
}

/// <summary>A panel: the confirmation at the end of a journey, such as "Tender published".</summary>
[HtmlTargetElement("nhsuk-panel")]
[NhsUkComponent("panel")]
public sealed class PanelTagHelper : TagHelper
{
    /// <summary>The panel's heading.</summary>
    [HtmlAttributeName("heading")]
    public string? Heading { get; set; }

    /// <summary>The heading's level; 1 when not set.</summary>
    [HtmlAttributeName("heading-level")]
    public int? HeadingLevel { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Replace(Render.Panel(new PanelOptions
        {
            Heading = new PanelHeading { Text = Heading, Level = HeadingLevel },
            Content = await output.ContentAsync(),
            Attributes = output.PassThrough(),
        }));
    }
}

/// <summary>The skip link: the first thing a keyboard reaches, to jump past the header to the page's main content.</summary>
[HtmlTargetElement("nhsuk-skip-link")]
[NhsUkComponent("skip-link")]
public sealed class SkipLinkTagHelper : TagHelper
{
    /// <summary>Where it jumps to; <c>#maincontent</c> when not set.</summary>
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.ContentAsync();
        output.Replace(Render.SkipLink(new SkipLinkOptions { Href = Href, Html = content, Attributes = output.PassThrough() }));
    }
}
