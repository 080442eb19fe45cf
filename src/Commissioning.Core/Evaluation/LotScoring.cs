using Commissioning.Core.Tenders;

namespace Commissioning.Core.Evaluation;

/// <summary>
/// The facts about each bid in a lot that do not depend on weights or the price method: final
/// question scores, section percentages, gates, question and section thresholds, prices. Built
/// once; <see cref="Standings"/> then ranks the bids for any section weights and price method
/// cheaply, which is what the robustness analysis needs.
/// </summary>
internal sealed class LotScoring
{
    private LotScoring(Tender tender, Lot lot, IReadOnlyList<BidFacts> bids, int headcount, IReadOnlyList<OutstandingItem> outstanding)
    {
        Tender = tender;
        Lot = lot;
        Bids = bids;
        Headcount = headcount;
        Outstanding = outstanding;
        _sectionPercents = [.. bids.Select(b => b.Sections.Select(s => s.Percent).ToArray())];
        var total = lot.Sections.Sum(s => s.Weight);
        _declaredWeights = [.. lot.Sections.Select(s => total == 0 ? 0m : s.Weight * 100m / total)];
    }

    private readonly decimal[] _declaredWeights;

    /// <summary>Each bid's section percentages in section order, as arrays for the ranking loops.</summary>
    private readonly decimal[][] _sectionPercents;

    public Tender Tender { get; }

    public Lot Lot { get; }

    public IReadOnlyList<BidFacts> Bids { get; }

    public int Headcount { get; }

    public IReadOnlyList<OutstandingItem> Outstanding { get; }

    /// <summary>The lot's section weights scaled to add up to 100 (a fresh copy each time, so callers may change it).</summary>
    public decimal[] DeclaredSectionWeights => (decimal[])_declaredWeights.Clone();

    /// <summary>The quality share of the total, in points out of 100, whether the weights are percentages or points.</summary>
    public decimal QualityShare => Lot.QualitySharePercent;

    /// <summary>The price share of the total, in points out of 100, whether the weights are percentages or points.</summary>
    public decimal PriceShare => Lot.PriceSharePercent;

