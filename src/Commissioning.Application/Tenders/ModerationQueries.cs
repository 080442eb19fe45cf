using Commissioning.Core.Evaluation;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>One evaluator's submitted score, as the moderator sees it beside the others.</summary>
/// <param name="EvaluatorId">The evaluator id in the tender.</param>
/// <param name="EvaluatorName">The name the panel knows them by.</param>
/// <param name="Score">The score on the tender's scale.</param>
/// <param name="Rationale">Why, in their words.</param>
public sealed record IndependentScore(string EvaluatorId, string EvaluatorName, decimal Score, string Rationale);

/// <summary>A consensus score recorded at moderation.</summary>
/// <param name="Score">The consensus score.</param>
/// <param name="Reason">Why the panel agreed it.</param>
/// <param name="ModeratorId">The moderator id that recorded it.</param>
/// <param name="ModeratorName">That moderator's name.</param>
/// <param name="Version">The row's version, sent back with a change.</param>
public sealed record ConsensusRecord(decimal Score, string Reason, string ModeratorId, string ModeratorName, long Version);

/// <summary>One question of one bid at moderation: the evaluators' submitted scores, their spread, and the consensus if recorded.</summary>
/// <param name="LotId">The bid's lot.</param>
/// <param name="BidId">The bid.</param>
/// <param name="Provider">The bidder.</param>
/// <param name="SectionId">The question's section.</param>
/// <param name="SectionTitle">The section's title.</param>
/// <param name="QuestionId">The question.</param>
/// <param name="QuestionTitle">Its short title.</param>
/// <param name="Scores">The submitted scores, in the order the tender lists its evaluators.</param>
/// <param name="Spread">Highest minus lowest submitted score (0 with fewer than two).</param>
/// <param name="SpreadFlagged">True when the spread is at or above the tender's flag.</param>
/// <param name="WaitingFor">The assigned evaluators who have not submitted a score, by name.</param>
/// <param name="Consensus">The consensus, once recorded.</param>
/// <param name="ModeratorId">The moderator id this person records the consensus as; null when they may only read it (an owner who does not moderate the section).</param>
public sealed record ModerationItem(string LotId, string BidId, string Provider, string SectionId, string SectionTitle, string QuestionId, string QuestionTitle,
    IReadOnlyList<IndependentScore> Scores, decimal Spread, bool SpreadFlagged, IReadOnlyList<string> WaitingFor, ConsensusRecord? Consensus, string? ModeratorId)
{
    /// <summary>True when at least one evaluator has submitted a score: only then is there anything to moderate.</summary>
    public bool HasScores => Scores.Count > 0;

    /// <summary>True when the submitted scores differ, so a consensus is needed.</summary>
    public bool Disagree => Spread > 0;

    /// <summary>True when the scores differ and no consensus is recorded yet.</summary>
    public bool NeedsConsensus => Disagree && Consensus is null;

    /// <summary>True when this person may record (or change) the consensus on it.</summary>
    public bool MayRecord => ModeratorId is not null && HasScores;
}

/// <summary>A recorded decision on a gate.</summary>
/// <param name="Passed">Pass or fail.</param>
/// <param name="Reason">Why.</param>
/// <param name="DecidedBy">Who decided, by name.</param>
/// <param name="Version">The row's version, sent back with a change.</param>
public sealed record GateRecord(bool Passed, string Reason, string DecidedBy, long Version);

/// <summary>A gate of a bid that the bid's declarations cannot decide, so the panel records a decision.</summary>
/// <param name="LotId">The bid's lot.</param>
/// <param name="BidId">The bid.</param>
/// <param name="Provider">The bidder.</param>
/// <param name="GateId">The gate.</param>
/// <param name="Title">The gate's title.</param>
/// <param name="Requires">What a bid must show to pass.</param>
/// <param name="RequirementId">The standards requirement it tests, if any.</param>
/// <param name="Evidence">The evidence the bid declares for that requirement.</param>
/// <param name="Decision">The decision, once recorded.</param>
public sealed record GateToDecide(string LotId, string BidId, string Provider, string GateId, string Title, string Requires, string? RequirementId, IReadOnlyList<string> Evidence, GateRecord? Decision);

