using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;

namespace Commissioning.Core.Files;

/// <summary>
/// The evaluation file (<c>oh-evaluation</c>, version 3): what <c>evaluate --json</c> writes, the
/// results of evaluating a tender as typed facts, each number with the inputs it came from.
/// Described in docs/evaluation-format.md.
/// </summary>
/// <remarks>
/// Version 3 replaced the sentences of version 2 (outstanding items, warnings, gate reasons,
/// thresholds, explanations, breakdowns) with facts; the words are written by the templates.
/// This toolkit writes and reads version 3 only: version 2 was an output, never read back.
/// </remarks>
public static class EvaluationFile
{
    /// <summary>The value of the file's <c>format</c> field.</summary>
    public const string Format = "oh-evaluation";

    /// <summary>The version this toolkit writes and reads.</summary>
    public const int Version = 3;

    /// <summary>The rounding rule stated in every file.</summary>
    public const string RoundingRule = "Figures are unrounded. Where they are shown, they are rounded to 2 decimal places, half away from zero; all arithmetic and ranking use unrounded values.";

    private static readonly JsonFileFormat<EvaluationRecord> JsonFormat = new(Format, Version);

    /// <summary>Writes an evaluation and its robustness as an evaluation file: indented, "\n" line ends, a final newline.</summary>
    public static string Write(TenderResult result, IReadOnlyList<LotRobustness> robustness) => Write(Project(result, robustness));

    /// <summary>Writes an evaluation record as it is.</summary>
    public static string Write(EvaluationRecord record) => JsonFormat.Write(record);

    /// <summary>Reads an evaluation file, or lists every structural problem with its JSON path.</summary>
    public static FileReadResult<EvaluationRecord> Read(string json) => JsonFormat.Read(json);

    /// <summary>The record of an evaluation: what the file holds.</summary>
    public static EvaluationRecord Project(TenderResult result, IReadOnlyList<LotRobustness> robustness)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(robustness);
        if (robustness.Count != result.Lots.Count)
        {
            throw new ArgumentException("There must be one robustness analysis for each lot.", nameof(robustness));
        }

