using Commissioning.Core.Tenders;

namespace Commissioning.Core.Evaluation;

/// <summary>Where a question's final score came from.</summary>
public enum ScoreSource
{
    /// <summary>The consensus score recorded at moderation.</summary>
    Moderated,
    /// <summary>The mean of every assigned evaluator's score; not moderated.</summary>
    MeanOfEvaluators,
    /// <summary>The mean of the scores recorded so far; some assigned evaluators have not scored.</summary>
    PartialMean,
    /// <summary>No score recorded; counted as zero.</summary>
    Missing,
}

/// <summary>How a gate was decided.</summary>
public enum GateStatus
{
    /// <summary>Passed.</summary>
    Passed,
    /// <summary>Failed: the bid is disqualified.</summary>
    Failed,
    /// <summary>Not yet decided.</summary>
    NotAssessed,
}

/// <summary>
/// The abnormally low price check for one bid: the lot's rule, the median it compares against,
/// whether the price falls below it, and the recorded outcome of asking the bidder, if any.
/// </summary>
public sealed record LowPriceCheck
{
    /// <summary>The median evaluated price of the bids that pass every gate and question and section threshold.</summary>
    public required decimal Median { get; init; }
    /// <summary>The lot's rule: a price below this percentage of the median is flagged.</summary>
    public required decimal Percent { get; init; }
    /// <summary>The price below which a bid is flagged: the median times the percentage.</summary>
    public decimal Limit => Median * Percent / 100m;
    /// <summary>The bid's evaluated price.</summary>
    public required decimal Price { get; init; }
    /// <summary>True when the price is below the limit.</summary>
    public bool Flagged => Price < Limit;
    /// <summary>The recorded outcome of asking the bidder, if any.</summary>
    public LowPriceDecision? Decision { get; init; }
    /// <summary>True when a decision excludes the bid for an abnormally low price.</summary>
    public bool Excluded => Decision?.Outcome == LowPriceOutcome.Excluded;
}

/// <summary>One gate for one bid.</summary>
public sealed record GateOutcome(Gate Gate, GateStatus Status, string Reason, string Basis);

/// <summary>One question for one bid: the score used and how it was reached.</summary>
public sealed record QuestionResult
{
    /// <summary>The question.</summary>
    public required Question Question { get; init; }
    /// <summary>The score used, on the tender's scale.</summary>
    public required decimal Score { get; init; }
    /// <summary>Where the score came from.</summary>
    public required ScoreSource Source { get; init; }
    /// <summary>The evaluators' independent scores, kept after moderation.</summary>
    public required IReadOnlyList<EvaluatorScore> EvaluatorScores { get; init; }
    /// <summary>The moderation record, if any.</summary>
    public ModeratedScore? Moderation { get; init; }
    /// <summary>Highest minus lowest evaluator score.</summary>
    public required decimal Spread { get; init; }
    /// <summary>True when the spread is at or above the tender's flag.</summary>
    public required bool SpreadFlagged { get; init; }
    /// <summary>Points this question adds to the bid's total out of 100.</summary>
    public required decimal Points { get; init; }
    /// <summary>True when the score is below the question's minimum.</summary>
    public required bool BelowMinimum { get; init; }
    /// <summary>How the points were reached, in words and figures.</summary>
    public required string Explanation { get; init; }
}

/// <summary>One section for one bid.</summary>
public sealed record SectionResult
{
    /// <summary>The section.</summary>
    public required Section Section { get; init; }
    /// <summary>The sum of the question scores.</summary>
    public required decimal RawScore { get; init; }
    /// <summary>The highest possible sum.</summary>
    public required decimal RawMaximum { get; init; }
    /// <summary>Weighted percentage of the section's maximum (question weights applied).</summary>
    public required decimal Percent { get; init; }
    /// <summary>Points this section adds to the bid's total out of 100.</summary>
    public required decimal Points { get; init; }
    /// <summary>True when the percentage is below the section's minimum.</summary>
    public required bool BelowMinimum { get; init; }
    /// <summary>The questions.</summary>
    public required IReadOnlyList<QuestionResult> Questions { get; init; }
}

/// <summary>The price of one bid and its score.</summary>
public sealed record PriceResult
{
    /// <summary>The price over the evaluated years.</summary>
    public required decimal EvaluatedPrice { get; init; }
    /// <summary>Average price a year.</summary>
    public required decimal AnnualPrice { get; init; }
    /// <summary>Average price a year per member staff head.</summary>
    public required decimal PricePerHead { get; init; }
    /// <summary>The method used.</summary>
    public required PriceMethod Method { get; init; }
    /// <summary>Price points out of the price weight; null where the method has none or the bid is excluded.</summary>
    public decimal? Points { get; init; }
    /// <summary>Evaluated price divided by quality percentage, for the price per quality point method.</summary>
    public decimal? PricePerQualityPoint { get; init; }
    /// <summary>How the price score was reached.</summary>
    public required string Explanation { get; init; }
}

