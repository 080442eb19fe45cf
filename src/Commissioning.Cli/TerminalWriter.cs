using System.Text;
using Commissioning.Core.Text;

namespace Commissioning.Cli;

/// <summary>
/// The one place the command line's text reaches the terminal. Everything written through it
/// has control characters, direction overrides and line breaks escaped (<see cref="TextRules.Escape"/>),
/// so a name in a file that slipped past validation cannot move the cursor, change colours or
/// start a line of its own. Only <c>WriteLine</c> ends a line: a line break inside written text
/// is shown as \n. Text made of several lines is written with <see cref="WriteLines"/>.
/// </summary>
/// <param name="inner">Where the escaped text goes.</param>
/// <param name="isTerminal">
/// Whether <paramref name="inner"/> is a terminal a person watches (so progress may be shown on
/// it); when not given, true only for the console's error stream when it is not redirected. Tests
/// give it to stand in for a terminal.
/// </param>
internal sealed class TerminalWriter(TextWriter inner, bool? isTerminal = null) : TextWriter(inner.FormatProvider)
{
    private int _statusWidth;

    /// <summary>Wraps a writer, once.</summary>
    public static TerminalWriter Wrap(TextWriter writer) => writer as TerminalWriter ?? new TerminalWriter(writer);

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <summary>True when this writes to a terminal a person watches: progress is shown only there, never in redirected output.</summary>
    public bool IsTerminal { get; } = isTerminal ?? (ReferenceEquals(inner, Console.Error) && !Console.IsErrorRedirected);

    /// <summary>
    /// Shows a status line, replacing the last one in place: a carriage return (the only control
    /// character this writer lets through, and only here), then the text, escaped like all other
    /// text, padded to cover a longer line before it.
    /// </summary>
    public void Status(string text)
    {
        var escaped = TextRules.Escape(text);
        inner.Write("\r" + escaped.PadRight(_statusWidth));
        _statusWidth = Math.Max(_statusWidth, escaped.Length);
        inner.Flush();
    }

    /// <summary>Clears the status line, if one is shown, leaving the cursor at the start of the line.</summary>
    public void EndStatus()
    {
        if (_statusWidth > 0)
        {
            inner.Write("\r" + new string(' ', _statusWidth) + "\r");
            inner.Flush();
            _statusWidth = 0;
        }
    }

    /// <inheritdoc />
    public override void Write(char value) => inner.Write(TextRules.Escape(value.ToString()));

    /// <inheritdoc />
    public override void Write(string? value) => inner.Write(TextRules.Escape(value));

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    /// <inheritdoc />
    public override void WriteLine() => inner.WriteLine();

    /// <inheritdoc />
    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    /// <inheritdoc />
    public override void WriteLine(ReadOnlySpan<char> buffer) => WriteLine(new string(buffer));

    /// <inheritdoc />
    public override void WriteLine(char[] buffer, int index, int count) => WriteLine(new string(buffer, index, count));

    /// <summary>
    /// Writes text of several lines that this program made itself (the usage, JSON from the
    /// serializer, which escapes control characters in its strings): each line is still escaped.
    /// </summary>
    public void WriteLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n'))
        {
            WriteLine(line.TrimEnd('\r'));
        }
    }

    /// <inheritdoc />
    public override void Flush() => inner.Flush();

    /// <inheritdoc />
    public override Task FlushAsync() => inner.FlushAsync();
}

/// <summary>Writing several lines through whatever writer a command has.</summary>
internal static class TerminalWriterExtensions
{
    /// <summary>Writes text of several lines, a line at a time, so that each line break is a real one.</summary>
    public static void WriteLines(this TextWriter writer, string text)
    {
        ArgumentNullException.ThrowIfNull(writer);
        TerminalWriter.Wrap(writer).WriteLines(text);
    }
}
