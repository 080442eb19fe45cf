using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using static Commissioning.Tests.Evaluation.Packs;

namespace Commissioning.Tests.Evaluation;

public sealed class RobustnessTests
{
    /// <summary>
    /// A: full quality, £150 → proportional 60 + 26.67 = 86.67; deviation 60 + 20 = 80.
    /// B: 75% quality, £100 → 45 + 40 = 85 under both.
    /// So A wins on proportional scoring and B wins on deviation scoring.
    /// </summary>
    private static TenderPack QualityAgainstPrice(PriceMethod method = PriceMethod.Proportional) => new()
    {
        Tender = Tender(Lot([Section("s1", 50m, Q("Q1")), Section("s2", 50m, Q("Q2"))], method: method, ceiling: method == PriceMethod.Linear ? 200m : null)),
        Bids = [Bid("a", 150m), Bid("b", 100m), Bid("c", 140m)],
        Moderation =
        [
            Moderated("a", "Q1", 4), Moderated("a", "Q2", 4),
            Moderated("b", "Q1", 4), Moderated("b", "Q2", 2),
            Moderated("c", "Q1", 1), Moderated("c", "Q2", 2),
        ],
    };

    private static int? WinnerWith(TenderPack pack, decimal[] sectionWeights)
    {
        var lot = pack.Tender.Lots[0];
        var changed = lot with { Sections = [.. lot.Sections.Select((s, i) => s with { Weight = sectionWeights[i] })] };
        var result = TenderEvaluator.Evaluate(pack with { Tender = pack.Tender with { Lots = [changed] } }).Lots[0];
        return result.Leader is { } w ? pack.Bids.ToList().FindIndex(b => b.Id == w.Bid.Id) : null;
    }

    [Test]
    public void PriceMethodComparison_FlagsWhenTheWinnerChanges()
    {
        var robustness = RobustnessAnalysis.Analyse(QualityAgainstPrice())[0];

        Assert.That(robustness.WinnerBidId, Is.EqualTo("a"));
        var byMethod = robustness.PriceMethods.ToDictionary(m => m.Method);
        Assert.That(byMethod[PriceMethod.Proportional].WinnerChanges, Is.False);
        Assert.That(byMethod[PriceMethod.Deviation].WinnerBidId, Is.EqualTo("b"));
        Assert.That(byMethod[PriceMethod.Deviation].WinnerChanges, Is.True);
        Assert.That(byMethod[PriceMethod.Deviation].Ranking.Select(r => (r.BidId, r.Rank)), Is.EqualTo(new[] { ("b", 1), ("a", 2), ("c", 3) }));
        Assert.That(byMethod[PriceMethod.Linear].CeilingFromHighestPrice, Is.True);
    }

    [TestCase(PriceMethod.Proportional)]
    [TestCase(PriceMethod.Deviation)]
    [TestCase(PriceMethod.Linear)]
    [TestCase(PriceMethod.PricePerQualityPoint)]
    public void WeightTipping_IsTheSmallestChange_ThatChangesTheWinner(PriceMethod method)
    {
        var pack = QualityAgainstPrice(method);
        var robustness = RobustnessAnalysis.Analyse(pack)[0];
        var declared = WinnerWith(pack, [50m, 50m]);

        foreach (var tipping in robustness.Sensitivity)
        {
            var s = pack.Tender.Lots[0].Sections.ToList().IndexOf(tipping.Section);
            if (tipping.Change is not { } change)
            {
                continue;
            }

            decimal[] Weights(decimal delta) => s == 0 ? [50m + delta, 50m - delta] : [50m - delta, 50m + delta];
            Assert.That(WinnerWith(pack, Weights(change)), Is.Not.EqualTo(declared), $"{method}: {tipping.Section.Id} moved by {change} should change the winner");
            var justShort = change - (Math.Sign(change) * 0.02m);
            Assert.That(WinnerWith(pack, Weights(justShort)), Is.EqualTo(declared), $"{method}: {tipping.Section.Id} moved by {justShort} should not");
        }

        Assert.That(robustness.Sensitivity.Any(t => t.Change is not null), Is.True, $"{method}: some section weight should tip this close result");
    }

    [Test]
    public void WeightTipping_ExplainsTheChangeInWords()
    {
        var tipping = RobustnessAnalysis.Analyse(QualityAgainstPrice())[0].Sensitivity.Single(t => t.Section.Id == "s2");

        // A leads B by 1.67 points; B's weakness is s2 (50% against A's 100%), so moving weight into s1 helps B:
        // each point moved from s2 to s1 costs A nothing and gains B 0.6 × (100 − 50)/100 = 0.3 points → 5.56 points.
        Assert.That(tipping.Change, Is.EqualTo(-5.56m));
        Assert.That(Said.Tipping(QualityAgainstPrice(), tipping), Is.EqualTo("Moving s2 Section s2 from 50% to 44.44% of quality (a change of 5.56 percentage points, others scaled to keep 100%) makes Provider B the winner."));
    }

