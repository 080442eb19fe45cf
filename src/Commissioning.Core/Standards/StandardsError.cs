namespace Commissioning.Core.Standards;

/// <summary>One problem in a standards file: where it is and what is wrong, in plain English.</summary>
/// <param name="File">The file name, without its folder.</param>
/// <param name="Line">The 1-based line, or 0 for a problem with the folder as a whole.</param>
/// <param name="Message">What is wrong and, where it helps, how to put it right.</param>
public sealed record StandardsError(string File, int Line, string Message)
{
    /// <inheritdoc />
    /// <remarks>A problem with the folder as a whole has no line, and its message names the folder itself.</remarks>
    public override string ToString() => Line > 0 ? $"{File}, line {Line}: {Message}" : Message;
}

/// <summary>Thrown when the standards folder cannot be loaded; lists every problem found.</summary>
public sealed class StandardsLoadException(IReadOnlyList<StandardsError> errors)
    : Exception(BuildMessage(errors))
{
    /// <summary>Every problem, in file then line order.</summary>
    public IReadOnlyList<StandardsError> Errors { get; } = errors;

    private static string BuildMessage(IReadOnlyList<StandardsError> errors) =>
        $"The standards could not be loaded: {errors.Count} problem{(errors.Count == 1 ? "" : "s")}." + Environment.NewLine +
        string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}

/// <summary>A standards file's name and text. Reading the folder is the caller's job (Core does no I/O).</summary>
/// <param name="FileName">The file name, used in error messages.</param>
/// <param name="Text">The whole file.</param>
public sealed record StandardsFile(string FileName, string Text);
