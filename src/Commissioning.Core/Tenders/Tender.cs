using Commissioning.Core.Profiles;

namespace Commissioning.Core.Tenders;

/// <summary>The legal route a tender follows (see docs/tender-format.md for the choices).</summary>
public enum ProcurementRegime
{
    /// <summary>A procedure under the Procurement Act 2023.</summary>
    ProcurementAct2023,
    /// <summary>A process under the Health Care Services (Provider Selection Regime) Regulations 2023.</summary>
    ProviderSelectionRegime2023,
}

/// <summary>Which regime, which procedure or process within it, and why: recorded up front.</summary>
public sealed record RegimeChoice
{
    /// <summary>The regime.</summary>
    public required ProcurementRegime Regime { get; init; }
    /// <summary>The procedure or process, such as "Open procedure" or "Competitive process".</summary>
    public required string Procedure { get; init; }
    /// <summary>Why this regime and procedure were chosen.</summary>
    public required string Rationale { get; init; }
}

/// <summary>An organisation the tender buys for.</summary>
public sealed record TenderMember
{
    /// <summary>Stable id used by lots, such as <c>city-hospitals</c>.</summary>
    public required string Id { get; init; }
    /// <summary>The organisation's profile.</summary>
    public required OrganisationProfile Profile { get; init; }
}

/// <summary>Someone who scores bids, moderates, or both.</summary>
public sealed record Evaluator
{
    /// <summary>Stable id, such as <c>e1</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Name shown in results and the audit trail.</summary>
    public required string Name { get; init; }
}

/// <summary>Which questions of a lot an evaluator scores. No question ids means every question.</summary>
public sealed record Assignment
{
    /// <summary>The evaluator.</summary>
    public required string EvaluatorId { get; init; }
    /// <summary>The lot.</summary>
    public required string LotId { get; init; }
    /// <summary>The questions, or empty for all of the lot's questions.</summary>
    public IReadOnlyList<string> QuestionIds { get; init; } = [];
}

/// <summary>
/// A tender: who it buys for, under which regime, its lots with their award criteria, and who
/// evaluates. Immutable; every change makes a new tender.
/// </summary>
public sealed record Tender
{
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>The buyer's reference, if any.</summary>
    public string? Reference { get; init; }
    /// <summary>The last day bidders may ask clarification questions, if set (file version 4).</summary>
    public DateOnly? ClarificationDeadline { get; init; }
    /// <summary>
    /// The day bids are due, if set (file version 4). A bid's declarations are judged as they
    /// stand on that day: an accreditation or interface dated after it does not pass a gate.
    /// </summary>
    public DateOnly? BidDeadline { get; init; }
    /// <summary>The organisations bought for.</summary>
    public required IReadOnlyList<TenderMember> Members { get; init; }
    /// <summary>Regime, procedure and rationale.</summary>
    public required RegimeChoice Regime { get; init; }
    /// <summary>The scoring scale for every question.</summary>
    public required ScoringScale Scale { get; init; }
    /// <summary>
    /// Evaluators' scores for one bid and question that differ by this many points or more are
    /// flagged for moderation. Null means half the scale (2 points on 0-4).
    /// </summary>
    public decimal? SpreadFlag { get; init; }
    /// <summary>The lots.</summary>
    public required IReadOnlyList<Lot> Lots { get; init; }
    /// <summary>The evaluators and moderators.</summary>
    public required IReadOnlyList<Evaluator> Evaluators { get; init; }
    /// <summary>Who scores what.</summary>
    public required IReadOnlyList<Assignment> Assignments { get; init; }

    /// <summary>The spread at or above which scores are flagged.</summary>
    public decimal EffectiveSpreadFlag => SpreadFlag ?? Scale.Maximum / 2m;

    /// <summary>Finds a lot by id.</summary>
    public Lot? FindLot(string lotId) => Lots.FirstOrDefault(l => l.Id == lotId);

