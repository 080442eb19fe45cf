using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using static Commissioning.Tests.Evaluation.Packs;

namespace Commissioning.Tests.Evaluation;

/// <summary>The engine's rules: gates, thresholds, moderation, tie-breaks, warnings, traceability.</summary>
public sealed class EvaluationTests
{
    private static readonly Lot TwoSections = Lot(
        [Section("s1", 75m, Q("Q1", 50m), Q("Q2", 50m)), Section("s2", 25m, Q("Q3"))],
        quality: 60m, price: 40m);

    private static TenderPack Pack(Lot lot, IEnumerable<Bid> bids, IEnumerable<EvaluatorScore> scores, IEnumerable<ModeratedScore>? moderation = null, IEnumerable<GateDecision>? decisions = null) => new()
    {
        Tender = Tender(lot),
        Bids = [.. bids],
        Scores = [.. scores],
        Moderation = [.. moderation ?? []],
        GateDecisions = [.. decisions ?? []],
    };

    private static IEnumerable<EvaluatorScore> AllAgreed(string bid, decimal q1, decimal q2, decimal q3) =>
        Agreed(bid, "Q1", q1).Concat(Agreed(bid, "Q2", q2)).Concat(Agreed(bid, "Q3", q3));

    private static LotResult Evaluate(TenderPack pack) => TenderEvaluator.Evaluate(pack).Lots[0];

    private static BidResult For(LotResult lot, string bidId) => lot.Bids.Single(b => b.Bid.Id == bidId);

    [Test]
    public void Evaluate_QualityAndPrice_AddUpAsDeclared()
    {
        var lot = Evaluate(Pack(TwoSections, [Bid("a", 100_000m), Bid("b", 80_000m)], [.. AllAgreed("a", 4, 3, 2), .. AllAgreed("b", 2, 2, 2)]));

        var a = For(lot, "a");
        // s1: (4/4 × 50 + 3/4 × 50) = 87.5%; s2: 2/4 = 50%; quality = 0.75 × 87.5 + 0.25 × 50 = 78.125%.
        Assert.That(a.QualityPercent, Is.EqualTo(78.125m));
        Assert.That(a.QualityPoints, Is.EqualTo(46.875m));
        Assert.That(a.Price.Points, Is.EqualTo(32m), "80,000 ÷ 100,000 × 40");
        Assert.That(a.Total, Is.EqualTo(78.875m));
        Assert.That(a.QualityRaw, Is.EqualTo(9m));
        Assert.That(a.QualityRawMaximum, Is.EqualTo(12m));
        Assert.That(a.Sections.Sum(s => s.Points), Is.EqualTo(a.QualityPoints), "section points add up to quality points");
        Assert.That(a.Sections.SelectMany(s => s.Questions).Sum(q => q.Points), Is.EqualTo(a.QualityPoints), "question points add up to quality points");
        Assert.That(For(lot, "b").Total, Is.EqualTo(30m + 40m));
        Assert.That(a.Rank, Is.EqualTo(1));
        Assert.That(lot.MostAdvantageous!.Bid.Id, Is.EqualTo("a"));
    }

    [Test]
    public void Evaluate_Breakdown_TracesEveryNumberToItsInputs()
    {
        var lot = Evaluate(Pack(TwoSections, [Bid("a", 100_000m), Bid("b", 80_000m)], [.. AllAgreed("a", 4, 3, 2), .. AllAgreed("b", 2, 2, 2)]));

        Assert.That(Said.Breakdown(lot, For(lot, "a")), Is.EqualTo(new[]
        {
            "Section s1 Section s1: 7 of 8 raw, 87.5% weighted × 75% of quality = 39.38 points",
            "  Q1: 4 of 4 (Excellent, all 3 evaluators agreed) × 50% of section s1 × 75% of quality × 60 quality points = 22.5 points",
            "  Q2: 3 of 4 (Good, all 3 evaluators agreed) × 50% of section s1 × 75% of quality × 60 quality points = 16.88 points",
            "Section s2 Section s2: 2 of 4 raw, 50% weighted × 25% of quality = 7.5 points",
            "  Q3: 2 of 4 (Satisfactory, all 3 evaluators agreed) × 100% of section s2 × 25% of quality × 60 quality points = 7.5 points",
            "Quality: 9 of 12 raw; 78.13% weighted = 46.88 of 60 points",
            "Price: £100,000.00 over 1 years (£100,000.00 a year, £100.00 a head a year). Proportional: lowest eligible price £80,000.00 ÷ this price £100,000.00 × 40 = 32 points",
            "Total: 46.88 quality + 32 price = 78.88 of 100",
            "Rank 1 of 2 eligible bids: the most advantageous tender.",
        }));
    }

