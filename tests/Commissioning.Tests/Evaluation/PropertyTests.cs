using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using static Commissioning.Tests.Evaluation.Packs;

namespace Commissioning.Tests.Evaluation;

/// <summary>
/// Properties that must hold for any tender: checked on 200 generated tenders each (seeded, so a
/// failure reproduces), across all four price methods and both quality methods. Each test counts
/// the comparisons it made and asserts enough were made, so that none can pass without checking.
/// (Determinism is checked against stored results in <see cref="GoldenResultTests"/>.)
/// </summary>
public sealed class PropertyTests
{
    private const int Cases = 200;

    internal static TenderPack Generate(Random random, QualityMethod quality = QualityMethod.Absolute)
    {
        var sections = Enumerable.Range(1, random.Next(1, 4)).Select(s =>
            Section($"s{s}", random.Next(1, 10) * 5m,
                [.. Enumerable.Range(1, random.Next(1, 4)).Select(q => Q($"Q{s}.{q}", random.Next(1, 5) * 10m, minimum: random.Next(0, 5) == 0 ? 1m : null))])).ToList();
        var method = (PriceMethod)random.Next(0, 4);
        var qualityWeight = random.Next(2, 9) * 10m;
        var lot = Lot(sections, quality: qualityWeight, price: 100m - qualityWeight, method: method,
            ceiling: method == PriceMethod.Linear ? 200_000m : null, minimumQuality: random.Next(0, 4) == 0 ? 30m : null,
            tieBreak: (TieBreakRule)random.Next(0, 3)) with { QualityMethod = quality };
        var bids = Enumerable.Range(1, random.Next(2, 6)).Select(b => Bid($"b{b}", random.Next(50, 190) * 1_000m)).ToList();
        return new TenderPack
        {
            Tender = Tender(lot),
            Bids = bids,
            Moderation = [.. bids.SelectMany(b => lot.Questions.Select(q => Moderated(b.Id, q.Id, random.Next(0, 5))))],
        };
    }

    private static Dictionary<string, BidResult> Evaluate(TenderPack pack) =>
        TenderEvaluator.Evaluate(pack).Lots[0].Bids.ToDictionary(b => b.Bid.Id);

    [TestCase(QualityMethod.Absolute)]
    [TestCase(QualityMethod.Relative)]
    public void RaisingOneScore_NeverLowersThatBidsQuality_NorUnderAbsoluteScoringItsTotalOrStanding(QualityMethod quality)
    {
        var random = new Random(101);
        var (qualities, totals, standings) = (0, 0, 0);
        for (var n = 0; n < Cases; n++)
        {
            var pack = Generate(random, quality);
            var candidates = pack.Moderation.Where(m => m.Score < 4).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var raised = candidates[random.Next(candidates.Count)];
            var after = pack with { Moderation = [.. pack.Moderation.Select(m => m == raised ? m with { Score = m.Score + 1 } : m)] };

            var before = Evaluate(pack);
            var now = Evaluate(after);
            var bid = raised.BidId;
            Assert.That(now[bid].QualityPercent, Is.GreaterThanOrEqualTo(before[bid].QualityPercent), $"case {n}: quality fell");
            qualities++;

            // Under relative scoring a better score can make this bid the best and lower every
            // other bid's points, but it never lowers this bid's own total while it stays eligible.
            if (before[bid].Total is { } oldTotal && now[bid].Total is { } newTotal)
            {
                Assert.That(newTotal, Is.GreaterThanOrEqualTo(oldTotal), $"case {n}: total fell");
                totals++;
            }

            if (quality == QualityMethod.Relative)
            {
                continue;
            }

            foreach (var other in before.Keys.Where(k => k != bid && before[k].Total is not null && now[k].Total is not null && before[bid].Total is not null && now[bid].Total is not null))
            {
                if (before[bid].Total >= before[other].Total)
                {
                    Assert.That(now[bid].Total, Is.GreaterThanOrEqualTo(now[other].Total!.Value), $"case {n}: fell behind {other}");
                    standings++;
                }
            }
        }

        Assert.That(qualities, Is.GreaterThan(Cases * 9 / 10), "nearly every case raises a score");
        Assert.That(totals, Is.GreaterThan(Cases / 2), "most cases compare totals");
        Assert.That(standings, quality == QualityMethod.Absolute ? Is.GreaterThan(Cases / 4) : Is.Zero, "standings against unchanged bids");
    }