    public static LotScoring Build(TenderPack pack, Lot lot)
    {
        var tender = pack.Tender;
        var scores = pack.Scores.ToLookup(s => (s.BidId, s.QuestionId));
        var moderation = new Dictionary<(string, string), ModeratedScore>();
        foreach (var m in pack.Moderation)
        {
            moderation[(m.BidId, m.QuestionId)] = m; // the last record for a bid and question wins
        }

        var decisions = new Dictionary<(string, string), GateDecision>();
        foreach (var d in pack.GateDecisions)
        {
            decisions[(d.BidId, d.GateId)] = d; // the last decision for a bid and gate wins
        }

        var priceDecisions = new Dictionary<string, LowPriceDecision>(StringComparer.Ordinal);
        foreach (var d in pack.LowPriceDecisions)
        {
            priceDecisions[d.BidId] = d; // the last decision for a bid wins
        }

        var evaluatorNames = tender.Evaluators.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        var assigned = lot.Questions.ToDictionary(q => q.Id, q => tender.EvaluatorsFor(lot.Id, q.Id), StringComparer.Ordinal);
        var outstanding = new List<OutstandingItem>();
        var drafts = new List<(Bid Bid, List<GateOutcome> Gates, List<SectionFacts> Sections, List<ThresholdFailure> Thresholds, decimal EvaluatedPrice, bool ScoresFinal)>();

        foreach (var bid in pack.Bids.Where(b => b.LotId == lot.Id))
        {
            var gates = lot.Gates.Select(g => DecideGate(g, bid, decisions, evaluatorNames, tender.BidDeadline)).ToList();
            foreach (var gate in gates.Where(g => g.Status == GateStatus.NotAssessed))
            {
                outstanding.Add(new OutstandingItem { Kind = OutstandingKind.GateNotDecided, Bid = bid, Gate = gate.Gate });
            }

            var sections = new List<SectionFacts>();
            var thresholds = new List<ThresholdFailure>();
            foreach (var section in lot.Sections)
            {
                var questions = new List<QuestionFacts>();
                foreach (var question in section.Questions)
                {
                    var facts = FinalScore(tender, bid, question, [.. scores[(bid.Id, question.Id)]], moderation.GetValueOrDefault((bid.Id, question.Id)), assigned[question.Id], evaluatorNames, outstanding);
                    questions.Add(facts);
                    if (question.MinimumScore is { } minimum && facts.Final && facts.Score < minimum)
                    {
                        thresholds.Add(new ThresholdFailure { Level = ThresholdLevel.Question, Question = question, Achieved = facts.Score, Minimum = minimum });
                    }
                }

                // Each level of weights is normalised by its own sum, so only relative weights matter.
                var questionWeights = section.Questions.Sum(q => q.Weight);
                var percent = questionWeights == 0 ? 0m : questions.Sum(q => q.Question.Weight * q.Score / tender.Scale.Maximum) * 100m / questionWeights;
                var sectionFacts = new SectionFacts(section, questions, questions.Sum(q => q.Score), questions.Count * (decimal)tender.Scale.Maximum, percent);
                sections.Add(sectionFacts);
                if (section.MinimumPercent is { } sectionMinimum && questions.All(q => q.Final) && percent < sectionMinimum)
                {
                    thresholds.Add(new ThresholdFailure { Level = ThresholdLevel.Section, Section = section, Achieved = percent, Minimum = sectionMinimum });
                }
            }

            var evaluatedPrice = bid.Price.AnnualPrices.Take(lot.Price.ContractYears).Sum()
                + (lot.Price.EvaluateExtensions ? bid.Price.ExtensionPrices.Take(lot.Price.ExtensionYears).Sum() : 0m);
            var scoresFinal = sections.All(section => section.Questions.All(q => q.Final));
            if (!scoresFinal && (lot.MinimumQualityPercent is not null || lot.Questions.Any(q => q.MinimumScore is not null) || lot.Sections.Any(x => x.MinimumPercent is not null)))
            {
                outstanding.Add(new OutstandingItem { Kind = OutstandingKind.ThresholdsWaiting, Bid = bid });
            }

            drafts.Add((bid, gates, sections, thresholds, evaluatedPrice, scoresFinal));
        }

        if (drafts.Count == 0)
        {
            outstanding.Add(new OutstandingItem { Kind = OutstandingKind.NoBids });
        }

        // The abnormally low price check compares each price with the median of the bids that no
        // gate or question or section threshold has excluded. An exclusion for a low price does
        // not change the median, so one exclusion cannot set off another.
        bool Passes(List<GateOutcome> gates, List<ThresholdFailure> thresholds) => thresholds.Count == 0 && gates.All(g => g.Status != GateStatus.Failed);
        var compared = drafts.Where(d => Passes(d.Gates, d.Thresholds)).Select(d => d.EvaluatedPrice).ToList();
        decimal? median = compared.Count == 0 || lot.AbnormallyLowPercent <= 0 ? null : Median(compared);
        var bids = new List<BidFacts>(drafts.Count);
        foreach (var draft in drafts)
        {
            LowPriceCheck? check = median is { } m
                ? new LowPriceCheck { Median = m, Percent = lot.AbnormallyLowPercent, Price = draft.EvaluatedPrice, Decision = priceDecisions.GetValueOrDefault(draft.Bid.Id) }
                : null;
            if (check is { Flagged: true, Decision: null } && Passes(draft.Gates, draft.Thresholds))
            {
                outstanding.Add(new OutstandingItem { Kind = OutstandingKind.LowPriceUndecided, Bid = draft.Bid, LowPrice = check });
            }

            bids.Add(new BidFacts(draft.Bid, draft.Gates, draft.Sections, draft.Thresholds, draft.EvaluatedPrice, draft.ScoresFinal, check));
        }

        var headcount = tender.MembersOf(lot).Sum(m => m.Profile.Headcount);
        return new LotScoring(tender, lot, bids, headcount, outstanding);
    }