    [Test]
    public void Moderation_ConsensusScoreCounts_AndTheOriginalScoresAreKept()
    {
        var lot = Evaluate(Pack(TwoSections, [Bid("a", 100m)],
            [.. Scores("a", "Q1", 1, 3, 4), .. Agreed("a", "Q2", 3), .. Agreed("a", "Q3", 3)],
            [Moderated("a", "Q1", 3)]));

        var q1 = For(lot, "a").Sections[0].Questions[0];
        Assert.That(q1.Score, Is.EqualTo(3m));
        Assert.That(q1.Source, Is.EqualTo(ScoreSource.Moderated));
        Assert.That(q1.EvaluatorScores.Select(s => s.Score), Is.EqualTo(new[] { 1m, 3m, 4m }));
        Assert.That(q1.Spread, Is.EqualTo(3m));
        Assert.That(q1.SpreadFlagged, Is.True);
        Assert.That(Said.Explanation(lot, For(lot, "a"), "Q1"), Does.Contain("moderated from 1, 3, 4"));
        Assert.That(lot.Complete, Is.True);
    }

    [Test]
    public void Spread_AtTheFlag_IsFlagged_AndUnmoderatedDifferencesAreOutstanding()
    {
        var lot = Evaluate(Pack(TwoSections, [Bid("a", 100m)],
            [.. Scores("a", "Q1", 2, 4, 3), .. Scores("a", "Q2", 2, 3, 3), .. Agreed("a", "Q3", 3)]));

        var questions = For(lot, "a").Sections[0].Questions;
        Assert.That(questions[0].SpreadFlagged, Is.True, "a spread of 2 on 0-4 is flagged by default");
        Assert.That(questions[1].SpreadFlagged, Is.False);
        Assert.That(questions[0].Score, Is.EqualTo(3m), "the mean is used until moderation");
        Assert.That(lot.Complete, Is.False);
        Assert.That(Said.Outstanding(lot), Is.EqualTo(new[]
        {
            "Provider A, Q1 Question Q1: evaluators differ (2, 4, 3), a flagged spread, and no consensus is recorded; the mean is used for now.",
            "Provider A, Q2 Question Q2: evaluators differ (2, 3, 3) and no consensus is recorded; the mean is used for now.",
        }));
    }

    [Test]
    public void SpreadFlag_IsConfigurable()
    {
        var pack = Pack(TwoSections, [Bid("a", 100m)], [.. Scores("a", "Q1", 2, 3, 3), .. Agreed("a", "Q2", 3), .. Agreed("a", "Q3", 3)]);

        var lot = Evaluate(pack with { Tender = pack.Tender with { SpreadFlag = 1m } });

        Assert.That(For(lot, "a").Sections[0].Questions[0].SpreadFlagged, Is.True);
    }

    [Test]
    public void Agreement_SummarisesEachQuestionAcrossBids()
    {
        var lot = Evaluate(Pack(TwoSections, [Bid("a", 100m), Bid("b", 100m)],
            [.. Scores("a", "Q1", 1, 3, 4), .. Agreed("b", "Q1", 2), .. AllAgreed("a", 0, 3, 3).Skip(3), .. AllAgreed("b", 0, 3, 3).Skip(3)]));

        var q1 = lot.Agreement.Single(a => a.Question.Id == "Q1");
        Assert.That((q1.BidsCompared, q1.Unanimous, q1.LargestSpread, q1.MeanSpread, q1.Flagged), Is.EqualTo((2, 1, 3m, 1.5m, 1)));
    }

    [Test]
    public void MissingScores_CountAsZero_AndAreListedAsOutstanding()
    {
        var lot = Evaluate(Pack(TwoSections, [Bid("a", 100m)], [.. Scores("a", "Q1", 3, 3), .. Agreed("a", "Q2", 3)]));

        Assert.That(For(lot, "a").Sections[1].Questions[0].Source, Is.EqualTo(ScoreSource.Missing));
        Assert.That(Said.Outstanding(lot), Does.Contain("Provider A, Q1 Question Q1: waiting for scores from Evaluator e3."));
        Assert.That(Said.Outstanding(lot), Does.Contain("Provider A, Q3 Question Q3: no score recorded (counted as 0 for now)."));
    }

