using AngleSharp.Diffing;

namespace Commissioning.Tests.Components;

/// <summary>Compares HTML as HTML: the same elements, attributes and text, whatever the attribute order, class order or insignificant whitespace.</summary>
public static class HtmlAssert
{
    /// <summary>The differences between the expected and the actual HTML, described; empty when they are the same.</summary>
    public static IReadOnlyList<string> Differences(string expected, string actual)
    {
        var diffs = DiffBuilder.Compare(expected).WithTest(actual).Build();
        return [.. diffs.Select(Describe)];
    }

    /// <summary>Fails, listing the differences, unless the two are the same HTML.</summary>
    public static void AreEqual(string expected, string actual, string? because = null)
    {
        var differences = Differences(expected, actual);
        if (differences.Count > 0)
        {
            Assert.Fail($"{because}{Environment.NewLine}{string.Join(Environment.NewLine, differences)}{Environment.NewLine}Expected:{Environment.NewLine}{expected}{Environment.NewLine}Actual:{Environment.NewLine}{actual}");
        }
    }

    private static string Describe(AngleSharp.Diffing.Core.IDiff diff) => diff switch
    {
        AngleSharp.Diffing.Core.NodeDiff n => $"- {n.Target} differs at {n.Control.Path}: expected {Text(n.Control.Node)}, got {Text(n.Test.Node)}",
        AngleSharp.Diffing.Core.AttrDiff a => $"- attribute {a.Control.Attribute.Name} at {a.Control.Path}: expected \"{a.Control.Attribute.Value}\", got \"{a.Test.Attribute.Value}\"",
        AngleSharp.Diffing.Core.MissingNodeDiff m => $"- missing {Text(m.Control.Node)} at {m.Control.Path}",
        AngleSharp.Diffing.Core.MissingAttrDiff m => $"- missing attribute {m.Control.Attribute.Name}=\"{m.Control.Attribute.Value}\" at {m.Control.Path}",
        AngleSharp.Diffing.Core.UnexpectedNodeDiff u => $"- unexpected {Text(u.Test.Node)} at {u.Test.Path}",
        AngleSharp.Diffing.Core.UnexpectedAttrDiff u => $"- unexpected attribute {u.Test.Attribute.Name}=\"{u.Test.Attribute.Value}\" at {u.Test.Path}",
        _ => "- " + diff,
    };

    private static string Text(AngleSharp.Dom.INode node) =>
        node is AngleSharp.Dom.IElement e ? $"<{e.LocalName}>" : $"\"{node.TextContent.Trim()}\"";
}
