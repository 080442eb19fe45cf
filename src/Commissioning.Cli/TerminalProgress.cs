namespace Commissioning.Cli;

/// <summary>
/// Progress of a long export or import, shown on the error stream only when that is a terminal
/// (<see cref="TerminalWriter.IsTerminal"/>): one status line, "task: step...", rewritten in place
/// as each step starts and cleared when the work is done. Redirected output, and a test's writer
/// that is not marked as a terminal, get nothing. Reported synchronously, so a step is shown
/// before its work starts and never after the command has finished.
/// </summary>
internal sealed class TerminalProgress : IProgress<string>, IDisposable
{
    private readonly TerminalWriter? _terminal;
    private readonly string _task;

    private TerminalProgress(TerminalWriter? terminal, string task)
    {
        _terminal = terminal;
        _task = task;
    }

    /// <summary>Progress for <paramref name="task"/> (such as "Writing the matrix") on the command's error stream, if it is a terminal.</summary>
    public static TerminalProgress For(CommandContext context, string task) =>
        new(context.Error is TerminalWriter { IsTerminal: true } terminal ? terminal : null, task);

    /// <summary>Shows the step now starting. Steps are the toolkit's own words or sheet names, and are escaped all the same.</summary>
    public void Report(string value) => _terminal?.Status($"{_task}: {value}...");

    /// <summary>Clears the status line.</summary>
    public void Dispose() => _terminal?.EndStatus();
}