    [Test]
    public void FailedGate_FromDeclarations_Disqualifies_WithTheReason()
    {
        var gate = new Gate { Id = "G1", Title = "SEQOHS", RequirementId = "SEQ-01", Description = "Accredited or working towards it." };
        var lotDefinition = TwoSections with { Gates = [gate] };
        var accredited = Bid("a", 100_000m) with { Declarations = new Declarations { Seqohs = SeqohsStatus.Accredited, SeqohsDate = new DateOnly(2022, 3, 1) } };
        var none = Bid("b", 50_000m);

        var lot = Evaluate(Pack(lotDefinition, [accredited, none], [.. AllAgreed("a", 2, 2, 2), .. AllAgreed("b", 4, 4, 4)]));

        var b = For(lot, "b");
        Assert.That(b.Disqualified, Is.True);
        Assert.That(b.Rank, Is.Null);
        Assert.That(b.Total, Is.Null);
        Assert.That(Said.GateReasons(lot, b)[0], Is.EqualTo("Neither SEQOHS accredited nor working towards it."));
        Assert.That(Said.Breakdown(lot, b), Does.Contain("Excluded: a gate was failed."));
        Assert.That(Said.GateReasons(lot, For(lot, "a"))[0], Is.EqualTo("SEQOHS accredited since 1 March 2022."));
        Assert.That(For(lot, "a").Price.Points, Is.EqualTo(40m), "the lowest price among eligible bids sets the price scores");
        Assert.That(lot.Bids.Select(x => x.Bid.Id), Is.EqualTo(new[] { "a", "b" }), "eligible bids first");
    }

    [Test]
    public void GateWithoutDeclarationCheck_IsDecidedByARecordedDecision_OrIsOutstanding()
    {
        var gate = new Gate { Id = "G4", Title = "Clinical governance", RequirementId = "GOV-01", Description = "Comprehensive clinical governance." };
        var pack = Pack(TwoSections with { Gates = [gate] }, [Bid("a", 100m), Bid("b", 100m)], [.. AllAgreed("a", 2, 2, 2), .. AllAgreed("b", 2, 2, 2)],
            decisions: [new GateDecision { BidId = "a", GateId = "G4", Passed = false, Reason = "No governance framework supplied.", DecidedBy = "m" }]);

        var lot = Evaluate(pack);

        Assert.That(For(lot, "a").Gates[0].Status, Is.EqualTo(GateStatus.Failed));
        Assert.That((For(lot, "a").Gates[0].Basis, For(lot, "a").Gates[0].DecidedBy), Is.EqualTo((GateBasis.Decision, "Moderator")));
        Assert.That(For(lot, "b").Gates[0].Status, Is.EqualTo(GateStatus.NotAssessed));
        Assert.That(Said.Outstanding(lot), Does.Contain("Provider B: gate G4 (Clinical governance) has not been decided."));
    }

    [Test]
    public void Thresholds_ExcludeBids_ForQuestionSectionAndOverallQuality()
    {
        var lotDefinition = Lot(
            [Section("s1", 50m, Q("Q1", 100m, minimum: 2m)), Section("s2", 50m, Q("Q2")) with { MinimumPercent = 50m }],
            minimumQuality: 40m);
        var pack = Pack(lotDefinition, [Bid("ok", 100m), Bid("q", 100m), Bid("s", 100m), Bid("overall", 100m)],
        [
            .. Agreed("ok", "Q1", 2), .. Agreed("ok", "Q2", 2),
            .. Agreed("q", "Q1", 1), .. Agreed("q", "Q2", 4),
            .. Agreed("s", "Q1", 4), .. Agreed("s", "Q2", 1),
            .. Agreed("overall", "Q1", 2), .. Agreed("overall", "Q2", 2),
        ]);
        pack = pack with { Tender = pack.Tender with { Lots = [lotDefinition with { MinimumQualityPercent = 55m }] } };

        var lot = Evaluate(pack);

        Assert.That(Said.Thresholds(lot, For(lot, "q")), Is.EqualTo(new[] { "Q1 Question Q1 scored 1, below its minimum of 2." }));
        Assert.That(Said.Thresholds(lot, For(lot, "s")), Is.EqualTo(new[] { "Section s2 Section s2 reached 25%, below its minimum of 50%." }));
        Assert.That(Said.Thresholds(lot, For(lot, "overall")), Is.EqualTo(new[] { "Quality reached 50%, below the lot's minimum of 55%." }));
        Assert.That(lot.Bids.All(b => b.Rank is null), Is.True);
        Assert.That(Said.Warnings(lot), Does.Contain("No bid for Lot lot-1 is eligible: every bid failed a gate or a minimum threshold."));
    }