        return new EvaluationRecord
        {
            Tender = result.Tender.Title,
            Reference = result.Tender.Reference,
            Regime = result.Tender.Regime.Regime,
            RoundingRule = RoundingRule,
            Lots = [.. result.Lots.Select((lot, i) => Lot(lot, robustness[i]))],
        };
    }

    private static LotRecord Lot(LotResult lot, LotRobustness robustness) => new()
    {
        Id = lot.Lot.Id,
        Title = lot.Lot.Title,
        Complete = lot.Complete,
        MostAdvantageous = lot.MostAdvantageous?.Bid.Id,
        ProvisionalLeader = lot.Complete ? null : lot.Leader?.Bid.Id,
        Outstanding = [.. lot.Outstanding.Select(o => new OutstandingRecord
        {
            Kind = o.Kind,
            BidId = o.Bid?.Id,
            GateId = o.Gate?.Id,
            QuestionId = o.Question?.Id,
            Evaluators = o.Evaluators,
            Scores = o.Scores,
            SpreadFlagged = o.SpreadFlagged,
        })],
        Warnings = [.. lot.Warnings.Select(w => new WarningRecord { Kind = w.Kind, Percent = w.Percent, BidIds = [.. w.Bids.Select(b => b.Id)], Price = w.Price, Ceiling = w.Ceiling })],
        Weights = new WeightsRecord
        {
            Unit = lot.Lot.Weights,
            Quality = lot.Lot.QualityWeight,
            Price = lot.Lot.PriceWeight,
            Total = lot.Lot.WeightTotal,
            QualityShare = lot.Lot.QualitySharePercent,
            PriceShare = lot.Lot.PriceSharePercent,
            SectionUnit = lot.Lot.SectionWeights,
        },
        QualityMethod = lot.Lot.QualityMethod,
        PriceMethod = lot.Lot.Price.Method,
        AbnormallyLowPercent = lot.Lot.AbnormallyLowPercent,
        BestEligibleQualityPercent = lot.BestEligibleQualityPercent,
        Bids = [.. lot.Bids.Select(b => Bid(lot, b))],
        Agreement = [.. lot.Agreement.Select(a => new AgreementRecord
        {
            QuestionId = a.Question.Id,
            BidsCompared = a.BidsCompared,
            Unanimous = a.Unanimous,
            LargestSpread = a.LargestSpread,
            MeanSpread = a.MeanSpread,
            Flagged = a.Flagged,
        })],
        Robustness = new RobustnessRecord
        {
            WinnerBidId = robustness.WinnerBidId,
            PriceMethods = [.. robustness.PriceMethods.Select(m => new MethodRecord<PriceMethod>
            {
                Method = m.Method,
                Ranking = [.. m.Ranking.Select(Ranked)],
                WinnerBidId = m.WinnerBidId,
                WinnerChanges = m.WinnerChanges,
                CeilingFromHighestPrice = m.CeilingFromHighestPrice,
            })],
            QualityMethods = [.. robustness.QualityMethods.Select(m => new MethodRecord<QualityMethod>
            {
                Method = m.Method,
                Ranking = [.. m.Ranking.Select(Ranked)],
                WinnerBidId = m.WinnerBidId,
                WinnerChanges = m.WinnerChanges,
            })],
            Sensitivity = [.. robustness.Sensitivity.Select(t => new TippingRecord
            {
                SectionId = t.Section.Id,
                Outcome = t.Outcome,
                FromPercent = t.FromPercent,
                Change = t.Change,
                ToPercent = t.ToPercent,
                ToPoints = t.ToPoints,
                NewWinner = t.NewWinnerBidId,
            })],
            Perturbation = new PerturbationRecord
            {
                Samples = robustness.Perturbation.Samples,
                Range = robustness.Perturbation.Range,
                Seed = robustness.Perturbation.Seed,
                WinnerHeld = robustness.Perturbation.WinnerHeld,
                WinsByBid = robustness.Perturbation.WinsByBid,
            },
            Gaps = [.. robustness.Gaps.Select(g => new GapRecord
            {
                BidId = g.BidId,
                Excluded = g.Excluded,
                ExcludedForLowPrice = g.ExcludedForLowPrice,
                PointsBehind = g.PointsBehind,
                QualityPercent = g.QualityPercent,
                EvaluatedPrice = g.EvaluatedPrice,
                QualityPercentNeeded = g.QualityPercentNeeded,
                PriceNeeded = g.PriceNeeded,
                PriceReductionPercent = g.PriceReductionPercent,
            })],
        },
    };

    private static RankedRecord Ranked(RankedBid r) => new() { BidId = r.BidId, Rank = r.Rank, Total = r.Total };

    private static BidRecord Bid(LotResult lot, BidResult b) => new()
    {
        Id = b.Bid.Id,
        Provider = b.Bid.Provider,
        Rank = b.Rank,
        Eligible = b.Eligible,
        Disqualified = b.Disqualified,
        ExcludedForLowPrice = b.ExcludedForLowPrice,
        Leading = b.Leading,
        TiedForFirst = b.TiedForFirst,
        Total = b.Total,
        TotalAsDeclared = b.TotalAsDeclared,
        QualityPercent = b.QualityPercent,
        RelativeQualityPercent = b.RelativeQualityPercent,
        QualityPoints = b.QualityPoints,
        QualityRaw = b.QualityRaw,
        QualityRawMaximum = b.QualityRawMaximum,
        Price = new PriceRecord
        {
            EvaluatedPrice = b.Price.EvaluatedPrice,
            AnnualPrice = b.Price.AnnualPrice,
            PricePerHead = b.Price.PricePerHead,
            Years = b.Price.Years,
            Method = b.Price.Method,
            Points = b.Price.Points,
            PricePerQualityPoint = b.Price.PricePerQualityPoint,
            LowestEligiblePrice = b.Price.LowestEligiblePrice,
            Ceiling = b.Price.Ceiling,
            AtOrAboveCeiling = b.Price.AtOrAboveCeiling,
            AboveLowestPercent = b.Price.AboveLowestPercent,
            BestPricePerQualityPoint = b.Price.BestPricePerQualityPoint,
        },
        LowPrice = b.LowPrice is { } check ? new LowPriceRecord
        {
            Median = check.Median,
            Percent = check.Percent,
            Limit = check.Limit,
            Flagged = check.Flagged,
            Decision = check.Decision,
        } : null,
        Gates = [.. b.Gates.Select(g => new GateRecord
        {
            Id = g.Gate.Id,
            Title = g.Gate.Title,
            Status = g.Status,
            Basis = g.Basis,
            Passed = g.Declared?.Passed ?? g.Decision?.Passed,
            Reason = g.Decision?.Reason ?? g.Declared?.Reason,
            DecidedBy = g.Decision?.DecidedBy,
        })],
        ThresholdsFailed = [.. b.ThresholdsFailed.Select(t => new ThresholdRecord
        {
            Level = t.Level,
            Id = t.Question?.Id ?? t.Section?.Id,
            Achieved = t.Achieved,
            Minimum = t.Minimum,
        })],
        Sections = [.. b.Sections.Select(s => new SectionRecord
        {
            Id = s.Section.Id,
            Title = s.Section.Title,
            Weight = s.Section.Weight,
            Share = s.SharePercent,
            Raw = s.RawScore,
            RawMaximum = s.RawMaximum,
            Percent = s.Percent,
            Points = s.Points,
            BelowMinimum = s.BelowMinimum,
            QuestionUnit = s.Section.QuestionWeights,
            Questions = [.. s.Questions.Select(q => new QuestionRecord
            {
                Id = q.Question.Id,
                Weight = q.Question.Weight,
                Share = q.SharePercent,
                Score = q.Score,
                Level = q.Level,
                Source = q.Source,
                Spread = q.Spread,
                SpreadFlagged = q.SpreadFlagged,
                QualityFactor = q.QualityFactor,
                Points = q.Points,
                BelowMinimum = q.BelowMinimum,
                EvaluatorScores = [.. q.EvaluatorScores.Select(e => new EvaluatorScoreRecord { EvaluatorId = e.EvaluatorId, Score = e.Score, Rationale = e.Rationale })],
                Moderation = q.Moderation is { } m ? new ModerationRecord { Score = m.Score, Reason = m.Reason, ModeratorId = m.ModeratorId } : null,
            })],
        })],
    };
}