    /// <summary>The evaluators assigned to a question of a lot.</summary>
    public IReadOnlyList<string> EvaluatorsFor(string lotId, string questionId) =>
        [.. Assignments
            .Where(a => a.LotId == lotId && (a.QuestionIds.Count == 0 || a.QuestionIds.Contains(questionId)))
            .Select(a => a.EvaluatorId)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The members a lot serves.</summary>
    public IReadOnlyList<TenderMember> MembersOf(Lot lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return [.. Members.Where(m => lot.MemberIds.Contains(m.Id))];
    }
}

/// <summary>How the price is scored against other bids.</summary>
public enum PriceMethod
{
    /// <summary>Lowest price divided by this bid's price, times the price weight.</summary>
    Proportional,
    /// <summary>Full marks at the lowest price, none at the ceiling, in a straight line between.</summary>
    Linear,
    /// <summary>Marks fall by the bid's percentage above the lowest price, to no less than zero.</summary>
    Deviation,
    /// <summary>Price divided by quality points; the lowest price per point gets the full total.</summary>
    PricePerQualityPoint,
}

/// <summary>What the bids are priced over and how price is scored.</summary>
public sealed record PriceModel
{
    /// <summary>Initial contract length in years.</summary>
    public required int ContractYears { get; init; }
    /// <summary>Optional extension years.</summary>
    public int ExtensionYears { get; init; }
    /// <summary>Whether the extension years' prices count in the evaluated price.</summary>
    public bool EvaluateExtensions { get; init; }
    /// <summary>How price is scored.</summary>
    public required PriceMethod Method { get; init; }
    /// <summary>For the linear method: the price (over the evaluated years) that scores zero, such as the budget.</summary>
    public decimal? Ceiling { get; init; }

    /// <summary>How many years the evaluated price covers.</summary>
    public int EvaluatedYears => ContractYears + (EvaluateExtensions ? ExtensionYears : 0);
}

/// <summary>
/// How a level of weights is written: as percentages that add up to 100, or as points with any
/// positive total. Either way the engine uses each weight as a share of its level's total.
/// </summary>
public enum WeightUnit
{
    /// <summary>Percentages of the level, adding up to exactly 100.</summary>
    Percent,
    /// <summary>Points with any positive total, such as 60, 40 and 30 out of 130.</summary>
    Points,
}

/// <summary>How a bid's weighted quality becomes quality points.</summary>
public enum QualityMethod
{
    /// <summary>Against the scale: a bid's weighted quality as a share of full marks.</summary>
    Absolute,
    /// <summary>
    /// Against the best eligible bid: each eligible bid's weighted quality divided by the best
    /// eligible bid's, so the best gets full quality points. One bid's points depend on the others.
    /// </summary>
    Relative,
}

/// <summary>How equal totals are separated. Declared before bids are opened.</summary>
public enum TieBreakRule
{
    /// <summary>The higher quality score wins.</summary>
    HighestQuality,
    /// <summary>The lower evaluated price wins.</summary>
    LowestPrice,
    /// <summary>The higher percentage on a named section wins.</summary>
    HighestSection,
}

/// <summary>The declared tie-break.</summary>
public sealed record TieBreak
{
    /// <summary>The rule.</summary>
    public required TieBreakRule Rule { get; init; }
    /// <summary>For <see cref="TieBreakRule.HighestSection"/>: the section.</summary>
    public string? SectionId { get; init; }
}

/// <summary>A lot: a separately awarded part of the tender, with its own criteria and price.</summary>
public sealed record Lot
{
    /// <summary>The share of the median evaluated price below which a price is flagged as possibly abnormally low, by default.</summary>
    public const decimal DefaultAbnormallyLowPercent = 70m;

    /// <summary>Stable id, such as <c>lot-1</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>The members this lot serves (their headcount prices per head).</summary>
    public required IReadOnlyList<string> MemberIds { get; init; }
    /// <summary>Pass or fail criteria; failing any disqualifies the bid. Declared up front.</summary>
    public required IReadOnlyList<Gate> Gates { get; init; }
    /// <summary>How the section weights are written: percentages of quality (the default) or points.</summary>
    public WeightUnit SectionWeights { get; init; }
    /// <summary>The scored sections; their weights add up to 100, or to any positive total in points.</summary>
    public required IReadOnlyList<Section> Sections { get; init; }
    /// <summary>How the quality and price weights are written: percentages of the total (the default) or points.</summary>
    public WeightUnit Weights { get; init; }
    /// <summary>The weight of quality: a percentage of the total, or points.</summary>
    public required decimal QualityWeight { get; init; }
    /// <summary>The weight of price: a percentage of the total (quality and price add up to 100), or points.</summary>
    public required decimal PriceWeight { get; init; }
    /// <summary>How weighted quality becomes quality points: against the scale (the default) or against the best eligible bid.</summary>
    public QualityMethod QualityMethod { get; init; }
    /// <summary>The price model and method.</summary>
    public required PriceModel Price { get; init; }
    /// <summary>A bid whose quality is below this percentage of the maximum is excluded. Judged on absolute quality under either quality method.</summary>
    public decimal? MinimumQualityPercent { get; init; }
    /// <summary>
    /// A price below this percentage of the median evaluated price of the bids that pass every
    /// gate and threshold is flagged as possibly abnormally low, and the result stays provisional
    /// until the outcome of asking the bidder is recorded. 0 turns the check off.
    /// </summary>
    public decimal AbnormallyLowPercent { get; init; } = DefaultAbnormallyLowPercent;
    /// <summary>The declared tie-break.</summary>
    public required TieBreak TieBreak { get; init; }

