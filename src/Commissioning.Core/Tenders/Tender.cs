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
    /// <summary>Stable id, such as <c>lot-1</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>The members this lot serves (their headcount prices per head).</summary>
    public required IReadOnlyList<string> MemberIds { get; init; }
    /// <summary>Pass or fail criteria; failing any disqualifies the bid. Declared up front.</summary>
    public required IReadOnlyList<Gate> Gates { get; init; }
    /// <summary>The scored sections; their weights add up to 100.</summary>
    public required IReadOnlyList<Section> Sections { get; init; }
    /// <summary>Share of the total for quality, in percent.</summary>
    public required decimal QualityWeight { get; init; }
    /// <summary>Share of the total for price, in percent. Quality and price add up to 100.</summary>
    public required decimal PriceWeight { get; init; }
    /// <summary>The price model and method.</summary>
    public required PriceModel Price { get; init; }
    /// <summary>A bid whose quality is below this percentage of the maximum is excluded.</summary>
    public decimal? MinimumQualityPercent { get; init; }
    /// <summary>The declared tie-break.</summary>
    public required TieBreak TieBreak { get; init; }

    /// <summary>Every question in section order.</summary>
    public IEnumerable<Question> Questions => Sections.SelectMany(s => s.Questions);

    /// <summary>The share of the lot's total carried by social value and net zero sections, in percent.</summary>
    public decimal SocialValueShareOfTotal =>
        Sections.Where(s => s.SocialValue).Sum(s => s.Weight) * QualityWeight / 100m;
}

/// <summary>A group of questions with a weight within quality.</summary>
public sealed record Section
{
    /// <summary>Stable id, such as <c>s1</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>Share of quality, in percent.</summary>
    public required decimal Weight { get; init; }
    /// <summary>True for the social value and net zero section.</summary>
    public bool SocialValue { get; init; }
    /// <summary>A bid scoring below this percentage of the section's maximum is excluded.</summary>
    public decimal? MinimumPercent { get; init; }
    /// <summary>The questions; their weights add up to 100.</summary>
    public required IReadOnlyList<Question> Questions { get; init; }
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
    /// <summary>Share of its section, in percent.</summary>
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
