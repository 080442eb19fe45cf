using Commissioning.Core.Text;

namespace Commissioning.Tests.Text;

/// <summary>The one rule for what text fields may hold, and the escaping the command line prints with.</summary>
public sealed class TextRulesTests
{
    // Text, shape, and the problem expected (null: allowed), as "kind U+XXXX at N".
    private static readonly (string Text, TextShape Shape, string? Expected)[] Table =
    [
        ("Riverside Surgery", TextShape.OneLine, null),
        ("Café Ñandú – Zoë's £5 & more", TextShape.OneLine, null),
        ("Ward \U0001F3E5 7", TextShape.OneLine, null),
        ("שירות בריאות", TextShape.OneLine, null),
        ("Evil\nMost advantageous tender: Evil", TextShape.OneLine, "line break U+000A at 5"),
        ("Evil\r\nX", TextShape.OneLine, "line break U+000D at 5"),
        ("Tab\there", TextShape.OneLine, "tab U+0009 at 4"),
        ("\u001B[2JWipe", TextShape.OneLine, "control character U+001B at 1"),
        ("Bell\u0007", TextShape.OneLine, "control character U+0007 at 5"),
        ("Nul\0", TextShape.OneLine, "control character U+0000 at 4"),
        ("Del\u007F", TextShape.OneLine, "control character U+007F at 4"),
        ("C1\u009B31m", TextShape.OneLine, "control character U+009B at 3"),
        ("Next\u0085line", TextShape.OneLine, "line break U+0085 at 5"),
        ("Line\u2028sep", TextShape.OneLine, "line break U+2028 at 5"),
        ("Para\u2029sep", TextShape.OneLine, "line break U+2029 at 5"),
        ("abc\u202Efed", TextShape.OneLine, "text-direction control U+202E at 4"),
        ("\u202Aembed", TextShape.OneLine, "text-direction control U+202A at 1"),
        ("iso\u2066late\u2069", TextShape.OneLine, "text-direction control U+2066 at 4"),
        ("pop\u2069", TextShape.OneLine, "text-direction control U+2069 at 4"),
        ("\U0001F3E5\u001B", TextShape.OneLine, "control character U+001B at 2"),
        ("half \uD800 a character", TextShape.OneLine, "incomplete character U+D800 at 6"),
        ("low \uDC00 half", TextShape.OneLine, "incomplete character U+DC00 at 5"),
        ("First line\nsecond line", TextShape.MultiLine, null),
        ("Windows\r\nline ends", TextShape.MultiLine, null),
        ("Lone\rreturn", TextShape.MultiLine, "line break U+000D at 5"),
        ("Tab\tin text", TextShape.MultiLine, "tab U+0009 at 4"),
        ("Reason\n\u001B[31mred", TextShape.MultiLine, "control character U+001B at 8"),
        ("Reason \u202Ereversed", TextShape.MultiLine, "text-direction control U+202E at 8"),
        ("Reason\u2028", TextShape.MultiLine, "line break U+2028 at 7"),
        (string.Empty, TextShape.OneLine, null),
    ];

    [Test]
    public void Check_EachCharacterClass_IsAllowedOrRefusedWithItsPosition()
    {
        var checkedCases = 0;
        Assert.Multiple(() =>
        {
            foreach (var (text, shape, expected) in Table)
            {
                var problem = TextRules.Check(text, shape);
                var actual = problem is null ? null : $"{problem.Kind} {problem.Code} at {problem.Position}";
                Assert.That(actual, Is.EqualTo(expected), $"{shape}: {TextRules.Escape(text)}");
                checkedCases++;
            }
        });

        Assert.That(checkedCases, Is.EqualTo(30));
    }

    [Test]
    public void Check_Null_IsClean()
    {
        Assert.That(TextRules.Check(null, TextShape.OneLine), Is.Null);
    }

    [Test]
    public void Message_NamesTheFieldTheCharacterAndWhere()
    {
        var problem = TextRules.Check("Evil\nX", TextShape.OneLine)!;

        Assert.That(TextRules.Message("The provider name of bid 'a'", problem, TextShape.OneLine),
            Is.EqualTo("The provider name of bid 'a' must be plain text on one line: remove the line break (U+000A) at character 5"));
        Assert.That(TextRules.Message("The rationale", TextRules.Check("a\u001B", TextShape.MultiLine)!, TextShape.MultiLine),
            Is.EqualTo("The rationale must be plain text: remove the control character (U+001B) at character 2"));
    }

    [TestCase("Riverside", true)]
    [TestCase("?", true)]
    [TestCase("\U0001F3E5", true)]
    [TestCase("", false)]
    [TestCase("   ", false)]
    [TestCase("\u200B\u200B", false)]
    [TestCase("\u200D\u200C\u2060\uFEFF", false)]
    [TestCase("\u202E\u202D\u2066", false)]
    [TestCase("\u200E\u200F", false)]
    [TestCase("\u00AD", false)]
    [TestCase("\u3164\u115F", false)]
    [TestCase("\u2800", false)]
    [TestCase("\u0301\u0308", false)]
    [TestCase("\u00A0\u2003", false)]
    [TestCase("\u200Bx\u200B", true)]
    public void HasVisibleCharacters_IsFalseForTextThatShowsNothing(string text, bool visible)
    {
        Assert.That(TextRules.HasVisibleCharacters(text), Is.EqualTo(visible));
    }

    [TestCase("Plain text, £5 & Zoë", "Plain text, £5 & Zoë")]
    [TestCase("Evil\nMost advantageous tender: Evil", "Evil\\nMost advantageous tender: Evil")]
    [TestCase("\u001B[2J\u001B[31mred", "\\u001B[2J\\u001B[31mred")]
    [TestCase("a\r\tb", "a\\r\\tb")]
    [TestCase("abc\u202Efed", "abc\\u202Efed")]
    [TestCase("\u009B31m", "\\u009B31m")]
    [TestCase("\U0001F3E5 ok", "\U0001F3E5 ok")]
    public void Escape_ShowsEveryRefusedCharacterAsAVisibleEscape(string text, string escaped)
    {
        var result = TextRules.Escape(text);

        Assert.That(result, Is.EqualTo(escaped));
        Assert.That(TextRules.Check(result, TextShape.OneLine), Is.Null, "escaped text is always clean");
    }

    [Test]
    public void Escape_HalfACharacter_IsShownAsItsCode()
    {
        // Not a [TestCase]: attribute strings are stored as UTF-8, which cannot hold half a character.
        Assert.That(TextRules.Escape("half \uD800 and \uDC00"), Is.EqualTo("half \\uD800 and \\uDC00"));
    }
}
