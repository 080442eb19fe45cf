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

/// <summary>What a gate's outcome rests on.</summary>
public enum GateBasis
{
    /// <summary>A recorded decision (<see cref="GateOutcome.Decision"/>).</summary>
    Decision,
    /// <summary>The bid's declarations (<see cref="GateOutcome.Declared"/>).</summary>
    Declarations,
    /// <summary>Nothing yet: no decision is recorded and the declarations cannot decide it.</summary>
    NotDecided,
}

/// <summary>One gate for one bid: its status and the decision or declaration it rests on.</summary>
public sealed record GateOutcome
{
    /// <summary>The gate.</summary>
    public required Gate Gate { get; init; }
    /// <summary>Passed, failed or not yet decided.</summary>
    public required GateStatus Status { get; init; }
    /// <summary>What the status rests on.</summary>
    public required GateBasis Basis { get; init; }
    /// <summary>The recorded decision, when <see cref="Basis"/> is <see cref="GateBasis.Decision"/>.</summary>
    public GateDecision? Decision { get; init; }
    /// <summary>The name of the person who recorded the decision (their id if the tender does not name them).</summary>
    public string? DecidedBy { get; init; }
    /// <summary>The check of the bid's declarations, when <see cref="Basis"/> is <see cref="GateBasis.Declarations"/>.</summary>
    public DeclarationCheck? Declared { get; init; }
}

/// <summary>Which level of minimum a bid fell below.</summary>
public enum ThresholdLevel
{
    /// <summary>A question's minimum score.</summary>
    Question,
    /// <summary>A section's minimum percentage.</summary>
    Section,
    /// <summary>The lot's minimum quality percentage.</summary>
    Quality,
}

/// <summary>A minimum a bid fell below: where, what it achieved, and the minimum.</summary>
public sealed record ThresholdFailure
{
    /// <summary>Question, section or overall quality.</summary>
    public required ThresholdLevel Level { get; init; }
    /// <summary>The question, for <see cref="ThresholdLevel.Question"/>.</summary>
    public Question? Question { get; init; }
    /// <summary>The section, for <see cref="ThresholdLevel.Section"/>.</summary>
    public Section? Section { get; init; }
    /// <summary>What the bid achieved: a score on the scale for a question, otherwise a percentage.</summary>
    public required decimal Achieved { get; init; }
    /// <summary>The minimum, in the same unit.</summary>
    public required decimal Minimum { get; init; }
}

/// <summary>What kind of thing is still outstanding.</summary>
public enum OutstandingKind
{
    /// <summary>The lot has no bids.</summary>
    NoBids,
    /// <summary>A gate has not been decided for a bid.</summary>
    GateNotDecided,
    /// <summary>No score is recorded for a question (counted as 0 for now).</summary>
    NoScore,
    /// <summary>Some assigned evaluators have not scored a question.</summary>
    WaitingForEvaluators,
    /// <summary>Evaluators differ on a question and no consensus is recorded.</summary>
    NotModerated,
    /// <summary>A consensus is recorded but no evaluator's own score.</summary>
    ConsensusWithoutScores,
    /// <summary>Minimum thresholds wait until every score of a bid is in.</summary>
    ThresholdsWaiting,
    /// <summary>A price may be abnormally low and no decision is recorded.</summary>
    LowPriceUndecided,
}

/// <summary>One thing still missing before a lot's result is complete, with what it concerns.</summary>
public sealed record OutstandingItem
{
    /// <summary>What is missing.</summary>
    public required OutstandingKind Kind { get; init; }
    /// <summary>The bid, except for <see cref="OutstandingKind.NoBids"/>.</summary>
    public Bid? Bid { get; init; }
    /// <summary>The gate, for <see cref="OutstandingKind.GateNotDecided"/>.</summary>
    public Gate? Gate { get; init; }
    /// <summary>The question, for the kinds about scores.</summary>
    public Question? Question { get; init; }
    /// <summary>The evaluators still to score, by name, for <see cref="OutstandingKind.WaitingForEvaluators"/>.</summary>
    public IReadOnlyList<string> Evaluators { get; init; } = [];
    /// <summary>The evaluators' scores, for <see cref="OutstandingKind.NotModerated"/>.</summary>
    public IReadOnlyList<decimal> Scores { get; init; } = [];
    /// <summary>True when the spread of <see cref="Scores"/> is at or above the tender's flag.</summary>
    public bool SpreadFlagged { get; init; }
    /// <summary>The price check, for <see cref="OutstandingKind.LowPriceUndecided"/>.</summary>
    public LowPriceCheck? LowPrice { get; init; }
}

