using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Html;

/// <summary>
/// One HTML element built in code: its attributes in the order they were given (a name given
/// twice keeps its first place and takes the later value), then its children in order. Attribute
/// values and text are encoded when written; children that are already HTML are written as they are.
/// </summary>
/// <param name="tagName">The element's name, such as <c>div</c>.</param>
public sealed class HtmlElement(string tagName) : IHtmlContent
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase) { "area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr" };

    private readonly List<KeyValuePair<string, string?>> _attributes = [];
    private readonly List<IHtmlContent> _children = [];

    /// <summary>The element's name.</summary>
    public string TagName { get; } = tagName;

    /// <summary>Sets an attribute; a null value leaves the element without it.</summary>
    public HtmlElement Attr(string name, string? value) => value is null ? this : Set(name, value);

    /// <summary>Sets a boolean attribute (written as its name alone) when <paramref name="on"/> is true.</summary>
    public HtmlElement Flag(string name, bool on = true) => on ? Set(name, null) : this;

    /// <summary>Sets the class attribute to the non-empty names given, or leaves it off when there are none.</summary>
    public HtmlElement Class(params string?[] names) => Attr("class", Markup.Classes(names));

    /// <summary>
    /// Adds attributes given by a page or a caller, after the component's own. A <c>class</c>
    /// given this way joins the component's classes rather than replacing them.
    /// </summary>
    public HtmlElement Attrs(AttributeList? attributes)
    {
        if (attributes is not null)
        {
            foreach (var (name, value) in attributes)
            {
                if (string.Equals(name, "class", StringComparison.OrdinalIgnoreCase))
                {
                    Set("class", Markup.Classes(GetAttribute("class"), value) ?? string.Empty);
                }
                else
                {
                    Set(name, value ?? string.Empty);
                }
            }
        }

        return this;
    }

    /// <summary>Appends a child that is already HTML; null adds nothing.</summary>
    public HtmlElement Add(IHtmlContent? child)
    {
        if (child is not null)
        {
            _children.Add(child);
        }

        return this;
    }

    /// <summary>Appends children that are already HTML; nulls add nothing.</summary>
    public HtmlElement Add(IEnumerable<IHtmlContent?> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        foreach (var child in children)
        {
            Add(child);
        }

        return this;
    }

    /// <summary>Appends text, encoded when written; null or empty adds nothing.</summary>
    public HtmlElement Text(string? text) => string.IsNullOrEmpty(text) ? this : Add(new TextContent(text));

    /// <summary>The value of an attribute, or null when it is not set (or is boolean).</summary>
    public string? GetAttribute(string name) => _attributes.FirstOrDefault(a => string.Equals(a.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <inheritdoc />
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        writer.Write('<');
        writer.Write(TagName);
        foreach (var (name, value) in _attributes)
        {
            writer.Write(' ');
            writer.Write(name);
            if (value is not null)
            {
                writer.Write("=\"");
                encoder.Encode(writer, value);
                writer.Write('"');
            }
        }

        writer.Write('>');
        if (VoidElements.Contains(TagName))
        {
            return;
        }

        foreach (var child in _children)
        {
            child.WriteTo(writer, encoder);
        }

        writer.Write("</");
        writer.Write(TagName);
        writer.Write('>');
    }

    /// <inheritdoc />
    public override string ToString() => Markup.ToHtml(this);

    private HtmlElement Set(string name, string? value)
    {
        var index = _attributes.FindIndex(a => string.Equals(a.Key, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            _attributes[index] = new(_attributes[index].Key, value);
        }
        else
        {
            _attributes.Add(new(name, value));
        }

        return this;
    }
}

/// <summary>Text that is encoded when written.</summary>
/// <param name="text">The text.</param>
public sealed class TextContent(string text) : IHtmlContent
{
    /// <summary>The text, unencoded.</summary>
    public string Text { get; } = text;

    /// <inheritdoc />
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.Encode(writer, Text);
    }
}
