using System.Text;
using System.Text.Json;

namespace Commissioning.Core.Files;

/// <summary>Describes text that is not valid JSON: what is wrong, where in the structure, and on which line.</summary>
internal static class JsonSyntax
{
    // The reader's own wording, matched by a fragment, and the plain words used instead.
    private static readonly (string Fragment, string Words)[] Reasons =
    [
        ("trailing comma", "there is a comma after the last item of a list or object"),
        ("Expected end of string", "a piece of text has no closing double quote"),
        ("Expected depth to be zero", "the file ends before every { and [ has been closed"),
        ("reached end of data", "the file ends before every { and [ has been closed"),
        ("is an invalid start of a property name", "a field name is missing its double quotes, or there is an extra comma"),
        ("is invalid after a property name", "a colon (:) is missing after a field name"),
        ("is invalid after a value", "a comma is missing between two items, or a bracket does not match"),
        ("is invalid without a matching open", "a closing bracket does not match an opening one"),
        ("after a single JSON value", "there is more after the closing } of the file"),
        ("is an invalid JSON literal", "a value is not valid (text needs double quotes; only true, false and null go without)"),
        ("is an invalid start of a value", "a value is not valid (text needs double quotes; only true, false and null go without)"),
        ("invalid end of a number", "a number is not written correctly"),
        ("is invalid within a number", "a number is not written correctly"),
        ("leading zero", "a number starts with a zero"),
        ("is invalid within a JSON string", "a piece of text contains a line break or tab (write \\n or \\t instead)"),
        ("invalid escapable character", "a piece of text contains a backslash that is not a valid escape (write \\\\ for a backslash)"),
        ("maximum configured depth", "lists and objects are nested more than 64 deep"),
    ];

    /// <summary>The problem for a parse failure of <paramref name="utf8"/>.</summary>
    public static FileProblem Describe(byte[] utf8, JsonException exception)
    {
        var path = PathAtFailure(utf8);
        var line = exception.LineNumber ?? 0;
        var position = Column(utf8, line, exception.BytePositionInLine ?? 0);
        var where = $"at {path} (line {line + 1}, position {position + 1})";
        return new FileProblem(path, $"The file is not valid JSON: {Reason(exception.Message)} {where}.");
    }

    private static string Reason(string message)
    {
        if (message.StartsWith("'/'", StringComparison.Ordinal))
        {
            return "comments are not allowed in JSON";
        }

        foreach (var (fragment, words) in Reasons)
        {
            if (message.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return words;
            }
        }

        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (end < 0 ? message : message[..end]).Trim().TrimEnd('.');
        return text.Length == 0 ? "it cannot be read" : char.ToLowerInvariant(text[0]) + text[1..];
    }

    /// <summary>Reads up to the failure, keeping track of the path of the value being read.</summary>
    private static string PathAtFailure(byte[] utf8)
    {
        var tracker = new JsonPathTracker();
        var reader = new Utf8JsonReader(utf8);
        try
        {
            while (reader.Read())
            {
                tracker.Track(ref reader);
            }
        }
        catch (JsonException)
        {
            // The reader stops where the parser did; the tracker says where that is.
        }

        return tracker.Path;
    }

    /// <summary>The character position in a line from the reader's byte position (they differ after non-ASCII text).</summary>
    private static long Column(byte[] utf8, long line, long bytePosition)
    {
        var start = 0;
        for (var l = 0L; l < line && start < utf8.Length; l++)
        {
            var next = Array.IndexOf(utf8, (byte)'\n', start);
            if (next < 0)
            {
                return bytePosition;
            }

            start = next + 1;
        }

        var length = (int)Math.Min(bytePosition, utf8.Length - start);
        return Encoding.UTF8.GetCharCount(utf8, start, length);
    }
}
