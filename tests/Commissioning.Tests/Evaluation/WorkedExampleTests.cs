using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Validation;
using static Commissioning.Tests.Evaluation.Packs;

namespace Commissioning.Tests.Evaluation;

/// <summary>
/// Worked examples of price and quality arithmetic published by others, reproduced exactly. Each
/// test names its source; where the source is a practitioner (a law firm or a procurement system
/// vendor) rather than a public body, the test says so.
/// </summary>
public sealed class WorkedExampleTests
{
    private static Dictionary<string, BidResult> Results(TenderPack pack) =>
        TenderEvaluator.Evaluate(pack).Lots[0].Bids.ToDictionary(b => b.Bid.Id);

    /// <summary>One bid's breakdown in the first lot, in the templates' words.</summary>
    private static IReadOnlyList<string> Breakdown(TenderPack pack, string bidId)
    {
        var lot = TenderEvaluator.Evaluate(pack).Lots[0];
        return Said.Breakdown(lot, lot.Bids.Single(b => b.Bid.Id == bidId));
    }

    /// <summary>One bid's failed thresholds in the first lot, in the templates' words.</summary>
    private static IReadOnlyList<string> Thresholds(TenderPack pack, string bidId)
    {
        var lot = TenderEvaluator.Evaluate(pack).Lots[0];
        return Said.Thresholds(lot, lot.Bids.Single(b => b.Bid.Id == bidId));
    }

    /// <summary>
    /// GOV.UK, "How to score Digital Outcomes and Specialists suppliers" (Crown Commercial Service,
    /// Digital Marketplace guidance, c. 2016), step "Score the price": divide the cheapest quote by
    /// each supplier's quote. Quotes £15,000, £10,000 and £30,000 score 0.667, 1 and 0.333.
    /// (Numbers as quoted verbatim by Public Spend Forum Europe, 17 May 2016, and Shoosmiths, 2021.)
    /// </summary>
    [Test]
    public void Proportional_GovUkDigitalMarketplaceExample()
    {
        var results = Results(PriceOnly(PriceMethod.Proportional, null, ("a", 15_000m), ("b", 10_000m), ("c", 30_000m)));

        Assert.That(Math.Round(results["a"].Price.Points!.Value / 100m, 3), Is.EqualTo(0.667m));
        Assert.That(Math.Round(results["b"].Price.Points!.Value / 100m, 3), Is.EqualTo(1.000m));
        Assert.That(Math.Round(results["c"].Price.Points!.Value / 100m, 3), Is.EqualTo(0.333m));
    }

    /// <summary>
    /// Bevan Brittan LLP (law firm), "Procurement Pitfalls 1 – pricing formulae", 6 February 2019:
    /// lowest price ÷ submitted price × weighting. With a 10% weighting, £85 scores 10% and £100
    /// scores 8.5%; with a 5% weighting, £15 scores 5% and £25 scores 3%.
    /// </summary>
    [TestCase(85, 100, 10, 8.5)]
    [TestCase(15, 25, 5, 3)]
    public void Proportional_BevanBrittanExample(decimal lowest, decimal other, decimal weighting, decimal expected)
    {
        var pack = PriceOnly(PriceMethod.Proportional, null, ("low", lowest), ("other", other));
        var lot = pack.Tender.Lots[0] with { QualityWeight = 100m - weighting, PriceWeight = weighting };
        var results = Results(pack with { Tender = pack.Tender with { Lots = [lot] } });

        Assert.That(results["low"].Price.Points, Is.EqualTo(weighting));
        Assert.That(results["other"].Price.Points, Is.EqualTo(expected));
    }

