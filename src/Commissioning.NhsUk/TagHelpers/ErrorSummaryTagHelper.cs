using System.Text.Encodings.Web;
using Commissioning.NhsUk.Components;
using Commissioning.NhsUk.Forms;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>The problems given inside an error summary.</summary>
internal sealed class ErrorSummaryItems
{
    public List<ErrorSummaryItem> Items { get; } = [];
}

/// <summary>
/// The error summary. With no <c>&lt;nhsuk-error-summary-item&gt;</c> inside, it lists every
/// error in ModelState, in the order the fields appear on the page, each linked to its field's id,
/// and draws nothing when there is none. The site's layout draws one above every page, so a page
/// never writes its own; a page whose problems are not ModelState's (such as an address that
/// describes no organisation) lists them as items.
/// </summary>
[HtmlTargetElement("nhsuk-error-summary")]
[NhsUkComponent("error-summary")]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    /// <summary>The heading; "There is a problem" when not set.</summary>
    [HtmlAttributeName("heading")]
    public string? Heading { get; set; }

    /// <summary>The page being drawn.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var given = new ErrorSummaryItems();
        context.Items[typeof(ErrorSummaryItems)] = given;
        await output.GetChildContentAsync();
        var attributes = output.PassThrough();
        var heading = new TextOptions { Text = Heading ?? "There is a problem" };
        var fields = PageFields.For(ViewContext.HttpContext);
        if (given.Items.Count > 0)
        {
            fields.SummaryShown = true;
            output.Replace(Render.ErrorSummary(new ErrorSummaryOptions { Heading = heading, ErrorList = given.Items, Attributes = attributes }));
            return;
        }

        // Drawn when the page is written out, after every field on it has recorded its id.
        var modelState = ViewContext.ViewData.ModelState;
        output.Replace(new Deferred(() =>
        {
            var errors = fields.Errors(modelState);
            return errors.Count == 0 ? null : Render.ErrorSummary(new ErrorSummaryOptions
            {
                Heading = heading,
                ErrorList = [.. errors.Select(e => new ErrorSummaryItem { Text = e.Message, Href = e.Id is null ? null : "#" + e.Id })],
                Attributes = attributes,
            });
        }));
    }

    /// <summary>Whether the page shows an error summary: ModelState has errors, or the page drew one of its own. The title says "Error: " when it does.</summary>
    public static bool Shows(ViewContext viewContext)
    {
        ArgumentNullException.ThrowIfNull(viewContext);
        return viewContext.ViewData.ModelState.ErrorCount > 0 || PageFields.For(viewContext.HttpContext).SummaryShown;
    }

    /// <summary>Content worked out when it is written.</summary>
    private sealed class Deferred(Func<IHtmlContent?> make) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => make()?.WriteTo(writer, encoder);
    }
}

/// <summary>One problem in an error summary whose problems are not ModelState's; <c>href</c> is the field's id with <c>#</c>, when there is one.</summary>
[HtmlTargetElement("nhsuk-error-summary-item", ParentTag = "nhsuk-error-summary")]
[NhsUkComponent("error-summary")]
public sealed class ErrorSummaryItemTagHelper : TagHelper
{
    /// <summary>Where the link goes, such as <c>#name</c>.</summary>
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.ContentAsync();
        if (context.Parent<ErrorSummaryItems>() is { } items && content is not null)
        {
            items.Items.Add(new ErrorSummaryItem { Html = content, Href = Href });
        }

        output.SuppressOutput();
    }
}
