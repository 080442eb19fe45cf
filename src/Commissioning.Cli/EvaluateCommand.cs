using Commissioning.Application;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Evaluation;

namespace Commissioning.Cli;

/// <summary>
/// <c>evaluate &lt;tender.json&gt; [--json]</c>: the text from the templates in
/// <c>templates/evaluation/</c>, or the <c>oh-evaluation</c> file (<see cref="EvaluationFile"/>).
/// </summary>
internal static class EvaluateCommand
{
    public static int Run(CommandContext context, string file, bool json)
    {
        if (Load(context, file) is not { } pack)
        {
            return ExitCodes.ValidationErrors;
        }

        var (result, robustness) = TenderFiles.Evaluate(pack);
        context.Output.WriteLines((json ? EvaluationFile.Write(result, robustness) : EvaluationText.Render(result, robustness)).TrimEnd('\n'));
        return ExitCodes.Success;
    }

    /// <summary>
    /// Reads and validates a tender file through the application service (the steps the site
    /// shares), printing its problems; null when it cannot be evaluated.
    /// </summary>
    internal static TenderPack? Load(CommandContext context, string file)
    {
        var read = TenderFiles.ReadPack(context.ReadFile(file), context.Standards);
        if (read.Succeeded)
        {
            return read.Value;
        }

        // Unreadable: each message names its place already. Invalid: each message names the
        // place in words, and the JSON path says where it is in the file.
        if (read.Failure == FailureKind.Unreadable)
        {
            context.Problems(file, read.Errors);
        }
        else
        {
            context.Invalid(file, read.Errors.Select(e => $"{e.Location!.Describe()}: {e.Message}"));
        }

        return null;
    }
}
