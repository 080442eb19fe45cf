using Commissioning.Core.Tenders;

namespace Commissioning.Core.Evaluation;

/// <summary>
/// Evaluates a tender: gates, thresholds, quality, price, total, rank and the most advantageous
/// tender for each lot, with every step written out so that each number can be traced to its
/// inputs. Pure: the same pack always gives the same result. Arithmetic is unrounded
/// <see cref="decimal"/>; <see cref="Rounding"/> applies only to what is shown.
/// </summary>
public static class TenderEvaluator
{
    /// <summary>Evaluates every lot.</summary>
    public static TenderResult Evaluate(TenderPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return new TenderResult
        {
            Tender = pack.Tender,
            Lots = [.. pack.Tender.Lots.Select(lot => EvaluateLot(LotScoring.Build(pack, lot)))],
        };
    }

    /// <summary>
    /// Evaluates every lot and analyses how robust each result is, building each lot's scores once
    /// for both (what the command line and the benchmarks run).
    /// </summary>
    public static (TenderResult Result, IReadOnlyList<LotRobustness> Robustness) EvaluateWithRobustness(TenderPack pack, RobustnessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var scorings = pack.Tender.Lots.Select(lot => LotScoring.Build(pack, lot)).ToList();
        var result = new TenderResult { Tender = pack.Tender, Lots = [.. scorings.Select(s => EvaluateLot(s))] };
        return (result, [.. scorings.Select(s => RobustnessAnalysis.AnalyseLot(s, options ?? new RobustnessOptions()))]);
    }

    /// <summary>Evaluates one lot, optionally with another price method (for comparisons).</summary>
    public static LotResult EvaluateLot(TenderPack pack, string lotId, PriceMethod? method = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var lot = pack.Tender.FindLot(lotId) ?? throw new ArgumentException($"The tender has no lot '{lotId}'.", nameof(lotId));
        return EvaluateLot(LotScoring.Build(pack, lot), method);
    }

    internal static LotResult EvaluateLot(LotScoring scoring, PriceMethod? method = null)
    {
        var lot = scoring.Lot;
        var priceMethod = method ?? lot.Price.Method;
        var standings = scoring.Standings(scoring.DeclaredSectionWeights, priceMethod);
        var ranked = scoring.Rank(standings);
        var winner = scoring.Winner(standings);
        var ranks = ranked.ToDictionary(r => r.Index, r => r.Rank);
        var eligibleCount = ranked.Count;
        var lowest = standings.Where(s => s.Eligible).Select(s => s.Price).DefaultIfEmpty(0m).Min();
        var bestPerPoint = standings.Where(s => s.Eligible && s.PricePerQualityPoint is not null).Select(s => s.PricePerQualityPoint!.Value).DefaultIfEmpty(0m).Min();
        var relative = lot.QualityMethod == QualityMethod.Relative;
        var bestQuality = standings.Where(s => s.Eligible).Select(s => s.QualityPercent).DefaultIfEmpty(0m).Max();
        var complete = scoring.Outstanding.Count == 0;
        var names = scoring.Tender.Evaluators.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);

        var shown = new ScoreText(scoring.Tender.Scale);
        var results = new List<BidResult>();
        for (var i = 0; i < scoring.Bids.Count; i++)
        {
            var facts = scoring.Bids[i];
            var standing = standings[i];
            var thresholds = facts.Thresholds.ToList();
            if (facts.Eligible && !standing.Eligible && lot.MinimumQualityPercent is { } minimum)
            {
                thresholds.Add($"Quality reached {Rounding.ShortOf(standing.QualityPercent, minimum)}%, below the lot's minimum of {Rounding.Percent(minimum)}.");
            }

            // Under relative scoring every point of quality is scaled by 100 over the best eligible
            // bid's quality; an excluded bid is not scored against the best and earns none.
            var factor = !relative ? 1m : standing.Eligible && bestQuality > 0 ? 100m / bestQuality : 0m;
            var sections = facts.Sections.Select(s => Section(scoring, s, shown, relative ? RelativeWords(standing, bestQuality) : null, factor)).ToList();
            var price = Price(scoring, facts, standing, standings, priceMethod, lowest, bestPerPoint);
            int? rank = ranks.TryGetValue(i, out var r) ? r : null;
            var result = new BidResult
            {
                Bid = facts.Bid,
                Gates = facts.Gates,
                ThresholdsFailed = thresholds,
                Sections = sections,
                QualityRaw = facts.Sections.Sum(s => s.Raw),
                QualityRawMaximum = facts.Sections.Sum(s => s.RawMaximum),
                QualityPercent = standing.QualityPercent,
                RelativeQualityPercent = standing.RelativeQuality,
                QualityPoints = standing.QualityPoints,
                Price = price,
                Total = standing.Total,
                Rank = rank,
                LowPrice = facts.LowPrice,
                Leading = winner == i,
                MostAdvantageous = winner == i && complete,
                Breakdown = [],
            };
            results.Add(result with { Breakdown = Breakdown(scoring, result, eligibleCount, priceMethod, winner is null && rank == 1, complete, bestQuality, names) });
        }

