using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using static Commissioning.Tests.Evaluation.Packs;

namespace Commissioning.Tests.Evaluation;

/// <summary>
/// The abnormally low price check: a price below the lot's stated share of the median evaluated
/// price is flagged, the result stays provisional until the outcome of asking the bidder is
/// recorded, and a bid excluded for its price leaves the ranking.
/// </summary>
public sealed class AbnormallyLowPriceTests
{
    private static LotResult Evaluate(TenderPack pack) => TenderEvaluator.Evaluate(pack).Lots[0];

    private static BidResult For(LotResult lot, string bidId) => lot.Bids.Single(b => b.Bid.Id == bidId);

    /// <summary>
    /// Three bids of equal quality; "slip" entered its price in thousands by mistake, £1,850
    /// where the others bid about £1.8m to £1.9m.
    /// </summary>
    private static TenderPack PriceSlip(decimal? percent = null, params LowPriceDecision[] decisions)
    {
        var lot = Lot([Section("s1", 100m, Q("Q1"))]);
        return new TenderPack
        {
            Tender = Tender(percent is { } p ? lot with { AbnormallyLowPercent = p } : lot),
            Bids = [Bid("a", 1_800_000m), Bid("b", 1_900_000m), Bid("slip", 1_850m)],
            Scores = [.. Agreed("a", "Q1", 3), .. Agreed("b", "Q1", 3), .. Agreed("slip", "Q1", 3)],
            LowPriceDecisions = decisions,
        };
    }

    private static LowPriceDecision Decision(string bidId, LowPriceOutcome outcome) =>
        new() { BidId = bidId, Outcome = outcome, Reason = "The bidder confirmed the price was entered in thousands by mistake and cannot deliver for £1,850.", DecidedBy = "m" };

    [Test]
    public void APriceAThousandTimesLower_IsFlagged_AndTheResultIsOutstanding()
    {
        var lot = Evaluate(PriceSlip());

        var slip = For(lot, "slip");
        Assert.That(slip.LowPrice!.Flagged, Is.True);
        Assert.That(slip.LowPrice.Median, Is.EqualTo(1_800_000m), "the median of £1,850, £1.8m and £1.9m");
        Assert.That(slip.LowPrice.Limit, Is.EqualTo(1_260_000m), "70% of the median by default");
        Assert.That(For(lot, "a").LowPrice!.Flagged, Is.False);
        Assert.That(lot.Complete, Is.False);
        Assert.That(Said.Outstanding(lot), Is.EqualTo(new[]
        {
            "Provider SLIP: the evaluated price of £1,850.00 is below 70% of the median evaluated price (£1,800,000.00), so it may be abnormally low. Ask the bidder to show it can deliver the contract for that price, then record the outcome.",
        }));
        Assert.That(lot.MostAdvantageous, Is.Null, "no award while the price is unexplained");
        Assert.That(lot.Leader!.Bid.Id, Is.EqualTo("slip"), "it leads on the numbers, which is why it must be checked");
        Assert.That(Said.Breakdown(lot, slip), Does.Contain("Price check: £1,850.00 is below 70% of the median evaluated price of £1,800,000.00 (£1,260,000.00), so it may be abnormally low. Not yet resolved: ask the bidder to show it can deliver the contract for that price, and record the outcome."));
    }

    [Test]
    public void AnAcceptedPrice_StaysInTheRanking_AndTheResultIsComplete()
    {
        var lot = Evaluate(PriceSlip(null, Decision("slip", LowPriceOutcome.Accepted) with { Reason = "The bidder showed a subsidised in-house service that covers the cost." }));

        Assert.That(lot.Complete, Is.True);
        Assert.That(lot.MostAdvantageous!.Bid.Id, Is.EqualTo("slip"));
        Assert.That(Said.Breakdown(lot, For(lot, "slip")), Does.Contain("Price check: £1,850.00 is below 70% of the median evaluated price of £1,800,000.00 (£1,260,000.00), so it may be abnormally low. The bidder was asked to explain it and the price was accepted: The bidder showed a subsidised in-house service that covers the cost. (decided by Moderator)"));
    }

    [Test]
    public void AnExcludedPrice_LeavesTheRanking_AndTheLowestPriceIsSetByTheOthers()
    {
        var lot = Evaluate(PriceSlip(null, Decision("slip", LowPriceOutcome.Excluded)));

        var slip = For(lot, "slip");
        Assert.That(lot.Complete, Is.True);
        Assert.That((slip.Eligible, slip.ExcludedForLowPrice, slip.Rank, slip.Total), Is.EqualTo((false, true, (int?)null, (decimal?)null)));
        Assert.That(Said.Breakdown(lot, slip)[^1], Is.EqualTo("Excluded: the price was found abnormally low after the bidder was asked to explain it."));
        Assert.That(lot.MostAdvantageous!.Bid.Id, Is.EqualTo("a"));
        Assert.That(For(lot, "a").Price.Points, Is.EqualTo(40m), "£1.8m is now the lowest eligible price");
        var excluded = PriceSlip(null, Decision("slip", LowPriceOutcome.Excluded));
        Assert.That(Said.Gap(excluded, RobustnessAnalysis.Analyse(excluded)[0].Gaps.Single(g => g.BidId == "slip")),
            Is.EqualTo("Provider SLIP was excluded for an abnormally low price after being asked to explain it, so it could not win."));
    }

