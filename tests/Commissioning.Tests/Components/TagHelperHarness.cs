using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Routing;

namespace Commissioning.Tests.Components;

/// <summary>
/// Runs tag helpers as Razor runs them: each with its own copy of its parent's items, its
/// children run when it asks for its content, and its output written with the HTML encoder. A
/// page's model and ModelState are given as a view context.
/// </summary>
internal sealed class TagHelperHarness
{
    public TagHelperHarness(object? model = null)
    {
        ModelState = new ModelStateDictionary();
        Model = model;
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), ModelState) { Model = model };
        ViewContext = new ViewContext { HttpContext = new DefaultHttpContext(), ViewData = viewData, RouteData = new RouteData() };
    }

    public ModelStateDictionary ModelState { get; }

    public object? Model { get; }

    public ViewContext ViewContext { get; }

    /// <summary>A model expression for a property path of the model, such as <c>Input.Name</c>.</summary>
    public ModelExpression For(string path)
    {
        object? value = Model;
        foreach (var part in path.Split('.'))
        {
            value = value?.GetType().GetProperty(part)?.GetValue(value);
        }

        var provider = new EmptyModelMetadataProvider();
        var explorer = provider.GetModelExplorerForType(value?.GetType() ?? typeof(string), value);
        return new ModelExpression(path, explorer);
    }

    /// <summary>A URL helper factory whose links are <c>/page-name?handler=…&amp;key=value</c>, enough to see which page was asked for.</summary>
    public static IUrlHelperFactory Urls { get; } = new FakeUrls();

    /// <summary>A tag to run: the helper, its tag name, its unbound attributes, and its children (tags or text).</summary>
    public static Tag Tag(TagHelper helper, string name, params object[] children) => new(helper, name, [], children);

    /// <summary>Runs a tag with its children, and returns what it writes.</summary>
    public async Task<string> RenderAsync(Tag tag)
    {
        var html = await RunAsync(tag, new Dictionary<object, object>());
        return html;
    }

    private async Task<string> RunAsync(Tag tag, IDictionary<object, object> parentItems)
    {
        foreach (var property in tag.Helper.GetType().GetProperties().Where(p => p.PropertyType == typeof(ViewContext) && p.CanWrite))
        {
            property.SetValue(tag.Helper, ViewContext);
        }

        var items = new Dictionary<object, object>(parentItems);
        var attributes = new TagHelperAttributeList(tag.Attributes.Select(a => new TagHelperAttribute(a.Key, a.Value)));
        var context = new TagHelperContext(tag.Name, new TagHelperAttributeList(attributes), items, Guid.NewGuid().ToString("N"));
        var output = new TagHelperOutput(tag.Name, attributes, async (_, _) =>
        {
            var content = new DefaultTagHelperContent();
            foreach (var child in tag.Children)
            {
                content.AppendHtml(child switch
                {
                    Tag childTag => await RunAsync(childTag, items),
                    string text => HtmlEncoder.Default.Encode(text),
                    RawHtml html => html.Html,
                    _ => throw new ArgumentException("A child is a tag, text or HTML."),
                });
            }

            return content;
        });
        tag.Helper.Init(context);
        await tag.Helper.ProcessAsync(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private sealed class FakeUrls : IUrlHelperFactory
    {
        public IUrlHelper GetUrlHelper(ActionContext context) => new FakeUrl(context);
    }

    private sealed class FakeUrl(ActionContext context) : IUrlHelper
    {
        public ActionContext ActionContext { get; } = context;

        public string? Action(UrlActionContext actionContext) => throw new NotSupportedException();

        public string? Content(string? contentPath) => contentPath;

        public bool IsLocalUrl(string? url) => true;

        public string? Link(string? routeName, object? values) => throw new NotSupportedException();

        public string? RouteUrl(UrlRouteContext routeContext)
        {
            var values = new RouteValueDictionary(routeContext.Values);
            var page = values["page"];
            var query = string.Join("&", values.Where(v => v.Key != "page" && v.Value is not null).Select(v => $"{v.Key}={v.Value}"));
            return $"{page}{(query.Length > 0 ? "?" + query : string.Empty)}{(routeContext.Fragment is { Length: > 0 } f ? "#" + f : string.Empty)}";
        }
    }
}

/// <summary>HTML written between tags as it is, as a page's own markup would be.</summary>
internal sealed record RawHtml(string Html);

/// <summary>A tag for the harness: its helper, name, unbound attributes and children.</summary>
internal sealed record Tag(TagHelper Helper, string Name, Dictionary<string, object?> Attributes, object[] Children)
{
    /// <summary>The same tag with an unbound attribute, as a page would write it.</summary>
    public Tag With(string name, object? value)
    {
        Attributes[name] = value;
        return this;
    }
}