        var ordered = ranked.Select(r => results[r.Index])
            .Concat(results.Where(b => b.Rank is null))
            .ToList();
        return new LotResult
        {
            Lot = lot,
            Bids = ordered,
            Agreement = Agreement(scoring),
            Warnings = Warnings(scoring, ranked),
            Outstanding = scoring.Outstanding,
        };
    }

    private static SectionResult Section(LotScoring scoring, SectionFacts facts, ScoreText shown, string? relativeWords, decimal factor)
    {
        var lot = scoring.Lot;
        var maximum = scoring.Tender.Scale.Maximum;
        var sectionShare = SectionShare(scoring, facts.Section);
        var questionTotal = facts.Section.Questions.Sum(q => q.Weight);
        var qualityShare = scoring.QualityShare;
        var ofQuality = SectionWeightWords(lot, facts.Section);
        var qualityPoints = Rounding.Number(qualityShare);
        var scaled = relativeWords is null ? string.Empty : $" × {relativeWords}";
        var questions = facts.Questions.Select(q =>
        {
            var points = (questionTotal == 0 ? 0m : q.Question.Weight / questionTotal) * sectionShare * qualityShare * q.Score / maximum * factor;
            return new QuestionResult
            {
                Question = q.Question,
                Score = q.Score,
                Source = q.Source,
                EvaluatorScores = q.Scores,
                Moderation = q.Moderation,
                Spread = q.Spread,
                SpreadFlagged = q.Flagged,
                Points = points,
                BelowMinimum = q.Question.MinimumScore is { } m && q.Final && q.Score < m,
                Explanation = $"{q.Question.Id}: {shown.Number(q.Score)} of {maximum} ({shown.Label(q.Score)}, {SourceWords(q, shown)}) × {QuestionWeightWords(facts.Section, q.Question)} × {ofQuality} × {qualityPoints} quality points{scaled} = {Rounding.Number(points)} points",
            };
        }).ToList();

        return new SectionResult
        {
            Section = facts.Section,
            RawScore = facts.Raw,
            RawMaximum = facts.RawMaximum,
            Percent = facts.Percent,
            Points = sectionShare * scoring.QualityShare * facts.Percent / 100m * factor,
            BelowMinimum = facts.Section.MinimumPercent is { } m && facts.Questions.All(q => q.Final) && facts.Percent < m,
            Questions = questions,
        };
    }

    /// <summary>A question's weight as declared: "50% of section s1", or "10 of 30 points in section s1 (33.33%)".</summary>
    private static string QuestionWeightWords(Section section, Question question) =>
        section.QuestionWeights == WeightUnit.Points
            ? $"{Rounding.Number(question.Weight)} of {Rounding.Number(section.QuestionWeightTotal)} points in section {section.Id} ({Rounding.Percent(section.QuestionSharePercent(question))})"
            : $"{Rounding.Percent(question.Weight)} of section {section.Id}";

    /// <summary>A section's weight as declared: "75% of quality", or "60 of 130 section points (46.15% of quality)".</summary>
    private static string SectionWeightWords(Lot lot, Section section) =>
        lot.SectionWeights == WeightUnit.Points
            ? $"{Rounding.Number(section.Weight)} of {Rounding.Number(lot.SectionWeightTotal)} section points ({Rounding.Percent(lot.SectionSharePercent(section))} of quality)"
            : $"{Rounding.Percent(lot.SectionSharePercent(section))} of quality";

    /// <summary>The scaling under relative quality scoring, in words: "(100 ÷ 90% best eligible quality)".</summary>
    private static string RelativeWords(Standing standing, decimal bestQuality) =>
        !standing.Eligible ? "0 (excluded, so not scored against the best eligible bid)"
        : bestQuality <= 0 ? "0 (the best eligible quality is 0%)"
        : $"(100 ÷ {Rounding.Percent(bestQuality)} best eligible quality)";

    /// <summary>A section's share of quality as a fraction (its weight over the sum of the lot's section weights).</summary>
    private static decimal SectionShare(LotScoring scoring, Section section)
    {
        var total = scoring.Lot.Sections.Sum(s => s.Weight);
        return total == 0 ? 0m : section.Weight / total;
    }

    private static string SourceWords(QuestionFacts q, ScoreText shown) => q.Source switch
    {
        ScoreSource.Moderated when q.Scores.Count == 0 => "moderated, with no independent scores yet",
        ScoreSource.Moderated => $"moderated from {string.Join(", ", q.Scores.Select(s => shown.Number(s.Score)))}",
        ScoreSource.MeanOfEvaluators when q.Scores.Count == 1 => "one evaluator",
        ScoreSource.MeanOfEvaluators when q.Spread == 0 => $"all {q.Scores.Count} evaluators agreed",
        ScoreSource.MeanOfEvaluators => $"mean of {string.Join(", ", q.Scores.Select(s => shown.Number(s.Score)))}, not yet moderated",
        ScoreSource.PartialMean => $"mean of the {q.Scores.Count} scores so far",
        _ => "no score yet",
    };

    /// <summary>
    /// How scores are shown, with the text for each whole score on the scale made once per lot:
    /// a lot's many thousands of evaluator scores are whole points, and both the number shown
    /// and the scale level depend only on the value.
    /// </summary>
    private sealed class ScoreText(ScoringScale scale)
    {
        private readonly string?[] _numbers = new string?[Math.Clamp(scale.Maximum + 1L, 0L, 101L)];
        private readonly string?[] _labels = new string?[Math.Clamp(scale.Maximum + 1L, 0L, 101L)];

        /// <summary>The same as <see cref="Rounding.Number"/>.</summary>
        public string Number(decimal value) =>
            IsWhole(value) ? _numbers[(int)value] ??= Rounding.Number(value) : Rounding.Number(value);

        /// <summary>The same as the label of <see cref="ScoringScale.LevelFor"/>.</summary>
        public string Label(decimal value) =>
            IsWhole(value) ? _labels[(int)value] ??= scale.LevelFor(value).Label : scale.LevelFor(value).Label;

        private bool IsWhole(decimal value) => value >= 0m && value < _numbers.Length && decimal.IsInteger(value);
    }

    /// <summary>The ceiling the linear method uses: the declared one, or else the highest eligible price.</summary>
    private static decimal LinearCeiling(Lot lot, Standing[] standings) =>
        lot.Price.Ceiling ?? standings.Where(s => s.Eligible).Select(s => s.Price).DefaultIfEmpty(0m).Max();

    private static PriceResult Price(LotScoring scoring, BidFacts facts, Standing standing, Standing[] standings, PriceMethod method, decimal lowest, decimal bestPerPoint)
    {
        var lot = scoring.Lot;
        var years = lot.Price.EvaluatedYears;
        var annual = years == 0 ? 0m : facts.EvaluatedPrice / years;
        var perHead = scoring.Headcount == 0 ? 0m : annual / scoring.Headcount;
        var weight = Rounding.Number(scoring.PriceShare);
        var price = Rounding.Money(facts.EvaluatedPrice);
        string explanation;
        if (!standing.Eligible)
        {
            explanation = $"Evaluated price {price} over {years} years; not scored because the bid is excluded.";
        }
        else
        {
            explanation = method switch
            {
                PriceMethod.Proportional => $"Proportional: lowest eligible price {Rounding.Money(lowest)} ÷ this price {price} × {weight} = {Rounding.Number(standing.PricePoints!.Value)} points",
                PriceMethod.Linear when lot.Price.Ceiling is { } ceiling && facts.EvaluatedPrice >= ceiling => $"Linear: {price} is at or above the ceiling of {Rounding.Money(ceiling)}, so it scores 0 points",
                PriceMethod.Linear => $"Linear: ({Rounding.Money(LinearCeiling(lot, standings))} ceiling − {price}) ÷ ({Rounding.Money(LinearCeiling(lot, standings))} ceiling − {Rounding.Money(lowest)} lowest) × {weight} = {Rounding.Number(standing.PricePoints!.Value)} points",
                PriceMethod.Deviation => $"Deviation: {price} is {Rounding.Percent(lowest == 0 ? 0 : (facts.EvaluatedPrice - lowest) / lowest * 100m)} above the lowest eligible price {Rounding.Money(lowest)}; {weight} × (1 − that share), not below 0, = {Rounding.Number(standing.PricePoints!.Value)} points",
                _ => standing.PricePerQualityPoint is { } perPoint
                    ? $"Price per quality point: {price} ÷ {Rounding.Number(standing.QualityPercent)} quality = {Rounding.Money(perPoint)} a point; lowest {Rounding.Money(bestPerPoint)} a point; total = 100 × {Rounding.Money(bestPerPoint)} ÷ {Rounding.Money(perPoint)}"
                    : "Price per quality point: no quality score, so no price per point and a total of 0",
            };
        }

        return new PriceResult
        {
            EvaluatedPrice = facts.EvaluatedPrice,
            AnnualPrice = annual,
            PricePerHead = perHead,
            Method = method,
            Points = standing.PricePoints,
            PricePerQualityPoint = standing.PricePerQualityPoint,
            Explanation = explanation,
        };
    }

    private static List<string> Breakdown(LotScoring scoring, BidResult result, int eligibleCount, PriceMethod method, bool tiedForFirst, bool complete, decimal bestQuality, Dictionary<string, string> names)
    {
        var lot = scoring.Lot;
        var lines = new List<string>();
        if (lot.Weights == WeightUnit.Points)
        {
            lines.Add($"Weights as declared: quality {Rounding.Number(lot.QualityWeight)} and price {Rounding.Number(lot.PriceWeight)} points of {Rounding.Number(lot.WeightTotal)}, so quality carries {Rounding.Number(scoring.QualityShare)} and price {Rounding.Number(scoring.PriceShare)} of every 100 points.");
        }

        foreach (var gate in result.Gates)
        {
            lines.Add($"Gate {gate.Gate.Id} {gate.Gate.Title}: {gate.Status switch { GateStatus.Passed => "passed", GateStatus.Failed => "FAILED", _ => "not decided" }}. {gate.Reason} ({gate.Basis})");
        }

        lines.AddRange(result.ThresholdsFailed.Select(t => "Threshold not met: " + t));
        foreach (var section in result.Sections)
        {
            var scaled = lot.QualityMethod == QualityMethod.Relative ? " scaled to the best eligible bid" : string.Empty;
            lines.Add($"Section {section.Section.Id} {section.Section.Title}: {Rounding.Number(section.RawScore)} of {Rounding.Number(section.RawMaximum)} raw, {Rounding.Percent(section.Percent)} weighted × {SectionWeightWords(lot, section.Section)}{scaled} = {Rounding.Number(section.Points)} points");
            lines.AddRange(section.Questions.Select(q => "  " + q.Explanation));
        }

        var quality = $"Quality: {Rounding.Number(result.QualityRaw)} of {Rounding.Number(result.QualityRawMaximum)} raw; {Rounding.Percent(result.QualityPercent)} weighted";
        if (lot.QualityMethod == QualityMethod.Relative)
        {
            quality += result.RelativeQualityPercent is not { } relative
                ? "; not scored against the best eligible bid because the bid is excluded"
                : bestQuality <= 0
                    ? "; the best eligible quality is 0%, so no bid earns quality points"
                    : $"; relative scoring: {Rounding.Percent(result.QualityPercent)} ÷ {Rounding.Percent(bestQuality)} (the best eligible bid's) = {Rounding.Percent(relative)}";
        }

        lines.Add($"{quality} = {Rounding.Number(result.QualityPoints)} of {Rounding.Number(scoring.QualityShare)} points");
        lines.Add($"Price: {Rounding.Money(result.Price.EvaluatedPrice)} over {lot.Price.EvaluatedYears} years ({Rounding.Money(result.Price.AnnualPrice)} a year, {Rounding.Money(result.Price.PricePerHead)} a head a year). {result.Price.Explanation}");
        if (LowPriceWords(result.LowPrice, names) is { } check)
        {
            lines.Add(check);
        }

        if (result.Total is { } total)
        {
            var declared = lot.Weights == WeightUnit.Points ? $" ({Rounding.Number(total * lot.WeightTotal / 100m)} of {Rounding.Number(lot.WeightTotal)} points as declared)" : string.Empty;
            lines.Add(method == PriceMethod.PricePerQualityPoint
                ? $"Total: {Rounding.Number(total)} of 100{declared}"
                : $"Total: {Rounding.Number(result.QualityPoints)} quality + {Rounding.Number(result.Price.Points ?? 0m)} price = {Rounding.Number(total)} of 100{declared}");
            lines.Add($"Rank {result.Rank} of {eligibleCount} eligible bids" +
                (result.Leading ? complete ? ": the most advantageous tender." : ": first so far; not a result until nothing is outstanding." :
                 tiedForFirst ? ": tied for first after the declared tie-break; the tie must be resolved before award." : "."));
        }
        else
        {
            lines.Add(result.Disqualified ? "Excluded: a gate was failed."
                : result.ExcludedForLowPrice ? "Excluded: the price was found abnormally low after the bidder was asked to explain it."
                : "Excluded: a minimum threshold was not met.");
        }

        return lines;
    }

    /// <summary>The abnormally low price check in words, or null when the price is not flagged and nothing is recorded.</summary>
    private static string? LowPriceWords(LowPriceCheck? check, Dictionary<string, string> names)
    {
        if (check is null || (!check.Flagged && check.Decision is null))
        {
            return null;
        }

        var rule = $"{Rounding.Percent(check.Percent)} of the median evaluated price of {Rounding.Money(check.Median)} ({Rounding.Money(check.Limit)})";
        var finding = check.Flagged
            ? $"Price check: {Rounding.Money(check.Price)} is below {rule}, so it may be abnormally low."
            : $"Price check: {Rounding.Money(check.Price)} is not below {rule}, but a decision on the price is recorded.";
        if (check.Decision is not { } decision)
        {
            return finding + " Not yet resolved: ask the bidder to show it can deliver the contract for that price, and record the outcome.";
        }

        var by = names.GetValueOrDefault(decision.DecidedBy, decision.DecidedBy);
        return finding + (decision.Outcome == LowPriceOutcome.Excluded
            ? $" The bidder was asked to explain it and the bid was excluded: {decision.Reason} (decided by {by})"
            : $" The bidder was asked to explain it and the price was accepted: {decision.Reason} (decided by {by})");
    }

    private static List<QuestionAgreement> Agreement(LotScoring scoring)
    {
        var flag = scoring.Tender.EffectiveSpreadFlag;

        // Each bid's facts by question id (the first for an id, as First would find), so that
        // each question is found once per bid rather than by a scan of every question.
        var byQuestion = scoring.Bids.Select(b =>
        {
            var facts = new Dictionary<string, QuestionFacts>(StringComparer.Ordinal);
            foreach (var q in b.Sections.SelectMany(s => s.Questions))
            {
                facts.TryAdd(q.Question.Id, q);
            }

            return facts;
        }).ToList();
        return [.. scoring.Lot.Questions.Select(question =>
        {
            var compared = byQuestion
                .Select(b => b[question.Id])
                .Where(q => q.Scores.Count >= 2)
                .ToList();
            return new QuestionAgreement
            {
                Question = question,
                BidsCompared = compared.Count,
                Unanimous = compared.Count(q => q.Spread == 0),
                LargestSpread = compared.Count == 0 ? 0m : compared.Max(q => q.Spread),
                MeanSpread = compared.Count == 0 ? 0m : compared.Average(q => q.Spread),
                Flagged = compared.Count(q => q.Spread >= flag),
            };
        })];
    }

    private static List<string> Warnings(LotScoring scoring, IReadOnlyList<(int Index, int Rank)> ranked)
    {
        var lot = scoring.Lot;
        var warnings = new List<string>();
        var socialValue = lot.SocialValueShareOfTotal;
        if (socialValue < 10m)
        {
            warnings.Add($"Social value and net zero carry {Rounding.Percent(socialValue)} of the total for {lot.Title}. NHS bodies apply a weighting of at least 10%.");
        }

        if (lot.Price.Method == PriceMethod.Linear && lot.Price.Ceiling is { } ceiling)
        {
            foreach (var bid in scoring.Bids.Where(b => b.Eligible && b.EvaluatedPrice >= ceiling))
            {
                warnings.Add($"{bid.Bid.Provider}'s evaluated price of {Rounding.Money(bid.EvaluatedPrice)} is at or above the ceiling of {Rounding.Money(ceiling)} for {lot.Title}, so it scores 0 for price.");
            }
        }

        if (scoring.Bids.Count > 0 && ranked.Count == 0)
        {
            warnings.Add($"No bid for {lot.Title} is eligible: every bid failed a gate or a minimum threshold.");
        }

        if (ranked.Count > 1 && ranked[1].Rank == 1)
        {
            var tied = ranked.Where(r => r.Rank == 1).Select(r => scoring.Bids[r.Index].Bid.Provider);
            warnings.Add($"{string.Join(" and ", tied)} are tied for first in {lot.Title} even after the declared tie-break.");
        }

        return warnings;
    }
}
