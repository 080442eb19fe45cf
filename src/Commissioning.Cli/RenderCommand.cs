using System.Text;
using Commissioning.Documents.Evaluation;

namespace Commissioning.Cli;

/// <summary>
/// <c>render &lt;document&gt; &lt;input&gt; [options] -o &lt;file.html|file.md&gt;</c>: one switch on the
/// document's kind, each document's code in its own file. The output's format comes from the
/// file's extension; the file is written whole or not at all (a temporary file beside it, then
/// moved over it), so an interrupted run never leaves half a document.
/// </summary>
internal static class RenderCommand
{
    /// <summary>The documents this command renders, for the usage message.</summary>
    public static IReadOnlyList<string> Documents { get; } = ["evaluation-report", "assessment-summary"];

    public static int Run(CommandContext context, string document, string input, Arguments arguments) => document switch
    {
        "evaluation-report" => EvaluationDocumentCommands.Report(context, input, Output(context, arguments)),
        "assessment-summary" => EvaluationDocumentCommands.Summary(context, input, Output(context, arguments), arguments.Option("bid"), arguments.Flag("disclose-winner-answers")),
        _ => throw new UsageException($"There is no document called '{document}' to render. Choose one of: {string.Join(", ", [.. RenderDocumentsCommand.Documents, .. Documents])}."),
    };

    /// <summary>The output file from <c>-o</c>, with the format its extension names.</summary>
    internal static (string Shown, string Path, DocumentOutput Format) Output(CommandContext context, Arguments arguments)
    {
        var shown = arguments.Option("output") ?? throw new UsageException("Name the file to write with -o, such as -o report.html or -o report.md.");
        var format = Path.GetExtension(shown).ToLowerInvariant() switch
        {
            ".html" or ".htm" => DocumentOutput.Html,
            ".md" or ".markdown" => DocumentOutput.Markdown,
            _ => throw new UsageException($"The output file {shown} must end in .html (print-ready HTML) or .md (Markdown)."),
        };
        var path = context.Resolve(shown);
        var folder = Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new UsageException($"The folder for {shown} does not exist. Create it first, or write the file somewhere else.");
        }

        if (Directory.Exists(path))
        {
            throw new UsageException($"{shown} is a folder. Name a file to write, such as {Path.Combine(shown, "report.html")}.");
        }

        return (shown, path, format);
    }

    /// <summary>Writes a document whole: a temporary file in the same folder, then moved over the target.</summary>
    internal static int Write(CommandContext context, (string Shown, string Path, DocumentOutput Format) output, string text)
    {
        try
        {
            OutputFile.WriteWhole(output.Path, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Output.WriteLine($"{output.Shown} could not be written: {ex.Message}");
            return ExitCodes.ValidationErrors;
        }

        context.Output.WriteLine($"Wrote {output.Shown} ({(output.Format == DocumentOutput.Html ? "HTML" : "Markdown")}, {Encoding.UTF8.GetByteCount(text):N0} bytes).");
        return ExitCodes.Success;
    }
}
