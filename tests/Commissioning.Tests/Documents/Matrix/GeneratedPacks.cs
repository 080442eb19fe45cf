using Commissioning.Core.Tenders;
using Commissioning.Tests.Evaluation;

namespace Commissioning.Tests.Documents.Matrix;

/// <summary>What a generated tender exercises.</summary>
internal sealed record PackShape
{
    public required string Name { get; init; }
    public PriceMethod Method { get; init; } = PriceMethod.Proportional;
    public QualityMethod Quality { get; init; } = QualityMethod.Absolute;
    public bool Points { get; init; }
    public bool Thresholds { get; init; } = true;
    public bool GateFailure { get; init; } = true;
    public bool LowPriceExcluded { get; init; } = true;
    public bool Tie { get; init; } = true;
    public TieBreakRule TieBreak { get; init; } = TieBreakRule.HighestQuality;
    public bool MissingScores { get; init; }
    public bool NoneEligible { get; init; }
    public bool Complete { get; init; }
    public int Seed { get; init; } = 1;
}

/// <summary>
/// Small generated tenders for checking the matrix's formulas: 7 bids, 3 sections of 3
/// questions, 3 evaluators, seeded random scores with disagreements, part moderated; a failed
/// gate, question, section and quality thresholds, a price excluded as abnormally low, and an
/// exact tie (two bids with the same scores and price), each of which can be turned off.
/// </summary>
internal static class GeneratedPacks
{
    public static IReadOnlyList<PackShape> Shapes()
    {
        var shapes = new List<PackShape>();
        var seed = 1;
        foreach (var method in Enum.GetValues<PriceMethod>())
        {
            foreach (var quality in Enum.GetValues<QualityMethod>())
            {
                shapes.Add(new PackShape { Name = $"{method}-{quality}", Method = method, Quality = quality, Points = seed % 2 == 0, Complete = seed % 3 == 1, Seed = seed++ });
            }
        }

        shapes.Add(new PackShape { Name = "tie-lowest-price", TieBreak = TieBreakRule.LowestPrice, Seed = seed++ });
        shapes.Add(new PackShape { Name = "tie-highest-section", TieBreak = TieBreakRule.HighestSection, Points = true, Seed = seed++ });
        shapes.Add(new PackShape { Name = "ppqp-relative-tie-lowest-price", Method = PriceMethod.PricePerQualityPoint, Quality = QualityMethod.Relative, TieBreak = TieBreakRule.LowestPrice, Seed = seed++ });
        shapes.Add(new PackShape { Name = "provisional-missing-scores", MissingScores = true, Method = PriceMethod.Deviation, Seed = seed++ });
        shapes.Add(new PackShape { Name = "none-eligible", NoneEligible = true, Method = PriceMethod.Linear, Seed = seed++ });
        shapes.Add(new PackShape { Name = "no-exclusions", Thresholds = false, GateFailure = false, LowPriceExcluded = false, Tie = false, Quality = QualityMethod.Relative, Complete = true, Seed = seed++ });
        return shapes;
    }