    [TestCase(QualityMethod.Absolute)]
    [TestCase(QualityMethod.Relative)]
    public void TheOrderBidsAreListedIn_ChangesNothing(QualityMethod quality)
    {
        var random = new Random(202);
        var (compared, expected) = (0, 0);
        for (var n = 0; n < Cases; n++)
        {
            var pack = Generate(random, quality);
            var shuffled = pack with { Bids = [.. pack.Bids.OrderBy(_ => random.Next())] };

            var original = Evaluate(pack);
            var reordered = Evaluate(shuffled);

            expected += pack.Bids.Count;
            foreach (var id in original.Keys)
            {
                Assert.That((reordered[id].Total, reordered[id].Rank, reordered[id].Leading, reordered[id].RelativeQualityPercent),
                    Is.EqualTo((original[id].Total, original[id].Rank, original[id].Leading, original[id].RelativeQualityPercent)), $"case {n}, bid {id}");
                compared++;
            }
        }

        Assert.That(compared, Is.EqualTo(expected).And.GreaterThan(Cases * 2), "every bid of every case compared");
    }

    [TestCase(3)]
    [TestCase(0.5)]
    public void ScalingAllWeightsTogether_ChangesNoRankNorTotal(decimal factor)
    {
        var random = new Random(303);
        var (compared, expected) = (0, 0);
        for (var n = 0; n < Cases; n++)
        {
            var pack = Generate(random);
            var lot = pack.Tender.Lots[0];
            var scaled = lot with
            {
                QualityWeight = lot.QualityWeight * factor,
                PriceWeight = lot.PriceWeight * factor,
                Sections = [.. lot.Sections.Select(s => s with { Weight = s.Weight * factor, Questions = [.. s.Questions.Select(q => q with { Weight = q.Weight * factor })] })],
            };

            var original = Evaluate(pack);
            var rescaled = Evaluate(pack with { Tender = pack.Tender with { Lots = [scaled] } });

            expected += pack.Bids.Count;
            foreach (var id in original.Keys)
            {
                Assert.That(rescaled[id].Rank, Is.EqualTo(original[id].Rank), $"case {n}, bid {id}");
                Assert.That(Shown(rescaled[id].Total), Is.EqualTo(Shown(original[id].Total)), $"case {n}, bid {id}");
                compared++;
            }
        }

        Assert.That(compared, Is.EqualTo(expected).And.GreaterThan(Cases * 2));
    }

