using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

public static partial class Render
{
    // The drawings of the icons the components here use, copied from the design system's icon
    // macro (nhsuk-frontend 10.6.1, dist/nhsuk/macros/icon.njk). Add an icon by copying its path.
    private static readonly Dictionary<string, string> IconPaths = new(StringComparer.Ordinal)
    {
        ["arrow-left"] = """<path d="M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z"/>""",
        ["arrow-right"] = """<path d="m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z"/>""",
    };

    private static readonly string[] IconSizes = ["25", "50", "75", "100"];

    /// <summary>
    /// An inline SVG icon, as the design system's icon macro draws it: hidden from screen readers
    /// unless it has a title, which then becomes its accessible name.
    /// </summary>
    /// <param name="name">The icon's name, such as <c>arrow-left</c>; it must be one of the icons copied here.</param>
    /// <param name="title">An accessible name; none when null or empty.</param>
    /// <param name="classes">Extra classes.</param>
    /// <param name="size">A size adjustment in percent: 25, 50, 75 or 100.</param>
    internal static IHtmlContent Icon(string name, string? title = null, string? classes = null, string? size = null)
    {
        if (!IconPaths.TryGetValue(name, out var path))
        {
            throw new ArgumentException($"There is no icon named '{name}' here; copy its path from the design system's icon macro.", nameof(name));
        }

        var classNames = "nhsuk-icon nhsuk-icon--" + name;
        if (size is not null && IconSizes.Contains(size) && !IconSizes.Any(s => Markup.Mentions(classes, "nhsuk-icon--size-" + s)))
        {
            classNames += " nhsuk-icon--size-" + size;
        }

        var hasTitle = !string.IsNullOrEmpty(title);
        var svg = new HtmlElement("svg")
            .Class(classNames, classes)
            .Attr("xmlns", "http://www.w3.org/2000/svg")
            .Attr("viewBox", "0 0 24 24")
            .Attr("width", "16")
            .Attr("height", "16")
            .Attr("focusable", "false")
            .Attr("role", hasTitle ? "img" : null)
            .Attr("aria-label", hasTitle ? title : null)
            .Attr("aria-hidden", hasTitle ? null : "true");
        if (hasTitle)
        {
            svg.Add(new HtmlElement("title").Text(title));
        }

        return svg.Add(new HtmlString(path));
    }
}
