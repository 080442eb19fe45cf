using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Runtime.CompilerServices;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Documents.Charts;
using Commissioning.Documents.Evaluation;

namespace Commissioning.Application.Tenders;

/// <summary>Where an outstanding item of a result is resolved.</summary>
public enum ResolvedAt
{
    /// <summary>Nowhere in the toolkit (a lot with no bids).</summary>
    Nowhere,
    /// <summary>In the evaluators' scoring: scores to record and submit.</summary>
    Scoring,
    /// <summary>At moderation of the lot: a consensus score where evaluators differ.</summary>
    Moderation,
    /// <summary>The gate decisions of the lot.</summary>
    GateDecisions,
    /// <summary>The abnormally low price decisions of the lot.</summary>
    PriceDecisions,
}

/// <summary>Outstanding items of one lot that are resolved in the same place, in plain English.</summary>
/// <param name="Where">Where they are resolved.</param>
/// <param name="Heading">What they are, such as "Gates not yet decided".</param>
/// <param name="WhoResolves">Who resolves them and how, in a sentence.</param>
/// <param name="YouMayResolve">True when the person asking may do it themselves (so the page links to it).</param>
/// <param name="Count">How many there are.</param>
/// <param name="Items">The items in sentences (scores summed up bid by bid), the first <see cref="ReadResults.ItemsListed"/> of them.</param>
/// <param name="NotListed">How many more sentences there are than are listed.</param>
public sealed record OutstandingGroup(ResolvedAt Where, string Heading, string WhoResolves, bool YouMayResolve, int Count, IReadOnlyList<string> Items, int NotListed);

/// <summary>One ranked bid. The price figures are null for a person who may not see the lot's prices.</summary>
/// <param name="BidId">The bid.</param>
/// <param name="Provider">The bidder's name.</param>
/// <param name="Rank">Its rank (1 is best; equal totals share a rank).</param>
/// <param name="QualityPoints">Quality points out of the lot's quality share of 100.</param>
/// <param name="PricePoints">Price points out of the lot's price share of 100; null when the price method gives none, or prices are hidden.</param>
/// <param name="Total">The total out of 100; null when prices are hidden.</param>
/// <param name="EvaluatedPrice">The price over the evaluated years; null when prices are hidden.</param>
/// <param name="PricePerHead">The average price a year per member staff head; null when prices are hidden.</param>
/// <param name="MostAdvantageous">The most advantageous tender of a complete result.</param>
/// <param name="Leading">First on the scores so far (complete or not).</param>
/// <param name="TiedForFirst">Tied for first after the declared tie-break.</param>
public sealed record RankedBid(string BidId, string Provider, int Rank, decimal QualityPoints, decimal? PricePoints, decimal? Total, decimal? EvaluatedPrice, decimal? PricePerHead, bool MostAdvantageous, bool Leading, bool TiedForFirst);

/// <summary>A bid that is not ranked, and why.</summary>
/// <param name="BidId">The bid.</param>
/// <param name="Provider">The bidder's name.</param>
/// <param name="Why">Why in a few words: a gate failed, a minimum threshold missed, or the price found abnormally low.</param>
/// <param name="Reasons">Each failed gate with its reason, each threshold missed, the price decision's reason (hidden from a person who may not see prices).</param>
public sealed record ExcludedBid(string BidId, string Provider, string Why, IReadOnlyList<string> Reasons);

/// <summary>One lot's result as a person may see it.</summary>
/// <param name="Lot">The lot's definition (weights, sections, price method).</param>
/// <param name="Complete">True when nothing is outstanding.</param>
/// <param name="PricesShown">False when the person may not see this lot's prices: the ranking has no price figures and the charts of price are left out.</param>
/// <param name="Ranking">The eligible bids in rank order.</param>
/// <param name="Excluded">The bids that are not ranked, with why.</param>
/// <param name="Outstanding">What is still outstanding, grouped by where it is resolved.</param>
/// <param name="OutstandingCount">How many items are outstanding.</param>
/// <param name="Warnings">What a person should know before relying on the result, a sentence each.</param>
/// <param name="Charts">The charts the person may see, each with its summary, notes and table.</param>
public sealed record LotResults(Lot Lot, bool Complete, bool PricesShown, IReadOnlyList<RankedBid> Ranking, IReadOnlyList<ExcludedBid> Excluded,
    IReadOnlyList<OutstandingGroup> Outstanding, int OutstandingCount, IReadOnlyList<string> Warnings, IReadOnlyList<Chart> Charts);