    /// <summary>The middle value, or the mean of the two middle values of an even count.</summary>
    internal static decimal Median(IReadOnlyList<decimal> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }

    /// <summary>
    /// Each bid's standing for the given section weights (relative to their total, in section
    /// order), price method and quality method (the lot's own unless another is given).
    /// </summary>
    public Standing[] Standings(ReadOnlySpan<decimal> sectionWeights, PriceMethod method, QualityMethod? qualityMethod = null)
    {
        var standings = Qualities(sectionWeights, qualityMethod);
        ScorePrices(standings, method);
        return standings;
    }

    /// <summary>
    /// The same as <see cref="Standings"/> with one bid's price replaced, starting from
    /// <paramref name="qualities"/> (from <see cref="Qualities"/> for the same weights), so that
    /// trying many prices does not recompute quality, which price does not change.
    /// </summary>
    public Standing[] Repriced(Standing[] qualities, PriceMethod method, int index, decimal price)
    {
        var standings = (Standing[])qualities.Clone();
        standings[index] = standings[index] with { Price = price };
        ScorePrices(standings, method);
        return standings;
    }

    /// <summary>
    /// Each bid's quality, eligibility and evaluated price for the given section weights; price
    /// not yet scored. Eligibility is judged on absolute quality; under relative quality scoring
    /// each eligible bid's quality points then come from its quality over the best eligible bid's.
    /// </summary>
    public Standing[] Qualities(ReadOnlySpan<decimal> sectionWeights, QualityMethod? qualityMethod = null)
    {
        var count = Bids.Count;
        var standings = new Standing[count];
        var qualityWeight = QualityShare;
        var weightTotal = 0m;
        foreach (var weight in sectionWeights)
        {
            weightTotal += weight;
        }

        var best = 0m;
        for (var i = 0; i < count; i++)
        {
            var bid = Bids[i];
            var percents = _sectionPercents[i];
            var quality = 0m;
            for (var s = 0; s < percents.Length; s++)
            {
                quality += sectionWeights[s] * percents[s];
            }

            quality = weightTotal == 0 ? 0m : quality / weightTotal;

            var eligible = bid.Eligible && !(Lot.MinimumQualityPercent is { } minimum && bid.ScoresFinal && quality < minimum);
            standings[i] = new Standing(i, eligible, quality, quality * qualityWeight / 100m, bid.EvaluatedPrice, null, null, null, null);
            if (eligible && quality > best)
            {
                best = quality;
            }
        }

        if ((qualityMethod ?? Lot.QualityMethod) == QualityMethod.Relative)
        {
            for (var i = 0; i < count; i++)
            {
                // Only eligible bids are scored against the best; an excluded bid earns no quality points.
                decimal? relative = standings[i].Eligible ? (best > 0 ? standings[i].QualityPercent * 100m / best : 0m) : null;
                standings[i] = standings[i] with { RelativeQuality = relative, QualityPoints = (relative ?? 0m) * qualityWeight / 100m };
            }
        }

        return standings;
    }