/// <summary>A gate of a bid that the toolkit decided from the bid's declarations.</summary>
/// <param name="LotId">The bid's lot.</param>
/// <param name="BidId">The bid.</param>
/// <param name="Provider">The bidder.</param>
/// <param name="GateId">The gate.</param>
/// <param name="Title">The gate's title.</param>
/// <param name="Passed">Whether the declarations meet it.</param>
/// <param name="Reason">Why, naming the declared facts.</param>
public sealed record GateByDeclarations(string LotId, string BidId, string Provider, string GateId, string Title, bool Passed, string Reason);

/// <summary>A recorded decision on a price that may be abnormally low.</summary>
/// <param name="Outcome">Explanation accepted, or bid excluded.</param>
/// <param name="Reason">Why.</param>
/// <param name="DecidedBy">Who decided, by name.</param>
/// <param name="Version">The row's version, sent back with a change.</param>
public sealed record PriceRecord(LowPriceOutcome Outcome, string Reason, string DecidedBy, long Version);

/// <summary>
/// A bid whose price the lot's rule flags as possibly abnormally low (or that already has a
/// decision), with the figures the decision rests on.
/// </summary>
/// <param name="LotId">The bid's lot.</param>
/// <param name="BidId">The bid.</param>
/// <param name="Provider">The bidder.</param>
/// <param name="Price">The bid's evaluated price over <paramref name="Years"/> years.</param>
/// <param name="Years">How many years the evaluated price covers.</param>
/// <param name="Median">The median evaluated price of the bids that pass every gate and threshold.</param>
/// <param name="Percent">The lot's rule: a price below this percentage of the median is flagged.</param>
/// <param name="Limit">The price below which a bid is flagged.</param>
/// <param name="Flagged">True when the price is below the limit.</param>
/// <param name="Decision">The decision, once recorded.</param>
public sealed record PriceToDecide(string LotId, string BidId, string Provider, decimal Price, int Years, decimal Median, decimal Percent, decimal Limit, bool Flagged, PriceRecord? Decision);

/// <summary>What one lot needs from moderation, and how far it has got.</summary>
/// <param name="LotId">The lot.</param>
/// <param name="Title">Its title.</param>
/// <param name="DecideAs">Who gate and price decisions are recorded as: this person's moderator id on the lot, or the owner's name.</param>
/// <param name="Items">Every question of every bid this person moderates, in section, question and bid order.</param>
/// <param name="Gates">The gates that need a recorded decision, decided or not.</param>
/// <param name="DeclaredGates">The gates the bids' declarations decided.</param>
/// <param name="Prices">The prices that may be abnormally low, decided or not.</param>
public sealed record LotModeration(string LotId, string Title, string DecideAs, IReadOnlyList<ModerationItem> Items, IReadOnlyList<GateToDecide> Gates,
    IReadOnlyList<GateByDeclarations> DeclaredGates, IReadOnlyList<PriceToDecide> Prices)
{
    /// <summary>Questions of bids on which the evaluators differ.</summary>
    public int ConsensusNeeded => Items.Count(i => i.Disagree);

    /// <summary>Of those, how many have a consensus.</summary>
    public int ConsensusDone => Items.Count(i => i.Disagree && i.Consensus is not null);

    /// <summary>Questions of bids with no submitted score yet.</summary>
    public int WithoutScores => Items.Count(i => !i.HasScores);

    /// <summary>Gate decisions recorded.</summary>
    public int GatesDone => Gates.Count(g => g.Decision is not null);

    /// <summary>Price decisions recorded.</summary>
    public int PricesDone => Prices.Count(p => p.Decision is not null);
}

