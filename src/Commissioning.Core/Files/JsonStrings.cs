using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Commissioning.Core.Files;

/// <summary>
/// Finds text in a JSON document that is valid JSON but cannot be made into a string: an escape
/// such as <c>\ud800</c> for half of a UTF-16 surrogate pair with no other half. The parser
/// accepts it; reading the value then fails, so it is reported first, with its path.
/// </summary>
internal static class JsonStrings
{
    /// <summary>Every field name and text value that cannot be read, in document order.</summary>
    public static IReadOnlyList<FileProblem> Unreadable(ReadOnlySpan<byte> utf8)
    {
        var problems = new List<FileProblem>();
        var tracker = new JsonPathTracker();
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            var isName = reader.TokenType == JsonTokenType.PropertyName;
            if ((isName || reader.TokenType == JsonTokenType.String) && reader.ValueIsEscaped && !Readable(ref reader))
            {
                var escape = LoneSurrogate(reader.ValueSpan);
                var what = $"{escape}, half of a character (a UTF-16 surrogate without its other half). Remove it, or write the whole character";
                if (isName)
                {
                    var container = tracker.ContainerPath;
                    problems.Add(new FileProblem(container, $"A field name in {container} holds {what}."));
                }
                else
                {
                    tracker.Track(ref reader);
                    problems.Add(new FileProblem(tracker.Path, $"{tracker.Path} holds {what}."));
                    continue;
                }
            }

            tracker.Track(ref reader);
        }

        return problems;
    }

    private static bool Readable(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The first \uXXXX escape in the raw text that is half of a surrogate pair with no partner.</summary>
    private static string LoneSurrogate(ReadOnlySpan<byte> raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        for (var i = 0; i + 6 <= text.Length; i++)
        {
            if (text[i] != '\\')
            {
                continue;
            }

            if (text[i + 1] != 'u')
            {
                i++; // skip the escaped character, such as \\ or \"
                continue;
            }

            if (!int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
            {
                continue;
            }

            var escape = text.Substring(i, 6);
            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return escape;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                var next = i + 6;
                var paired = next + 6 <= text.Length && text[next] == '\\' && text[next + 1] == 'u'
                    && int.TryParse(text.AsSpan(next + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low)
                    && low is >= 0xDC00 and <= 0xDFFF;
                if (!paired)
                {
                    return escape;
                }

                i = next + 5;
                continue;
            }

            i += 5;
        }

        return "an escape";
    }
}
