using System.Text;
using System.Text.RegularExpressions;

namespace Commissioning.Tests.Support;

/// <summary>
/// One message a validator can give, read from its source: where it is, the message as written
/// (with its interpolation holes), and a pattern that any message it produces matches.
/// </summary>
internal sealed record MessageTemplate(string File, int Line, string Text, Regex Pattern)
{
    public override string ToString() => $"{File}:{Line}: {Text}";
}

/// <summary>
/// Reads the messages of FluentValidation validators from their C# source, so a test can name
/// each one and look for a case that gives it. A message is the last argument of
/// <c>WithMessage(…)</c> or <c>AddFailure(…)</c>, or the second item of a
/// <c>yield return (property, message)</c> tuple. Literal text is kept; an interpolation hole
/// matches any text, except a hole that names a local variable declared earlier in the file as an
/// interpolated string (<c>var where = $"…"</c>), whose own text is put in its place so that
/// "{where} has no reason" for a score and for a gate decision are told apart. A message passed
/// on from somewhere else (an argument with fewer than three words of its own, such as a
/// variable or a call) is a forwarder: the caller lists the ones it expects.
/// </summary>
internal static partial class MessageTemplates
{
    public sealed record Scan(IReadOnlyList<MessageTemplate> Templates, IReadOnlyList<(string File, int Line, string Expression)> Forwarders);

    public static Scan Read(string folder)
    {
        var templates = new List<MessageTemplate>();
        var forwarders = new List<(string, int, string)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.cs").Order(StringComparer.Ordinal))
        {
            var source = File.ReadAllText(path);
            var file = Path.GetFileName(path);
            foreach (Match site in CallSite().Matches(source))
            {
                var open = site.Index + site.Length - 1;
                var arguments = Arguments(source, open);
                var message = site.Value.StartsWith("yield", StringComparison.Ordinal) ? arguments[1] : arguments[^1];
                message = LambdaPrefix().Replace(message, string.Empty).Trim();
                var line = source.AsSpan(0, site.Index).Count('\n') + 1;
                var pieces = Pieces(message);
                var fixedWords = pieces.Where(p => p.IsLiteral).SelectMany(p => p.Parts).Where(p => !p.IsHole).Sum(p => Word().Count(p.Text));
                if (fixedWords < 3)
                {
                    forwarders.Add((file, line, message));
                    continue;
                }

                var text = new StringBuilder();
                var pattern = new StringBuilder("^");
                Render(pieces, source, site.Index, text, pattern, depth: 0);
                templates.Add(new MessageTemplate(file, line, text.ToString(), new Regex(Collapse(pattern.Append('$').ToString()), RegexOptions.Singleline)));
            }
        }

        return new Scan(templates, forwarders);
    }

    private sealed record Piece(bool IsLiteral, string Text, IReadOnlyList<(bool IsHole, string Text)> Parts);

    private static void Render(IReadOnlyList<Piece> pieces, string source, int before, StringBuilder text, StringBuilder pattern, int depth)
    {
        foreach (var piece in pieces)
        {
            if (!piece.IsLiteral)
            {
                text.Append("{…}");
                pattern.Append(".*?");
                continue;
            }

            foreach (var (isHole, part) in piece.Parts)
            {
                if (!isHole)
                {
                    text.Append(part);
                    pattern.Append(Regex.Escape(part));
                    continue;
                }

                var local = depth < 3 && Identifier().IsMatch(part) ? LocalTemplate(source, before, part) : null;
                if (local is not null)
                {
                    Render(Pieces(local), source, before, text, pattern, depth + 1);
                }
                else
                {
                    text.Append('{').Append(part).Append('}');
                    pattern.Append(".*?");
                }
            }
        }
    }

    private static string Collapse(string pattern)
    {
        while (pattern.Contains(".*?.*?", StringComparison.Ordinal))
        {
            pattern = pattern.Replace(".*?.*?", ".*?", StringComparison.Ordinal);
        }

        return pattern;
    }

    /// <summary>The last <c>var name = $"…"</c> before the call site in the same member (method or constructor), as an expression, or null.</summary>
    private static string? LocalTemplate(string source, int before, string name)
    {
        var member = MemberStart().Match(source, 0, before);
        var from = member.Success ? member.Index : 0;
        var declaration = new Regex($@"\bvar {Regex.Escape(name)} = (?=\$?@?"")", RegexOptions.RightToLeft);
        var match = declaration.Match(source, from, before - from);
        if (!match.Success)
        {
            return null;
        }

        var start = match.Index + match.Length;
        var end = SkipString(source, start);
        return source[start..end];
    }

    /// <summary>The top-level arguments of the call whose '(' is at <paramref name="open"/>.</summary>
    private static List<string> Arguments(string source, int open)
    {
        var arguments = new List<string>();
        var depth = 0;
        var start = open + 1;
        for (var i = open; i < source.Length;)
        {
            var c = source[i];
            if (c is '"' or '$' or '@' && StartsString(source, i))
            {
                i = SkipString(source, i);
                continue;
            }

            if (c == '\'')
            {
                i = SkipChar(source, i);
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
                if (depth == 0)
                {
                    arguments.Add(source[start..i].Trim());
                    return arguments;
                }
            }
            else if (c == ',' && depth == 1)
            {
                arguments.Add(source[start..i].Trim());
                start = i + 1;
            }

            i++;
        }

        throw new InvalidOperationException($"Unbalanced call at offset {open}.");
    }

