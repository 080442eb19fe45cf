using Commissioning.Application;
using Commissioning.Documents.Evaluation;

namespace Commissioning.Cli;

/// <summary>
/// <c>render evaluation-report</c> and <c>render assessment-summary</c>, through the same
/// application code as the site's downloads (<see cref="EvaluationDocumentFiles"/>).
/// </summary>
internal static class EvaluationDocumentCommands
{
    public static int Report(CommandContext context, string tenderFile, DocumentTarget output)
    {
        if (EvaluateCommand.Load(context, tenderFile) is not { } pack)
        {
            return ExitCodes.ValidationErrors;
        }

        var (result, robustness) = TenderFiles.Evaluate(pack);
        var text = EvaluationDocumentFiles.Report(pack, result, robustness, output.Format, context.Today);
        return output.Write(context, text, output.WroteLine(text));
    }

    public static int Summary(CommandContext context, string tenderFile, DocumentTarget output, string? bidId, bool discloseWinnerAnswers)
    {
        if (bidId is null)
        {
            throw new UsageException("Name the bid the summary is for with --bid, such as --bid bid-a.");
        }

        if (EvaluateCommand.Load(context, tenderFile) is not { } pack)
        {
            return ExitCodes.ValidationErrors;
        }

        if (pack.Bids.All(b => b.Id != bidId))
        {
            throw new UsageException($"{tenderFile} has no bid '{bidId}'. Its bids are: {string.Join(", ", pack.Bids.Select(b => b.Id))}.");
        }

        var result = TenderFiles.EvaluateOnly(pack);
        var text = EvaluationDocumentFiles.AssessmentSummary(result, bidId, output.Format, context.Today, discloseWinnerAnswers);
        return output.Write(context, text, output.WroteLine(text));
    }
}
