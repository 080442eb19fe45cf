using Commissioning.Benchmarks;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders.Validation;

namespace Commissioning.Tests.Benchmarks;

/// <summary>
/// A smoke test that the benchmark input generator makes a valid pack that the engine evaluates,
/// as the benchmarks do. No timings are asserted: see docs/performance.md for those.
/// </summary>
public sealed class IcsScaleTenderTests
{
    [Test]
    public void A_small_generated_tender_is_valid_and_evaluates_to_a_winner_or_a_stated_tie()
    {
        var pack = IcsScaleTender.Create(bids: 5, questions: 20, evaluators: 3);

        Assert.That(new TenderPackValidator().Validate(pack).Errors, Is.Empty);
        Assert.That(pack.Scores, Has.Count.EqualTo(5 * 20 * 3));
        Assert.That(IcsScaleTender.Create(bids: 5, questions: 20, evaluators: 3).Scores.Select(s => s.Score), Is.EqualTo(pack.Scores.Select(s => s.Score)), "the same arguments give the same pack");

        var result = TenderEvaluator.Evaluate(pack);
        var robustness = RobustnessAnalysis.Analyse(pack);

        Assert.That(result.Lots, Has.Count.EqualTo(1));
        var lot = result.Lots[0];
        Assert.That(lot.Bids, Has.Count.EqualTo(5));
        var winners = lot.Bids.Count(b => b.Leading);
        Assert.That(
            winners == 1 || lot.Warnings.Any(w => w.Kind == LotWarningKind.TiedForFirst),
            Is.True,
            "one leading bid, or a warning that bids are tied for first");
        Assert.That(robustness.Single().WinnerBidId, Is.EqualTo(lot.Leader?.Bid.Id));
    }
}
