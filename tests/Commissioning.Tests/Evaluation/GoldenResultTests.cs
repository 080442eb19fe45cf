using System.Globalization;
using System.Text;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Evaluation.Packs;

namespace Commissioning.Tests.Evaluation;

/// <summary>
/// Determinism across processes, machines and runtimes: the tender files in <c>Golden/</c> are
/// evaluated, with robustness, and every figure (unrounded), rank, breakdown line and robustness
/// result must equal the stored results in <c>Golden/results.txt</c>, which an earlier run wrote.
/// Comparing two runs in one process could not catch output that depends on the process (hash
/// ordering, culture, a clock, an unseeded random generator); this can.
/// </summary>
/// <remarks>
/// After a deliberate change to the engine, rewrite the stored results with
/// <c>COMMISSIONING_UPDATE_GOLDEN=1 dotnet test --filter GoldenResultTests</c>; the test then fails
/// once, saying so, and the diff of <c>results.txt</c> shows what changed. The tender files are
/// generated only when missing.
/// </remarks>
public sealed class GoldenResultTests
{
    private const int Tenders = 6;

    private static string Folder => Path.Combine(Repository.Root, "tests", "Commissioning.Tests", "Evaluation", "Golden");

    private static string ResultsFile => Path.Combine(Folder, "results.txt");