/// <summary>An evaluation file's body.</summary>
public sealed record EvaluationRecord
{
    /// <summary>The tender's title.</summary>
    public required string Tender { get; init; }
    /// <summary>The buyer's reference, if any.</summary>
    public string? Reference { get; init; }
    /// <summary>The regime the tender follows.</summary>
    public required ProcurementRegime Regime { get; init; }
    /// <summary>How figures are rounded where shown.</summary>
    public required string RoundingRule { get; init; }
    /// <summary>Each lot.</summary>
    public required IReadOnlyList<LotRecord> Lots { get; init; }
}

/// <summary>One lot's result.</summary>
public sealed record LotRecord
{
    /// <summary>The lot's id.</summary>
    public required string Id { get; init; }
    /// <summary>The lot's title.</summary>
    public required string Title { get; init; }
    /// <summary>True when nothing is outstanding.</summary>
    public required bool Complete { get; init; }
    /// <summary>The most advantageous tender's bid id, only in a complete result with a single leader.</summary>
    public string? MostAdvantageous { get; init; }
    /// <summary>The leader so far, only in a provisional result.</summary>
    public string? ProvisionalLeader { get; init; }
    /// <summary>What is outstanding.</summary>
    public required IReadOnlyList<OutstandingRecord> Outstanding { get; init; }
    /// <summary>The warnings.</summary>
    public required IReadOnlyList<WarningRecord> Warnings { get; init; }
    /// <summary>The quality and price weights as declared and their shares.</summary>
    public required WeightsRecord Weights { get; init; }
    /// <summary>The quality method.</summary>
    public required QualityMethod QualityMethod { get; init; }
    /// <summary>The declared price method.</summary>
    public required PriceMethod PriceMethod { get; init; }
    /// <summary>The abnormally low price rule, in percent of the median (0: off).</summary>
    public required decimal AbnormallyLowPercent { get; init; }
    /// <summary>The best eligible bid's weighted quality, in percent.</summary>
    public required decimal BestEligibleQualityPercent { get; init; }
    /// <summary>Every bid, eligible ones first in rank order.</summary>
    public required IReadOnlyList<BidRecord> Bids { get; init; }
    /// <summary>Agreement between evaluators, question by question.</summary>
    public required IReadOnlyList<AgreementRecord> Agreement { get; init; }
    /// <summary>How robust the result is.</summary>
    public required RobustnessRecord Robustness { get; init; }
}