/// <summary>A tender's results as a person may see them.</summary>
/// <param name="Tender">The tender.</param>
/// <param name="Lots">The lots whose bids the person may see.</param>
/// <param name="LotsNotShown">How many lots are left out because the person's roles do not cover them.</param>
/// <param name="HasDownloads">True when the person may download any file of the results (<see cref="ListDownloads"/>).</param>
/// <param name="ViewKey">
/// Names this view of this version of the tender's data: the tender, the audit trail's stamp it
/// was evaluated at, and what the person's roles let them see and resolve. Two people with the
/// same key are shown exactly the same results, so a page may keep what it rendered under it.
/// </param>
public sealed record TenderResults(TenderSummary Tender, IReadOnlyList<LotResults> Lots, int LotsNotShown, bool HasDownloads, string ViewKey)
{
    /// <summary>True when nothing is outstanding in any lot shown.</summary>
    public bool Complete => Lots.All(l => l.Complete);
}

/// <summary>
/// A tender's results for the results page: each lot's ranking, the bids excluded and why, what
/// is still outstanding and where it is resolved, warnings, and the charts. For those whose role
/// and the tender's stage let them see results (<see cref="TenderOperation.ViewResults"/>); a
/// person sees only the lots whose bids they may see, and a person who may not see prices
/// (<see cref="TenderPermissions.MaySeePrices"/>) gets no price, price points or total, and no
/// chart of price. The words and charts are made once per evaluation and reused.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="evaluate">The tender's evaluation, made once per version of its data.</param>
public sealed class ReadResults(ICommissioningContextFactory contexts, EvaluateTender evaluate)
{
    /// <summary>At most this many outstanding items of one kind are listed one by one (an ICS tender can have thousands).</summary>
    public const int ItemsListed = 50;

    private readonly ConditionalWeakTable<TenderEvaluation, IReadOnlyList<LotWords>> _words = [];
    private readonly ConditionalWeakTable<TenderEvaluation, ConcurrentDictionary<string, TenderResults>> _views = [];