    /// <summary>
    /// Negometrix (e-tendering system vendor), "Low bid scoring formula": quality criteria worth 60
    /// (30%), 40 (20%) and 30 (15%) points, price 70 (35%), 200 in all; price points = best price ÷
    /// price × 70. Bidder A: 40, 30, 20 and $10,000 gives 146 (73%); bidder B: 32, 20, 22 and $8,000
    /// gives 144 (72%). A wins.
    /// </summary>
    [Test]
    public void QualityAndPrice_NegometrixExample()
    {
        // Each criterion is a section weighted by its share of quality (30:20:15); a score is the
        // criterion's points as a share of its maximum, expressed on the 0-4 scale.
        var lot = Lot(
            [Section("experience", 30m, Q("X")), Section("assurance", 20m, Q("QA")), Section("time", 15m, Q("T"))],
            quality: 65m, price: 35m);
        static decimal OnScale(decimal points, decimal maximum) => 4m * points / maximum;
        var pack = new TenderPack
        {
            Tender = Tender(lot),
            Bids = [Bid("a", 10_000m), Bid("b", 8_000m)],
            Moderation =
            [
                Moderated("a", "X", OnScale(40, 60)), Moderated("a", "QA", OnScale(30, 40)), Moderated("a", "T", OnScale(20, 30)),
                Moderated("b", "X", OnScale(32, 60)), Moderated("b", "QA", OnScale(20, 40)), Moderated("b", "T", OnScale(22, 30)),
            ],
        };

        var results = Results(pack);

        Assert.That(Rounding.ForDisplay(results["a"].Price.Points!.Value), Is.EqualTo(28m), "56 of 200 points is 28 of 100");
        Assert.That(Rounding.ForDisplay(results["a"].Total!.Value), Is.EqualTo(73m));
        Assert.That(Rounding.ForDisplay(results["b"].Total!.Value), Is.EqualTo(72m));
        Assert.That(results["a"].Leading, Is.True);
    }

    /// <summary>
    /// Market Dojo (UK e-sourcing vendor), "How do I create a weighted auction?": the pro rata
    /// (linear) method between the qualification price and the leading bid. With a qualification
    /// price of £1,000, a leading bid of £500 scores 100% and a bid of £750 scores 50%.
    /// </summary>
    [Test]
    public void Linear_MarketDojoExample()
    {
        var results = Results(PriceOnly(PriceMethod.Linear, 1_000m, ("lead", 500m), ("other", 750m)));

        Assert.That(results["lead"].Price.Points, Is.EqualTo(100m));
        Assert.That(results["other"].Price.Points, Is.EqualTo(50m));
    }

    /// <summary>
    /// Market Dojo (UK e-sourcing vendor), same page: the "percentage of leading bid" method. A
    /// leading bid of £100 scores 100%; a bid of £110, 10% higher, scores 90%.
    /// </summary>
    [Test]
    public void Deviation_MarketDojoExample()
    {
        var results = Results(PriceOnly(PriceMethod.Deviation, null, ("lead", 100m), ("other", 110m)));

        Assert.That(results["lead"].Price.Points, Is.EqualTo(100m));
        Assert.That(results["other"].Price.Points, Is.EqualTo(90m));
    }

    /// <summary>
    /// Panacea (e-tendering system vendor), "Weighting": four questions each scored out of 5 make a
    /// section worth 20; a 40% section weighting means each raw point is worth 2. A raw 15 of 20
    /// therefore earns 30 of the 40 weighted points.
    /// </summary>
    [Test]
    public void QualityWeighting_PanaceaExample()
    {
        var lot = Lot([Section("s1", 100m, Q("Q1", 25m), Q("Q2", 25m), Q("Q3", 25m), Q("Q4", 25m))], quality: 40m, price: 60m);
        var pack = new TenderPack
        {
            Tender = Tender(lot) with { Scale = ScoringScale.ZeroToFive },
            Bids = [Bid("a", 100m)],
            Moderation = [Moderated("a", "Q1", 5m), Moderated("a", "Q2", 4m), Moderated("a", "Q3", 3m), Moderated("a", "Q4", 3m)],
        };

        var result = Results(pack)["a"];

        Assert.That(result.QualityRaw, Is.EqualTo(15m));
        Assert.That(result.QualityRawMaximum, Is.EqualTo(20m));
        Assert.That(result.QualityPoints, Is.EqualTo(30m));
    }

