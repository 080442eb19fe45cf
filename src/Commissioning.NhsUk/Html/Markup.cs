using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Html;

/// <summary>Small helpers the renderers share: text or HTML content, class lists, writing to a string.</summary>
public static class Markup
{
    /// <summary>
    /// The content of an option that may be given as HTML or as text, as the design system reads
    /// it: HTML when given, else the text (encoded), else nothing.
    /// </summary>
    public static IHtmlContent? Of(string? text, IHtmlContent? html) =>
        !IsEmpty(html) ? html : string.IsNullOrEmpty(text) ? null : new TextContent(text);

    /// <summary>Text content, encoded when written; null when empty.</summary>
    public static IHtmlContent? Text(string? text) => string.IsNullOrEmpty(text) ? null : new TextContent(text);

    /// <summary>Trusted HTML, written as it is; null when empty.</summary>
    public static IHtmlContent? Html(string? html) => string.IsNullOrEmpty(html) ? null : new HtmlString(html);

    /// <summary>Whether content is absent or writes nothing.</summary>
    public static bool IsEmpty(IHtmlContent? content) => content switch
    {
        null => true,
        HtmlString s => string.IsNullOrEmpty(s.Value),
        TextContent t => t.Text.Length == 0,
        _ => false,
    };

    /// <summary>Several pieces of content one after another; nulls are skipped.</summary>
    public static IHtmlContent Join(params IHtmlContent?[] parts)
    {
        var builder = new HtmlContentBuilder();
        foreach (var part in parts)
        {
            if (part is not null)
            {
                builder.AppendHtml(part);
            }
        }

        return builder;
    }

    /// <summary>The non-empty class names joined by spaces, or null when there are none.</summary>
    public static string? Classes(params string?[] names)
    {
        var joined = string.Join(' ', names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>Joins ids for <c>aria-describedby</c>: the non-empty ones, separated by spaces; null when none.</summary>
    public static string? Ids(params string?[] ids) => Classes(ids);

    /// <summary>Whether a class list given by a caller already names a class (the design system checks by substring).</summary>
    public static bool Mentions(string? classes, string className) => classes is not null && classes.Contains(className, StringComparison.Ordinal);

    /// <summary>Writes content to a string with the default HTML encoder.</summary>
    public static string ToHtml(IHtmlContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content is HtmlString html)
        {
            return html.Value ?? string.Empty;
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