    public static TenderPack Create(PackShape shape)
    {
        var random = new Random(shape.Seed);
        var sectionWeights = shape.Points ? new[] { 60m, 40m, 30m } : [50m, 30m, 20m];
        var questionWeights = shape.Points ? new[] { 10m, 7m, 3m } : [50m, 30m, 20m];
        var sections = Enumerable.Range(1, 3).Select(s => new Section
        {
            Id = $"s{s}",
            Title = $"Section {s}",
            Weight = sectionWeights[s - 1],
            SocialValue = s == 3,
            QuestionWeights = shape.Points ? WeightUnit.Points : WeightUnit.Percent,
            MinimumPercent = shape.Thresholds && s == 2 ? 40m : null,
            Questions = [.. Enumerable.Range(1, 3).Select(q => Packs.Q($"Q{s}.{q}", questionWeights[q - 1], minimum: shape.Thresholds && s == 1 && q == 1 ? 2m : null))],
        }).ToList();
        var lot = Packs.Lot(sections, shape.Points ? 130m : 60m, shape.Points ? 70m : 40m, shape.Method,
            ceiling: shape.Method == PriceMethod.Linear ? 560_000m : null,
            gates: [new Gate { Id = "G1", Title = "Insurance", Description = "Holds the insurance the contract asks for." }],
            minimumQuality: shape.Thresholds ? 45m : null,
            tieBreak: shape.TieBreak) with
        {
            Weights = shape.Points ? WeightUnit.Points : WeightUnit.Percent,
            SectionWeights = shape.Points ? WeightUnit.Points : WeightUnit.Percent,
            QualityMethod = shape.Quality,
        };

        var bidIds = Enumerable.Range(0, 7).Select(i => $"bid-{(char)('a' + i)}").ToList();
        var prices = bidIds.Select(_ => 420_000m + (random.Next(0, 18) * 10_000m)).ToList();
        if (shape.Method == PriceMethod.Linear)
        {
            prices[0] = 580_000m; // above the ceiling: scores 0 for price
        }

        if (shape.LowPriceExcluded)
        {
            prices[3] = 120_000m;
        }

        var scores = new List<EvaluatorScore>();
        var moderation = new List<ModeratedScore>();
        var strength = bidIds.Select(_ => random.Next(1, 4)).ToList();
        if (shape.NoneEligible)
        {
            strength = [.. strength.Select(_ => 0)];
        }

        foreach (var (bid, b) in bidIds.Select((id, i) => (id, i)))
        {
            foreach (var question in lot.Questions)
            {
                var given = Packs.Panel.Select(_ => (decimal)Math.Clamp(strength[b] + random.Next(-1, 2), 0, 4)).ToArray();
                if (shape.Thresholds && b == 4)
                {
                    // Meets the question and section minimums but not the lot's minimum quality.
                    var agreed = question.Id is "Q1.1" || question.Id.StartsWith("Q2.", StringComparison.Ordinal) ? 2m : 0m;
                    given = [agreed, agreed, agreed];
                }

                scores.AddRange(Packs.Scores(bid, question.Id, given));
                if (given.Max() - given.Min() > 0 && (shape.Complete || random.Next(0, 3) > 0))
                {
                    moderation.Add(Packs.Moderated(bid, question.Id, Math.Round(given.Average())));
                }
            }
        }

        if (shape.Tie)
        {
            // The last bid copies the one before it, under another name: an exact tie.
            var (from, to) = (bidIds[5], bidIds[6]);
            scores.RemoveAll(s => s.BidId == to);
            moderation.RemoveAll(m => m.BidId == to);
            scores.AddRange([.. scores.Where(s => s.BidId == from).Select(s => s with { BidId = to })]);
            moderation.AddRange([.. moderation.Where(m => m.BidId == from).Select(m => m with { BidId = to })]);
            prices[6] = prices[5];
        }

        if (shape.MissingScores)
        {
            scores.RemoveAll(s => s.BidId == bidIds[2] && (s.QuestionId == "Q1.2" || (s.QuestionId == "Q2.1" && s.EvaluatorId == "e3")));
            moderation.RemoveAll(m => m.BidId == bidIds[2] && m.QuestionId is "Q1.2" or "Q2.1");
            moderation.RemoveAll(m => m.BidId == bidIds[1]);
        }

        var gateDecisions = bidIds.Select((id, i) => new GateDecision
        {
            BidId = id,
            GateId = "G1",
            Passed = !(shape.GateFailure && i == 1),
            Reason = shape.GateFailure && i == 1 ? "No insurance certificate." : "Certificate seen.",
            DecidedBy = "m",
        }).ToList();
        var priceDecisions = shape.LowPriceExcluded
            ? new List<LowPriceDecision> { new() { BidId = bidIds[3], Outcome = LowPriceOutcome.Excluded, Reason = "Could not show how it pays its clinicians.", DecidedBy = "m" } }
            : [];

        return new TenderPack
        {
            Tender = Packs.Tender(lot),
            Bids = [.. bidIds.Select((id, i) => Packs.Bid(id, prices[i]))],
            Scores = scores,
            Moderation = moderation,
            GateDecisions = gateDecisions,
            LowPriceDecisions = priceDecisions,
        };
    }
}
