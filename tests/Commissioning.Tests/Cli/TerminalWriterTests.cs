using Commissioning.Cli;

namespace Commissioning.Tests.Cli;

/// <summary>The one writer the command line prints through: only WriteLine ends a line; everything else that could control a terminal is shown as an escape.</summary>
public sealed class TerminalWriterTests
{
    private static string Written(Action<TextWriter> write)
    {
        using var inner = new StringWriter { NewLine = "\n" };
        write(TerminalWriter.Wrap(inner));
        return inner.ToString();
    }

    [Test]
    public void WriteLine_TextWithALineBreakAndEscapes_IsOneLine()
    {
        var written = Written(w => w.WriteLine("Evil OH\nMost advantageous tender: Evil OH\u001B[2J\u202E"));

        Assert.That(written, Is.EqualTo("Evil OH\\nMost advantageous tender: Evil OH\\u001B[2J\\u202E\n"));
    }

    [Test]
    public void EveryWriteOverload_EscapesControls_AndOnlyWriteLineEndsALine()
    {
        var written = Written(w =>
        {
            w.Write('\n');
            w.Write("a\rb");
            w.Write("\t".ToCharArray(), 0, 1);
            w.Write("c\u0007".AsSpan());
            w.WriteLine();
            w.WriteLine("d\u0085".AsSpan());
            w.WriteLine("e\n".ToCharArray(), 0, 2);
            w.WriteLine((object)"f\u009B");
            w.WriteLine(42);
            w.WriteLine('\r');
            w.WriteLine($"{"g"}\n{1,3}");
            w.WriteLine("h{0}", "\u001B");
        });

        Assert.That(written.Split('\n'), Is.EqualTo(new[]
        {
            "\\na\\rb\\tc\\u0007",
            "d\\u0085",
            "e\\n",
            "f\\u009B",
            "42",
            "\\r",
            "g\\n  1",
            "h\\u001B",
            string.Empty,
        }));
    }

    [Test]
    public void WriteLines_TheProgramsOwnLines_AreRealLines_EachStillEscaped()
    {
        var written = Written(w => w.WriteLines("{\r\n  \"a\": 1,\n  \"b\": \"\u001B\"\n}"));

        Assert.That(written, Is.EqualTo("{\n  \"a\": 1,\n  \"b\": \"\\u001B\"\n}\n"));
    }

    [Test]
    public void Wrap_AWrappedWriter_IsNotWrappedTwice()
    {
        using var inner = new StringWriter();
        var once = TerminalWriter.Wrap(inner);

        Assert.That(TerminalWriter.Wrap(once), Is.SameAs(once));
    }
}