    [TestCase(TieBreakRule.HighestQuality, "quality")]
    [TestCase(TieBreakRule.LowestPrice, "cheap")]
    public void EqualTotals_AreSeparatedByTheDeclaredTieBreak(TieBreakRule rule, string expectedWinner)
    {
        // quality: 8 of 8 → 60 quality points; £80,000 → 40 × 65,000 ÷ 80,000 = 32.5 price points; 92.5 in all.
        // cheap:   7 of 8 → 52.5 quality points; £65,000 is the lowest → 40 price points; 92.5 in all.
        var lotDefinition = Lot([Section("s1", 100m, Q("Q1", 50m), Q("Q2", 50m))], tieBreak: rule);
        var pack = Pack(lotDefinition, [Bid("quality", 80_000m), Bid("cheap", 65_000m)],
        [
            .. Agreed("quality", "Q1", 4), .. Agreed("quality", "Q2", 4),
            .. Agreed("cheap", "Q1", 4), .. Agreed("cheap", "Q2", 3),
        ]);

        var lot = Evaluate(pack);

        Assert.That(For(lot, "quality").Total, Is.EqualTo(92.5m));
        Assert.That(For(lot, "cheap").Total, Is.EqualTo(92.5m));
        Assert.That(lot.MostAdvantageous!.Bid.Id, Is.EqualTo(expectedWinner));
        Assert.That(lot.Bids.Select(b => b.Rank), Is.EqualTo(new int?[] { 1, 2 }));
    }

    [Test]
    public void TieTheRuleCannotBreak_SharesTheRank_AndNamesNoWinner()
    {
        var lotDefinition = Lot([Section("s1", 100m, Q("Q1"))], tieBreak: TieBreakRule.LowestPrice);
        var lot = Evaluate(Pack(lotDefinition, [Bid("a", 100m), Bid("b", 100m)], [.. Agreed("a", "Q1", 3), .. Agreed("b", "Q1", 3)]));

        Assert.That(lot.Bids.Select(b => b.Rank), Is.EqualTo(new int?[] { 1, 1 }));
        Assert.That(lot.MostAdvantageous, Is.Null);
        Assert.That(Said.Warnings(lot), Does.Contain("Provider A and Provider B are tied for first in Lot lot-1 even after the declared tie-break."));
        Assert.That(Said.Breakdown(lot, For(lot, "a"))[^1], Does.Contain("tied for first after the declared tie-break"));
    }

    [Test]
    public void SocialValueBelowTenPercentOfTheTotal_IsWarned()
    {
        var lotDefinition = Lot([Section("s1", 85m, Q("Q1")), Section("sv", 15m, Q("SV")) with { SocialValue = true }], quality: 60m, price: 40m);

        var lot = Evaluate(Pack(lotDefinition, [Bid("a", 100m)], [.. Agreed("a", "Q1", 3), .. Agreed("a", "SV", 3)]));

        Assert.That(lotDefinition.SocialValueShareOfTotal, Is.EqualTo(9m));
        Assert.That(Said.Warnings(lot), Is.EqualTo(new[] { "Social value and net zero carry 9% of the total for Lot lot-1. NHS bodies apply a weighting of at least 10%." }));
    }

    [Test]
    public void PricePerHead_UsesTheLotMembersHeadcount_AndTheEvaluatedYears()
    {
        var lotDefinition = Lot([Section("s1", 100m, Q("Q1"))], years: 3) with
        {
            Price = new PriceModel { ContractYears = 3, ExtensionYears = 2, EvaluateExtensions = true, Method = PriceMethod.Proportional },
        };
        var bid = Bid("a", 100_000m, 110_000m, 120_000m) with { Price = new PriceSchedule { AnnualPrices = [100_000m, 110_000m, 120_000m], ExtensionPrices = [130_000m, 140_000m] } };

        var price = For(Evaluate(Pack(lotDefinition, [bid], Agreed("a", "Q1", 3))), "a").Price;

        Assert.That(price.EvaluatedPrice, Is.EqualTo(600_000m));
        Assert.That(price.AnnualPrice, Is.EqualTo(120_000m));
        Assert.That(price.PricePerHead, Is.EqualTo(120m), "£120,000 a year over 1,000 staff");
    }

