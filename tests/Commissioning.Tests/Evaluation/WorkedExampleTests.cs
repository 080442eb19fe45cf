using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
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
}