    /// <summary>Every question in section order.</summary>
    public IEnumerable<Question> Questions => Sections.SelectMany(s => s.Questions);

    /// <summary>The quality and price weights together: 100 for percentages, the declared total for points.</summary>
    public decimal WeightTotal => QualityWeight + PriceWeight;

    /// <summary>Quality's share of the total, in percent, whichever way the weights are written.</summary>
    public decimal QualitySharePercent => WeightTotal == 0 ? 0m : QualityWeight * 100m / WeightTotal;

    /// <summary>Price's share of the total, in percent, whichever way the weights are written.</summary>
    public decimal PriceSharePercent => WeightTotal == 0 ? 0m : PriceWeight * 100m / WeightTotal;

    /// <summary>The section weights together: 100 for percentages, the declared total for points.</summary>
    public decimal SectionWeightTotal => Sections.Sum(s => s.Weight);

    /// <summary>The least share of the total, in percent, NHS bodies give social value and net zero (the project brief's procurement rules).</summary>
    public const decimal SocialValueMinimumPercent = 10m;

    /// <summary>Whether social value and net zero carry less than <see cref="SocialValueMinimumPercent"/> of the lot's total.</summary>
    public bool SocialValueBelowMinimum => SocialValueShareOfTotal < SocialValueMinimumPercent;

    /// <summary>The share of the lot's total carried by social value and net zero sections, in percent.</summary>
    public decimal SocialValueShareOfTotal =>
        SectionWeightTotal == 0 ? 0m : Sections.Where(s => s.SocialValue).Sum(s => s.Weight) * QualitySharePercent / SectionWeightTotal;

    /// <summary>A section's share of quality, in percent, whichever way the weights are written.</summary>
    public decimal SectionSharePercent(Section section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return SectionWeightTotal == 0 ? 0m : section.Weight * 100m / SectionWeightTotal;
    }
}

/// <summary>A group of questions with a weight within quality.</summary>
public sealed record Section
{
    /// <summary>Stable id, such as <c>s1</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>Share of quality: a percentage, or points (see <see cref="Lot.SectionWeights"/>).</summary>
    public required decimal Weight { get; init; }
    /// <summary>True for the social value and net zero section.</summary>
    public bool SocialValue { get; init; }
    /// <summary>A bid scoring below this percentage of the section's maximum is excluded.</summary>
    public decimal? MinimumPercent { get; init; }
    /// <summary>How the question weights are written: percentages of the section (the default) or points.</summary>
    public WeightUnit QuestionWeights { get; init; }
    /// <summary>The questions; their weights add up to 100, or to any positive total in points.</summary>
    public required IReadOnlyList<Question> Questions { get; init; }

    /// <summary>The question weights together: 100 for percentages, the declared total for points.</summary>
    public decimal QuestionWeightTotal => Questions.Sum(q => q.Weight);

    /// <summary>A question's share of this section, in percent, whichever way the weights are written.</summary>
    public decimal QuestionSharePercent(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return QuestionWeightTotal == 0 ? 0m : question.Weight * 100m / QuestionWeightTotal;
    }
}

/// <summary>A scored question.</summary>
public sealed record Question
{
    /// <summary>Stable id, such as <c>Q1.2</c>, unique within the lot.</summary>
    public required string Id { get; init; }
    /// <summary>Short title.</summary>
    public required string Title { get; init; }
    /// <summary>The question as put to bidders.</summary>
    public required string Text { get; init; }
    /// <summary>The standards requirement it tests, or null for a custom question.</summary>
    public string? RequirementId { get; init; }
    /// <summary>Share of its section: a percentage, or points (see <see cref="Section.QuestionWeights"/>).</summary>
    public required decimal Weight { get; init; }
    /// <summary>A bid scoring below this on the scale is excluded.</summary>
    public decimal? MinimumScore { get; init; }
}

/// <summary>A pass or fail criterion.</summary>
public sealed record Gate
{
    /// <summary>Stable id, such as <c>G1</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>The standards requirement it tests; where known, the bid's declarations decide it.</summary>
    public string? RequirementId { get; init; }
    /// <summary>What a bid must show to pass.</summary>
    public required string Description { get; init; }
}
