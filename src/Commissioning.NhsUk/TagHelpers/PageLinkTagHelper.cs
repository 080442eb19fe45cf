using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Routing;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>
/// A component that links to a page of the site: by <c>asp-page</c>, <c>asp-page-handler</c>,
/// <c>asp-route-*</c> and <c>asp-fragment</c>, as Razor's own links do, so a page never writes an
/// address by hand; or by <c>href</c>, for an address the page model worked out.
/// </summary>
/// <param name="urls">Makes the page's URL helper.</param>
public abstract class PageLinkTagHelper(IUrlHelperFactory urls) : TagHelper
{
    /// <summary>An address worked out by the page model.</summary>
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    /// <summary>The page linked to, such as <c>/Tenders/Tender</c>.</summary>
    [HtmlAttributeName("asp-page")]
    public string? Page { get; set; }

    /// <summary>The page's handler, such as <c>Csv</c>.</summary>
    [HtmlAttributeName("asp-page-handler")]
    public string? PageHandler { get; set; }

    /// <summary>The part of the page linked to, without <c>#</c>.</summary>
    [HtmlAttributeName("asp-fragment")]
    public string? Fragment { get; set; }

    /// <summary>Route values, written <c>asp-route-id="…"</c>.</summary>
    [HtmlAttributeName("asp-all-route-data", DictionaryAttributePrefix = "asp-route-")]
    public IDictionary<string, string?> RouteValues { get; set; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The page being drawn.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>Whether the tag names a link at all.</summary>
    protected bool HasLink => Href is not null || Page is not null || PageHandler is not null;

    /// <summary>The address linked to, or null when the tag names none.</summary>
    protected string? Url()
    {
        if (Href is not null)
        {
            return Href;
        }

        if (!HasLink)
        {
            return null;
        }

        var values = new RouteValueDictionary();
        foreach (var (name, value) in RouteValues)
        {
            values[name] = value;
        }

        return urls.GetUrlHelper(ViewContext).Page(Page, PageHandler, values, protocol: null, host: null, fragment: Fragment)
            ?? throw new InvalidOperationException($"No address for the page '{Page}' with handler '{PageHandler}'.");
    }
}