    /// <summary>
    /// Negometrix (e-tendering system vendor), "Low bid scoring formula", support article
    /// 44001761046, https://support-us.negometrix.com/support/solutions/articles/44001761046-low-bid-scoring-formula,
    /// section "Example": the same criteria as above, but declared as the RFP states them, in
    /// points: experience 60, quality assurance 40, time to completion 30 and price 70, out of 200.
    /// Bidder A (40, 30, 20 and $10,000) has 146 points and bidder B (32, 20, 22 and $8,000) 144;
    /// A's price scores 56 of 70 points. The points are used as declared, with no conversion to
    /// percentages by the tender writer.
    /// </summary>
    [Test]
    public void Points_NegometrixExample_DeclaredAsPointsOutOf200()
    {
        var lot = Lot(
            [Section("experience", 60m, Q("X")), Section("assurance", 40m, Q("QA")), Section("time", 30m, Q("T"))],
            quality: 130m, price: 70m) with { Weights = WeightUnit.Points, SectionWeights = WeightUnit.Points };
        static decimal OnScale(decimal points, decimal maximum) => 4m * points / maximum;
        var pack = new TenderPack
        {
            Tender = Tender(lot),
            Bids = [Bid("a", 10_000m), Bid("b", 8_000m)],
            Moderation =
            [
                Moderated("a", "X", OnScale(40, 60)), Moderated("a", "QA", OnScale(30, 40)), Moderated("a", "T", OnScale(20, 30)),
                Moderated("b", "X", OnScale(32, 60)), Moderated("b", "QA", OnScale(20, 40)), Moderated("b", "T", OnScale(22, 30)),
            ],
        };

        var results = Results(pack);
        decimal AsDeclared(decimal total) => Rounding.ForDisplay(total * lot.WeightTotal / 100m);

        Assert.That(new TenderValidator().Validate(pack.Tender).Errors.Select(e => e.ErrorMessage), Is.Empty, "weights of 60, 40 and 30, and 130 and 70, are valid points");
        Assert.That(AsDeclared(results["a"].Price.Points!.Value), Is.EqualTo(56m));
        Assert.That(AsDeclared(results["a"].Total!.Value), Is.EqualTo(146m));
        Assert.That(AsDeclared(results["b"].Total!.Value), Is.EqualTo(144m));
        Assert.That(results["a"].Leading, Is.True);
        Assert.That(Breakdown(pack, "a"), Does.Contain("Weights as declared: quality 130 and price 70 points of 200, so quality carries 65 and price 35 of every 100 points."));
        Assert.That(Breakdown(pack, "a"), Does.Contain("Total: 45 quality + 28 price = 73 of 100 (146 of 200 points as declared)"));
    }

    /// <summary>
    /// SAP (software vendor), SAP R/3 4.6C help, "Calculating Overall Score/Scores for Main
    /// Criteria" (Vendor Evaluation),
    /// http://help.sap.com/saphelp_46c/helpdata/en/8d/b97ed6414511d188fc0000e8322f96/content.htm,
    /// section "Example": weighting factors of 40, 25, 10 and 5 (80 in all) are shares of 50%,
    /// 31.25%, 12.5% and 6.25%; scores of 70, 85, 50 and 50 give 5,675 ÷ 80 = 70.94 overall. It is
    /// a supplier-rating example rather than a tender, used here for the arithmetic of weights
    /// with any total.
    /// </summary>
    [Test]
    public void Points_SapWeightingFactorsExample()
    {
        var lot = Lot(
            [Section("price", 40m, Q("P")), Section("quality", 25m, Q("Q")), Section("delivery", 10m, Q("D")), Section("service", 5m, Q("S"))],
            quality: 100m, price: 0m) with { SectionWeights = WeightUnit.Points };
        var pack = new TenderPack
        {
            Tender = Tender(lot) with { Scale = ScoringScale.ZeroToHundred },
            Bids = [Bid("vendor", 100m)],
            Scores = [.. Agreed("vendor", "P", 70m), .. Agreed("vendor", "Q", 85m), .. Agreed("vendor", "D", 50m), .. Agreed("vendor", "S", 50m)],
        };

        var result = Results(pack)["vendor"];

        Assert.That(new TenderPackValidator().Validate(pack).Errors.Select(e => e.ErrorMessage), Is.Empty);
        Assert.That(lot.Sections.Select(lot.SectionSharePercent), Is.EqualTo(new[] { 50m, 31.25m, 12.5m, 6.25m }));
        Assert.That(result.QualityPercent, Is.EqualTo(70.9375m), "5,675 ÷ 80");
        Assert.That(Rounding.ForDisplay(result.QualityPercent), Is.EqualTo(70.94m));
        Assert.That(Breakdown(pack, "vendor"), Does.Contain("Section quality Section quality: 85 of 100 raw, 85% weighted × 25 of 80 section points (31.25% of quality) = 26.56 points"));
    }