/// <summary>What kind of warning.</summary>
public enum LotWarningKind
{
    /// <summary>Social value and net zero carry less than 10% of the total.</summary>
    SocialValueBelowTenPercent,
    /// <summary>An eligible bid's price is at or above the linear method's ceiling.</summary>
    PriceAtOrAboveCeiling,
    /// <summary>No bid is eligible.</summary>
    NoEligibleBid,
    /// <summary>Two or more bids are tied for first after the tie-break.</summary>
    TiedForFirst,
}

/// <summary>Something a person should know before relying on a lot's result, with its figures.</summary>
public sealed record LotWarning
{
    /// <summary>What kind.</summary>
    public required LotWarningKind Kind { get; init; }
    /// <summary>The social value share of the total, for <see cref="LotWarningKind.SocialValueBelowTenPercent"/>.</summary>
    public decimal? Percent { get; init; }
    /// <summary>The bids concerned: the bid at the ceiling, or the bids tied for first.</summary>
    public IReadOnlyList<Bid> Bids { get; init; } = [];
    /// <summary>The bid's evaluated price, for <see cref="LotWarningKind.PriceAtOrAboveCeiling"/>.</summary>
    public decimal? Price { get; init; }
    /// <summary>The ceiling, for <see cref="LotWarningKind.PriceAtOrAboveCeiling"/>.</summary>
    public decimal? Ceiling { get; init; }
}

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
    /// <summary>The label of the scale level the score falls in, such as "Good".</summary>
    public required string Level { get; init; }
    /// <summary>The question's share of its section, in percent.</summary>
    public required decimal SharePercent { get; init; }
    /// <summary>
    /// What the question's points are multiplied by for the quality method: 1 under absolute
    /// scoring; under relative scoring 100 over the best eligible bid's quality, or 0 for a bid
    /// that is not eligible (or when the best quality is 0).
    /// </summary>
    public required decimal QualityFactor { get; init; }
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
    /// <summary>The section's share of quality, in percent.</summary>
    public required decimal SharePercent { get; init; }
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
    /// <summary>How many years the evaluated price covers.</summary>
    public required int Years { get; init; }
    /// <summary>The lowest evaluated price among the eligible bids (0 when none is eligible).</summary>
    public required decimal LowestEligiblePrice { get; init; }
    /// <summary>For the linear method: the ceiling used (the declared one, or else the highest eligible price); otherwise null.</summary>
    public decimal? Ceiling { get; init; }
    /// <summary>For the linear method: true when the price is at or above a declared ceiling, so it scores 0.</summary>
    public bool AtOrAboveCeiling { get; init; }
    /// <summary>For the deviation method: how far the price is above the lowest eligible price, in percent of it.</summary>
    public decimal? AboveLowestPercent { get; init; }
    /// <summary>For price per quality point: the lowest price per quality point among the eligible bids.</summary>
    public decimal? BestPricePerQualityPoint { get; init; }
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
    /// <summary>The minimum thresholds the bid fell below.</summary>
    public required IReadOnlyList<ThresholdFailure> ThresholdsFailed { get; init; }
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
    /// <summary>True when the bid is ranked first with another after the declared tie-break, so there is no single leader.</summary>
    public bool TiedForFirst { get; init; }
    /// <summary>The total in the lot's declared points (the total out of 100 scaled to the weights' total); null when not eligible.</summary>
    public decimal? TotalAsDeclared { get; init; }
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
    /// <summary>The tender the lot belongs to (its scale and evaluators name what the results refer to).</summary>
    public required Tender Tender { get; init; }
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
    public required IReadOnlyList<LotWarning> Warnings { get; init; }
    /// <summary>What is still missing (bids, scores, moderation, gate decisions, price decisions); the result is provisional until it is empty.</summary>
    public required IReadOnlyList<OutstandingItem> Outstanding { get; init; }
    /// <summary>How many bids are eligible and ranked.</summary>
    public int EligibleCount => Bids.Count(b => b.Rank is not null);
    /// <summary>The best absolute quality percentage among the eligible bids (0 when none is eligible); relative quality scoring divides by it.</summary>
    public required decimal BestEligibleQualityPercent { get; init; }
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