/// <summary>
/// What moderation needs of a tender, for the lots (and sections) one person moderates: no
/// totals, ranks, price points or anything else that says where a bid stands, so the consensus
/// is agreed on the answers alone.
/// </summary>
/// <param name="Tender">The tender.</param>
/// <param name="Regime">Its regime, for the rules a page cites.</param>
/// <param name="Scale">The scoring scale with its descriptors.</param>
/// <param name="SpreadFlag">The spread at or above which the tender flags scores.</param>
/// <param name="ConsensusRefusal">Why consensus scores cannot be recorded at this stage, or null when they can.</param>
/// <param name="DecisionRefusal">Why gate and price decisions cannot be recorded at this stage, or null when they can.</param>
/// <param name="Lots">Each lot this person moderates (every lot for the owner), in the tender's order.</param>
public sealed record ModerationState(TenderSummary Tender, ProcurementRegime Regime, ScoringScale Scale, decimal SpreadFlag, string? ConsensusRefusal, string? DecisionRefusal, IReadOnlyList<LotModeration> Lots);

/// <summary>One question of one bid, with the question as put to bidders and the bid's answer, for the consensus page.</summary>
/// <param name="State">The rest of what moderation needs (the scale, the stage, the lot).</param>
/// <param name="Lot">The lot.</param>
/// <param name="Item">The item.</param>
/// <param name="QuestionText">The question as put to bidders.</param>
/// <param name="Answer">The bid's answer, or null when it gave none.</param>
/// <param name="Evidence">The evidence the bid lists for the question's requirement.</param>
public sealed record ModerationItemView(ModerationState State, LotModeration Lot, ModerationItem Item, string QuestionText, string? Answer, IReadOnlyList<string> Evidence);