    /// <summary>
    /// Commerce Decisions (evaluation software vendor), "Normalising scores – all things are
    /// relative", https://commercedecisions.com/normalising-scores-all-things-are-relative: a
    /// normalised score is the evaluated score ÷ the highest evaluated score × 100%, so if every
    /// tender scores between 0% and 10% the scores are multiplied by 10 and span 0% to 100%, and a
    /// tender 0.5% behind the best becomes 5% behind.
    /// </summary>
    [Test]
    public void RelativeQuality_CommerceDecisionsExample_ScoresBetween0And10Percent()
    {
        var lot = Lot([Section("s1", 100m, Q("Q1", 50m), Q("Q2", 50m))], quality: 100m, price: 0m) with { QualityMethod = QualityMethod.Relative };
        var pack = new TenderPack
        {
            Tender = Tender(lot) with { Scale = ScoringScale.ZeroToHundred },
            Bids = [Bid("best", 100m), Bid("close", 100m), Bid("none", 100m)],
            Scores =
            [
                .. Agreed("best", "Q1", 10m), .. Agreed("best", "Q2", 10m),
                .. Agreed("close", "Q1", 9m), .. Agreed("close", "Q2", 10m),
                .. Agreed("none", "Q1", 0m), .. Agreed("none", "Q2", 0m),
            ],
        };

        var results = Results(pack);

        Assert.That((results["best"].QualityPercent, results["close"].QualityPercent, results["none"].QualityPercent), Is.EqualTo((10m, 9.5m, 0m)));
        Assert.That((results["best"].RelativeQualityPercent, results["close"].RelativeQualityPercent, results["none"].RelativeQualityPercent), Is.EqualTo((100m, 95m, 0m)), "multiplied by 10");
        Assert.That(results["best"].Total - results["close"].Total, Is.EqualTo(5m), "0.5% behind becomes 5% behind");
    }

    /// <summary>
    /// Commerce Decisions (evaluation software vendor), "Normalising Scores – is 'least worst'
    /// really good enough?", https://commercedecisions.com/normalising-scores/: thresholds are
    /// applied before scores are normalised; with a threshold of 10 points out of 100 and tenders
    /// scoring 10 to 20 points, the tender with 20 points gets the maximum normalised score. (The
    /// 50% for the tender at 10 points follows from the article's formula; the article does not
    /// state it. The tender at 9 points, below the threshold, is our addition.)
    /// </summary>
    [Test]
    public void RelativeQuality_CommerceDecisionsExample_ThresholdBeforeNormalising()
    {
        var lot = Lot([Section("s1", 100m, Q("Q1"))], quality: 100m, price: 0m, minimumQuality: 10m) with { QualityMethod = QualityMethod.Relative };
        var pack = new TenderPack
        {
            Tender = Tender(lot) with { Scale = ScoringScale.ZeroToHundred },
            Bids = [Bid("twenty", 100m), Bid("ten", 100m), Bid("nine", 100m)],
            Scores = [.. Agreed("twenty", "Q1", 20m), .. Agreed("ten", "Q1", 10m), .. Agreed("nine", "Q1", 9m)],
        };

        var results = Results(pack);

        Assert.That(results["twenty"].RelativeQualityPercent, Is.EqualTo(100m), "the best gets the maximum");
        Assert.That(results["ten"].RelativeQualityPercent, Is.EqualTo(50m));
        Assert.That(results["ten"].Eligible, Is.True, "10 points meets a threshold of 10");
        Assert.That(results["nine"].Eligible, Is.False, "9 points is below the threshold, judged before normalising");
        Assert.That(results["nine"].RelativeQualityPercent, Is.Null);
        Assert.That(Thresholds(pack, "nine"), Is.EqualTo(new[] { "Quality reached 9%, below the lot's minimum of 10%." }));
    }
}
