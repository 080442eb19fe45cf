using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Templates;

namespace Commissioning.Documents.Evaluation;

/// <summary>
/// An evaluation's results in words, from the templates in <c>templates/evaluation/</c>: the
/// command line's text and single sentences for other readers. The words are written once, in
/// <c>evaluation/words.txt.scriban</c>, which the documents include as well.
/// </summary>
public static class EvaluationText
{
    /// <summary>The text <c>evaluate</c> prints: each lot's status, ranking, breakdowns and robustness.</summary>
    public static string Render(TenderResult result, IReadOnlyList<LotRobustness> robustness, TemplateSet? templates = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(robustness);
        var model = new
        {
            Result = result,
            Robustness = robustness,
            Members = result.Lots.Select(l => result.Tender.MembersOf(l.Lot)).ToList(),
            Wins = robustness.Select(r => r.Perturbation.WinsByBid.OrderByDescending(w => w.Value).Select(w => new { BidId = w.Key, Wins = w.Value }).ToList()).ToList(),
            Gaps = robustness.Select(r => r.Gaps.OrderBy(g => g.PointsBehind ?? decimal.MaxValue).ToList()).ToList(),
        };
        return (templates ?? TemplateSet.Shipped).Render("evaluation/evaluate.txt", model);
    }

    /// <summary>Every step from one bid's scores to its rank, a line each.</summary>
    public static IReadOnlyList<string> Breakdown(Tender tender, LotResult lot, BidResult bid, TemplateSet? templates = null)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(bid);
        return Lines((templates ?? TemplateSet.Shipped).Render("evaluation/breakdown.txt", new { Tender = tender, LotResult = lot, Bid = bid, Indent = string.Empty }));
    }

    /// <summary>What is outstanding in a lot, a sentence each.</summary>
    public static IReadOnlyList<string> Outstanding(Tender tender, LotResult lot) => Sentences("outstanding", tender, lot, lot.Outstanding);

    /// <summary>The lot's warnings, a sentence each.</summary>
    public static IReadOnlyList<string> Warnings(Tender tender, LotResult lot) => Sentences("warning", tender, lot, lot.Warnings);

    /// <summary>The minimum thresholds a bid fell below, a sentence each.</summary>
    public static IReadOnlyList<string> Thresholds(Tender tender, LotResult lot, BidResult bid) => Sentences("threshold", tender, lot, bid.ThresholdsFailed);

    /// <summary>Why each gate of a bid passed or failed, a sentence each.</summary>
    public static IReadOnlyList<string> GateReasons(Tender tender, LotResult lot, BidResult bid) => Sentences("gate", tender, lot, bid.Gates);

    /// <summary>How a bid's price score was reached.</summary>
    public static string PriceExplanation(Tender tender, LotResult lot, BidResult bid) => Sentences("price", tender, lot, [bid]).Single();

    /// <summary>How a question's points were reached.</summary>
    public static string QuestionExplanation(Tender tender, LotResult lot, BidResult bid, string questionId)
    {
        ArgumentNullException.ThrowIfNull(bid);
        var section = bid.Sections.First(s => s.Questions.Any(q => q.Question.Id == questionId));
        return Sentences("question", tender, lot, [new { Bid = bid, Section = section, Question = section.Questions.First(q => q.Question.Id == questionId) }]).Single();
    }

    /// <summary>For each section, the smallest change of its weight that changes the winner, a sentence each.</summary>
    public static IReadOnlyList<string> Tipping(Tender tender, LotResult lot, LotRobustness robustness) => Sentences("tipping", tender, lot, robustness?.Sensitivity ?? throw new ArgumentNullException(nameof(robustness)));

    /// <summary>What each losing bid would have needed to win, a sentence each.</summary>
    public static IReadOnlyList<string> Gaps(Tender tender, LotResult lot, LotRobustness robustness) => Sentences("gap", tender, lot, robustness?.Gaps ?? throw new ArgumentNullException(nameof(robustness)));

    private static List<string> Sentences<T>(string kind, Tender tender, LotResult lot, IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(lot);
        var list = items.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        return Lines(TemplateSet.Shipped.Render("evaluation/lines.txt", new { Kind = kind, Tender = tender, LotResult = lot, Items = list }));
    }

    private static List<string> Lines(string text) => [.. text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')];
}