/// <summary>Builds what moderation needs from the tender's current evaluation and the stored decisions with their versions.</summary>
internal static class ModerationReading
{
    public static async Task<(ModerationState State, TenderEvaluation Evaluation)> BuildAsync(CommissioningDbContext db, EvaluateTender evaluate, TenderPermissions access, CancellationToken cancel)
    {
        var tenderId = access.Tender.Id;
        var evaluation = (await evaluate.CurrentAsync(db, tenderId, cancel).ConfigureAwait(false))!;
        var pack = evaluation.Pack;
        var consensus = (await db.ModeratedScores.AsNoTracking().Where(m => m.TenderId == tenderId)
                .Select(m => new { m.BidKey, m.QuestionKey, m.Score, m.Reason, m.ModeratorKey, m.Version, m.Position }).ToListAsync(cancel).ConfigureAwait(false))
            .OrderBy(m => m.Position).GroupBy(m => (m.BidKey, m.QuestionKey)).ToDictionary(g => g.Key, g => g.Last());
        var gates = (await db.GateDecisions.AsNoTracking().Where(g => g.TenderId == tenderId)
                .Select(g => new { g.BidKey, g.GateKey, g.Passed, g.Reason, g.DecidedBy, g.Version, g.Position }).ToListAsync(cancel).ConfigureAwait(false))
            .OrderBy(g => g.Position).GroupBy(g => (g.BidKey, g.GateKey)).ToDictionary(g => g.Key, g => g.Last());
        var prices = (await db.LowPriceDecisions.AsNoTracking().Where(p => p.TenderId == tenderId)
                .Select(p => new { p.BidKey, p.Outcome, p.Reason, p.DecidedBy, p.Version, p.Position }).ToListAsync(cancel).ConfigureAwait(false))
            .OrderBy(p => p.Position).GroupBy(p => p.BidKey).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

        // Bids in the order they were received, never the ranking's order: where a bid stands is not for moderators to see.
        var bidOrder = pack.Bids.Select((b, i) => (b.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var evaluatorOrder = pack.Tender.Evaluators.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var lots = new List<LotModeration>();
        foreach (var lot in evaluation.Result.Lots.Where(l => access.IsOwner || access.MayDecideOn(l.Lot.Id)))
        {
            var bids = lot.Bids.OrderBy(b => bidOrder[b.Bid.Id]).ToList();
            var items = new List<ModerationItem>();
            foreach (var section in lot.Lot.Sections)
            {
                var moderatorId = access.ModeratorKeys.FirstOrDefault(k => access.MayModerateAs(k, lot.Lot.Id, section.Id));
                if (moderatorId is null && !access.IsOwner)
                {
                    continue;
                }

                foreach (var question in section.Questions)
                {
                    var assigned = pack.Tender.EvaluatorsFor(lot.Lot.Id, question.Id);
                    foreach (var bid in bids)
                    {
                        var result = bid.Sections.First(s => s.Section.Id == section.Id).Questions.First(q => q.Question.Id == question.Id);
                        var scores = result.EvaluatorScores
                            .OrderBy(s => evaluatorOrder.GetValueOrDefault(s.EvaluatorId, int.MaxValue)).ThenBy(s => s.EvaluatorId, StringComparer.Ordinal)
                            .Select(s => new IndependentScore(s.EvaluatorId, evaluation.NameOf(s.EvaluatorId), s.Score, s.Rationale)).ToList();
                        var waiting = assigned.Where(a => scores.All(s => s.EvaluatorId != a)).Select(evaluation.NameOf).ToList();
                        var agreed = consensus.GetValueOrDefault((bid.Bid.Id, question.Id));
                        items.Add(new ModerationItem(lot.Lot.Id, bid.Bid.Id, bid.Bid.Provider, section.Id, section.Title, question.Id, question.Title, scores, result.Spread, result.SpreadFlagged, waiting,
                            agreed is null ? null : new ConsensusRecord(agreed.Score, agreed.Reason, agreed.ModeratorKey, evaluation.NameOf(agreed.ModeratorKey), agreed.Version),
                            moderatorId));
                    }
                }
            }

            var toDecide = new List<GateToDecide>();
            var declared = new List<GateByDeclarations>();
            var flagged = new List<PriceToDecide>();
            foreach (var bid in bids)
            {
                foreach (var gate in bid.Gates)
                {
                    if (gate.Basis == GateBasis.Declarations)
                    {
                        declared.Add(new GateByDeclarations(lot.Lot.Id, bid.Bid.Id, bid.Bid.Provider, gate.Gate.Id, gate.Gate.Title, gate.Status == GateStatus.Passed, gate.Declared!.Reason));
                        continue;
                    }

                    var recorded = gates.GetValueOrDefault((bid.Bid.Id, gate.Gate.Id));
                    var evidence = gate.Gate.RequirementId is { } requirement && bid.Bid.Declarations.Evidence.TryGetValue(requirement, out var held) ? held : [];
                    toDecide.Add(new GateToDecide(lot.Lot.Id, bid.Bid.Id, bid.Bid.Provider, gate.Gate.Id, gate.Gate.Title, gate.Gate.Description, gate.Gate.RequirementId, evidence,
                        recorded is null ? null : new GateRecord(recorded.Passed, recorded.Reason, evaluation.NameOf(recorded.DecidedBy), recorded.Version)));
                }

                var decided = prices.GetValueOrDefault(bid.Bid.Id);
                var waitingForDecision = lot.Outstanding.Any(o => o.Kind == OutstandingKind.LowPriceUndecided && o.Bid?.Id == bid.Bid.Id);
                if (bid.LowPrice is { } check && (waitingForDecision || decided is not null))
                {
                    flagged.Add(new PriceToDecide(lot.Lot.Id, bid.Bid.Id, bid.Bid.Provider, check.Price, bid.Price.Years, check.Median, check.Percent, check.Limit, check.Flagged,
                        decided is null ? null : new PriceRecord(decided.Outcome, decided.Reason, evaluation.NameOf(decided.DecidedBy), decided.Version)));
                }
            }

            var decideAs = access.ModeratorKeys.FirstOrDefault(k => lot.Lot.Sections.Any(s => access.MayModerateAs(k, lot.Lot.Id, s.Id))) ?? access.User.Name;
            lots.Add(new LotModeration(lot.Lot.Id, lot.Lot.Title, decideAs, items, toDecide, declared, flagged));
        }

        var stage = access.Tender.Stage;
        var state = new ModerationState(access.Tender, pack.Tender.Regime.Regime, pack.Tender.Scale, pack.Tender.EffectiveSpreadFlag,
            TenderLifecycle.Check(stage, TenderChange.ModeratedScore).Refusal, TenderLifecycle.Check(stage, TenderChange.GateDecision).Refusal, lots);
        return (state, evaluation);
    }
}

/// <summary>
/// What moderation needs, for the owner or a moderator (<see cref="TenderOperation.Decide"/>: the
/// moderators' operation, and the owner's), on the lots and sections they moderate (every lot for
/// the owner): each question of each bid with the evaluators' submitted scores, names and
/// rationales, the spread and whether the tender's rule flags it, and the consensus with its
/// version; the gates that need a recorded decision (and those the declarations decided, with the
/// reason); and the prices that may be abnormally low, with any decision. Results are not visible
/// to moderators before moderation ends (<see cref="TenderOperation.ViewResults"/>), so nothing
/// here says where a bid stands: no totals, ranks or price points, and bids in the order received.
/// </summary>
/// <remarks>
/// Prices: the evaluated price of a bid whose price may be abnormally low, the median it is
/// compared with and the lot's limit are shown to whoever records the decision, whatever the
/// owner's setting that keeps prices from evaluators and moderators. The toolkit's judgement: the
/// moderator cannot weigh the bidder's explanation without the price and what it was compared
/// with, and the setting exists to keep price from swaying quality scores, which these figures are
/// not offered beside. No other bid's price is given.
/// </remarks>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="evaluate">The tender's evaluation as it stands (kept per version of its data).</param>
public sealed class ReadModeration(ICommissioningContextFactory contexts, EvaluateTender evaluate)
{
    /// <summary>What moderation needs of the lots this person moderates.</summary>
    public async Task<Outcome<ModerationState>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.Decide, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<ModerationState>();
        }

        var (state, _) = await ModerationReading.BuildAsync(db, evaluate, access.Value, cancel).ConfigureAwait(false);
        return Outcome<ModerationState>.Success(state);
    }
}

