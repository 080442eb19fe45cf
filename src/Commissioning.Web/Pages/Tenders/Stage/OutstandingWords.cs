using System.Globalization;
using Commissioning.Core.Evaluation;

namespace Commissioning.Web.Pages.Tenders.Stage;

/// <summary>What is outstanding in a lot's result, a sentence an item, for the confirmation page.</summary>
public static class OutstandingWords
{
    /// <summary>The item in words.</summary>
    public static string Of(OutstandingItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var bid = item.Bid is { } b ? $"{b.Provider} ({b.Id})" : "A bid";
        var question = item.Question is { } q ? $"question {q.Id} {q.Title}" : "a question";
        return item.Kind switch
        {
            OutstandingKind.NoBids => "The lot has no bids.",
            OutstandingKind.GateNotDecided => $"{bid}: gate {item.Gate?.Id} {item.Gate?.Title} is not decided.",
            OutstandingKind.NoScore => $"{bid}: {question} has no submitted score.",
            OutstandingKind.WaitingForEvaluators => $"{bid}, {question}: waiting for {string.Join(", ", item.Evaluators)} to submit their score{(item.Evaluators.Count == 1 ? "" : "s")}.",
            OutstandingKind.NotModerated => $"{bid}, {question}: the evaluators' scores differ ({string.Join(", ", item.Scores.Select(s => s.ToString("0.##", CultureInfo.InvariantCulture)))}) and no consensus is recorded.",
            OutstandingKind.ConsensusWithoutScores => $"{bid}, {question}: a consensus is recorded but no evaluator's own submitted score.",
            OutstandingKind.ThresholdsWaiting => $"{bid}: its minimum thresholds are checked once every score is in.",
            OutstandingKind.LowPriceUndecided => $"{bid}: the price may be abnormally low and no decision is recorded.",
            _ => $"{bid}: {item.Kind}.",
        };
    }
}