    [Test]
    public void Evaluation_MatchesTheResultsStoredByAnEarlierRun()
    {
        var update = Environment.GetEnvironmentVariable("COMMISSIONING_UPDATE_GOLDEN") == "1";
        if (update)
        {
            WriteMissingTenders();
        }

        var files = Directory.EnumerateFiles(Folder, "tender-*.json").Order(StringComparer.Ordinal).ToList();
        Assert.That(files, Has.Count.EqualTo(Tenders), "the stored tenders");

        var actual = new StringBuilder();
        foreach (var file in files)
        {
            var read = TenderFile.Read(File.ReadAllText(file));
            Assert.That(read.Problems, Is.Empty, file);
            actual.Append(Render(Path.GetFileName(file), read.Value));
        }

        var text = actual.ToString().ReplaceLineEndings("\n");
        if (update)
        {
            File.WriteAllText(ResultsFile, text);
            Assert.Fail($"{ResultsFile} was rewritten. Check its diff, then run the tests again without COMMISSIONING_UPDATE_GOLDEN.");
        }

        var stored = File.ReadAllText(ResultsFile).ReplaceLineEndings("\n");
        var expectedLines = stored.Split('\n');
        var actualLines = text.Split('\n');
        var firstDifference = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], -1);
        Assert.That(firstDifference, Is.EqualTo(-1),
            firstDifference < 0 ? string.Empty : $"line {firstDifference + 1}: expected \"{expectedLines[firstDifference]}\" but was \"{actualLines[firstDifference]}\"");
        Assert.That(actualLines, Has.Length.EqualTo(expectedLines.Length));
        Assert.That(expectedLines.Count(l => l.StartsWith("  bid ", StringComparison.Ordinal)), Is.GreaterThan(Tenders * 2), "the stored results cover every bid");
    }

    /// <summary>Every figure that evaluation and robustness produce, unrounded, one fact a line.</summary>
    private static string Render(string name, TenderPack pack)
    {
        var (result, robustness) = TenderEvaluator.EvaluateWithRobustness(pack, new RobustnessOptions { Samples = 300 });
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        static string D(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

        Line($"== {name}");
        for (var l = 0; l < result.Lots.Count; l++)
        {
            var lot = result.Lots[l];
            var lotRobustness = robustness[l];
            Line($"lot {lot.Lot.Id}: complete {lot.Complete}; leader {lot.Leader?.Bid.Id ?? "-"}; most advantageous {lot.MostAdvantageous?.Bid.Id ?? "-"}");
            foreach (var item in Said.Outstanding(lot))
            {
                Line($"  outstanding: {item}");
            }

            foreach (var warning in Said.Warnings(lot))
            {
                Line($"  warning: {warning}");
            }

            foreach (var bid in lot.Bids)
            {
                Line($"  bid {bid.Bid.Id}: rank {bid.Rank?.ToString(CultureInfo.InvariantCulture) ?? "-"}; eligible {bid.Eligible}; total {D(bid.Total)}; quality {D(bid.QualityPercent)}; relative {D(bid.RelativeQualityPercent)}; quality points {D(bid.QualityPoints)}; price {D(bid.Price.EvaluatedPrice)}; price points {D(bid.Price.Points)}; per quality point {D(bid.Price.PricePerQualityPoint)}; low price {(bid.LowPrice is { } check ? $"median {D(check.Median)}, flagged {check.Flagged}, decision {check.Decision?.Outcome.ToString() ?? "-"}" : "-")}");
                foreach (var section in bid.Sections)
                {
                    Line($"    section {section.Section.Id}: percent {D(section.Percent)}; points {D(section.Points)}; questions {string.Join(", ", section.Questions.Select(q => $"{q.Question.Id} {D(q.Score)} {D(q.Points)}"))}");
                }

                foreach (var line in Said.Breakdown(lot, bid))
                {
                    Line($"    | {line}");
                }
            }

            Line($"  robustness: winner {lotRobustness.WinnerBidId ?? "-"}");
            foreach (var method in lotRobustness.PriceMethods)
            {
                Line($"    price method {method.Method}: winner {method.WinnerBidId ?? "-"}; changes {method.WinnerChanges}; {string.Join(", ", method.Ranking.Select(r => $"{r.Rank}. {r.BidId} {D(r.Total)}"))}");
            }

            foreach (var method in lotRobustness.QualityMethods)
            {
                Line($"    quality method {method.Method}: winner {method.WinnerBidId ?? "-"}; changes {method.WinnerChanges}; {string.Join(", ", method.Ranking.Select(r => $"{r.Rank}. {r.BidId} {D(r.Total)}"))}");
            }

            var tippingWords = Commissioning.Documents.Evaluation.EvaluationText.Tipping(lot.Tender, lot, lotRobustness);
            var t = 0;
            foreach (var tipping in lotRobustness.Sensitivity)
            {
                Line($"    tipping {tipping.Section.Id}: change {D(tipping.Change)}; new winner {tipping.NewWinnerBidId ?? "-"}; {tippingWords[t++]}");
            }

            var trials = lotRobustness.Perturbation;
            Line($"    trials: {trials.Samples} at ±{D(trials.Range)}% seed {trials.Seed}: held {trials.WinnerHeld}; wins {string.Join(", ", trials.WinsByBid.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key} {w.Value}"))}");
            foreach (var gap in lotRobustness.Gaps)
            {
                Line($"    gap {gap.BidId}: behind {D(gap.PointsBehind)}; quality needed {D(gap.QualityPercentNeeded)}; price needed {D(gap.PriceNeeded)}");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The stored tenders: generated tenders of every price method, in percent and in points,
    /// scored absolutely and relative to the best bid, one with a price that may be abnormally
    /// low and a decision on another, and one with a gate and mixed evaluator scores.
    /// </summary>
    private static void WriteMissingTenders()
    {
        for (var k = 0; k < Tenders; k++)
        {
            var path = Path.Combine(Folder, $"tender-{k + 1}.json");
            if (File.Exists(path))
            {
                continue;
            }

            var random = new Random(404 + k);
            var pack = PropertyTests.Generate(random, k % 2 == 1 ? QualityMethod.Relative : QualityMethod.Absolute);
            var lot = pack.Tender.Lots[0] with { Price = pack.Tender.Lots[0].Price with { Method = (PriceMethod)(k % 4), Ceiling = k % 4 == 1 ? 250_000m : null } };
            if (k is 2 or 3)
            {
                lot = lot with
                {
                    Weights = WeightUnit.Points,
                    SectionWeights = WeightUnit.Points,
                    QualityWeight = lot.QualityWeight * 3m,
                    PriceWeight = lot.PriceWeight * 3m,
                    Sections = [.. lot.Sections.Select(s => s with { Weight = s.Weight * 2m, QuestionWeights = WeightUnit.Points })],
                };
            }

            // Every evaluator's own score, all agreeing, in place of the generator's consensus
            // scores, so that most of the stored results are complete.
            pack = pack with
            {
                Tender = pack.Tender with { Lots = [lot] },
                Scores = [.. pack.Moderation.SelectMany(m => Agreed(m.BidId, m.QuestionId, m.Score))],
                Moderation = [],
            };
            if (k == 4)
            {
                pack = pack with
                {
                    Bids = [.. pack.Bids, Bid("slip", 90m), Bid("cheap", 40_000m)],
                    Scores = [.. pack.Scores, .. lot.Questions.SelectMany(q => Agreed("slip", q.Id, 3).Concat(Agreed("cheap", q.Id, 2)))],
                    LowPriceDecisions = [new LowPriceDecision { BidId = "cheap", Outcome = LowPriceOutcome.Excluded, Reason = "The bidder could not show how it would staff the service for this price.", DecidedBy = "m" }],
                };
            }

            if (k == 5)
            {
                var gate = new Gate { Id = "G1", Title = "SEQOHS", RequirementId = "SEQ-01", Description = "Accredited or working towards it." };
                pack = pack with
                {
                    Tender = pack.Tender with { Lots = [lot with { Gates = [gate] }] },
                    Bids = [.. pack.Bids.Select((b, i) => i == 0 ? b : b with { Declarations = new Declarations { Seqohs = SeqohsStatus.Accredited, SeqohsDate = new DateOnly(2020, 5, 1) } })],
                    Scores =
                    [
                        .. pack.Scores.Where(s => s.QuestionId != lot.Questions.First().Id),
                        .. pack.Bids.SelectMany(b => Scores(b.Id, lot.Questions.First().Id, random.Next(0, 5), random.Next(0, 5), random.Next(0, 5))),
                    ],
                    Moderation = [Moderated(pack.Bids[^1].Id, lot.Questions.First().Id, 2)],
                };
            }

            File.WriteAllText(path, TenderFile.Write(pack));
        }
    }
}