    [Test]
    public void PricePerQualityPoint_GivesTheBestValueBidTheFullTotal()
    {
        var lotDefinition = Lot([Section("s1", 100m, Q("Q1"))], method: PriceMethod.PricePerQualityPoint);
        var lot = Evaluate(Pack(lotDefinition, [Bid("a", 80_000m), Bid("b", 60_000m)], [.. Agreed("a", "Q1", 4), .. Agreed("b", "Q1", 2)]));

        // a: 80,000 ÷ 100 = 800 a point; b: 60,000 ÷ 50 = 1,200 a point.
        Assert.That(For(lot, "a").Price.PricePerQualityPoint, Is.EqualTo(800m));
        Assert.That(For(lot, "b").Price.PricePerQualityPoint, Is.EqualTo(1_200m));
        Assert.That(For(lot, "a").Total, Is.EqualTo(100m));
        Assert.That(Rounding.ForDisplay(For(lot, "b").Total!.Value), Is.EqualTo(66.67m));
    }

    [Test]
    public void Linear_PriceAtOrAboveTheCeiling_ScoresZero()
    {
        var results = TenderEvaluator.Evaluate(PriceOnly(PriceMethod.Linear, 1_000m, ("low", 500m), ("over", 1_200m))).Lots[0];

        Assert.That(For(results, "over").Price.Points, Is.EqualTo(0m));
    }

    [Test]
    public void Deviation_PriceMoreThanDoubleTheLowest_ScoresZero_NotBelow()
    {
        var results = TenderEvaluator.Evaluate(PriceOnly(PriceMethod.Deviation, null, ("low", 100m), ("high", 250m))).Lots[0];

        Assert.That(For(results, "high").Price.Points, Is.EqualTo(0m));
    }

    [Test]
    public void Rounding_IsHalfAwayFromZero_ToTwoPlaces_ForDisplayOnly()
    {
        Assert.That(Rounding.ForDisplay(2.345m), Is.EqualTo(2.35m));
        Assert.That(Rounding.ForDisplay(-2.345m), Is.EqualTo(-2.35m));
        Assert.That(Rounding.ForDisplay(2.344999m), Is.EqualTo(2.34m));
        Assert.That(Rounding.Money(1234567.895m), Is.EqualTo("£1,234,567.90"));
        Assert.That(Rounding.Percent(12.5m), Is.EqualTo("12.5%"));
    }

    [TestCase(49.996, 50, "49.996")]
    [TestCase(49.9999, 50, "49.9999")]
    [TestCase(37.5, 50, "37.5")]
    [TestCase(49.999999999, 50, "49.99999999")]
    public void ShortOf_ShowsAShortfallThatTwoPlacesWouldHide(decimal value, decimal limit, string expected)
    {
        Assert.That(Rounding.ShortOf(value, limit), Is.EqualTo(expected));
    }

    [Test]
    public void Ranking_UsesUnroundedTotals()
    {
        // Price only: £150 scores 66.666…, £149.99 scores 66.671…; both show as 66.67, but £149.99 ranks higher.
        var lotDefinition = Lot([Section("s1", 100m, Q("Q1"))], quality: 0m, price: 100m);
        var pack = Pack(lotDefinition, [Bid("low", 100m), Bid("third", 150m), Bid("close", 149.99m)],
            [.. Agreed("low", "Q1", 2), .. Agreed("third", "Q1", 2), .. Agreed("close", "Q1", 2)]);

        var lot = Evaluate(pack);

        Assert.That(Rounding.ForDisplay(For(lot, "third").Total!.Value), Is.EqualTo(66.67m));
        Assert.That(Rounding.ForDisplay(For(lot, "close").Total!.Value), Is.EqualTo(66.67m));
        Assert.That(For(lot, "close").Rank, Is.EqualTo(2));
        Assert.That(For(lot, "third").Rank, Is.EqualTo(3));
    }