    /// <summary>
    /// A lot written in percentages and the same lot written in points (each level multiplied by
    /// its own factor and declared as points) pass validation and give the same ranks and totals.
    /// </summary>
    [Test]
    public void ThePointsVersionOfALot_IsValid_AndGivesTheSameResult()
    {
        var random = new Random(505);
        var validator = new Core.Tenders.Validation.TenderValidator();
        var (compared, expected) = (0, 0);
        for (var n = 0; n < Cases; n++)
        {
            var pack = Generate(random, random.Next(0, 2) == 0 ? QualityMethod.Absolute : QualityMethod.Relative);
            var lot = pack.Tender.Lots[0];
            var outer = random.Next(1, 40) * 0.5m;
            var inner = random.Next(1, 40) * 0.25m;
            var points = lot with
            {
                Weights = WeightUnit.Points,
                SectionWeights = WeightUnit.Points,
                QualityWeight = lot.QualityWeight * outer,
                PriceWeight = lot.PriceWeight * outer,
                Sections = [.. lot.Sections.Select(s => s with
                {
                    Weight = s.Weight * inner,
                    QuestionWeights = WeightUnit.Points,
                    Questions = [.. s.Questions.Select(q => q with { Weight = q.Weight * random.Next(1, 9) / 4m })],
                })],
            };

            // Question weights were multiplied by a different factor each; rebuild the percent
            // lot from the points so that the two carry the same shares.
            var percent = lot with
            {
                Sections = [.. lot.Sections.Select((s, i) => s with
                {
                    Questions = [.. s.Questions.Select((q, j) => q with { Weight = points.Sections[i].QuestionSharePercent(points.Sections[i].Questions[j]) })],
                })],
            };
            var pointsPack = pack with { Tender = pack.Tender with { Lots = [points] } };
            Assert.That(validator.Validate(pointsPack.Tender).Errors.Select(e => e.ErrorMessage), Is.Empty, $"case {n}");

            var fromPercent = Evaluate(pack with { Tender = pack.Tender with { Lots = [percent] } });
            var fromPoints = Evaluate(pointsPack);

            expected += pack.Bids.Count;
            foreach (var id in fromPercent.Keys)
            {
                Assert.That((fromPoints[id].Rank, Shown(fromPoints[id].Total), Shown(fromPoints[id].QualityPercent)),
                    Is.EqualTo((fromPercent[id].Rank, Shown(fromPercent[id].Total), Shown(fromPercent[id].QualityPercent))), $"case {n}, bid {id}");
                compared++;
            }
        }

        Assert.That(compared, Is.EqualTo(expected).And.GreaterThan(Cases * 2));
    }

    /// <summary>
    /// Under relative scoring each eligible bid's quality points are its absolute quality over the
    /// best eligible bid's; the best gets the full quality share and none gets more; excluded
    /// bids get none; and which bids are eligible is the same as under absolute scoring.
    /// </summary>
    [Test]
    public void RelativeQuality_ScalesEachEligibleBidByTheBest_AndChangesNoEligibility()
    {
        var random = new Random(606);
        var checkedBids = 0;
        for (var n = 0; n < Cases; n++)
        {
            var pack = Generate(random, QualityMethod.Relative);
            var lot = pack.Tender.Lots[0];
            var relative = Evaluate(pack);
            var absolute = Evaluate(pack with { Tender = pack.Tender with { Lots = [lot with { QualityMethod = QualityMethod.Absolute }] } });
            var eligible = relative.Values.Where(b => b.Eligible).ToList();
            var best = eligible.Select(b => b.QualityPercent).DefaultIfEmpty(0m).Max();
            var share = lot.QualitySharePercent;

            foreach (var bid in relative.Values)
            {
                Assert.That(bid.Eligible, Is.EqualTo(absolute[bid.Bid.Id].Eligible), $"case {n}, bid {bid.Bid.Id}: eligibility");
                if (!bid.Eligible)
                {
                    Assert.That((bid.RelativeQualityPercent, bid.QualityPoints), Is.EqualTo(((decimal?)null, 0m)), $"case {n}, bid {bid.Bid.Id}");
                }
                else
                {
                    var expected = best == 0 ? 0m : bid.QualityPercent * 100m / best;
                    Assert.That(bid.RelativeQualityPercent, Is.EqualTo(expected), $"case {n}, bid {bid.Bid.Id}");
                    Assert.That(bid.RelativeQualityPercent, Is.LessThanOrEqualTo(100m));
                    Assert.That(bid.QualityPoints, Is.EqualTo(expected * share / 100m), $"case {n}, bid {bid.Bid.Id}: points");
                }

                checkedBids++;
            }

            if (best > 0)
            {
                Assert.That(eligible.Count(b => b.RelativeQualityPercent == 100m), Is.GreaterThanOrEqualTo(1), $"case {n}: the best gets full marks");
            }
        }

        Assert.That(checkedBids, Is.GreaterThan(Cases * 2));
    }

    private static decimal? Shown(decimal? value) => value is { } v ? Rounding.ForDisplay(v) : null;
}
