using System.Buffers;
using System.Text.Json;

namespace Commissioning.Core.Files;

/// <summary>Words and paths for problem messages.</summary>
internal static class JsonText
{
    private const int LongestQuote = 60;

    // The characters after which System.Text.Json writes a property in a path as ['name'].
    private static readonly SearchValues<char> PathSpecial = SearchValues.Create(['.', ' ', '\'', '/', '"', '[', ']', '(', ')', '\t', '\n', '\r', '\f', '\b', '\\', '\u0085', '\u2028', '\u2029']);

    /// <summary>The path of a property of the object at <paramref name="path"/>.</summary>
    public static string Property(string path, string name) =>
        name.Length > 0 && name.AsSpan().IndexOfAny(PathSpecial) < 0
            ? $"{path}.{name}"
            : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>The path of an item of the list at <paramref name="path"/>.</summary>
    public static string Item(string path, int index) => $"{path}[{index}]";

    /// <summary>What a value is, for "found ..." in messages.</summary>
    public static string Found(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Quote(element.GetString()!),
        JsonValueKind.Number => "the number " + element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => "nothing",
    };

    /// <summary>
    /// Whether a JSON number is a whole number, or too large for a decimal at all: for telling
    /// "too large" from "not a whole number" when it does not fit an int.
    /// </summary>
    public static bool IsHugeOrWhole(JsonElement number) =>
        !number.TryGetDecimal(out var value) || decimal.Truncate(value) == value;

    /// <summary>Text in double quotes, shortened if long.</summary>
    public static string Quote(string text) =>
        "\"" + (text.Length > LongestQuote ? text[..(LongestQuote - 3)] + "..." : text) + "\"";

    /// <summary>"a" or "an" before a word.</summary>
    public static string Article(string word) =>
        word.Length > 0 && "aeiouAEIOU".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>The known name nearest a misspelt one, if one is near enough to be a likely slip.</summary>
    public static string? Nearest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= 2 && bestDistance * 2 < name.Length ? best : null;
    }

    /// <summary>Edit distance, counting swapped neighbours as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