    /// <summary>
    /// The same winner as <c>Winner(Standings(sectionWeights, method))</c>, for the many random
    /// weight trials of the robustness analysis. Price points depend only on which bids are
    /// eligible, so when a trial leaves the same bids eligible as <paramref name="reference"/>
    /// (standings under the same method for any weights) the reference's price points are reused
    /// and only quality is recomputed, with the same decimal arithmetic as <see cref="Qualities"/>.
    /// Price per quality point, relative quality scoring (where each bid's quality points depend
    /// on the best bid's), a change of eligibility or a tie for first takes the full path.
    /// </summary>
    public int? TrialWinner(decimal[] sectionWeights, PriceMethod method, Standing[] reference)
    {
        if (method == PriceMethod.PricePerQualityPoint || Lot.QualityMethod == QualityMethod.Relative || reference.Length != Bids.Count)
        {
            return Winner(Standings(sectionWeights, method));
        }

        var weightTotal = 0m;
        foreach (var weight in sectionWeights)
        {
            weightTotal += weight;
        }

        var qualityShare = QualityShare;
        int? leader = null;
        var best = 0m;
        var tied = false;
        for (var i = 0; i < Bids.Count; i++)
        {
            var percents = _sectionPercents[i];
            var quality = 0m;
            for (var s = 0; s < percents.Length; s++)
            {
                quality += sectionWeights[s] * percents[s];
            }

            quality = weightTotal == 0 ? 0m : quality / weightTotal;
            var eligible = Bids[i].Eligible && !(Lot.MinimumQualityPercent is { } minimum && Bids[i].ScoresFinal && quality < minimum);
            if (eligible != reference[i].Eligible)
            {
                return Winner(Standings(sectionWeights, method));
            }

            if (!eligible)
            {
                continue;
            }

            var total = (quality * qualityShare / 100m) + reference[i].PricePoints!.Value;
            if (leader is null || total > best)
            {
                leader = i;
                best = total;
                tied = false;
            }
            else if (total == best)
            {
                tied = true;
            }
        }

        return tied ? Winner(Standings(sectionWeights, method)) : leader;
    }

    /// <summary>The eligible bids in rank order, with their competition ranks (equal totals after the tie-break share a rank).</summary>
    public IReadOnlyList<(int Index, int Rank)> Rank(Standing[] standings)
    {
        var eligible = standings.Where(s => s.Eligible).ToList();
        eligible.Sort((a, b) => Compare(a, b));
        var ranked = new List<(int, int)>(eligible.Count);
        for (var i = 0; i < eligible.Count; i++)
        {
            var rank = i > 0 && Compare(eligible[i - 1], eligible[i]) == 0 ? ranked[i - 1].Item2 : i + 1;
            ranked.Add((eligible[i].Index, rank));
        }

        return ranked;
    }

    /// <summary>The index of the single winner, or null if there is no eligible bid or an unbroken tie for first.</summary>
    public int? Winner(Standing[] standings)
    {
        // The same answer as taking the first of Rank, in one pass: the best bid under Compare,
        // unless another compares equal to it (an unbroken tie for first).
        Standing? best = null;
        var tied = false;
        foreach (var standing in standings)
        {
            if (!standing.Eligible)
            {
                continue;
            }

            if (best is not { } b)
            {
                best = standing;
                continue;
            }

            var order = Compare(standing, b);
            if (order < 0)
            {
                best = standing;
                tied = false;
            }
            else if (order == 0)
            {
                tied = true;
            }
        }

        return tied ? null : best?.Index;
    }

    private int Compare(Standing a, Standing b)
    {
        var byTotal = b.Total!.Value.CompareTo(a.Total!.Value);
        if (byTotal != 0)
        {
            return byTotal;
        }

        return Lot.TieBreak.Rule switch
        {
            TieBreakRule.HighestQuality => b.QualityPercent.CompareTo(a.QualityPercent),
            TieBreakRule.LowestPrice => a.Price.CompareTo(b.Price),
            TieBreakRule.HighestSection => SectionPercent(b.Index).CompareTo(SectionPercent(a.Index)),
            _ => 0,
        };
    }

    private decimal SectionPercent(int index) =>
        Bids[index].Sections.FirstOrDefault(s => s.Section.Id == Lot.TieBreak.SectionId)?.Percent ?? 0m;