/// <summary>One outstanding item.</summary>
public sealed record OutstandingRecord
{
    /// <summary>What is missing.</summary>
    public required OutstandingKind Kind { get; init; }
    /// <summary>The bid.</summary>
    public string? BidId { get; init; }
    /// <summary>The gate.</summary>
    public string? GateId { get; init; }
    /// <summary>The question.</summary>
    public string? QuestionId { get; init; }
    /// <summary>The evaluators still to score, by name.</summary>
    public required IReadOnlyList<string> Evaluators { get; init; }
    /// <summary>The evaluators' differing scores.</summary>
    public required IReadOnlyList<decimal> Scores { get; init; }
    /// <summary>True when the spread of the scores is flagged.</summary>
    public required bool SpreadFlagged { get; init; }
}

/// <summary>One warning.</summary>
public sealed record WarningRecord
{
    /// <summary>What kind.</summary>
    public required LotWarningKind Kind { get; init; }
    /// <summary>The social value share of the total.</summary>
    public decimal? Percent { get; init; }
    /// <summary>The bids concerned.</summary>
    public required IReadOnlyList<string> BidIds { get; init; }
    /// <summary>The evaluated price at or above the ceiling.</summary>
    public decimal? Price { get; init; }
    /// <summary>The ceiling.</summary>
    public decimal? Ceiling { get; init; }
}

/// <summary>A lot's weights.</summary>
public sealed record WeightsRecord
{
    /// <summary>How quality and price weights are written.</summary>
    public required WeightUnit Unit { get; init; }
    /// <summary>The quality weight as declared.</summary>
    public required decimal Quality { get; init; }
    /// <summary>The price weight as declared.</summary>
    public required decimal Price { get; init; }
    /// <summary>Their total.</summary>
    public required decimal Total { get; init; }
    /// <summary>Quality's share of 100.</summary>
    public required decimal QualityShare { get; init; }
    /// <summary>Price's share of 100.</summary>
    public required decimal PriceShare { get; init; }
    /// <summary>How section weights are written.</summary>
    public required WeightUnit SectionUnit { get; init; }
}

/// <summary>One bid's result.</summary>
public sealed record BidRecord
{
    /// <summary>The bid's id.</summary>
    public required string Id { get; init; }
    /// <summary>The provider.</summary>
    public required string Provider { get; init; }
    /// <summary>The rank among eligible bids.</summary>
    public int? Rank { get; init; }
    /// <summary>True when the bid can be ranked.</summary>
    public required bool Eligible { get; init; }
    /// <summary>True when a gate failed.</summary>
    public required bool Disqualified { get; init; }
    /// <summary>True when excluded for an abnormally low price.</summary>
    public required bool ExcludedForLowPrice { get; init; }
    /// <summary>True for the single bid first so far.</summary>
    public required bool Leading { get; init; }
    /// <summary>True when tied for first after the tie-break.</summary>
    public required bool TiedForFirst { get; init; }
    /// <summary>Total out of 100.</summary>
    public decimal? Total { get; init; }
    /// <summary>Total in the declared points.</summary>
    public decimal? TotalAsDeclared { get; init; }
    /// <summary>Weighted quality, in percent.</summary>
    public required decimal QualityPercent { get; init; }
    /// <summary>Quality relative to the best eligible bid's, in percent.</summary>
    public decimal? RelativeQualityPercent { get; init; }
    /// <summary>Quality points.</summary>
    public required decimal QualityPoints { get; init; }
    /// <summary>Sum of question scores.</summary>
    public required decimal QualityRaw { get; init; }
    /// <summary>Highest possible sum.</summary>
    public required decimal QualityRawMaximum { get; init; }
    /// <summary>Price and its score.</summary>
    public required PriceRecord Price { get; init; }
    /// <summary>The abnormally low price check.</summary>
    public LowPriceRecord? LowPrice { get; init; }
    /// <summary>Each gate.</summary>
    public required IReadOnlyList<GateRecord> Gates { get; init; }
    /// <summary>The minimums the bid fell below.</summary>
    public required IReadOnlyList<ThresholdRecord> ThresholdsFailed { get; init; }
    /// <summary>Each section.</summary>
    public required IReadOnlyList<SectionRecord> Sections { get; init; }
}