/// <summary>The evaluation of one bid.</summary>
public sealed record BidResult
{
    /// <summary>The bid.</summary>
    public required Bid Bid { get; init; }
    /// <summary>Each gate's outcome.</summary>
    public required IReadOnlyList<GateOutcome> Gates { get; init; }
    /// <summary>True when any gate failed.</summary>
    public bool Disqualified => Gates.Any(g => g.Status == GateStatus.Failed);
    /// <summary>The minimum thresholds the bid fell below, in words.</summary>
    public required IReadOnlyList<string> ThresholdsFailed { get; init; }
    /// <summary>The abnormally low price check, or null when there was no price to compare against or the check is off.</summary>
    public LowPriceCheck? LowPrice { get; init; }
    /// <summary>True when the bid was excluded for an abnormally low price after the bidder was asked to explain it.</summary>
    public bool ExcludedForLowPrice => LowPrice?.Excluded == true;
    /// <summary>True when the bid can be ranked: no gate failed, no threshold missed and not excluded for its price.</summary>
    public bool Eligible => !Disqualified && ThresholdsFailed.Count == 0 && !ExcludedForLowPrice;
    /// <summary>Each section.</summary>
    public required IReadOnlyList<SectionResult> Sections { get; init; }
    /// <summary>Sum of every question score.</summary>
    public required decimal QualityRaw { get; init; }
    /// <summary>Highest possible sum of question scores.</summary>
    public required decimal QualityRawMaximum { get; init; }
    /// <summary>Weighted quality as a percentage of the maximum (absolute quality, whatever the lot's quality method).</summary>
    public required decimal QualityPercent { get; init; }
    /// <summary>
    /// Under relative quality scoring, this bid's weighted quality as a percentage of the best
    /// eligible bid's; null under absolute scoring or when the bid is not eligible.
    /// </summary>
    public decimal? RelativeQualityPercent { get; init; }
    /// <summary>Quality points out of the lot's quality share of 100.</summary>
    public required decimal QualityPoints { get; init; }
    /// <summary>Price and its score.</summary>
    public required PriceResult Price { get; init; }
    /// <summary>Total out of 100; null when the bid is not eligible.</summary>
    public decimal? Total { get; init; }
    /// <summary>Rank among eligible bids (1 is best; equal totals share a rank); null when not eligible.</summary>
    public int? Rank { get; init; }
    /// <summary>True for the single bid ranked first on the scores so far, whether or not the result is complete.</summary>
    public bool Leading { get; init; }
    /// <summary>True for the most advantageous tender: the leading bid of a complete result. False while anything is outstanding.</summary>
    public bool MostAdvantageous { get; init; }
    /// <summary>Every step from scores to rank, in words and figures.</summary>
    public required IReadOnlyList<string> Breakdown { get; init; }
}

/// <summary>How closely evaluators agreed on one question across the bids.</summary>
public sealed record QuestionAgreement
{
    /// <summary>The question.</summary>
    public required Question Question { get; init; }
    /// <summary>Bids with at least two evaluator scores.</summary>
    public required int BidsCompared { get; init; }
    /// <summary>Bids on which every evaluator gave the same score.</summary>
    public required int Unanimous { get; init; }
    /// <summary>The largest spread on any bid.</summary>
    public required decimal LargestSpread { get; init; }
    /// <summary>The mean spread.</summary>
    public required decimal MeanSpread { get; init; }
    /// <summary>Bids flagged for a large spread.</summary>
    public required int Flagged { get; init; }
}

/// <summary>The evaluation of one lot.</summary>
public sealed record LotResult
{
    /// <summary>The lot.</summary>
    public required Lot Lot { get; init; }
    /// <summary>Every bid, eligible ones first in rank order, then the rest in bid order.</summary>
    public required IReadOnlyList<BidResult> Bids { get; init; }
    /// <summary>The single bid ranked first on the scores so far, or null if there is none or a tie the rule did not break.</summary>
    public BidResult? Leader => Bids.SingleOrDefault(b => b.Leading);
    /// <summary>The most advantageous tender: the leader of a complete result; null while anything is outstanding, or if there is no single leader.</summary>
    public BidResult? MostAdvantageous => Bids.SingleOrDefault(b => b.MostAdvantageous);
    /// <summary>Agreement between evaluators, question by question.</summary>
    public required IReadOnlyList<QuestionAgreement> Agreement { get; init; }
    /// <summary>Things a person should know before relying on the result.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
    /// <summary>What is still missing (bids, scores, moderation, gate decisions, price decisions); the result is provisional until it is empty.</summary>
    public required IReadOnlyList<string> Outstanding { get; init; }
    /// <summary>True when nothing is outstanding.</summary>
    public bool Complete => Outstanding.Count == 0;
}

/// <summary>The evaluation of a whole tender.</summary>
public sealed record TenderResult
{
    /// <summary>The tender.</summary>
    public required Tender Tender { get; init; }
    /// <summary>Each lot.</summary>
    public required IReadOnlyList<LotResult> Lots { get; init; }
}
