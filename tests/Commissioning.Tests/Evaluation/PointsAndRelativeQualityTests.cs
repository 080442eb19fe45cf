using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Validation;
using static Commissioning.Tests.Evaluation.Packs;

namespace Commissioning.Tests.Evaluation;

/// <summary>
/// Weights written as points at every level, and quality scored relative to the best eligible
/// bid. The examples here are worked by hand (ours, not published); the published ones are in
/// <see cref="WorkedExampleTests"/>.
/// </summary>
public sealed class PointsAndRelativeQualityTests
{
    private static LotResult Evaluate(TenderPack pack) => TenderEvaluator.Evaluate(pack).Lots[0];

    private static BidResult For(LotResult lot, string bidId) => lot.Bids.Single(b => b.Bid.Id == bidId);

    private static string[] Messages(TenderPack pack) =>
        [.. new TenderPackValidator().Validate(pack).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")];

    /// <summary>Two sections of two questions; a scores 4, 3, 2, 2 and b 2, 2, 4, 4; prices £100,000 and £80,000.</summary>
    private static TenderPack TwoBids(Lot lot) => new()
    {
        Tender = Tender(lot),
        Bids = [Bid("a", 100_000m), Bid("b", 80_000m)],
        Scores =
        [
            .. Agreed("a", "Q1", 4), .. Agreed("a", "Q2", 3), .. Agreed("a", "Q3", 2), .. Agreed("a", "Q4", 2),
            .. Agreed("b", "Q1", 2), .. Agreed("b", "Q2", 2), .. Agreed("b", "Q3", 4), .. Agreed("b", "Q4", 4),
        ],
    };

    private static Lot InPercent() =>
        Lot([Section("s1", 75m, Q("Q1", 50m), Q("Q2", 50m)), Section("s2", 25m, Q("Q3", 20m), Q("Q4", 80m))], quality: 60m, price: 40m);

    /// <summary>The same lot written in points: every level multiplied by a different factor.</summary>
    private static Lot InPoints() =>
        Lot(
            [
                Section("s1", 30m, Q("Q1", 5m), Q("Q2", 5m)) with { QuestionWeights = WeightUnit.Points },
                Section("s2", 10m, Q("Q3", 1m), Q("Q4", 4m)) with { QuestionWeights = WeightUnit.Points },
            ],
            quality: 90m, price: 60m) with { Weights = WeightUnit.Points, SectionWeights = WeightUnit.Points };

    [Test]
    public void Points_GiveExactlyTheResultOfTheSamePercentages()
    {
        var percent = Evaluate(TwoBids(InPercent()));
        var points = Evaluate(TwoBids(InPoints()));

        Assert.That(Messages(TwoBids(InPoints())), Is.Empty, "points need not add up to 100 at any level");
        Assert.That(points.Bids.Select(b => (b.Bid.Id, b.Total, b.Rank, b.QualityPercent, b.Price.Points)),
            Is.EqualTo(percent.Bids.Select(b => (b.Bid.Id, b.Total, b.Rank, b.QualityPercent, b.Price.Points))));
        Assert.That(For(points, "a").Total, Is.EqualTo(For(percent, "a").Total).And.Not.Null);
    }

    [Test]
    public void Points_TheBreakdownShowsThePointsAsDeclaredAndTheirShare()
    {
        var lot = Evaluate(TwoBids(InPoints()));
        var a = For(lot, "a");

        // s1: (1 × 5 + 0.75 × 5) ÷ 10 = 87.5%; s2: (0.5 × 1 + 0.5 × 4) ÷ 5 = 50%; quality = (30 × 87.5 + 10 × 50) ÷ 40 = 78.125%.
        Assert.That(a.QualityPercent, Is.EqualTo(78.125m));
        Assert.That(Said.Breakdown(lot, a), Is.EqualTo(new[]
        {
            "Weights as declared: quality 90 and price 60 points of 150, so quality carries 60 and price 40 of every 100 points.",
            "Section s1 Section s1: 7 of 8 raw, 87.5% weighted × 30 of 40 section points (75% of quality) = 39.38 points",
            "  Q1: 4 of 4 (Excellent, all 3 evaluators agreed) × 5 of 10 points in section s1 (50%) × 30 of 40 section points (75% of quality) × 60 quality points = 22.5 points",
            "  Q2: 3 of 4 (Good, all 3 evaluators agreed) × 5 of 10 points in section s1 (50%) × 30 of 40 section points (75% of quality) × 60 quality points = 16.88 points",
            "Section s2 Section s2: 4 of 8 raw, 50% weighted × 10 of 40 section points (25% of quality) = 7.5 points",
            "  Q3: 2 of 4 (Satisfactory, all 3 evaluators agreed) × 1 of 5 points in section s2 (20%) × 10 of 40 section points (25% of quality) × 60 quality points = 1.5 points",
            "  Q4: 2 of 4 (Satisfactory, all 3 evaluators agreed) × 4 of 5 points in section s2 (80%) × 10 of 40 section points (25% of quality) × 60 quality points = 6 points",
            "Quality: 11 of 16 raw; 78.13% weighted = 46.88 of 60 points",
            "Price: £100,000.00 over 1 years (£100,000.00 a year, £100.00 a head a year). Proportional: lowest eligible price £80,000.00 ÷ this price £100,000.00 × 40 = 32 points",
            "Total: 46.88 quality + 32 price = 78.88 of 100 (118.31 of 150 points as declared)",
            "Rank 1 of 2 eligible bids: the most advantageous tender.",
        }));
    }

    [Test]
    public void Points_AreValidatedAsPoints_AndPercentagesStillAddUpTo100()
    {
        var points = TwoBids(InPoints());
        var percent = TwoBids(InPercent());
        Lot Change(TenderPack pack, Func<Lot, Lot> change) => change(pack.Tender.Lots[0]);
        TenderPack With(TenderPack pack, Lot lot) => pack with { Tender = pack.Tender with { Lots = [lot] } };

        Assert.That(Messages(With(percent, Change(percent, l => l with { QualityWeight = 90m, PriceWeight = 60m }))), Is.EqualTo(new[]
        {
            "Tender.Lots[0].QualityWeight: Quality and price weights for lot 1 (Lot lot-1) add up to 150%. They must add up to 100%. To use another total, declare them as points.",
        }));
        Assert.That(Messages(With(points, Change(points, l => l with { QualityWeight = 0m, PriceWeight = 0m }))), Is.EqualTo(new[]
        {
            "Tender.Lots[0].QualityWeight: Quality and price weights for lot 1 (Lot lot-1) are both 0 points. Give quality, price or both some points.",
        }));
        Assert.That(Messages(With(points, Change(points, l => l with { Sections = [l.Sections[0] with { Weight = -3m }, l.Sections[1]] }))), Is.EqualTo(new[]
        {
            "Tender.Lots[0].Sections[0].Weight: The weight of section s1 (Section s1) of lot 1 (Lot lot-1) is -3 points. It must be more than 0 and no more than 1,000,000 points.",
        }));
        Assert.That(Messages(With(points, Change(points, l => l with { Sections = [l.Sections[0], l.Sections[1] with { Questions = [l.Sections[1].Questions[0] with { Weight = 0m }, l.Sections[1].Questions[1]] }] }))), Is.EqualTo(new[]
        {
            "Tender.Lots[0].Sections[1].Questions[0].Weight: Question Q3 in lot 1 (Lot lot-1) has a weight of 0 points. It must be more than 0 and no more than 1,000,000 points.",
        }));
    }

    [TestCase(10, 130, 130, 70, 5)]
    [TestCase(20, 130, 130, 70, 10)]
    [TestCase(30, 130, 130, 70, 15)]
    [TestCase(20, 100, 30, 20, 12)]
    public void SocialValue_IsCheckedOnItsShareOfTheTotal_WhenWeightsArePoints(decimal socialPoints, decimal sectionPoints, decimal quality, decimal price, decimal share)
    {
        var lot = Lot([Section("s1", sectionPoints - socialPoints, Q("Q1")), Section("sv", socialPoints, Q("SV")) with { SocialValue = true }], quality: quality, price: price)
            with { Weights = WeightUnit.Points, SectionWeights = WeightUnit.Points };
        var pack = new TenderPack { Tender = Tender(lot), Bids = [Bid("a", 100m)], Scores = [.. Agreed("a", "Q1", 3), .. Agreed("a", "SV", 3)] };

        var result = Evaluate(pack);

        Assert.That(Rounding.ForDisplay(lot.SocialValueShareOfTotal), Is.EqualTo(share));
        Assert.That(result.Warnings.Any(w => w.Kind == LotWarningKind.SocialValueBelowTenPercent) && Said.Warnings(result).Any(w => w.StartsWith("Social value and net zero carry", StringComparison.Ordinal)), Is.EqualTo(share < 10m));
    }

    /// <summary>A: 50% quality at £100; B: 40% at £80; quality 60, price 40 (ours, worked by hand).</summary>
    private static TenderPack QualityAgainstPrice(QualityMethod method) => new()
    {
        Tender = Tender(Lot([Section("s1", 100m, Q("Q1"))]) with { QualityMethod = method }) with { Scale = ScoringScale.ZeroToHundred },
        Bids = [Bid("a", 100m), Bid("b", 80m)],
        Scores = [.. Agreed("a", "Q1", 50m), .. Agreed("b", "Q1", 40m)],
    };

    [Test]
    public void Relative_TheBestEligibleBidGetsFullQualityPoints_AndTheWinnerCanChange()
    {
        // Absolute: A 30 + 32 = 62, B 24 + 40 = 64, so B wins.
        // Relative: A 100% → 60 + 32 = 92, B 80% → 48 + 40 = 88, so A wins.
        var absolute = Evaluate(QualityAgainstPrice(QualityMethod.Absolute));
        var relative = Evaluate(QualityAgainstPrice(QualityMethod.Relative));

        Assert.That((For(absolute, "a").Total, For(absolute, "b").Total), Is.EqualTo((62m, 64m)));
        Assert.That(absolute.MostAdvantageous!.Bid.Id, Is.EqualTo("b"));
        Assert.That((For(relative, "a").RelativeQualityPercent, For(relative, "b").RelativeQualityPercent), Is.EqualTo((100m, 80m)));
        Assert.That((For(relative, "a").Total, For(relative, "b").Total), Is.EqualTo((92m, 88m)));
        Assert.That(relative.MostAdvantageous!.Bid.Id, Is.EqualTo("a"));
        Assert.That(Said.Breakdown(relative, For(relative, "b")), Does.Contain("Quality: 40 of 100 raw; 40% weighted; relative scoring: 40% ÷ 50% (the best eligible bid's) = 80% = 48 of 60 points"));
        Assert.That(For(relative, "b").Sections.Sum(s => s.Points), Is.EqualTo(For(relative, "b").QualityPoints), "section points add up to quality points");
        Assert.That(Said.Explanation(relative, For(relative, "b"), For(relative, "b").Sections[0].Questions[0].Question.Id), Does.EndWith("× 60 quality points × (100 ÷ 50% best eligible quality) = 48 points"));
    }

    [Test]
    public void Relative_TheRobustnessReportSaysTheWinnerWouldChange_AndWhoWouldWin()
    {
        var absolute = RobustnessAnalysis.Analyse(QualityAgainstPrice(QualityMethod.Absolute))[0];
        var relative = RobustnessAnalysis.Analyse(QualityAgainstPrice(QualityMethod.Relative))[0];

        Assert.That(absolute.QualityMethods.Select(m => (m.Method, m.WinnerBidId, m.WinnerChanges)), Is.EqualTo(new[]
        {
            (QualityMethod.Absolute, (string?)"b", false),
            (QualityMethod.Relative, (string?)"a", true),
        }));
        Assert.That(relative.QualityMethods.Select(m => (m.Method, m.WinnerBidId, m.WinnerChanges)), Is.EqualTo(new[]
        {
            (QualityMethod.Relative, (string?)"a", false),
            (QualityMethod.Absolute, (string?)"b", true),
        }));
        Assert.That(absolute.QualityMethods[1].Ranking.Select(r => (r.BidId, r.Rank, r.Total)), Is.EqualTo(new[] { ("a", 1, 92m), ("b", 2, 88m) }));
    }

    [Test]
    public void Relative_AnExcludedBidDoesNotSetTheBest_AndEarnsNoQualityPoints()
    {
        var gate = new Gate { Id = "G1", Title = "SEQOHS", RequirementId = "SEQ-01", Description = "Accredited or working towards it." };
        var accredited = new Declarations { Seqohs = SeqohsStatus.Accredited, SeqohsDate = new DateOnly(2021, 1, 1) };
        var lot = Lot([Section("s1", 100m, Q("Q1"))], gates: [gate]) with { QualityMethod = QualityMethod.Relative };
        var pack = new TenderPack
        {
            Tender = Tender(lot) with { Scale = ScoringScale.ZeroToHundred },
            Bids = [Bid("a", 100m) with { Declarations = accredited }, Bid("b", 100m) with { Declarations = accredited }, Bid("failed", 100m)],
            Scores = [.. Agreed("a", "Q1", 60m), .. Agreed("b", "Q1", 30m), .. Agreed("failed", "Q1", 90m)],
        };

        var result = Evaluate(pack);

        Assert.That(For(result, "a").RelativeQualityPercent, Is.EqualTo(100m), "60% is the best eligible quality; the failed bid's 90% does not count");
        Assert.That(For(result, "b").RelativeQualityPercent, Is.EqualTo(50m));
        Assert.That(For(result, "failed").RelativeQualityPercent, Is.Null);
        Assert.That(For(result, "failed").QualityPoints, Is.EqualTo(0m));
        Assert.That(Said.Breakdown(result, For(result, "failed")), Does.Contain("Quality: 90 of 100 raw; 90% weighted; not scored against the best eligible bid because the bid is excluded = 0 of 60 points"));
    }

    [Test]
    public void Relative_MinimumQuality_IsJudgedOnAbsoluteQuality()
    {
        var lot = Lot([Section("s1", 100m, Q("Q1"))], minimumQuality: 50m) with { QualityMethod = QualityMethod.Relative };
        var pack = new TenderPack
        {
            Tender = Tender(lot) with { Scale = ScoringScale.ZeroToHundred },
            Bids = [Bid("a", 100m), Bid("b", 100m)],
            Scores = [.. Agreed("a", "Q1", 45m), .. Agreed("b", "Q1", 40m)],
        };

        var result = Evaluate(pack);

        Assert.That(result.Bids.All(b => !b.Eligible), Is.True, "45% and 40% are below 50%, although the better of them would be 100% relative to the best");
        Assert.That(Said.Thresholds(result, For(result, "a")), Is.EqualTo(new[] { "Quality reached 45%, below the lot's minimum of 50%." }));
    }

    [Test]
    public void Relative_WhenTheBestEligibleQualityIsZero_NoBidEarnsQualityPoints()
    {
        var lot = Lot([Section("s1", 100m, Q("Q1"))]) with { QualityMethod = QualityMethod.Relative };
        var pack = new TenderPack { Tender = Tender(lot), Bids = [Bid("a", 100m), Bid("b", 80m)], Scores = [.. Agreed("a", "Q1", 0m), .. Agreed("b", "Q1", 0m)] };

        var result = Evaluate(pack);

        Assert.That(result.Bids.Select(b => (b.RelativeQualityPercent, b.QualityPoints)), Is.EqualTo(new[] { ((decimal?)0m, 0m), (0m, 0m) }));
        Assert.That(result.MostAdvantageous!.Bid.Id, Is.EqualTo("b"), "price decides");
    }

    /// <summary>
    /// Under relative scoring the quality a losing bid needed is solved exactly: a little above it
    /// the bid wins, a little below it does not. Checked by re-evaluating with the bid's quality
    /// set either side, on hand-made cases where the bid stays below the best and where it must
    /// overtake it.
    /// </summary>
    [TestCase(50, 100, 40, 80)]
    [TestCase(50, 100, 45, 95)]
    [TestCase(50, 100, 48, 200)]
    [TestCase(60, 90, 55, 95)]
    public void Relative_QualityNeeded_IsTheQualityAboveWhichTheBidWins(decimal bestQuality, decimal bestPrice, decimal loserQuality, decimal loserPrice)
    {
        TenderPack Pack(decimal quality) => new()
        {
            Tender = Tender(Lot([Section("s1", 100m, Q("Q1"))]) with { QualityMethod = QualityMethod.Relative }) with { Scale = ScoringScale.ZeroToHundred },
            Bids = [Bid("best", bestPrice), Bid("loser", loserPrice), Bid("third", 150m)],
            Scores = [.. Agreed("best", "Q1", bestQuality), .. Agreed("third", "Q1", 30m)],
            Moderation = [Moderated("loser", "Q1", quality)],
        };
        var gap = RobustnessAnalysis.Analyse(Pack(loserQuality))[0].Gaps.Single(g => g.BidId == "loser");
        string? WinnerAt(decimal quality) => Evaluate(Pack(quality)).Leader?.Bid.Id;

        Assert.That(WinnerAt(loserQuality), Is.Not.EqualTo("loser"), "the case starts with the bid losing");
        Assert.That(gap.QualityPercentNeeded, Is.Not.Null);
        var needed = gap.QualityPercentNeeded!.Value;
        Assert.That(WinnerAt(needed + 0.001m), Is.EqualTo("loser"), $"just above {needed}");
        Assert.That(WinnerAt(needed - 0.001m), Is.Not.EqualTo("loser"), $"just below {needed}");
    }
}
