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

            var sections = facts.Sections.Select(s => Section(scoring, s, shown)).ToList();
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
                QualityPoints = standing.QualityPoints,
                Price = price,
                Total = standing.Total,
                Rank = rank,
                MostAdvantageous = winner == i,
                Breakdown = [],
            };
            results.Add(result with { Breakdown = Breakdown(scoring, result, eligibleCount, priceMethod, winner is null && rank == 1) });
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

    private static SectionResult Section(LotScoring scoring, SectionFacts facts, ScoreText shown)
    {
        var lot = scoring.Lot;
        var maximum = scoring.Tender.Scale.Maximum;
        var sectionShare = SectionShare(scoring, facts.Section);
        var questionTotal = facts.Section.Questions.Sum(q => q.Weight);
        var qualityShare = scoring.QualityShare;
        var ofQuality = Rounding.Percent(sectionShare * 100m);
        var qualityPoints = Rounding.Number(qualityShare);
        var questions = facts.Questions.Select(q =>
        {
            var points = (questionTotal == 0 ? 0m : q.Question.Weight / questionTotal) * sectionShare * qualityShare * q.Score / maximum;
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
                Explanation = $"{q.Question.Id}: {shown.Number(q.Score)} of {maximum} ({shown.Label(q.Score)}, {SourceWords(q, shown)}) × {Rounding.Percent(q.Question.Weight)} of section {facts.Section.Id} × {ofQuality} of quality × {qualityPoints} quality points = {Rounding.Number(points)} points",
            };
        }).ToList();

        return new SectionResult
        {
            Section = facts.Section,
            RawScore = facts.Raw,
            RawMaximum = facts.RawMaximum,
            Percent = facts.Percent,
            Points = sectionShare * scoring.QualityShare * facts.Percent / 100m,
            BelowMinimum = facts.Section.MinimumPercent is { } m && facts.Questions.All(q => q.Final) && facts.Percent < m,
            Questions = questions,
        };
    }

    /// <summary>A section's share of quality as a fraction (its weight over the sum of the lot's section weights).</summary>
    private static decimal SectionShare(LotScoring scoring, Section section)
    {
        var total = scoring.Lot.Sections.Sum(s => s.Weight);
        return total == 0 ? 0m : section.Weight / total;
    }

    private static string SourceWords(QuestionFacts q, ScoreText shown) => q.Source switch
    {
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

    private static List<string> Breakdown(LotScoring scoring, BidResult result, int eligibleCount, PriceMethod method, bool tiedForFirst)
    {
        var lot = scoring.Lot;
        var lines = new List<string>();
        foreach (var gate in result.Gates)
        {
            lines.Add($"Gate {gate.Gate.Id} {gate.Gate.Title}: {gate.Status switch { GateStatus.Passed => "passed", GateStatus.Failed => "FAILED", _ => "not decided" }}. {gate.Reason} ({gate.Basis})");
        }

        lines.AddRange(result.ThresholdsFailed.Select(t => "Threshold not met: " + t));
        foreach (var section in result.Sections)
        {
            lines.Add($"Section {section.Section.Id} {section.Section.Title}: {Rounding.Number(section.RawScore)} of {Rounding.Number(section.RawMaximum)} raw, {Rounding.Percent(section.Percent)} weighted × {Rounding.Percent(SectionShare(scoring, section.Section) * 100m)} of quality = {Rounding.Number(section.Points)} points");
            lines.AddRange(section.Questions.Select(q => "  " + q.Explanation));
        }

        lines.Add($"Quality: {Rounding.Number(result.QualityRaw)} of {Rounding.Number(result.QualityRawMaximum)} raw; {Rounding.Percent(result.QualityPercent)} weighted = {Rounding.Number(result.QualityPoints)} of {Rounding.Number(scoring.QualityShare)} points");
        lines.Add($"Price: {Rounding.Money(result.Price.EvaluatedPrice)} over {lot.Price.EvaluatedYears} years ({Rounding.Money(result.Price.AnnualPrice)} a year, {Rounding.Money(result.Price.PricePerHead)} a head a year). {result.Price.Explanation}");
        if (result.Total is { } total)
        {
            lines.Add(method == PriceMethod.PricePerQualityPoint
                ? $"Total: {Rounding.Number(total)} of 100"
                : $"Total: {Rounding.Number(result.QualityPoints)} quality + {Rounding.Number(result.Price.Points ?? 0m)} price = {Rounding.Number(total)} of 100");
            lines.Add($"Rank {result.Rank} of {eligibleCount} eligible bids" +
                (result.MostAdvantageous ? ": the most advantageous tender." :
                 tiedForFirst ? ": tied for first after the declared tie-break; the tie must be resolved before award." : "."));
        }
        else
        {
            lines.Add(result.Disqualified ? "Excluded: a gate was failed." : "Excluded: a minimum threshold was not met.");
        }

        return lines;
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