/// <summary>A bid's price and its score.</summary>
public sealed record PriceRecord
{
    /// <summary>Price over the evaluated years.</summary>
    public required decimal EvaluatedPrice { get; init; }
    /// <summary>Average a year.</summary>
    public required decimal AnnualPrice { get; init; }
    /// <summary>Average a year per head.</summary>
    public required decimal PricePerHead { get; init; }
    /// <summary>Years evaluated.</summary>
    public required int Years { get; init; }
    /// <summary>The method used.</summary>
    public required PriceMethod Method { get; init; }
    /// <summary>Price points.</summary>
    public decimal? Points { get; init; }
    /// <summary>Price per quality point.</summary>
    public decimal? PricePerQualityPoint { get; init; }
    /// <summary>The lowest eligible price.</summary>
    public required decimal LowestEligiblePrice { get; init; }
    /// <summary>The linear method's ceiling.</summary>
    public decimal? Ceiling { get; init; }
    /// <summary>True when at or above a declared ceiling.</summary>
    public required bool AtOrAboveCeiling { get; init; }
    /// <summary>Percentage above the lowest eligible price, for the deviation method.</summary>
    public decimal? AboveLowestPercent { get; init; }
    /// <summary>The lowest price per quality point.</summary>
    public decimal? BestPricePerQualityPoint { get; init; }
}

/// <summary>The abnormally low price check.</summary>
public sealed record LowPriceRecord
{
    /// <summary>The median compared against.</summary>
    public required decimal Median { get; init; }
    /// <summary>The rule's percentage.</summary>
    public required decimal Percent { get; init; }
    /// <summary>The price below which a bid is flagged.</summary>
    public required decimal Limit { get; init; }
    /// <summary>True when the price is below the limit.</summary>
    public required bool Flagged { get; init; }
    /// <summary>The recorded decision.</summary>
    public LowPriceDecision? Decision { get; init; }
}

/// <summary>One gate for one bid.</summary>
public sealed record GateRecord
{
    /// <summary>The gate's id.</summary>
    public required string Id { get; init; }
    /// <summary>The gate's title.</summary>
    public required string Title { get; init; }
    /// <summary>Passed, failed or not assessed.</summary>
    public required GateStatus Status { get; init; }
    /// <summary>What it rests on.</summary>
    public required GateBasis Basis { get; init; }
    /// <summary>Whether the decision or declaration passes.</summary>
    public bool? Passed { get; init; }
    /// <summary>The decision's reason, or the declared position.</summary>
    public string? Reason { get; init; }
    /// <summary>Who decided, by id.</summary>
    public string? DecidedBy { get; init; }
}

/// <summary>A minimum a bid fell below.</summary>
public sealed record ThresholdRecord
{
    /// <summary>Question, section or quality.</summary>
    public required ThresholdLevel Level { get; init; }
    /// <summary>The question or section id.</summary>
    public string? Id { get; init; }
    /// <summary>What the bid achieved.</summary>
    public required decimal Achieved { get; init; }
    /// <summary>The minimum.</summary>
    public required decimal Minimum { get; init; }
}

