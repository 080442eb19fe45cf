using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Commissioning.Core.Files;

/// <summary>
/// A file problem in plain English: where it is as words (<c>tender → lot 1 → section 2</c>)
/// rather than a JSON path (<c>$.tender.lots[0].sections[1]</c>), and the message with the path
/// replaced by those words. The JSON path stays available as a detail for those who want it.
/// </summary>
public static partial class JsonPathWords
{
    /// <summary>Where a JSON path points, in words: each field in words, each list item by its number, joined by arrows.</summary>
    public static string Where(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = new List<string>();
        foreach (Match segment in Segment().Matches(path))
        {
            if (segment.Groups["name"].Success)
            {
                parts.Add(Words(segment.Groups["name"].Value));
            }
            else if (segment.Groups["index"].Success && parts.Count > 0)
            {
                var number = int.Parse(segment.Groups["index"].Value, CultureInfo.InvariantCulture) + 1;
                parts[^1] = string.Create(CultureInfo.InvariantCulture, $"{Singular(parts[^1])} {number}");
            }
        }

        return parts.Count == 0 ? "the whole file" : string.Join(" → ", parts);
    }

    /// <summary>The message with its JSON path put in words; a missing field says what the file lacks.</summary>
    public static string Plain(string message, string path)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(path);
        var missing = Missing().Match(message);
        if (missing.Success)
        {
            var owner = missing.Groups["path"].Value;
            return owner == "$"
                ? $"The file has no {Words(missing.Groups["field"].Value)}."
                : $"{Capital(Where(owner))} has no {Words(missing.Groups["field"].Value)}.";
        }

        return path.Length > 1 && message.StartsWith(path, StringComparison.Ordinal)
            ? Capital(Where(path)) + message[path.Length..]
            : message;
    }

    /// <summary>A field's name in words: <c>populationHealthNeeds</c> becomes "population health needs".</summary>
    public static string Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private static string Singular(string words) =>
        words.EndsWith("ies", StringComparison.Ordinal) ? words[..^3] + "y"
        : words.EndsWith("ses", StringComparison.Ordinal) || !words.EndsWith('s') ? words
        : words[..^1];

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"\.(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>\d+)\]|\['(?<name>[^']*)'\]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Segment();

    [GeneratedRegex(@"^(?<path>\$\S*) is missing the required field '(?<field>[^']+)'\.$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Missing();
}