    /// <summary>An expression as string literals and the other code between them.</summary>
    private static List<Piece> Pieces(string expression)
    {
        var pieces = new List<Piece>();
        var code = new StringBuilder();
        for (var i = 0; i < expression.Length;)
        {
            if (StartsString(expression, i))
            {
                FlushCode(pieces, code);
                var end = SkipString(expression, i);
                pieces.Add(new Piece(true, expression[i..end], Parts(expression[i..end])));
                i = end;
                continue;
            }

            code.Append(expression[i]);
            i++;
        }

        FlushCode(pieces, code);
        return pieces;
    }

    private static void FlushCode(List<Piece> pieces, StringBuilder code)
    {
        var text = code.ToString().Trim();
        code.Clear();
        if (text.Length > 0 && text != "+")
        {
            pieces.Add(new Piece(false, text, []));
        }
    }

    /// <summary>A literal's text and holes: "a {b} c" gives ("a "), {b}, (" c").</summary>
    private static List<(bool, string)> Parts(string literal)
    {
        var interpolated = literal.StartsWith('$') || literal.StartsWith("@$", StringComparison.Ordinal);
        var verbatim = literal.Contains("@\"", StringComparison.Ordinal);
        var body = literal[(literal.IndexOf('"') + 1)..^1];
        var parts = new List<(bool, string)>();
        var text = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (interpolated && c == '{')
            {
                if (i + 1 < body.Length && body[i + 1] == '{')
                {
                    text.Append('{');
                    i++;
                    continue;
                }

                parts.Add((false, text.ToString()));
                text.Clear();
                var end = HoleEnd(body, i);
                var hole = body[(i + 1)..end];
                parts.Add((true, StripFormat(hole)));
                i = end;
                continue;
            }

            if (interpolated && c == '}' && i + 1 < body.Length && body[i + 1] == '}')
            {
                text.Append('}');
                i++;
                continue;
            }

            if (!verbatim && c == '\\' && i + 1 < body.Length)
            {
                text.Append(body[i + 1] switch { 'n' => '\n', 't' => '\t', '"' => '"', '\\' => '\\', '\'' => '\'', var other => other });
                i++;
                continue;
            }

            if (verbatim && c == '"' && i + 1 < body.Length && body[i + 1] == '"')
            {
                text.Append('"');
                i++;
                continue;
            }

            text.Append(c);
        }

        parts.Add((false, text.ToString()));
        return [.. parts.Where(p => p.Item1 || p.Item2.Length > 0)];
    }

    private static string StripFormat(string hole)
    {
        var depth = 0;
        for (var i = 0; i < hole.Length; i++)
        {
            if (StartsString(hole, i))
            {
                i = SkipString(hole, i) - 1;
                continue;
            }

            depth += hole[i] switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            if (depth == 0 && hole[i] == ':' && !hole[..i].Contains('?', StringComparison.Ordinal))
            {
                return hole[..i].Trim();
            }
        }

        return hole.Trim();
    }

    private static bool StartsString(string s, int i) =>
        s[i] == '"'
        || (s[i] == '$' && i + 1 < s.Length && (s[i + 1] == '"' || (s[i + 1] == '@' && i + 2 < s.Length && s[i + 2] == '"')))
        || (s[i] == '@' && i + 1 < s.Length && (s[i + 1] == '"' || (s[i + 1] == '$' && i + 2 < s.Length && s[i + 2] == '"')));

    /// <summary>The index just after the string literal that starts at <paramref name="i"/>.</summary>
    private static int SkipString(string s, int i)
    {
        var interpolated = false;
        var verbatim = false;
        while (s[i] != '"')
        {
            interpolated |= s[i] == '$';
            verbatim |= s[i] == '@';
            i++;
        }

        i++;
        while (i < s.Length)
        {
            var c = s[i];
            if (!verbatim && c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == '"')
            {
                if (verbatim && i + 1 < s.Length && s[i + 1] == '"')
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            if (interpolated && c == '{')
            {
                if (s[i + 1] == '{')
                {
                    i += 2;
                    continue;
                }

                i = HoleEnd(s, i) + 1;
                continue;
            }

            i++;
        }

        throw new InvalidOperationException("Unterminated string literal.");
    }

    /// <summary>The index of the '}' that closes the hole opened at <paramref name="open"/>.</summary>
    private static int HoleEnd(string s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length;)
        {
            if (StartsString(s, i))
            {
                i = SkipString(s, i);
                continue;
            }

            if (s[i] == '\'')
            {
                i = SkipChar(s, i);
                continue;
            }

            if (s[i] == '{')
            {
                depth++;
            }
            else if (s[i] == '}' && --depth == 0)
            {
                return i;
            }

            i++;
        }

        throw new InvalidOperationException("Unclosed interpolation hole.");
    }

    private static int SkipChar(string s, int i)
    {
        var end = s.IndexOf('\'', i + (s[i + 1] == '\\' ? 3 : 2));
        return end < 0 ? s.Length : end + 1;
    }

    [GeneratedRegex(@"\.WithMessage\(|\.AddFailure\(|yield return \(")]
    private static partial Regex CallSite();

    [GeneratedRegex(@"^\(?\s*[A-Za-z_][A-Za-z0-9_]*\s*(,\s*[A-Za-z_][A-Za-z0-9_]*\s*)*\)?\s*=>\s*")]
    private static partial Regex LambdaPrefix();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    // A member of a class in a file-scoped namespace starts four spaces in.
    [GeneratedRegex(@"^    [A-Za-z]", RegexOptions.Multiline | RegexOptions.RightToLeft)]
    private static partial Regex MemberStart();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex Word();
}
