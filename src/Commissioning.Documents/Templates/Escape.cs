using System.Net;
using System.Text;

namespace Commissioning.Documents.Templates;

/// <summary>How text from tenders, bids and profiles is made safe to write into a document.</summary>
public static class Escape
{
    /// <summary>HTML: &lt;, &gt;, &amp;, quotes.</summary>
    public static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// Markdown: a backslash before every character that Markdown (CommonMark and GFM tables)
    /// gives a meaning, so a provider's name cannot start a link, a heading, a table cell or raw
    /// HTML. Line breaks are kept.
    /// </summary>
    public static string Markdown(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '+' or '-' or '.' or '!' or '|' or '<' or '>' or '~' or '&')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
