namespace Commissioning.Cli;

/// <summary>The command line's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>An input file is malformed or breaks a rule; the problems are printed.</summary>
    public const int ValidationErrors = 1;

    /// <summary>The command was not used correctly: unknown command, missing argument or missing file.</summary>
    public const int UsageError = 2;
}