    [Test]
    public void RandomPerturbation_IsSeededAndRepeatable()
    {
        var pack = QualityAgainstPrice();

        var first = RobustnessAnalysis.Analyse(pack, new RobustnessOptions { Seed = 7, Samples = 500 })[0].Perturbation;
        var second = RobustnessAnalysis.Analyse(pack, new RobustnessOptions { Seed = 7, Samples = 500 })[0].Perturbation;

        Assert.That(second.WinnerHeld, Is.EqualTo(first.WinnerHeld));
        Assert.That(second.WinsByBid, Is.EquivalentTo(first.WinsByBid));
        Assert.That(first.WinnerHeld, Is.InRange(1, 499), "a close result is sometimes overturned by ±20% weight changes");
        Assert.That(first.WinsByBid.Values.Sum(), Is.EqualTo(500));
    }

    [Test]
    public void RandomPerturbation_ADominantWinnerHoldsEveryTime()
    {
        var pack = QualityAgainstPrice() with { Bids = [Bid("a", 90m), Bid("b", 100m), Bid("c", 140m)] };

        var perturbation = RobustnessAnalysis.Analyse(pack)[0].Perturbation;

        Assert.That(perturbation.WinnerHeldPercent, Is.EqualTo(100m));
        Assert.That((perturbation.Samples, perturbation.Range, perturbation.Seed), Is.EqualTo((1000, 20m, 2023UL)));
    }

    [Test]
    public void LosingBid_PriceNeeded_IsTheHighestPriceThatWins()
    {
        var pack = QualityAgainstPrice();
        var gap = RobustnessAnalysis.Analyse(pack)[0].Gaps.Single(g => g.BidId == "b");

        Assert.That(gap.PriceNeeded, Is.Not.Null);
        string? WinnerAt(decimal price) =>
            TenderEvaluator.Evaluate(pack with { Bids = [.. pack.Bids.Select(b => b.Id == "b" ? Bid("b", price) : b)] }).Lots[0].Leader?.Bid.Id;
        Assert.That(WinnerAt(gap.PriceNeeded!.Value), Is.EqualTo("b"));
        Assert.That(WinnerAt(gap.PriceNeeded.Value + 0.01m), Is.Not.EqualTo("b"));
        Assert.That(Rounding.ForDisplay(gap.PointsBehind!.Value), Is.EqualTo(1.67m));
    }

    [Test]
    public void LosingBid_QualityNeeded_ClosesTheGapAtTheSamePrice()
    {
        var gap = RobustnessAnalysis.Analyse(QualityAgainstPrice())[0].Gaps.Single(g => g.BidId == "b");

        // B has 45 quality points and is 1.667 behind: it needs 46.667 of 60, i.e. 77.78%.
        Assert.That(Rounding.ForDisplay(gap.QualityPercentNeeded!.Value), Is.EqualTo(77.78m));
        Assert.That(Said.Gap(QualityAgainstPrice(), gap), Does.StartWith("Provider B finished 1.67 points behind. At the same price it needed quality of more than 77.78% (it scored 75%)."));
    }

    [Test]
    public void ExcludedBid_GapSaysItMustFirstBeEligible()
    {
        var pack = QualityAgainstPrice();
        var lot = pack.Tender.Lots[0] with { Gates = [new Gate { Id = "G1", Title = "SEQOHS", RequirementId = "SEQ-01", Description = "Accredited." }] };
        var accredited = new Declarations { Seqohs = SeqohsStatus.Accredited, SeqohsDate = new DateOnly(2021, 1, 1) };
        pack = pack with
        {
            Tender = pack.Tender with { Lots = [lot] },
            Bids = [Bid("a", 150m) with { Declarations = accredited }, Bid("b", 100m) with { Declarations = accredited }, Bid("c", 140m)],
        };

        var gap = RobustnessAnalysis.Analyse(pack)[0].Gaps.Single(g => g.BidId == "c");

        Assert.That(gap.PointsBehind, Is.Null);
        Assert.That(Said.Gap(pack, gap), Is.EqualTo("Provider C was excluded, so it could not win without first passing every gate and minimum threshold."));
    }

