using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Commissioning.Core.Standards;

/// <summary>
/// The one Markdown pipeline of the toolkit, built once and shared. Raw HTML is treated as text,
/// and after parsing every link or image whose scheme is not http, https, mailto or relative is
/// pointed at <c>#</c>, because disabling HTML alone still lets <c>javascript:</c> links through.
/// Generic attributes are deliberately not enabled: they would let a file set <c>onclick</c>.
/// </summary>
public static class SafeMarkdown
{
    /// <summary>The shared, immutable pipeline.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoIdentifiers()
        .DisableHtml()
        .Build();

    /// <summary>
    /// The same extensions with raw HTML recognised, used only to check the standards files: it
    /// finds HTML blocks and inline HTML so they can be refused with their line. Never render with it.
    /// </summary>
    internal static MarkdownPipeline CheckingPipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoIdentifiers()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>Parses Markdown with the shared pipeline.</summary>
    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>Renders Markdown to HTML safely: raw HTML escaped, unsafe link schemes removed.</summary>
    public static string ToHtml(string markdown)
    {
        var document = Parse(markdown);
        NeutraliseUnsafeLinks(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Whether a URL is safe to emit as a link target.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
        var cleaned = new string([.. url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c))]);
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        var slash = cleaned.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon)
        {
            return true; // the colon is in a path, query or fragment: a relative URL
        }

        var scheme = cleaned[..colon];
        return SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    private static void NeutraliseUnsafeLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!IsSafeUrl(autolink.Url))
            {
                autolink.Url = "#";
            }
        }
    }
}
