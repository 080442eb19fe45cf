using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Evaluation;

namespace Commissioning.Tests.Evaluation;

/// <summary>
/// What the templates say about a result: the engine's results are facts, and the words are
/// written once in templates/evaluation/words.txt.scriban. Tests of wording go through here.
/// </summary>
internal static class Said
{
    public static IReadOnlyList<string> Breakdown(LotResult lot, BidResult bid) => EvaluationText.Breakdown(lot.Tender, lot, bid);

    public static IReadOnlyList<string> Outstanding(LotResult lot) => EvaluationText.Outstanding(lot.Tender, lot);

    public static IReadOnlyList<string> Warnings(LotResult lot) => EvaluationText.Warnings(lot.Tender, lot);

    public static IReadOnlyList<string> Thresholds(LotResult lot, BidResult bid) => EvaluationText.Thresholds(lot.Tender, lot, bid);

    public static IReadOnlyList<string> GateReasons(LotResult lot, BidResult bid) => EvaluationText.GateReasons(lot.Tender, lot, bid);

    public static string Price(LotResult lot, BidResult bid) => EvaluationText.PriceExplanation(lot.Tender, lot, bid);

    public static string Explanation(LotResult lot, BidResult bid, string questionId) => EvaluationText.QuestionExplanation(lot.Tender, lot, bid, questionId);

    /// <summary>A tipping change of the pack's first lot, in words.</summary>
    public static string Tipping(TenderPack pack, WeightTipping tipping)
    {
        var lot = TenderEvaluator.Evaluate(pack).Lots[0];
        return EvaluationText.Tipping(lot.Tender, lot, new LotRobustness { Lot = lot.Lot, PriceMethods = [], QualityMethods = [], Sensitivity = [tipping], Perturbation = new PerturbationSummary { Samples = 0, Range = 0, Seed = 0, WinnerHeld = 0, WinsByBid = new Dictionary<string, int>() }, Gaps = [] }).Single();
    }

    /// <summary>A losing bid's gap in the pack's first lot, in words.</summary>
    public static string Gap(TenderPack pack, LosingBidGap gap)
    {
        var lot = TenderEvaluator.Evaluate(pack).Lots[0];
        return EvaluationText.Gaps(lot.Tender, lot, new LotRobustness { Lot = lot.Lot, PriceMethods = [], QualityMethods = [], Sensitivity = [], Perturbation = new PerturbationSummary { Samples = 0, Range = 0, Seed = 0, WinnerHeld = 0, WinsByBid = new Dictionary<string, int>() }, Gaps = [gap] }).Single();
    }
}
