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
        var lowest = standings.Where(s => s.Eligible).Select(s => s.Price).DefaultIfEmpty(0m).Min();
        var bestPerPoint = standings.Where(s => s.Eligible && s.PricePerQualityPoint is not null).Select(s => s.PricePerQualityPoint!.Value).DefaultIfEmpty(0m).Min();
        var relative = lot.QualityMethod == QualityMethod.Relative;
        var bestQuality = standings.Where(s => s.Eligible).Select(s => s.QualityPercent).DefaultIfEmpty(0m).Max();
        var complete = scoring.Outstanding.Count == 0;

        var results = new List<BidResult>();
        for (var i = 0; i < scoring.Bids.Count; i++)
        {
            var facts = scoring.Bids[i];
            var standing = standings[i];
            var thresholds = facts.Thresholds.ToList();
            if (facts.Eligible && !standing.Eligible && lot.MinimumQualityPercent is { } minimum)
            {
                thresholds.Add(new ThresholdFailure { Level = ThresholdLevel.Quality, Achieved = standing.QualityPercent, Minimum = minimum });
            }

            // Under relative scoring every point of quality is scaled by 100 over the best eligible
            // bid's quality; an excluded bid is not scored against the best and earns none.
            var factor = !relative ? 1m : standing.Eligible && bestQuality > 0 ? 100m / bestQuality : 0m;
            var sections = facts.Sections.Select(s => Section(scoring, s, factor)).ToList();
            var price = Price(scoring, facts, standing, standings, priceMethod, lowest, bestPerPoint);
            int? rank = ranks.TryGetValue(i, out var r) ? r : null;
            results.Add(new BidResult
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
                TotalAsDeclared = standing.Total is { } total ? total * lot.WeightTotal / 100m : null,
                Rank = rank,
                LowPrice = facts.LowPrice,
                Leading = winner == i,
                MostAdvantageous = winner == i && complete,
                TiedForFirst = winner is null && rank == 1,
            });
        }

        var ordered = ranked.Select(r => results[r.Index])
            .Concat(results.Where(b => b.Rank is null))
            .ToList();
        return new LotResult
        {
            Tender = scoring.Tender,
            Lot = lot,
            Bids = ordered,
            Agreement = Agreement(scoring),
            Warnings = Warnings(scoring, ranked),
            Outstanding = scoring.Outstanding,
            BestEligibleQualityPercent = bestQuality,
        };
    }

    private static SectionResult Section(LotScoring scoring, SectionFacts facts, decimal factor)
    {
        var maximum = scoring.Tender.Scale.Maximum;
        var sectionShare = SectionShare(scoring, facts.Section);
        var questionTotal = facts.Section.Questions.Sum(q => q.Weight);
        var qualityShare = scoring.QualityShare;
        var labels = new ScoreLabels(scoring.Tender.Scale);
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
                Level = labels.Label(q.Score),
                SharePercent = facts.Section.QuestionSharePercent(q.Question),
                QualityFactor = factor,
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
            SharePercent = scoring.Lot.SectionSharePercent(facts.Section),
            Questions = questions,
        };
    }

    /// <summary>A section's share of quality as a fraction (its weight over the sum of the lot's section weights).</summary>
    private static decimal SectionShare(LotScoring scoring, Section section)
    {
        var total = scoring.Lot.Sections.Sum(s => s.Weight);
        return total == 0 ? 0m : section.Weight / total;
    }

    /// <summary>
    /// The scale level's label for each whole score, found once per lot: a lot's many thousands
    /// of scores are mostly whole points, and the label depends only on the value.
    /// </summary>
    private sealed class ScoreLabels(ScoringScale scale)
    {
        private readonly string?[] _labels = new string?[Math.Clamp(scale.Maximum + 1L, 0L, 101L)];

        /// <summary>The same as the label of <see cref="ScoringScale.LevelFor"/>.</summary>
        public string Label(decimal value) =>
            value >= 0m && value < _labels.Length && decimal.IsInteger(value) ? _labels[(int)value] ??= scale.LevelFor(value).Label : scale.LevelFor(value).Label;
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
        return new PriceResult
        {
            EvaluatedPrice = facts.EvaluatedPrice,
            AnnualPrice = annual,
            PricePerHead = perHead,
            Method = method,
            Points = standing.PricePoints,
            PricePerQualityPoint = standing.PricePerQualityPoint,
            Years = years,
            LowestEligiblePrice = lowest,
            Ceiling = method == PriceMethod.Linear ? LinearCeiling(lot, standings) : null,
            AtOrAboveCeiling = method == PriceMethod.Linear && lot.Price.Ceiling is { } ceiling && facts.EvaluatedPrice >= ceiling,
            AboveLowestPercent = method == PriceMethod.Deviation ? (lowest == 0 ? 0m : (facts.EvaluatedPrice - lowest) / lowest * 100m) : null,
            BestPricePerQualityPoint = method == PriceMethod.PricePerQualityPoint ? bestPerPoint : null,
        };
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

    private static List<LotWarning> Warnings(LotScoring scoring, IReadOnlyList<(int Index, int Rank)> ranked)
    {
        var lot = scoring.Lot;
        var warnings = new List<LotWarning>();
        var socialValue = lot.SocialValueShareOfTotal;
        if (lot.SocialValueBelowMinimum)
        {
            warnings.Add(new LotWarning { Kind = LotWarningKind.SocialValueBelowTenPercent, Percent = socialValue });
        }

        if (lot.Price.Method == PriceMethod.Linear && lot.Price.Ceiling is { } ceiling)
        {
            foreach (var bid in scoring.Bids.Where(b => b.Eligible && b.EvaluatedPrice >= ceiling))
            {
                warnings.Add(new LotWarning { Kind = LotWarningKind.PriceAtOrAboveCeiling, Bids = [bid.Bid], Price = bid.EvaluatedPrice, Ceiling = ceiling });
            }
        }

        if (scoring.Bids.Count > 0 && ranked.Count == 0)
        {
            warnings.Add(new LotWarning { Kind = LotWarningKind.NoEligibleBid });
        }

        if (ranked.Count > 1 && ranked[1].Rank == 1)
        {
            warnings.Add(new LotWarning { Kind = LotWarningKind.TiedForFirst, Bids = [.. ranked.Where(r => r.Rank == 1).Select(r => scoring.Bids[r.Index].Bid)] });
        }

        return warnings;
    }
}