/// <summary>
/// One question of one bid at moderation, with the question as put to bidders, the bid's answer
/// and its evidence: for the owner or a moderator of the question's lot and section; not found
/// otherwise. What it leaves out, and why, is as for <see cref="ReadModeration"/>.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="evaluate">The tender's evaluation as it stands.</param>
public sealed class ReadModerationItem(ICommissioningContextFactory contexts, EvaluateTender evaluate)
{
    /// <summary>The item, or not found when this person does not moderate it.</summary>
    public async Task<Outcome<ModerationItemView>> HandleAsync(SiteUser user, Guid tenderId, string bidId, string questionId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.Decide, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<ModerationItemView>();
        }

        var (state, evaluation) = await ModerationReading.BuildAsync(db, evaluate, access.Value, cancel).ConfigureAwait(false);
        var found = state.Lots.SelectMany(l => l.Items.Select(i => (Lot: l, Item: i))).FirstOrDefault(x => x.Item.BidId == bidId && x.Item.QuestionId == questionId);
        if (found.Item is null)
        {
            return Outcome<ModerationItemView>.Fail(FailureKind.NotFound, "This question of this bid is not one you moderate.");
        }

        var bid = evaluation.Pack.Bids.First(b => b.Id == bidId);
        var question = evaluation.Pack.Tender.FindLot(found.Lot.LotId)!.Questions.First(q => q.Id == questionId);
        var evidence = question.RequirementId is { } requirement && bid.Declarations.Evidence.TryGetValue(requirement, out var held) ? held : [];
        return Outcome<ModerationItemView>.Success(new ModerationItemView(state, found.Lot, found.Item, question.Text, bid.Answers.FirstOrDefault(a => a.QuestionId == questionId)?.Text, evidence));
    }
}
