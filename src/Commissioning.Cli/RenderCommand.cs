using System.Text;
using Commissioning.Documents.Evaluation;
using Commissioning.Documents.Specification;

namespace Commissioning.Cli;

/// <summary>
/// <c>render evaluation-report|assessment-summary &lt;tender.json&gt; [options] -o &lt;file.html|file.md&gt;</c>.
/// The other documents are <see cref="RenderDocumentsCommand"/>'s; both take their output file
/// through <see cref="DocumentTarget"/>.
/// </summary>
internal static class RenderCommand
{
    /// <summary>The documents this command renders, for the usage message.</summary>
    public static IReadOnlyList<string> Documents { get; } = ["evaluation-report", "assessment-summary"];

    public static int Run(CommandContext context, string document, string input, string? output, string? bidId, bool discloseWinnerAnswers) => document switch
    {
        "evaluation-report" => EvaluationDocumentCommands.Report(context, input, DocumentTarget.Parse(context, output, "report", [input])),
        "assessment-summary" => EvaluationDocumentCommands.Summary(context, input, DocumentTarget.Parse(context, output, "summary", [input]), bidId, discloseWinnerAnswers),
        _ => throw new UsageException($"There is no document called '{document}' to render. Choose one of: {string.Join(", ", [.. RenderDocumentsCommand.Documents, .. Documents])}."),
    };
}

/// <summary>
/// The <c>-o</c> file of every <c>render</c> command, checked in one place before anything is
/// read: given, ending in .html (print-ready HTML) or .md (Markdown), or .xlsx where the document
/// has a workbook, in a folder that exists, not a folder itself and not one of the inputs. The
/// document is written whole or not at all (<see cref="OutputFile.WriteWhole(string, Action{Stream})"/>).
/// </summary>
/// <param name="Shown">The name as the user gave it, for messages.</param>
/// <param name="Path">The full path.</param>
/// <param name="Format">HTML or Markdown, from the extension (HTML for a workbook, unused).</param>
/// <param name="IsWorkbook">True for .xlsx: the document's workbook rather than the document.</param>
internal sealed record DocumentTarget(string Shown, string Path, DocumentOutput Format, bool IsWorkbook = false)
{
    /// <summary>The format as the specification, questionnaire and readiness documents name it.</summary>
    public OutputFormat TemplateFormat => Format == DocumentOutput.Html ? OutputFormat.Html : OutputFormat.Markdown;

    /// <summary>"HTML", "Markdown" or "Excel workbook".</summary>
    public string FormatName => IsWorkbook ? "Excel workbook" : Format == DocumentOutput.Html ? "HTML" : "Markdown";

    /// <summary>
    /// Checks <c>-o</c> (<paramref name="output"/>, null when it was not given); a usage error for
    /// anything wrong. <paramref name="example"/> names the file in the messages' examples;
    /// <paramref name="workbook"/>, when given, is the sentence that says the document can also be
    /// written as a workbook (.xlsx), added to the messages about the extension (null: the
    /// document has no workbook, and .xlsx is refused).
    /// </summary>
    public static DocumentTarget Parse(CommandContext context, string? output, string example, IReadOnlyList<string> inputs, string? workbook = null)
    {
        var also = workbook is null ? string.Empty : " " + workbook;
        if (output is null)
        {
            throw new UsageException($"Name the file to write with -o, such as -o {example}.html (HTML to print) or -o {example}.md (Markdown).{also}");
        }

        var extension = System.IO.Path.GetExtension(output).ToLowerInvariant();
        var isWorkbook = workbook is not null && extension == ".xlsx";
        var format = extension switch
        {
            ".html" or ".htm" => DocumentOutput.Html,
            ".md" or ".markdown" => DocumentOutput.Markdown,
            _ when isWorkbook => DocumentOutput.Html,
            _ => throw new UsageException($"The output file {output} must end in .html (print-ready HTML) or .md (Markdown).{also}"),
        };

        var full = context.Resolve(output);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{output} is a folder. Name a file to write, such as {System.IO.Path.Combine(output, example + ".html")}.");
        }

        var folder = System.IO.Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new UsageException($"The folder for {output} does not exist. Create it first, or write the file somewhere else.");
        }

        if (inputs.Any(i => string.Equals(context.Resolve(i), full, StringComparison.Ordinal)))
        {
            throw new UsageException($"{output} is also an input file. Name a different file to write, so that the input is not overwritten.");
        }

        return new DocumentTarget(output, full, format, isWorkbook);
    }

    /// <summary>
    /// Writes the document whole and says so with <paramref name="wrote"/>; if it cannot be
    /// written, says why and returns exit code 1 (the target is left as it was).
    /// </summary>
    public int Write(CommandContext context, string text, string wrote) =>
        Attempt(context, () => OutputFile.WriteWhole(Path, text), wrote);

    /// <summary>
    /// Writes what <paramref name="write"/> puts in the stream (a workbook) as the whole file and
    /// says so with <paramref name="wrote"/>; if it cannot be written, says why and returns exit code 1.
    /// </summary>
    public int Write(CommandContext context, Action<Stream> write, string wrote) =>
        Attempt(context, () => OutputFile.WriteWhole(Path, write), wrote);

    private int Attempt(CommandContext context, Action write, string wrote)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Output.WriteLine($"{Shown} could not be written: {ex.Message}");
            return ExitCodes.ValidationErrors;
        }

        context.Output.WriteLine(wrote);
        return ExitCodes.Success;
    }

    /// <summary>The usual line for a written document: its name, format and size.</summary>
    public string WroteLine(string text) => $"Wrote {Shown} ({FormatName}, {Encoding.UTF8.GetByteCount(text):N0} bytes).";
}
