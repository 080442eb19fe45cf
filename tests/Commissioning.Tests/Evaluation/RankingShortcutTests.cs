using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using static Commissioning.Tests.Evaluation.Packs;

namespace Commissioning.Tests.Evaluation;

/// <summary>
/// The ranking shortcuts the robustness analysis uses for speed give exactly the answers of the
/// full ranking: <see cref="LotScoring.Winner"/> against the first of <see cref="LotScoring.Rank"/>,
/// <see cref="LotScoring.Repriced"/> against <see cref="LotScoring.Standings"/> with a price
/// override, and <see cref="LotScoring.TrialWinner"/> (reusing price points when eligibility is unchanged) against the
/// decimal ranking, on generated tenders with near and exact ties, bids near the minimum quality
/// and quality scored both absolutely and relative to the best bid (seeded, so a failure
/// reproduces).
/// </summary>
public sealed class RankingShortcutTests
{
    private const int Cases = 150;

    private static TenderPack Generate(Random random)
    {
        var sections = Enumerable.Range(1, random.Next(1, 5)).Select(s =>
            Section($"s{s}", random.Next(1, 10) * 5m,
                [.. Enumerable.Range(1, random.Next(1, 4)).Select(q => Q($"Q{s}.{q}", random.Next(1, 5) * 10m))])).ToList();
        var method = (PriceMethod)random.Next(0, 4);
        var quality = random.Next(2, 9) * 10m;
        var lot = Lot(sections, quality: quality, price: 100m - quality, method: method,
            ceiling: method == PriceMethod.Linear && random.Next(0, 2) == 0 ? 200_000m : null,
            minimumQuality: random.Next(0, 2) == 0 ? random.Next(3, 8) * 10m : null,
            tieBreak: (TieBreakRule)random.Next(0, 3));
        var bids = Enumerable.Range(1, random.Next(2, 8)).Select(b => Bid($"b{b}", random.Next(50, 190) * 1_000m)).ToList();
        var moderation = bids.SelectMany(b => lot.Questions.Select(q => Moderated(b.Id, q.Id, random.Next(0, 5)))).ToList();

        // Copies of a bid, at the same price or a penny either side: exact and near ties.
        foreach (var (copy, extra) in new[] { ("c0", 0m), ("c1", 0.01m), ("c2", -0.01m) }.Where(_ => random.Next(0, 2) == 0))
        {
            var original = bids[random.Next(bids.Count)];
            bids.Add(Bid(copy, original.Price.AnnualPrices[0] + extra));
            moderation.AddRange(moderation.Where(m => m.BidId == original.Id).Select(m => m with { BidId = copy }).ToList());
        }

        // A third of the lots score quality relative to the best eligible bid.
        lot = lot with { QualityMethod = random.Next(0, 3) == 0 ? QualityMethod.Relative : QualityMethod.Absolute };
        return new TenderPack { Tender = Tender(lot), Bids = bids, Moderation = moderation };
    }

    private static decimal[] Trial(Random random, decimal[] weights)
    {
        var range = new[] { 0m, 0.000001m, 0.05m, 0.2m, 0.6m, 1.5m }[random.Next(0, 6)];
        var trial = weights.Select(w => w * (1m + (range * (decimal)((random.NextDouble() * 2) - 1)))).ToArray();
        var total = trial.Sum();
        return random.Next(0, 3) == 0 || total == 0 ? trial : [.. trial.Select(w => w * 100m / total)];
    }

    [Test]
    public void TheShortcutsAgreeWithTheFullRanking()
    {
        var random = new Random(303);
        var compared = 0;
        var relative = 0;
        for (var n = 0; n < Cases; n++)
        {
            var pack = Generate(random);
            var scoring = LotScoring.Build(pack, pack.Tender.Lots[0]);
            relative += scoring.Lot.QualityMethod == QualityMethod.Relative ? 1 : 0;
            var weights = scoring.DeclaredSectionWeights;
            var method = scoring.Lot.Price.Method;
            var reference = scoring.Standings(weights, method);
            for (var t = 0; t < 40; t++)
            {
                var trial = Trial(random, weights);
                var standings = scoring.Standings(trial, method);
                var ranked = scoring.Rank(standings);
                int? first = ranked.Count == 0 || (ranked.Count > 1 && ranked[1].Rank == 1) ? null : ranked[0].Index;
                Assert.That(scoring.Winner(standings), Is.EqualTo(first), $"case {n}, trial {t}: Winner");
                Assert.That(scoring.TrialWinner(trial, method, reference), Is.EqualTo(first), $"case {n}, trial {t}: TrialWinner");

                var index = random.Next(scoring.Bids.Count);
                var price = random.Next(1, 200) * 1_000m;
                // The reference: the same lot built afresh with that bid's evaluated price changed in the pack.
                var lot = pack.Tender.Lots[0];
                var bidId = scoring.Bids[index].Bid.Id;
                var repricedPack = pack with
                {
                    Bids = [.. pack.Bids.Select(b => b.Id != bidId ? b : b with
                    {
                        Price = new PriceSchedule
                        {
                            AnnualPrices = [price, .. Enumerable.Repeat(0m, lot.Price.ContractYears - 1)],
                            ExtensionPrices = [.. Enumerable.Repeat(0m, lot.Price.ExtensionYears)],
                        },
                    })],
                };
                var expected = LotScoring.Build(repricedPack, lot).Standings(trial, method);
                Assert.That(scoring.Repriced(scoring.Qualities(trial), method, index, price), Is.EqualTo(expected),
                    $"case {n}, trial {t}: Repriced");
                compared++;
            }
        }

        Assert.That(compared, Is.EqualTo(Cases * 40));
        Assert.That(relative, Is.GreaterThan(Cases / 5), "enough lots scored quality relative to the best bid");
    }
}
