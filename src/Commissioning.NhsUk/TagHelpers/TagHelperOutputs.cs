using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.NhsUk.TagHelpers;

/// <summary>Helpers the tag helpers share for reading their content and writing a component in their place.</summary>
internal static class TagHelperOutputs
{
    /// <summary>
    /// The attributes written on the tag that no property took (such as <c>data-</c> attributes or
    /// <c>accept</c>), which the component adds to its element; null when there are none.
    /// </summary>
    public static AttributeList? PassThrough(this TagHelperOutput output)
    {
        if (output.Attributes.Count == 0)
        {
            return null;
        }

        var list = new AttributeList();
        foreach (var attribute in output.Attributes)
        {
            list.Add(attribute.Name, attribute.ValueStyle == HtmlAttributeValueStyle.Minimized ? null : Text(attribute.Value));
        }

        return list;
    }

    /// <summary>
    /// The attributes no property took, without <c>class</c>, which is given apart: the
    /// component's own options read it (a width or variant class given there replaces the option).
    /// </summary>
    public static AttributeList? PassThrough(this TagHelperOutput output, out string? classes)
    {
        var all = output.PassThrough();
        classes = all?["class"];
        if (all is null || !all.Contains("class"))
        {
            return all;
        }

        var rest = new AttributeList(all.Where(a => !string.Equals(a.Key, "class", StringComparison.OrdinalIgnoreCase)));
        return rest.Count == 0 ? null : rest;
    }

    /// <summary>
    /// What the enclosing tag left for the tags inside it to fill (a field's parts, a list's
    /// items), or null when this tag stands on its own.
    /// </summary>
    public static T? Parent<T>(this TagHelperContext context)
        where T : class =>
        context.Items.TryGetValue(typeof(T), out var found) ? found as T : null;

    /// <summary>Replaces the tag with the component's HTML.</summary>
    public static void Replace(this TagHelperOutput output, IHtmlContent? html)
    {
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.PreContent.Clear();
        output.PostContent.Clear();
        output.PreElement.Clear();
        output.PostElement.Clear();
        if (html is null)
        {
            output.SuppressOutput();
        }
        else
        {
            output.Content.SetHtmlContent(html);
        }
    }

    /// <summary>The tag's content as HTML, or null when it is only whitespace.</summary>
    public static async Task<IHtmlContent?> ContentAsync(this TagHelperOutput output)
    {
        var content = output.IsContentModified ? output.Content : await output.GetChildContentAsync();
        var text = content.GetContent();
        return string.IsNullOrWhiteSpace(text) ? null : new HtmlString(text.Trim());
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        IHtmlContent html => System.Net.WebUtility.HtmlDecode(Markup.ToHtml(html)),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