/// <summary>One section for one bid.</summary>
public sealed record SectionRecord
{
    /// <summary>The section's id.</summary>
    public required string Id { get; init; }
    /// <summary>The section's title.</summary>
    public required string Title { get; init; }
    /// <summary>The weight as declared.</summary>
    public required decimal Weight { get; init; }
    /// <summary>Its share of quality, in percent.</summary>
    public required decimal Share { get; init; }
    /// <summary>Sum of question scores.</summary>
    public required decimal Raw { get; init; }
    /// <summary>Highest possible sum.</summary>
    public required decimal RawMaximum { get; init; }
    /// <summary>Weighted percentage.</summary>
    public required decimal Percent { get; init; }
    /// <summary>Points out of 100.</summary>
    public required decimal Points { get; init; }
    /// <summary>True when below the section's minimum.</summary>
    public required bool BelowMinimum { get; init; }
    /// <summary>How question weights are written.</summary>
    public required WeightUnit QuestionUnit { get; init; }
    /// <summary>The questions.</summary>
    public required IReadOnlyList<QuestionRecord> Questions { get; init; }
}

/// <summary>One question for one bid.</summary>
public sealed record QuestionRecord
{
    /// <summary>The question's id.</summary>
    public required string Id { get; init; }
    /// <summary>The weight as declared.</summary>
    public required decimal Weight { get; init; }
    /// <summary>Its share of the section, in percent.</summary>
    public required decimal Share { get; init; }
    /// <summary>The score used.</summary>
    public required decimal Score { get; init; }
    /// <summary>The scale level's label.</summary>
    public required string Level { get; init; }
    /// <summary>Where the score came from.</summary>
    public required ScoreSource Source { get; init; }
    /// <summary>Highest minus lowest evaluator score.</summary>
    public required decimal Spread { get; init; }
    /// <summary>True when the spread is flagged.</summary>
    public required bool SpreadFlagged { get; init; }
    /// <summary>The quality method's factor.</summary>
    public required decimal QualityFactor { get; init; }
    /// <summary>Points out of 100.</summary>
    public required decimal Points { get; init; }
    /// <summary>True when below the question's minimum.</summary>
    public required bool BelowMinimum { get; init; }
    /// <summary>The evaluators' own scores.</summary>
    public required IReadOnlyList<EvaluatorScoreRecord> EvaluatorScores { get; init; }
    /// <summary>The moderation record.</summary>
    public ModerationRecord? Moderation { get; init; }
}

/// <summary>One evaluator's score.</summary>
public sealed record EvaluatorScoreRecord
{
    /// <summary>The evaluator.</summary>
    public required string EvaluatorId { get; init; }
    /// <summary>The score.</summary>
    public required decimal Score { get; init; }
    /// <summary>The rationale.</summary>
    public required string Rationale { get; init; }
}

/// <summary>A consensus score.</summary>
public sealed record ModerationRecord
{
    /// <summary>The consensus.</summary>
    public required decimal Score { get; init; }
    /// <summary>Why the panel agreed it.</summary>
    public required string Reason { get; init; }
    /// <summary>The moderator.</summary>
    public required string ModeratorId { get; init; }
}

/// <summary>Agreement on one question.</summary>
public sealed record AgreementRecord
{
    /// <summary>The question.</summary>
    public required string QuestionId { get; init; }
    /// <summary>Bids with two or more scores.</summary>
    public required int BidsCompared { get; init; }
    /// <summary>Bids scored the same by every evaluator.</summary>
    public required int Unanimous { get; init; }
    /// <summary>The largest spread.</summary>
    public required decimal LargestSpread { get; init; }
    /// <summary>The mean spread.</summary>
    public required decimal MeanSpread { get; init; }
    /// <summary>Bids flagged.</summary>
    public required int Flagged { get; init; }
}

