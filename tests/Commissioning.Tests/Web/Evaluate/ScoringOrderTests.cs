using Commissioning.Application.Tenders;
using Commissioning.Web.Pages.Tenders.Evaluate;

namespace Commissioning.Tests.Web.Evaluate;

/// <summary>
/// A long worklist is shown in parts of about a hundred items, never splitting a bid (in bid
/// order) or a question (in question order): an ICS-scale evaluator has 8,000 items to score.
/// </summary>
public sealed class ScoringOrderTests
{
    private static List<QueueItem> Queue(int bids, int questions) =>
        [.. Enumerable.Range(1, bids).SelectMany(b => Enumerable.Range(1, questions).Select(q =>
            new QueueItem($"bid-{b:00}", $"Provider {b}", "lot-1", "s1", "Section", $"Q{q}", $"Question {q}", null, false, false)))];

    [Test]
    public void ByBid_EachPartHoldsWholeBids_UpToAboutAHundredItems()
    {
        var queue = Queue(bids: 7, questions: 30);

        var parts = ScoringOrder.Parts(ScoringOrder.Arrange(queue, ScoringOrder.ByBid), ScoringOrder.ByBid);

        Assert.That(parts.Select(p => p.Select(g => g.Key).ToArray()), Is.EqualTo(new[]
        {
            new[] { "bid-01", "bid-02", "bid-03" },
            new[] { "bid-04", "bid-05", "bid-06" },
            new[] { "bid-07" },
        }), "three bids of 30 make 90; a fourth would pass 100");
        Assert.That(parts.Sum(p => p.Sum(g => g.Count())), Is.EqualTo(queue.Count), "every item is in exactly one part");
    }

    [Test]
    public void ByQuestion_AGroupLargerThanAPart_IsAPartOfItsOwn_AndASmallQueueIsOnePart()
    {
        var large = ScoringOrder.Parts(ScoringOrder.Arrange(Queue(bids: 150, questions: 2), ScoringOrder.ByQuestion), ScoringOrder.ByQuestion);
        var small = ScoringOrder.Parts(Queue(bids: 6, questions: 12), ScoringOrder.ByBid);

        Assert.That(large.Select(p => p.Single().Key), Is.EqualTo(new[] { "lot-1/Q1", "lot-1/Q2" }), "150 bids of one question stay together");
        Assert.That(large.Select(p => p.Single().Count()), Is.All.EqualTo(150));
        Assert.That(small, Has.Count.EqualTo(1));
    }
}