    private void ScorePrices(Standing[] standings, PriceMethod method)
    {
        // Lowest and highest eligible prices, taking the first of equal values as Min and Max do.
        decimal? lowestEligible = null;
        decimal? highestEligible = null;
        foreach (var standing in standings)
        {
            if (standing.Eligible)
            {
                if (lowestEligible is not { } low || standing.Price < low)
                {
                    lowestEligible = standing.Price;
                }

                if (highestEligible is not { } high || standing.Price > high)
                {
                    highestEligible = standing.Price;
                }
            }
        }

        if (lowestEligible is not { } lowest || highestEligible is not { } highest)
        {
            return;
        }

        var priceWeight = PriceShare;
        if (method == PriceMethod.PricePerQualityPoint)
        {
            // Price per quality percentage point; a bid with no quality has no finite price per point.
            decimal? PerPoint(Standing s) => s.QualityPercent > 0 ? s.Price / s.QualityPercent : null;
            decimal? best = null;
            foreach (var standing in standings)
            {
                if (standing.Eligible && PerPoint(standing) is { } perPoint && (best is not { } lowestPerPoint || perPoint < lowestPerPoint))
                {
                    best = perPoint;
                }
            }

            for (var i = 0; i < standings.Length; i++)
            {
                var perPoint = PerPoint(standings[i]);
                standings[i] = standings[i] with
                {
                    PricePerQualityPoint = perPoint,
                    Total = standings[i].Eligible ? (perPoint is { } p && best is { } b ? 100m * b / p : 0m) : null,
                };
            }

            return;
        }

        for (var i = 0; i < standings.Length; i++)
        {
            if (!standings[i].Eligible)
            {
                continue;
            }

            var price = standings[i].Price;
            var points = method switch
            {
                PriceMethod.Proportional => price <= 0 ? priceWeight : priceWeight * lowest / price,
                PriceMethod.Linear => Linear(price, lowest, Lot.Price.Ceiling, highest, priceWeight),
                PriceMethod.Deviation => lowest <= 0 ? (price <= 0 ? priceWeight : 0m) : priceWeight * Math.Max(0m, 1m - ((price - lowest) / lowest)),
                _ => throw new InvalidOperationException($"Unknown price method {method}."),
            };
            standings[i] = standings[i] with { PricePoints = points, Total = standings[i].QualityPoints + points };
        }
    }

    /// <summary>
    /// Linear scoring: full marks at the lowest eligible price, none at the ceiling, in a straight
    /// line between. A price at or above a declared ceiling scores nothing, even if it is the lowest.
    /// Without a declared ceiling (only in the robustness comparison) the highest eligible price is
    /// the ceiling, and if every price is the same they all score full marks.
    /// </summary>
    private static decimal Linear(decimal price, decimal lowest, decimal? declaredCeiling, decimal highest, decimal priceWeight)
    {
        if (declaredCeiling is { } ceiling)
        {
            return price >= ceiling ? 0m : priceWeight * (ceiling - price) / (ceiling - lowest);
        }

        return highest == lowest ? priceWeight : priceWeight * (highest - price) / (highest - lowest);
    }

    private static GateOutcome DecideGate(Gate gate, Bid bid, Dictionary<(string, string), GateDecision> decisions, Dictionary<string, string> names, DateOnly? bidDeadline)
    {
        if (decisions.TryGetValue((bid.Id, gate.Id), out var decision))
        {
            return new GateOutcome
            {
                Gate = gate,
                Status = decision.Passed ? GateStatus.Passed : GateStatus.Failed,
                Basis = GateBasis.Decision,
                Decision = decision,
                DecidedBy = names.GetValueOrDefault(decision.DecidedBy, decision.DecidedBy),
            };
        }

        if (gate.RequirementId is { } requirementId && DeclarationChecks.Check(requirementId, bid.Declarations, bidDeadline) is { } check)
        {
            return new GateOutcome { Gate = gate, Status = check.Passed ? GateStatus.Passed : GateStatus.Failed, Basis = GateBasis.Declarations, Declared = check };
        }

        return new GateOutcome { Gate = gate, Status = GateStatus.NotAssessed, Basis = GateBasis.NotDecided };
    }

