using Commissioning.Core.Profiles;
using Commissioning.Core.Tenders;

namespace Commissioning.Tests.Evaluation;

/// <summary>Small, readable tender packs for arithmetic tests. One contract year unless stated, so prices read directly.</summary>
internal static class Packs
{
    public static readonly string[] Panel = ["e1", "e2", "e3"];

    public static Question Q(string id, decimal weight = 100m, decimal? minimum = null, string? requirementId = null) =>
        new() { Id = id, Title = $"Question {id}", Text = $"Tell us about {id}.", Weight = weight, MinimumScore = minimum, RequirementId = requirementId };

    public static Section Section(string id, decimal weight, params Question[] questions) =>
        new() { Id = id, Title = $"Section {id}", Weight = weight, Questions = questions };

    public static Lot Lot(
        IReadOnlyList<Section> sections,
        decimal quality = 60m,
        decimal price = 40m,
        PriceMethod method = PriceMethod.Proportional,
        decimal? ceiling = null,
        IReadOnlyList<Gate>? gates = null,
        decimal? minimumQuality = null,
        TieBreakRule tieBreak = TieBreakRule.HighestQuality,
        string id = "lot-1",
        int years = 1) => new()
        {
            Id = id,
            Title = $"Lot {id}",
            MemberIds = ["m1"],
            Gates = gates ?? [],
            Sections = sections,
            QualityWeight = quality,
            PriceWeight = price,
            Price = new PriceModel { ContractYears = years, Method = method, Ceiling = ceiling },
            MinimumQualityPercent = minimumQuality,
            TieBreak = new TieBreak { Rule = tieBreak, SectionId = tieBreak == TieBreakRule.HighestSection ? sections[0].Id : null },
        };

    public static Tender Tender(params Lot[] lots) => new()
    {
        Title = "Test tender",
        Members =
        [
            new TenderMember
            {
                Id = "m1",
                Profile = new OrganisationProfile { Name = "Member one", Type = OrganisationType.CommunityTrust, Headcount = 1_000 },
            },
        ],
        Regime = new RegimeChoice { Regime = ProcurementRegime.ProcurementAct2023, Procedure = "Open procedure", Rationale = "A test." },
        Scale = ScoringScale.ZeroToFour,
        Lots = lots,
        Evaluators = [.. Panel.Select(e => new Evaluator { Id = e, Name = $"Evaluator {e}" }).Append(new Evaluator { Id = "m", Name = "Moderator" })],
        Assignments = [.. lots.SelectMany(l => Panel.Select(e => new Assignment { EvaluatorId = e, LotId = l.Id }))],
    };

    public static Bid Bid(string id, params decimal[] annualPrices) => new()
    {
        Id = id,
        LotId = "lot-1",
        Provider = $"Provider {id.ToUpperInvariant()}",
        Declarations = new Declarations(),
        Price = new PriceSchedule { AnnualPrices = annualPrices },
    };

    /// <summary>The same score from every panel member.</summary>
    public static IEnumerable<EvaluatorScore> Agreed(string bidId, string questionId, decimal score) =>
        Panel.Select(e => Score(e, bidId, questionId, score));

    /// <summary>One score from each panel member, in panel order.</summary>
    public static IEnumerable<EvaluatorScore> Scores(string bidId, string questionId, params decimal[] byEvaluator) =>
        byEvaluator.Select((s, i) => Score(Panel[i], bidId, questionId, s));

    public static EvaluatorScore Score(string evaluator, string bidId, string questionId, decimal score) =>
        new() { EvaluatorId = evaluator, BidId = bidId, QuestionId = questionId, Score = score, Rationale = $"{evaluator} on {bidId}/{questionId}." };

    public static ModeratedScore Moderated(string bidId, string questionId, decimal score) =>
        new() { BidId = bidId, QuestionId = questionId, Score = score, Reason = "Panel agreed after discussion.", ModeratorId = "m" };

    /// <summary>A one-section, one-question lot with every bid given the same quality score: a price-only comparison.</summary>
    public static TenderPack PriceOnly(PriceMethod method, decimal? ceiling, params (string Id, decimal Price)[] bids)
    {
        var lot = Lot([Section("s1", 100m, Q("Q1"))], quality: 0m, price: 100m, method: method, ceiling: ceiling);
        return new TenderPack
        {
            Tender = Tender(lot),
            Bids = [.. bids.Select(b => Bid(b.Id, b.Price))],
            Scores = [.. bids.SelectMany(b => Agreed(b.Id, "Q1", 2m))],
        };
    }
}
