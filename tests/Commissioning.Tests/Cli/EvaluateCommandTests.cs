using System.Text.Json;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Evaluation.Packs;

namespace Commissioning.Tests.Cli;

/// <summary>
/// <c>evaluate</c> on tenders written for the purpose: weights in points, relative quality, a
/// price that may be abnormally low, no bids, a broken rule and an older file version.
/// </summary>
public sealed class EvaluateCommandTests
{
    private static (int Code, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Commissioning.Cli.CommandLine.Run(args, output, error, Repository.Root);
        return (code, output.ToString() + error.ToString());
    }

    private static string Write(TenderPack pack, string name = "tender.json")
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("evaluate-").FullName, name);
        File.WriteAllText(path, TenderFile.Write(pack));
        return path;
    }

    /// <summary>Three bids of equal quality; "slip" bid £1,850 where the others bid about £1.8m to £1.9m.</summary>
    private static TenderPack PriceSlip(params LowPriceDecision[] decisions) => new()
    {
        Tender = Tender(Lot([Section("s1", 80m, Q("Q1")), Section("sv", 20m, Q("SV")) with { SocialValue = true }])),
        Bids = [Bid("a", 1_800_000m), Bid("b", 1_900_000m), Bid("slip", 1_850m)],
        Scores = [.. new[] { "a", "b", "slip" }.SelectMany(b => Agreed(b, "Q1", 3).Concat(Agreed(b, "SV", 3)))],
        LowPriceDecisions = decisions,
    };

    /// <summary>A: 50% quality at £100; B: 40% at £80; quality 60, price 40. B wins on absolute quality, A on relative.</summary>
    private static TenderPack QualityAgainstPrice(QualityMethod method) => new()
    {
        Tender = Tender(Lot([Section("s1", 80m, Q("Q1")), Section("sv", 20m, Q("SV")) with { SocialValue = true }]) with { QualityMethod = method }) with { Scale = ScoringScale.ZeroToHundred },
        Bids = [Bid("a", 100m), Bid("b", 80m)],
        Scores = [.. Agreed("a", "Q1", 50m), .. Agreed("a", "SV", 50m), .. Agreed("b", "Q1", 40m), .. Agreed("b", "SV", 40m)],
    };

    [Test]
    public void Json_AProvisionalResult_NamesNoMostAdvantageousBid_OnlyAProvisionalLeader()
    {
        var (code, output) = Run("evaluate", Write(PriceSlip()), "--json");

        Assert.That(code, Is.EqualTo(0), output);
        using var json = JsonDocument.Parse(output);
        var lot = json.RootElement.GetProperty("lots")[0];
        Assert.That(json.RootElement.GetProperty("version").GetInt32(), Is.EqualTo(3));
        Assert.That(lot.GetProperty("complete").GetBoolean(), Is.False);
        Assert.That(lot.TryGetProperty("mostAdvantageous", out _), Is.False, "absent until the result is complete");
        Assert.That(lot.GetProperty("provisionalLeader").GetString(), Is.EqualTo("slip"));
        var slip = lot.GetProperty("bids").EnumerateArray().Single(b => b.GetProperty("id").GetString() == "slip");
        Assert.That(slip.GetProperty("lowPrice").GetProperty("flagged").GetBoolean(), Is.True);
        Assert.That(slip.GetProperty("lowPrice").GetProperty("median").GetDecimal(), Is.EqualTo(1_800_000m));
    }

    [Test]
    public void Json_ACompleteResult_NamesTheMostAdvantageousBid_AndNoProvisionalLeader()
    {
        var (code, output) = Run("evaluate", "examples/ics-tender.json", "--json");

        Assert.That(code, Is.EqualTo(0), output);
        using var json = JsonDocument.Parse(output);
        var lots = json.RootElement.GetProperty("lots").EnumerateArray().ToList();
        Assert.That(lots, Has.Count.EqualTo(2));
        Assert.That(lots.Select(l => l.GetProperty("mostAdvantageous").GetString()), Is.EqualTo(new[] { "bid-a", "bid-e" }));
        Assert.That(lots.Count(l => l.TryGetProperty("provisionalLeader", out _)), Is.Zero);
        Assert.That(lots.Select(l => l.GetProperty("robustness").GetProperty("qualityMethods").GetArrayLength()), Has.All.EqualTo(2));
    }

    [Test]
    public void Text_AFlaggedPrice_IsMarked_AndTheResultIsProvisional()
    {
        var (code, output) = Run("evaluate", Write(PriceSlip()));

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Prices below 70% of the median evaluated price are flagged as possibly abnormally low."));
        Assert.That(output, Does.Contain("Status: PROVISIONAL. 1 thing is outstanding:"));
        Assert.That(output, Does.Contain("Provider SLIP (price flagged)"));
        Assert.That(output, Does.Contain("Provisional leader: Provider SLIP, total 85 of 100. This is not a result until nothing is outstanding."));
        Assert.That(output, Does.Not.Contain("Most advantageous tender:"));
    }

    [Test]
    public void Text_APriceExcludedAfterTheBidderWasAsked_LeavesTheRankingWithItsReason()
    {
        var decision = new LowPriceDecision { BidId = "slip", Outcome = LowPriceOutcome.Excluded, Reason = "The bidder confirmed the price was entered in thousands by mistake.", DecidedBy = "m" };

        var (code, output) = Run("evaluate", Write(PriceSlip(decision)));

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Status: complete."));
        Assert.That(output, Does.Contain("excluded (low price)"));
        Assert.That(output, Does.Contain("Excluded: Provider SLIP: price found abnormally low after the bidder was asked to explain it: The bidder confirmed the price was entered in thousands by mistake."));
        Assert.That(output, Does.Contain("Most advantageous tender: Provider A, total 85 of 100."));
    }

    [Test]
    public void Text_ATenderWithNoBids_SaysThereAreNoBidsToEvaluate_NotComplete()
    {
        var pack = PriceSlip() with { Bids = [], Scores = [] };

        var (code, output) = Run("evaluate", Write(pack));

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Status: no bids to evaluate, so there is no result."));
        Assert.That(output, Does.Contain("No bids, so no most advantageous tender."));
        Assert.That(output, Does.Not.Contain("Status: complete"));
    }

    [Test]
    public void Text_WeightsInPoints_AreShownAsDeclared_WithTheirShare()
    {
        var lot = Lot([Section("s1", 60m, Q("Q1")), Section("s2", 40m, Q("Q2")), Section("sv", 30m, Q("SV")) with { SocialValue = true }], quality: 130m, price: 70m)
            with { Weights = WeightUnit.Points, SectionWeights = WeightUnit.Points };
        var pack = new TenderPack
        {
            Tender = Tender(lot),
            Bids = [Bid("a", 100m), Bid("b", 90m)],
            Scores = [.. new[] { "Q1", "Q2", "SV" }.SelectMany(q => Agreed("a", q, 4).Concat(Agreed("b", q, 2)))],
        };

        var (code, output) = Run("evaluate", Write(pack));

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Quality 130 and price 70 points of 200 (65% and 35% of the total) (proportional)"));
        Assert.That(output, Does.Contain("of 200"));
        Assert.That(output, Does.Contain("× 60 of 130 section points (46.15% of quality)"));

        // A: 65 quality + 35 × 90 ÷ 100 = 96.5 of 100, 193 of 200.
        Assert.That(output, Does.Contain("Most advantageous tender: Provider A, total 96.5 of 100 (193 of 200 points)."));
    }

    [Test]
    public void Text_RelativeQuality_IsExplained_AndTheOtherMethodsWinnerIsNamed()
    {
        var (code, output) = Run("evaluate", Write(QualityAgainstPrice(QualityMethod.Relative)));

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Quality is scored relative to the best eligible bid"));
        Assert.That(output, Does.Contain("Most advantageous tender: Provider A, total 92 of 100."));
        Assert.That(output, Does.Contain("Under absolute quality scoring the winner would change: Provider B would win. Ranking: 1. Provider B 64, 2. Provider A 62."));
    }

    [Test]
    public void Text_AbsoluteQuality_SaysWhetherRelativeScoringWouldChangeTheWinner()
    {
        var (code, output) = Run("evaluate", Write(QualityAgainstPrice(QualityMethod.Absolute)));

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Quality is scored against the scale"));
        Assert.That(output, Does.Contain("Under relative quality scoring the winner would change: Provider A would win."));
    }

    [Test]
    public void ABrokenRule_IsReported_WithItsJsonPath()
    {
        var pack = PriceSlip();
        var lot = pack.Tender.Lots[0] with { QualityWeight = 70m };

        var (code, output) = Run("evaluate", Write(pack with { Tender = pack.Tender with { Lots = [lot] } }));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("  - $.tender.lots[0].qualityWeight: Quality and price weights for lot 1 (Lot lot-1) add up to 110%. They must add up to 100%. To use another total, declare them as points."));
    }

    [Test]
    public void AVersion1File_IsStillRead()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("evaluate-").FullName, "version-1.json");
        File.WriteAllText(path, Files.Version1.Write(QualityAgainstPrice(QualityMethod.Absolute)));

        var (code, output) = Run("evaluate", path);

        Assert.That(File.ReadAllText(path), Does.Contain("\"version\": 1"));
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Status: complete."));
        Assert.That(output, Does.Contain("Most advantageous tender: Provider B, total 64 of 100."));
    }
}
