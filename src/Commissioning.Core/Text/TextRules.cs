using System.Globalization;
using System.Text;

namespace Commissioning.Core.Text;

/// <summary>Whether a text field is a single line (a name, a title, an id) or may run over several lines (a rationale).</summary>
public enum TextShape
{
    /// <summary>Names, titles and ids: one line, no control characters at all.</summary>
    OneLine,

    /// <summary>Longer text such as a rationale or a question: line breaks allowed, no other control characters.</summary>
    MultiLine,
}

/// <summary>A character a text field must not hold, and where it is.</summary>
/// <param name="Position">Which character it is, counting from 1 (a character outside the Basic Multilingual Plane counts once).</param>
/// <param name="CodePoint">The character's code, such as 0x1B for ESC.</param>
/// <param name="Kind">What it is, in words: "line break", "tab", "control character", "text-direction control" or "incomplete character".</param>
public sealed record TextProblem(int Position, int CodePoint, string Kind)
{
    /// <summary>The code in the form U+001B.</summary>
    public string Code => $"U+{CodePoint.ToString("X4", CultureInfo.InvariantCulture)}";
}

/// <summary>
/// The one set of rules for what text fields may hold, used by every validator (through
/// <see cref="TextRuleExtensions"/>) and by the command line when it escapes what it prints.
/// </summary>
/// <remarks>
/// Refused everywhere: C0 controls (U+0000 to U+001F) other than the line break allowed in
/// multi-line text, DEL (U+007F), C1 controls (U+0080 to U+009F), the bidirectional embeddings,
/// overrides and isolates (U+202A to U+202E, U+2066 to U+2069), the line and paragraph separators
/// (U+2028, U+2029) and half of a UTF-16 surrogate pair. These can rewrite a terminal (ANSI escapes,
/// carriage returns), hide or reorder text on screen (direction overrides) or start a fake line in
/// printed results. Multi-line text may hold line feeds, alone or after a carriage return. This is
/// the toolkit's own rule; the source documents say nothing about text encoding.
/// </remarks>
public static class TextRules
{
    // Characters that take up no space when shown, though Unicode does not class them as
    // controls or format characters: Hangul fillers and the blank Braille pattern.
    private static readonly HashSet<int> BlankLetters = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800];

    /// <summary>The first character <paramref name="text"/> must not hold as <paramref name="shape"/> text, or null if it is clean (null text is clean).</summary>
    public static TextProblem? Check(string? text, TextShape shape)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var position = 0;
        for (var i = 0; i < text.Length; i++)
        {
            position++;
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return new TextProblem(position, c, "incomplete character");
            }

            if (shape == TextShape.MultiLine && (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')))
            {
                continue;
            }

            if (KindOf(c) is { } kind)
            {
                return new TextProblem(position, c, kind);
            }
        }

        return null;
    }

    /// <summary>
    /// The message for a problem, naming the field: "The tender's title must be plain text on one
    /// line: remove the line break (U+000A) at character 12". No full stop, so callers can add one
    /// or not to match the messages around it.
    /// </summary>
    public static string Message(string field, TextProblem problem, TextShape shape)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(problem);
        var rule = shape == TextShape.OneLine ? "must be plain text on one line" : "must be plain text";
        return $"{field} {rule}: remove the {problem.Kind} ({problem.Code}) at character {problem.Position}";
    }

    /// <summary>
    /// Whether the text holds at least one character that shows: not only spaces, zero-width
    /// characters, direction marks, controls or combining marks with nothing to combine with.
    /// </summary>
    public static bool HasVisibleCharacters(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || BlankLetters.Contains(rune.Value))
            {
                continue;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.EnclosingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.SpaceSeparator:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                    continue;
                default:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The text with every character these rules refuse written as a visible escape (\n, \r, \t,
    /// or \u001B), so that printing it cannot move the cursor, change colours, start a new line or
    /// reverse the text that follows. Clean text comes back unchanged.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair || (!char.IsSurrogate(c) && KindOf(c) is null))
            {
                escaped?.Append(c);
                if (pair)
                {
                    i++;
                    escaped?.Append(text[i]);
                }

                continue;
            }

            escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => $"\\u{((int)c).ToString("X4", CultureInfo.InvariantCulture)}",
            });
        }

        return escaped?.ToString() ?? text;
    }

    /// <summary>What a character is, if the rules refuse it in one-line text; null if it is allowed.</summary>
    private static string? KindOf(char c) => c switch
    {
        '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' => "line break",
        '\t' => "tab",
        < '\u0020' or '\u007F' or (>= '\u0080' and <= '\u009F') => "control character",
        (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => "text-direction control",
        _ => null,
    };
}