/// <summary>A lot's robustness.</summary>
public sealed record RobustnessRecord
{
    /// <summary>The declared winner.</summary>
    public string? WinnerBidId { get; init; }
    /// <summary>Ranking under each price method.</summary>
    public required IReadOnlyList<MethodRecord<PriceMethod>> PriceMethods { get; init; }
    /// <summary>Ranking under each quality method.</summary>
    public required IReadOnlyList<MethodRecord<QualityMethod>> QualityMethods { get; init; }
    /// <summary>Tipping changes of each section's weight.</summary>
    public required IReadOnlyList<TippingRecord> Sensitivity { get; init; }
    /// <summary>Random weight trials.</summary>
    public required PerturbationRecord Perturbation { get; init; }
    /// <summary>What each losing bid needed.</summary>
    public required IReadOnlyList<GapRecord> Gaps { get; init; }
}

/// <summary>The ranking under one method.</summary>
/// <typeparam name="TMethod">Price or quality method.</typeparam>
public sealed record MethodRecord<TMethod>
    where TMethod : struct, Enum
{
    /// <summary>The method.</summary>
    public required TMethod Method { get; init; }
    /// <summary>Eligible bids in rank order.</summary>
    public required IReadOnlyList<RankedRecord> Ranking { get; init; }
    /// <summary>The winner.</summary>
    public string? WinnerBidId { get; init; }
    /// <summary>True when the winner changes.</summary>
    public required bool WinnerChanges { get; init; }
    /// <summary>For linear without a ceiling: the highest eligible price was the ceiling.</summary>
    public bool CeilingFromHighestPrice { get; init; }
}

/// <summary>A bid's place.</summary>
public sealed record RankedRecord
{
    /// <summary>The bid.</summary>
    public required string BidId { get; init; }
    /// <summary>Rank.</summary>
    public required int Rank { get; init; }
    /// <summary>Total.</summary>
    public required decimal Total { get; init; }
}

/// <summary>The tipping change of one section's weight.</summary>
public sealed record TippingRecord
{
    /// <summary>The section.</summary>
    public required string SectionId { get; init; }
    /// <summary>What the search found.</summary>
    public required TippingOutcome Outcome { get; init; }
    /// <summary>Declared share of quality.</summary>
    public required decimal FromPercent { get; init; }
    /// <summary>Signed change, percentage points.</summary>
    public decimal? Change { get; init; }
    /// <summary>Share after the change.</summary>
    public decimal? ToPercent { get; init; }
    /// <summary>Weight after the change in declared points.</summary>
    public decimal? ToPoints { get; init; }
    /// <summary>The new winner.</summary>
    public string? NewWinner { get; init; }
}

/// <summary>The random weight trials.</summary>
public sealed record PerturbationRecord
{
    /// <summary>Trials.</summary>
    public required int Samples { get; init; }
    /// <summary>Range, percent of each weight.</summary>
    public required decimal Range { get; init; }
    /// <summary>The seed, a whole number from 0 to 18446744073709551615 (written as a number the file formats' checks read).</summary>
    public required decimal Seed { get; init; }
    /// <summary>Trials the winner held.</summary>
    public required int WinnerHeld { get; init; }
    /// <summary>Trials each bid won.</summary>
    public required IReadOnlyDictionary<string, int> WinsByBid { get; init; }
}

/// <summary>What a losing bid needed.</summary>
public sealed record GapRecord
{
    /// <summary>The bid.</summary>
    public required string BidId { get; init; }
    /// <summary>True when excluded.</summary>
    public required bool Excluded { get; init; }
    /// <summary>True when excluded for its price.</summary>
    public required bool ExcludedForLowPrice { get; init; }
    /// <summary>Points behind.</summary>
    public decimal? PointsBehind { get; init; }
    /// <summary>Its quality.</summary>
    public required decimal QualityPercent { get; init; }
    /// <summary>Its price.</summary>
    public required decimal EvaluatedPrice { get; init; }
    /// <summary>Quality that would have won.</summary>
    public decimal? QualityPercentNeeded { get; init; }
    /// <summary>Price that would have won.</summary>
    public decimal? PriceNeeded { get; init; }
    /// <summary>How much lower that price is.</summary>
    public decimal? PriceReductionPercent { get; init; }
}
