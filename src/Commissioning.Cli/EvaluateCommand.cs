using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Validation;
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

        var (result, robustness) = TenderEvaluator.EvaluateWithRobustness(pack);
        context.Output.WriteLines((json ? EvaluationFile.Write(result, robustness) : EvaluationText.Render(result, robustness)).TrimEnd('\n'));
        return ExitCodes.Success;
    }

    /// <summary>Reads and validates a tender file, printing its problems; null when it cannot be evaluated.</summary>
    internal static TenderPack? Load(CommandContext context, string file)
    {
        var read = TenderFile.Read(context.ReadFile(file));
        if (!read.Succeeded)
        {
            context.Problems(file, read.Problems);
            return null;
        }

        var validation = new TenderPackValidator(context.Standards).Validate(read.Value);
        if (!validation.IsValid)
        {
            // Each message names the place in words; the JSON path says where it is in the file.
            context.Invalid(file, validation.Errors.Select(e => $"{TenderFile.JsonPath(e.PropertyName)}: {e.ErrorMessage}"));
            return null;
        }

        return read.Value;
    }
}