    [Test]
    public void AnExclusion_DoesNotMoveTheMedian_SoItCannotFlagAnotherBid()
    {
        // Median of 50, 70, 100, 100 is 85 and the limit 59.5: only 50 is flagged. Were the
        // excluded 50 dropped, the median of 70, 100, 100 would be 100 and 70 would be flagged too.
        var lot = Lot([Section("s1", 100m, Q("Q1"))]);
        var pack = new TenderPack
        {
            Tender = Tender(lot),
            Bids = [Bid("fifty", 50m), Bid("seventy", 70m), Bid("c", 100m), Bid("d", 100m)],
            Scores = [.. new[] { "fifty", "seventy", "c", "d" }.SelectMany(b => Agreed(b, "Q1", 3))],
            LowPriceDecisions = [Decision("fifty", LowPriceOutcome.Excluded)],
        };

        var result = Evaluate(pack);

        Assert.That(For(result, "seventy").LowPrice!.Median, Is.EqualTo(85m));
        Assert.That(For(result, "seventy").LowPrice!.Flagged, Is.False);
        Assert.That(result.Complete, Is.True);
    }

    [Test]
    public void TheMedian_LeavesOutBidsExcludedByAGate_AndTheirLowPricesNeedNoDecision()
    {
        var gate = new Gate { Id = "G1", Title = "SEQOHS", RequirementId = "SEQ-01", Description = "Accredited or working towards it." };
        var accredited = new Declarations { Seqohs = SeqohsStatus.Accredited, SeqohsDate = new DateOnly(2021, 1, 1) };
        var lot = Lot([Section("s1", 100m, Q("Q1"))], gates: [gate]);
        var pack = new TenderPack
        {
            Tender = Tender(lot),
            Bids = [Bid("a", 100m) with { Declarations = accredited }, Bid("b", 110m) with { Declarations = accredited }, Bid("failed", 1m)],
            Scores = [.. Agreed("a", "Q1", 3), .. Agreed("b", "Q1", 3), .. Agreed("failed", "Q1", 3)],
        };

        var result = Evaluate(pack);

        Assert.That(For(result, "a").LowPrice!.Median, Is.EqualTo(105m), "£1 from a bid that failed a gate does not count");
        Assert.That(For(result, "failed").LowPrice!.Flagged, Is.True);
        Assert.That(result.Outstanding, Is.Empty, "a disqualified bid is not ranked, so its price needs no decision");
    }

    [TestCase(1_260_000, false)]
    [TestCase(1_259_999.99, true)]
    public void APriceExactlyAtTheLimit_IsNotFlagged(decimal price, bool flagged)
    {
        var pack = PriceSlip();
        pack = pack with { Bids = [pack.Bids[0], pack.Bids[1], Bid("slip", price)] };

        Assert.That(For(Evaluate(pack), "slip").LowPrice!.Flagged, Is.EqualTo(flagged));
    }

    [Test]
    public void ACheckOfZeroPercent_FlagsNothing()
    {
        var lot = Evaluate(PriceSlip(0m));

        Assert.That(lot.Bids.All(b => b.LowPrice is null), Is.True);
        Assert.That(lot.Complete, Is.True);
        Assert.That(lot.MostAdvantageous!.Bid.Id, Is.EqualTo("slip"), "with no check the slip wins silently, which is why the check is on by default");
    }

    [Test]
    public void ADecisionOnAPriceThatIsNotFlagged_IsStillApplied()
    {
        var lot = Evaluate(PriceSlip(null, Decision("slip", LowPriceOutcome.Accepted), Decision("a", LowPriceOutcome.Excluded) with { Reason = "The bidder withdrew its price." }));

        Assert.That(For(lot, "a").ExcludedForLowPrice, Is.True);
        Assert.That(Said.Breakdown(lot, For(lot, "a")), Does.Contain("Price check: £1,800,000.00 is not below 70% of the median evaluated price of £1,800,000.00 (£1,260,000.00), but a decision on the price is recorded. The bidder was asked to explain it and the bid was excluded: The bidder withdrew its price. (decided by Moderator)"));
    }

    [Test]
    public void ASingleBid_IsNeverFlagged()
    {
        var lot = Lot([Section("s1", 100m, Q("Q1"))]);
        var result = Evaluate(new TenderPack { Tender = Tender(lot), Bids = [Bid("only", 5m)], Scores = [.. Agreed("only", "Q1", 3)] });

        Assert.That(result.Bids.Single().LowPrice!.Flagged, Is.False);
        Assert.That(result.Complete, Is.True);
    }
}