    private static QuestionFacts FinalScore(Tender tender, Bid bid, Question question, List<EvaluatorScore> scores, ModeratedScore? moderation,
        IReadOnlyList<string> assigned, Dictionary<string, string> names, List<OutstandingItem> outstanding)
    {
        var spread = scores.Count >= 2 ? scores.Max(s => s.Score) - scores.Min(s => s.Score) : 0m;
        var flagged = spread >= tender.EffectiveSpreadFlag;
        if (moderation is not null)
        {
            if (scores.Count == 0)
            {
                // Moderation settles differences between independent scores; with none there is
                // nothing it moderated. The consensus is used (and thresholds judged on it), but
                // the result stays provisional until the evaluators' own scores are recorded.
                outstanding.Add(new OutstandingItem { Kind = OutstandingKind.ConsensusWithoutScores, Bid = bid, Question = question });
            }

            return new QuestionFacts(question, moderation.Score, ScoreSource.Moderated, scores, moderation, spread, flagged);
        }

        if (scores.Count == 0)
        {
            outstanding.Add(new OutstandingItem { Kind = OutstandingKind.NoScore, Bid = bid, Question = question });
            return new QuestionFacts(question, 0m, ScoreSource.Missing, scores, null, spread, flagged);
        }

        var mean = scores.Average(s => s.Score);
        var waitingFor = assigned.Where(a => scores.All(s => s.EvaluatorId != a)).Select(a => names.GetValueOrDefault(a, a)).ToList();
        if (waitingFor.Count > 0)
        {
            outstanding.Add(new OutstandingItem { Kind = OutstandingKind.WaitingForEvaluators, Bid = bid, Question = question, Evaluators = waitingFor });
            return new QuestionFacts(question, mean, ScoreSource.PartialMean, scores, null, spread, flagged);
        }

        if (spread > 0)
        {
            outstanding.Add(new OutstandingItem { Kind = OutstandingKind.NotModerated, Bid = bid, Question = question, Scores = [.. scores.Select(s => s.Score)], SpreadFlagged = flagged });
        }

        return new QuestionFacts(question, mean, ScoreSource.MeanOfEvaluators, scores, null, spread, flagged);
    }
}

/// <summary>One bid's facts that do not depend on weights.</summary>
/// <remarks>
/// <c>ScoresFinal</c> is true when no score is missing or waiting for an evaluator, so minimum
/// thresholds can be applied. <c>LowPrice</c> is the abnormally low price check, or null.
/// </remarks>
internal sealed record BidFacts(Bid Bid, IReadOnlyList<GateOutcome> Gates, IReadOnlyList<SectionFacts> Sections, IReadOnlyList<ThresholdFailure> Thresholds, decimal EvaluatedPrice, bool ScoresFinal, LowPriceCheck? LowPrice = null)
{
    /// <summary>
    /// No gate failed, no threshold missed and not excluded for an abnormally low price; worked
    /// out once, since rankings ask for it many times.
    /// </summary>
    public bool Eligible { get; } = Thresholds.Count == 0 && Gates.All(g => g.Status != GateStatus.Failed) && LowPrice?.Excluded != true;
}

/// <summary>One section's facts for one bid: the percentage is weighted by question weights.</summary>
internal sealed record SectionFacts(Section Section, IReadOnlyList<QuestionFacts> Questions, decimal Raw, decimal RawMaximum, decimal Percent);

/// <summary>One question's final score for one bid.</summary>
internal sealed record QuestionFacts(Question Question, decimal Score, ScoreSource Source, IReadOnlyList<EvaluatorScore> Scores, ModeratedScore? Moderation, decimal Spread, bool Flagged)
{
    /// <summary>True when every assigned evaluator has scored (or a consensus is recorded), so thresholds can be judged on it.</summary>
    public bool Final => Source is ScoreSource.Moderated or ScoreSource.MeanOfEvaluators;
}

/// <summary>
/// A bid's standing for one set of weights, one price method and one quality method.
/// <c>QualityPercent</c> is absolute quality; <c>RelativeQuality</c> is quality over the best
/// eligible bid's, in percent, under relative scoring (null otherwise or when not eligible).
/// </summary>
internal readonly record struct Standing(int Index, bool Eligible, decimal QualityPercent, decimal QualityPoints, decimal Price, decimal? PricePoints, decimal? PricePerQualityPoint, decimal? Total, decimal? RelativeQuality);