    [Test]
    public void MissingScores_DoNotExcludeABidOnAThreshold_UntilEveryScoreIsIn()
    {
        var lotDefinition = Lot([Section("s1", 100m, Q("Q1", 50m, minimum: 2m), Q("Q2", 50m))], minimumQuality: 50m) with
        {
            Sections = [Section("s1", 100m, Q("Q1", 50m, minimum: 2m), Q("Q2", 50m)) with { MinimumPercent = 40m }],
        };

        var lot = Evaluate(Pack(lotDefinition, [Bid("a", 100m)], Agreed("a", "Q2", 4)));

        var a = For(lot, "a");
        Assert.That(a.Eligible, Is.True, "a missing score counts as 0 for now, but is not judged against a minimum");
        Assert.That(a.ThresholdsFailed, Is.Empty);
        Assert.That(a.Sections[0].Questions[0].BelowMinimum, Is.False);
        Assert.That(Said.Outstanding(lot), Does.Contain("Provider A: minimum thresholds are not applied until every score is in."));
        Assert.That(lot.Complete, Is.False);
    }

    [Test]
    public void Linear_TheLowestPriceAboveADeclaredCeiling_ScoresZero_WithAWarning()
    {
        var results = TenderEvaluator.Evaluate(PriceOnly(PriceMethod.Linear, 20_000m, ("a", 30_000m), ("b", 33_000m))).Lots[0];

        Assert.That(For(results, "a").Price.Points, Is.EqualTo(0m));
        Assert.That(Said.Price(results, For(results, "a")), Is.EqualTo("Linear: £30,000.00 is at or above the ceiling of £20,000.00, so it scores 0 points"));
        Assert.That(Said.Warnings(results), Does.Contain("Provider A's evaluated price of £30,000.00 is at or above the ceiling of £20,000.00 for Lot lot-1, so it scores 0 for price."));
    }

    [Test]
    public void ModeratedScore_WithNoIndependentScores_IsOutstanding_AndSaysSo()
    {
        var lot = Evaluate(Pack(TwoSections, [Bid("a", 100m)], [.. Agreed("a", "Q2", 3), .. Agreed("a", "Q3", 3)], [Moderated("a", "Q1", 3)]));

        var q1 = For(lot, "a").Sections[0].Questions[0];
        Assert.That(q1.Source, Is.EqualTo(ScoreSource.Moderated));
        Assert.That(Said.Explanation(lot, For(lot, "a"), "Q1"), Does.Contain("(Good, moderated, with no independent scores yet)"));
        Assert.That(Said.Explanation(lot, For(lot, "a"), "Q1"), Does.Not.Contain("moderated from )"));
        Assert.That(lot.Complete, Is.False);
        Assert.That(Said.Outstanding(lot), Is.EqualTo(new[]
        {
            "Provider A, Q1 Question Q1: a consensus score is recorded but there are no independent scores from the evaluators. Record each assigned evaluator's own score.",
        }));
        Assert.That(lot.MostAdvantageous, Is.Null, "nothing is most advantageous while the result is provisional");
        Assert.That(lot.Leader!.Bid.Id, Is.EqualTo("a"));
        Assert.That(Said.Breakdown(lot, For(lot, "a"))[^1], Is.EqualTo("Rank 1 of 1 eligible bids: first so far; not a result until nothing is outstanding."));
    }

    [Test]
    public void Provisional_NamesALeader_ButNoMostAdvantageousTender()
    {
        var lot = Evaluate(Pack(TwoSections, [Bid("a", 100m), Bid("b", 100m)], [.. AllAgreed("a", 4, 4, 4), .. AllAgreed("b", 2, 2, 2).Skip(1)]));

        Assert.That(lot.Complete, Is.False);
        Assert.That(lot.Leader!.Bid.Id, Is.EqualTo("a"));
        Assert.That(For(lot, "a").Leading, Is.True);
        Assert.That(For(lot, "a").MostAdvantageous, Is.False);
        Assert.That(lot.MostAdvantageous, Is.Null);
    }

    [Test]
    public void LotWithoutBids_IsNotComplete_AndSaysThereAreNoBids()
    {
        var lot = Evaluate(Pack(TwoSections, [], []));

        Assert.That(lot.Bids, Is.Empty);
        Assert.That(lot.Complete, Is.False);
        Assert.That(Said.Outstanding(lot), Is.EqualTo(new[] { "There are no bids for Lot lot-1 to evaluate, so there is no result yet." }));
        Assert.That(lot.Leader, Is.Null);
    }
}