    /// <summary>The results.</summary>
    public async Task<Outcome<TenderResults>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ViewResults, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<TenderResults>();
        }

        var evaluation = await evaluate.CurrentAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (evaluation is null)
        {
            return TenderChanges.NotFound<TenderResults>();
        }

        // The results depend only on the evaluation and on what the person's roles let them see
        // and resolve, so each such view is made once per evaluation and shared.
        var permissions = access.Value;
        var downloads = DownloadRules.MayDownloadDocuments(permissions, evaluation.Pack) || permissions.Allows(TenderOperation.ViewAudit) || permissions.Allows(TenderOperation.Export);
        var view = ViewOf(permissions, evaluation.Result, downloads);
        var key = string.Create(CultureInfo.InvariantCulture, $"{tenderId:N}/{evaluation.Revision.Last}/{evaluation.Revision.Count}/{view}");
        var results = _views.GetValue(evaluation, _ => new(StringComparer.Ordinal)).GetOrAdd(key, _ =>
        {
            var words = _words.GetValue(evaluation, e => [.. e.Result.Lots.Select((lot, i) => LotWords.Of(e.Result.Tender, lot, e.Robustness[i]))]);
            var lots = new List<LotResults>();
            for (var i = 0; i < evaluation.Result.Lots.Count; i++)
            {
                var lot = evaluation.Result.Lots[i];
                if (SeesLot(permissions, lot))
                {
                    lots.Add(Present(permissions, lot, words[i]));
                }
            }

            return new TenderResults(permissions.Tender, lots, evaluation.Result.Lots.Count - lots.Count, downloads, key);
        });
        return Outcome<TenderResults>.Success(results);
    }

    /// <summary>
    /// What a person's roles decide about the results, lot by lot: whether they see the lot and its
    /// prices, and which outstanding items they may resolve; and whether they may download.
    /// Everything <see cref="Present"/> reads from the permissions is here.
    /// </summary>
    private static string ViewOf(TenderPermissions access, TenderResult result, bool downloads)
    {
        var view = new StringBuilder(downloads ? "d" : "-");
        foreach (var lot in result.Lots)
        {
            view.Append('|');
            if (!SeesLot(access, lot))
            {
                view.Append('x');
                continue;
            }

            view.Append(SeesPrices(access, lot) ? 'p' : 'q');
            foreach (var where in Enum.GetValues<ResolvedAt>())
            {
                view.Append(MayResolve(access, where, lot.Lot.Id) ? '1' : '0');
            }
        }

        return view.ToString();
    }

    /// <summary>Whether the person may see every bid of the lot (owners and observers; evaluators and moderators of the lot).</summary>
    internal static bool SeesLot(TenderPermissions access, LotResult lot) =>
        lot.Bids.Count == 0 ? access.SeesEverything || access.MaySeeBid(string.Empty, lot.Lot.Id) : lot.Bids.All(b => access.MaySeeBid(b.Bid.Id, lot.Lot.Id));

    /// <summary>Whether the person may see the price of every bid of the lot.</summary>
    internal static bool SeesPrices(TenderPermissions access, LotResult lot) =>
        lot.Bids.Count == 0 ? access.SeesEverything || access.EvaluatorsSeePrices : lot.Bids.All(b => access.MaySeePrices(b.Bid.Id, lot.Lot.Id));

    private static LotResults Present(TenderPermissions access, LotResult lot, LotWords words)
    {
        var prices = SeesPrices(access, lot);
        var ranking = lot.Bids.Where(b => b.Rank is not null).Select(b => new RankedBid(
            b.Bid.Id,
            b.Bid.Provider,
            b.Rank!.Value,
            b.QualityPoints,
            prices ? b.Price.Points : null,
            prices ? b.Total : null,
            prices ? b.Price.EvaluatedPrice : null,
            prices ? b.Price.PricePerHead : null,
            b.MostAdvantageous,
            b.Leading,
            b.TiedForFirst)).ToList();
        var excluded = lot.Bids.Where(b => b.Rank is null).Select(b => Excluded(b, prices)).ToList();

        var groups = lot.Outstanding.GroupBy(o => Where(o.Kind)).OrderBy(g => g.Key).Select(g =>
        {
            var sentences = Sentences(lot, g.Key, [.. g], prices).ToList();
            return new OutstandingGroup(g.Key, Heading(g.Key), WhoResolves(g.Key), MayResolve(access, g.Key, lot.Lot.Id), g.Count(),
                [.. sentences.Take(ItemsListed)], Math.Max(0, sentences.Count - ItemsListed));
        }).ToList();
        var warnings = lot.Warnings.Select((w, i) => (Warning: w, Text: words.Warnings[i]))
            .Where(w => prices || w.Warning.Kind != LotWarningKind.PriceAtOrAboveCeiling).Select(w => w.Text).ToList();
        var charts = prices ? words.Charts : [.. words.Charts.Where(c => !PriceCharts.Any(kind => c.Id.EndsWith(kind, StringComparison.Ordinal)))];
        return new LotResults(lot.Lot, lot.Complete, prices, ranking, excluded, groups, lot.Outstanding.Count, warnings, charts);
    }

    /// <summary>The ends of the ids of the charts that show prices or totals (<see cref="EvaluationCharts.PriceAgainstQuality"/>, <see cref="EvaluationCharts.PriceMethodMargins"/>).</summary>
    private static readonly string[] PriceCharts = ["-price-quality", "-price-methods"];

    private static ExcludedBid Excluded(BidResult bid, bool prices)
    {
        var reasons = new List<string>();
        foreach (var gate in bid.Gates.Where(g => g.Status == GateStatus.Failed))
        {
            var reason = gate.Basis switch
            {
                GateBasis.Decision => $"{gate.Decision!.Reason} (decided by {gate.DecidedBy})",
                GateBasis.Declarations when gate.Declared is { } declared => Sentence(declared.Reason) + " (from the bid's declarations)",
                _ => "No reason is recorded.",
            };
            reasons.Add($"Failed gate {gate.Gate.Id} {gate.Gate.Title}: {reason}");
        }

        reasons.AddRange(bid.ThresholdsFailed.Select(Threshold));
        if (bid.ExcludedForLowPrice)
        {
            reasons.Add(prices
                ? $"The bidder was asked to explain its abnormally low price and the bid was excluded: {bid.LowPrice!.Decision!.Reason}"
                : "The bidder was asked to explain its abnormally low price and the bid was excluded.");
        }

        var why = bid.Disqualified ? "A gate was failed"
            : bid.ThresholdsFailed.Count > 0 ? "A minimum threshold was not met"
            : "Excluded for an abnormally low price";
        return new ExcludedBid(bid.Bid.Id, bid.Bid.Provider, why, reasons);
    }

    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? trimmed : char.ToUpperInvariant(trimmed[0]) + trimmed[1..] + (trimmed.EndsWith('.') ? string.Empty : ".");
    }

    private static string Threshold(ThresholdFailure failure) => failure.Level switch
    {
        ThresholdLevel.Question => $"Question {failure.Question?.Id} {failure.Question?.Title} scored {Rounding.ShortOf(failure.Achieved, failure.Minimum)}, below its minimum of {Rounding.Number(failure.Minimum)}.",
        ThresholdLevel.Section => $"Section {failure.Section?.Id} {failure.Section?.Title} reached {Rounding.ShortOf(failure.Achieved, failure.Minimum)}%, below its minimum of {Rounding.Percent(failure.Minimum)}.",
        _ => $"Quality reached {Rounding.ShortOf(failure.Achieved, failure.Minimum)}%, below the lot's minimum of {Rounding.Percent(failure.Minimum)}.",
    };

    /// <summary>
    /// The outstanding items of one group in plain English. Scores are summed up bid by bid (an
    /// ICS tender waits for thousands at first); the rest are a sentence each. Here a score
    /// counts once it is submitted, so "no score" reads "no submitted score".
    /// </summary>
    private static IEnumerable<string> Sentences(LotResult lot, ResolvedAt where, IReadOnlyList<OutstandingItem> items, bool prices)
    {
        if (where == ResolvedAt.Scoring)
        {
            foreach (var bid in items.GroupBy(i => i.Bid?.Id))
            {
                var provider = bid.First().Bid?.Provider ?? lot.Lot.Title;
                var missing = bid.Count(i => i.Kind == OutstandingKind.NoScore);
                var waiting = bid.Where(i => i.Kind == OutstandingKind.WaitingForEvaluators).ToList();
                var consensus = bid.Count(i => i.Kind == OutstandingKind.ConsensusWithoutScores);
                var parts = new List<string>();
                if (missing > 0)
                {
                    parts.Add($"{Questions(missing)} no submitted score yet (counted as 0 for now)");
                }

                if (waiting.Count > 0)
                {
                    var names = waiting.SelectMany(w => w.Evaluators).Distinct(StringComparer.Ordinal).ToList();
                    parts.Add($"{Questions(waiting.Count)} waiting for scores from {List(names)}");
                }

                if (consensus > 0)
                {
                    parts.Add($"{Questions(consensus)} a consensus score but no evaluator's own submitted score behind it");
                }

                if (bid.Any(i => i.Kind == OutstandingKind.ThresholdsWaiting))
                {
                    parts.Add("its minimum thresholds are applied once every score is in");
                }

                yield return $"{provider}: {string.Join("; ", parts)}.";
            }

            yield break;
        }

        foreach (var item in items)
        {
            var question = $"{item.Bid?.Provider}, {item.Question?.Id} {item.Question?.Title}";
            yield return item.Kind switch
            {
                OutstandingKind.GateNotDecided => $"{item.Bid?.Provider}: gate {item.Gate?.Id} ({item.Gate?.Title}) has not been decided.",
                OutstandingKind.NotModerated => $"{question}: the evaluators differ ({string.Join(", ", item.Scores.Select(Rounding.Number))}){(item.SpreadFlagged ? ", a spread large enough to be flagged," : string.Empty)} and no consensus is recorded; their mean is used for now.",
                OutstandingKind.LowPriceUndecided when prices && item.LowPrice is { } check =>
                    $"{item.Bid?.Provider}: the evaluated price of {Rounding.Money(check.Price)} is below {Rounding.Percent(check.Percent)} of the median evaluated price ({Rounding.Money(check.Median)}), so it may be abnormally low.",
                OutstandingKind.LowPriceUndecided => $"{item.Bid?.Provider}: the price may be abnormally low, and no decision is recorded.",
                _ => $"There are no bids for {lot.Lot.Title}.",
            };
        }
    }

    private static string Questions(int count) => count == 1 ? "1 question has" : $"{count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} questions have";

    private static string List(List<string> names) => names.Count <= 1
        ? string.Concat(names)
        : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    private static ResolvedAt Where(OutstandingKind kind) => kind switch
    {
        OutstandingKind.GateNotDecided => ResolvedAt.GateDecisions,
        OutstandingKind.NotModerated => ResolvedAt.Moderation,
        OutstandingKind.LowPriceUndecided => ResolvedAt.PriceDecisions,
        OutstandingKind.NoBids => ResolvedAt.Nowhere,
        _ => ResolvedAt.Scoring,
    };

    private static string Heading(ResolvedAt where) => where switch
    {
        ResolvedAt.Scoring => "Waiting for evaluators' scores",
        ResolvedAt.Moderation => "Differences between evaluators not yet moderated",
        ResolvedAt.GateDecisions => "Gates not yet decided",
        ResolvedAt.PriceDecisions => "Prices that may be abnormally low, not yet resolved",
        _ => "No bids",
    };

    private static string WhoResolves(ResolvedAt where) => where switch
    {
        ResolvedAt.Scoring => "Each evaluator scores their questions and submits their scores. A score counts once it is submitted.",
        ResolvedAt.Moderation => "The lot's moderator records a consensus score, with its reason, wherever the evaluators differ.",
        ResolvedAt.GateDecisions => "The tender's owner or the lot's moderator records whether each bid passes the gate, with the reason.",
        ResolvedAt.PriceDecisions => "The bidder is asked to show it can deliver the contract for that price. The tender's owner or the lot's moderator then records whether the price is accepted or the bid is excluded, with the reason.",
        _ => "A lot with no bids has no result.",
    };

    private static bool MayResolve(TenderPermissions access, ResolvedAt where, string lotId) => where switch
    {
        ResolvedAt.Scoring => access.Allows(TenderOperation.Score),
        ResolvedAt.Moderation => access.Allows(TenderOperation.Moderate) && access.ModeratorKeys.Count > 0 && access.MayDecideOn(lotId),
        ResolvedAt.GateDecisions or ResolvedAt.PriceDecisions => access.Allows(TenderOperation.Decide) && access.MayDecideOn(lotId),
        _ => false,
    };

    /// <summary>A lot's warnings and charts, made once per evaluation.</summary>
    private sealed record LotWords(IReadOnlyList<string> Warnings, IReadOnlyList<Chart> Charts)
    {
        public static LotWords Of(Tender tender, LotResult lot, LotRobustness robustness) => new(
            Aligned(lot.Warnings, items => EvaluationText.Warnings(tender, lot with { Warnings = items })),
            EvaluationCharts.For(lot, robustness));

        /// <summary>
        /// A sentence for each item, in order. The template writes a line an item; should a line
        /// ever break (a name with a line break in it), each item is written on its own instead.
        /// </summary>
        private static IReadOnlyList<string> Aligned<T>(IReadOnlyList<T> items, Func<IReadOnlyList<T>, IReadOnlyList<string>> sentences)
        {
            if (items.Count == 0)
            {
                return [];
            }

            var all = sentences(items);
            return all.Count == items.Count ? all : [.. items.Select(item => string.Join(" ", sentences([item])))];
        }
    }
}