    /// <summary>
    /// On generated two-section tenders (whole-number weights and scores, so crossings often fall
    /// exactly on a 0.01 step, and minimum quality thresholds that bids cross), every reported
    /// tipping point is confirmed by evaluating the tender with the weights moved: the stated
    /// change gives the stated new winner, and 0.01 less does not change the winner away from the
    /// declared one (it may at most leave a tie).
    /// </summary>
    [Test]
    public void WeightTipping_IsConfirmedByReEvaluation_OnGeneratedTenders()
    {
        var random = new Random(505);
        var checkedTippings = 0;
        for (var n = 0; n < 60; n++)
        {
            var method = n % 4 == 3 ? PriceMethod.PricePerQualityPoint : (PriceMethod)(n % 3);
            var first = random.Next(1, 20) * 5m;
            var lot = Lot([Section("s1", first, Q("Q1")), Section("s2", 100m - first, Q("Q2"))],
                method: method, ceiling: method == PriceMethod.Linear ? 500m : null, minimumQuality: random.Next(0, 2) == 0 ? 40m : null);
            var bids = Enumerable.Range(1, random.Next(2, 5)).Select(b => Bid($"b{b}", random.Next(100, 400))).ToList();
            var pack = new TenderPack
            {
                Tender = Tender(lot),
                Bids = bids,
                Moderation = [.. bids.SelectMany(b => new[] { Moderated(b.Id, "Q1", random.Next(0, 5)), Moderated(b.Id, "Q2", random.Next(0, 5)) })],
            };

            var robustness = RobustnessAnalysis.Analyse(pack, new RobustnessOptions { Samples = 10 })[0];
            if (robustness.WinnerBidId is null)
            {
                continue;
            }

            var declared = pack.Bids.ToList().FindIndex(b => b.Id == robustness.WinnerBidId);
            foreach (var tipping in robustness.Sensitivity.Where(t => t.Change is not null))
            {
                var s = tipping.Section.Id == "s1" ? 0 : 1;
                decimal[] Weights(decimal delta)
                {
                    var moved = (s == 0 ? first : 100m - first) + delta;
                    return s == 0 ? [moved, 100m - moved] : [100m - moved, moved];
                }

                var change = tipping.Change!.Value;
                var newWinner = WinnerWith(pack, Weights(change));
                Assert.That(newWinner, Is.Not.EqualTo(declared), $"case {n} ({method}): change {tipping.Change} to {tipping.NewWinnerBidId}");
                Assert.That(newWinner is null ? null : pack.Bids[newWinner.Value].Id, Is.EqualTo(tipping.NewWinnerBidId), $"case {n}: the stated new winner");
                var shortOf = change - (Math.Sign(change) * 0.01m);
                if (shortOf != 0)
                {
                    Assert.That(WinnerWith(pack, Weights(shortOf)), Is.EqualTo(declared).Or.Null, $"case {n} ({method}): 0.01 less should not hand the lot to another bid");
                }

                checkedTippings++;
            }
        }

        Assert.That(checkedTippings, Is.GreaterThan(20), "enough tipping points were checked");
    }

    /// <summary>
    /// The same check as above under relative quality scoring, where each bid's quality points
    /// depend on the best eligible bid's and the tipping point is found by walking the range and
    /// narrowing by halving: the stated change gives the stated new winner, and 0.01 less does not
    /// hand the lot to another bid.
    /// </summary>
    [Test]
    public void WeightTipping_UnderRelativeQuality_IsConfirmedByReEvaluation_OnGeneratedTenders()
    {
        var random = new Random(707);
        var checkedTippings = 0;
        for (var n = 0; n < 60; n++)
        {
            var method = (PriceMethod)(n % 3);
            var first = random.Next(1, 20) * 5m;
            var lot = Lot([Section("s1", first, Q("Q1")), Section("s2", 100m - first, Q("Q2"))],
                method: method, ceiling: method == PriceMethod.Linear ? 500m : null, minimumQuality: random.Next(0, 2) == 0 ? 30m : null) with { QualityMethod = QualityMethod.Relative };
            var bids = Enumerable.Range(1, random.Next(2, 5)).Select(b => Bid($"b{b}", random.Next(200, 400))).ToList();
            var pack = new TenderPack
            {
                Tender = Tender(lot),
                Bids = bids,
                Moderation = [.. bids.SelectMany(b => new[] { Moderated(b.Id, "Q1", random.Next(0, 5)), Moderated(b.Id, "Q2", random.Next(0, 5)) })],
            };

            var robustness = RobustnessAnalysis.Analyse(pack, new RobustnessOptions { Samples = 10 })[0];
            if (robustness.WinnerBidId is null)
            {
                continue;
            }

            var declared = pack.Bids.ToList().FindIndex(b => b.Id == robustness.WinnerBidId);
            foreach (var tipping in robustness.Sensitivity.Where(t => t.Change is not null))
            {
                var s = tipping.Section.Id == "s1" ? 0 : 1;
                decimal[] Weights(decimal delta)
                {
                    var moved = (s == 0 ? first : 100m - first) + delta;
                    return s == 0 ? [moved, 100m - moved] : [100m - moved, moved];
                }

                var change = tipping.Change!.Value;
                var newWinner = WinnerWith(pack, Weights(change));
                Assert.That(newWinner, Is.Not.EqualTo(declared), $"case {n} ({method}): change {tipping.Change} to {tipping.NewWinnerBidId}");
                Assert.That(newWinner is null ? null : pack.Bids[newWinner.Value].Id, Is.EqualTo(tipping.NewWinnerBidId), $"case {n}: the stated new winner");
                var shortOf = change - (Math.Sign(change) * 0.01m);
                if (shortOf != 0)
                {
                    Assert.That(WinnerWith(pack, Weights(shortOf)), Is.EqualTo(declared).Or.Null, $"case {n} ({method}): 0.01 less should not hand the lot to another bid");
                }

                checkedTippings++;
            }
        }

        Assert.That(checkedTippings, Is.GreaterThan(40), "enough tipping points were checked");
    }
}
