using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using static Commissioning.Tests.Evaluation.Packs;

namespace Commissioning.Tests.Evaluation;

/// <summary>
/// Properties that must hold for any tender: checked on 200 generated tenders each (seeded, so a
/// failure reproduces), across all four price methods.
/// </summary>
public sealed class PropertyTests
{
    private const int Cases = 200;

    private static TenderPack Generate(Random random)
    {
        var sections = Enumerable.Range(1, random.Next(1, 4)).Select(s =>
            Section($"s{s}", random.Next(1, 10) * 5m,
                [.. Enumerable.Range(1, random.Next(1, 4)).Select(q => Q($"Q{s}.{q}", random.Next(1, 5) * 10m, minimum: random.Next(0, 5) == 0 ? 1m : null))])).ToList();
        var method = (PriceMethod)random.Next(0, 4);
        var quality = random.Next(2, 9) * 10m;
        var lot = Lot(sections, quality: quality, price: 100m - quality, method: method,
            ceiling: method == PriceMethod.Linear ? 200_000m : null, minimumQuality: random.Next(0, 4) == 0 ? 30m : null,
            tieBreak: (TieBreakRule)random.Next(0, 3));
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

    [Test]
    public void RaisingOneScore_NeverLowersThatBidsTotal_NorItsStandingAgainstUnchangedBids()
    {
        var random = new Random(101);
        for (var n = 0; n < Cases; n++)
        {
            var pack = Generate(random);
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
            if (before[bid].Total is { } oldTotal)
            {
                Assert.That(now[bid].Total, Is.GreaterThanOrEqualTo(oldTotal), $"case {n}: total fell");
            }

            foreach (var other in before.Keys.Where(k => k != bid && before[k].Total is not null && now[k].Total is not null && before[bid].Total is not null))
            {
                if (before[bid].Total >= before[other].Total)
                {
                    Assert.That(now[bid].Total, Is.GreaterThanOrEqualTo(now[other].Total!.Value), $"case {n}: fell behind {other}");
                }
            }

            Assert.That(now[bid].QualityPercent, Is.GreaterThanOrEqualTo(before[bid].QualityPercent), $"case {n}: quality fell");
        }
    }

    [Test]
    public void TheOrderBidsAreListedIn_ChangesNothing()
    {
        var random = new Random(202);
        for (var n = 0; n < Cases; n++)
        {
            var pack = Generate(random);
            var shuffled = pack with { Bids = [.. pack.Bids.OrderBy(_ => random.Next())] };

            var original = Evaluate(pack);
            var reordered = Evaluate(shuffled);

            foreach (var id in original.Keys)
            {
                Assert.That((reordered[id].Total, reordered[id].Rank, reordered[id].MostAdvantageous), Is.EqualTo((original[id].Total, original[id].Rank, original[id].MostAdvantageous)), $"case {n}, bid {id}");
            }
        }
    }

    [TestCase(3)]
    [TestCase(0.5)]
    public void ScalingAllWeightsTogether_ChangesNoRankNorTotal(decimal factor)
    {
        var random = new Random(303);
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

            foreach (var id in original.Keys)
            {
                Assert.That(rescaled[id].Rank, Is.EqualTo(original[id].Rank), $"case {n}, bid {id}");
                Assert.That(rescaled[id].Total.HasValue ? Rounding.ForDisplay(rescaled[id].Total!.Value) : (decimal?)null,
                    Is.EqualTo(original[id].Total.HasValue ? Rounding.ForDisplay(original[id].Total!.Value) : (decimal?)null), $"case {n}, bid {id}");
            }
        }
    }

    [Test]
    public void Evaluation_IsDeterministic()
    {
        var pack = Generate(new Random(404));

        var first = Evaluate(pack);
        var second = Evaluate(pack);

        Assert.That(second.Values.Select(b => (b.Bid.Id, b.Total, b.Rank, string.Join("\n", b.Breakdown))),
            Is.EqualTo(first.Values.Select(b => (b.Bid.Id, b.Total, b.Rank, string.Join("\n", b.Breakdown)))));
    }
}
