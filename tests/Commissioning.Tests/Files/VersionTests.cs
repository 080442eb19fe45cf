using Commissioning.Tests.Evaluation;
using System.Text.Json.Nodes;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;
using static Commissioning.Tests.Evaluation.Packs;

namespace Commissioning.Tests.Files;

/// <summary>
/// Version 2 of the tender format added weights in points, the quality method, the abnormally
/// low price check and decisions on low prices. Version 1 files are still read, as version 2
/// files with those fields at their defaults; a version 1 file may not use them.
/// </summary>
public sealed class VersionTests
{
    private static TenderPack Plain() => new()
    {
        Tender = Tender(Lot([Section("s1", 100m, Q("Q1"))])),
        Bids = [Bid("a", 100m), Bid("b", 120m)],
        Scores = [.. Agreed("a", "Q1", 3), .. Agreed("b", "Q1", 4)],
    };

    [Test]
    public void AVersion1File_IsReadWithTheNewFieldsAtTheirDefaults()
    {
        var json = Version1.Write(Plain());

        var read = TenderFile.Read(json);

        Assert.That(read.Problems, Is.Empty);
        var lot = read.Value.Tender.Lots[0];
        Assert.That((lot.Weights, lot.SectionWeights, lot.Sections[0].QuestionWeights, lot.QualityMethod, lot.AbnormallyLowPercent),
            Is.EqualTo((WeightUnit.Percent, WeightUnit.Percent, WeightUnit.Percent, QualityMethod.Absolute, 70m)));
        Assert.That(read.Value.LowPriceDecisions, Is.Empty);
        Assert.That(TenderFile.Write(read.Value), Is.EqualTo(TenderFile.Write(Plain())), "written again, it is the version 4 file");
        Assert.That(TenderFile.Write(read.Value), Does.Contain("\"version\": 4,"));
    }

    [Test]
    public void AVersion1File_EvaluatesAsBefore()
    {
        var read = TenderFile.Read(Version1.Write(Plain())).Value;

        var lot = TenderEvaluator.Evaluate(read).Lots[0];

        Assert.That(lot.Complete, Is.True);
        Assert.That(lot.Bids.Select(b => (b.Bid.Id, Rounding.ForDisplay(b.Total!.Value))), Is.EqualTo(new[] { ("b", 93.33m), ("a", 85m) }), "b: 60 + 40 × 100 ÷ 120; a: 45 + 40");
        var plain = TenderEvaluator.Evaluate(Plain()).Lots[0];
        Assert.That(lot.Bids.SelectMany(b => Said.Breakdown(lot, b)), Is.EqualTo(plain.Bids.SelectMany(b => Said.Breakdown(plain, b))));
    }

    [Test]
    public void AVersion1File_ThatUsesAVersion2Field_IsRefused_NamingEachField()
    {
        var root = JsonNode.Parse(Version1.Write(Plain()))!.AsObject();
        var lot = root["tender"]!["lots"]![0]!.AsObject();
        lot["weights"] = "points";
        lot["sections"]![0]!.AsObject()["questionWeights"] = "points";
        root["lowPriceDecisions"] = new JsonArray();

        var read = TenderFile.Read(root.ToJsonString());

        Assert.That(read.Problems.Select(p => (p.Path, p.Message)), Is.EqualTo(new[]
        {
            ("$.lowPriceDecisions", "$.lowPriceDecisions is not part of version 1 of the oh-tender format. Change \"version\" to 4 to use it."),
            ("$.tender.lots[0].weights", "$.tender.lots[0].weights is not part of version 1 of the oh-tender format. Change \"version\" to 4 to use it."),
            ("$.tender.lots[0].sections[0].questionWeights", "$.tender.lots[0].sections[0].questionWeights is not part of version 1 of the oh-tender format. Change \"version\" to 4 to use it."),
        }));
    }

    [Test]
    public void AVersion2File_WithEveryNewField_RoundTrips()
    {
        var pack = SamplePack.Create();

        var written = TenderFile.Write(pack);
        var read = TenderFile.Read(written);

        Assert.That(read.Problems, Is.Empty);
        var lot = read.Value.Tender.Lots[0];
        Assert.That((lot.Weights, lot.SectionWeights, lot.Sections[0].QuestionWeights, lot.QualityMethod, lot.AbnormallyLowPercent),
            Is.EqualTo((WeightUnit.Points, WeightUnit.Points, WeightUnit.Points, QualityMethod.Relative, 65m)));
        Assert.That(read.Value.LowPriceDecisions.Single().Outcome, Is.EqualTo(LowPriceOutcome.Accepted));
        Assert.That(written, Does.Contain("\"weights\": \"points\"").And.Contain("\"qualityMethod\": \"relative\"").And.Contain("\"outcome\": \"accepted\""));
    }

    [TestCase("$.tender.lots[0].weights", "\"fractions\"", "'fractions' is not a known value at $.tender.lots[0].weights. Use one of: percent, points.")]
    [TestCase("$.tender.lots[0].qualityMethod", "\"best-bid\"", "'best-bid' is not a known value at $.tender.lots[0].qualityMethod. Use one of: absolute, relative.")]
    [TestCase("$.tender.lots[0].abnormallyLowPercent", "\"70%\"", "$.tender.lots[0].abnormallyLowPercent should be a number; found \"70%\".")]
    public void ANewFieldWithTheWrongKindOfValue_IsRefused(string path, string value, string message)
    {
        var root = JsonNode.Parse(TenderFile.Write(Plain()))!.AsObject();
        root["tender"]!["lots"]![0]!.AsObject()[path[(path.LastIndexOf('.') + 1)..]] = JsonNode.Parse(value);

        var read = TenderFile.Read(root.ToJsonString());

        Assert.That(read.Problems.Select(p => (p.Path, p.Message)), Is.EqualTo(new[] { (path, message) }));
    }

    private static ConflictOfInterestDeclaration Declared(string evaluatorId, bool conflict = false) => new()
    {
        EvaluatorId = evaluatorId,
        DeclaredBy = "Ann Evans",
        DeclaredAt = new DateTimeOffset(2027, 1, 4, 9, 30, 0, TimeSpan.Zero),
        Bidders = ["Provider A", "Provider B"],
        HasConflict = conflict,
        Details = conflict ? "I advised Provider A last year." : null,
    };

    [Test]
    public void AVersion3File_WithDeclarationsOfConflicts_RoundTrips()
    {
        var plain = Plain();
        var decided = Declared(plain.Tender.Evaluators[1].Id, conflict: true) with
        {
            Decision = new() { MayContinue = true, Reason = "Managed: scores Provider B only.", DecidedBy = "Olive Owner", DecidedAt = new DateTimeOffset(2027, 1, 5, 10, 0, 0, TimeSpan.Zero) },
        };
        var pack = plain with { ConflictDeclarations = [Declared(plain.Tender.Evaluators[0].Id), decided] };

        var written = TenderFile.Write(pack);
        var read = TenderFile.Read(written);

        Assert.That(read.Problems, Is.Empty);
        Assert.That(read.Value.ConflictDeclarations, Is.EqualTo(pack.ConflictDeclarations).Using<ConflictOfInterestDeclaration>((a, b) => TenderFile.Write(plain with { ConflictDeclarations = [a] }) == TenderFile.Write(plain with { ConflictDeclarations = [b] })));
        Assert.That(TenderFile.Write(read.Value), Is.EqualTo(written));
        Assert.That(written, Does.Contain("\"declaredAt\": \"2027-01-04T09:30:00+00:00\"").And.Contain("\"mayContinue\": true"));
    }

    [Test]
    public void AVersion2File_ThatHasDeclarations_IsRefused_NamingTheField()
    {
        var root = JsonNode.Parse(TenderFile.Write(Plain() with { ConflictDeclarations = [Declared(Plain().Tender.Evaluators[0].Id)] }))!.AsObject();
        root["version"] = 2;

        var read = TenderFile.Read(root.ToJsonString());

        Assert.That(read.Problems.Select(p => (p.Path, p.Message)), Is.EqualTo(new[]
        {
            ("$.conflictDeclarations", "$.conflictDeclarations is not part of version 2 of the oh-tender format. Change \"version\" to 4 to use it."),
        }));
    }

    [Test]
    public void ADeclarationTimeWithoutItsOffset_IsRefused_SayingHowToWriteIt()
    {
        var root = JsonNode.Parse(TenderFile.Write(Plain() with { ConflictDeclarations = [Declared(Plain().Tender.Evaluators[0].Id)] }))!.AsObject();
        root["conflictDeclarations"]![0]!["declaredAt"] = "4 January 2027";

        var read = TenderFile.Read(root.ToJsonString());

        Assert.That(read.Problems.Select(p => (p.Path, p.Message)), Is.EqualTo(new[]
        {
            ("$.conflictDeclarations[0].declaredAt", "$.conflictDeclarations[0].declaredAt should be a date and time with its offset from UTC, written as yyyy-MM-ddTHH:mm:ss+00:00, such as \"2027-04-01T09:30:00+00:00\"; found \"4 January 2027\"."),
        }));
    }

    [TestCase("Tender.Lots[0].QualityWeight", "$.tender.lots[0].qualityWeight")]
    [TestCase("Bids[2].Price.AnnualPrices[0]", "$.bids[2].price.annualPrices[0]")]
    [TestCase("LowPriceDecisions", "$.lowPriceDecisions")]
    [TestCase("", "$")]
    public void AValidatorsPropertyPath_IsNamedByItsJsonPath(string propertyPath, string jsonPath)
    {
        Assert.That(TenderFile.JsonPath(propertyPath), Is.EqualTo(jsonPath));
    }

    [Test]
    public void AVersion3File_ThatGivesKeyDates_IsRefused_AndVersion4KeepsThem()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(TenderFile.Write(Plain()))!.AsObject();
        root["tender"]!["bidDeadline"] = "2027-03-26";
        root["version"] = 3;
        Assert.That(TenderFile.Read(root.ToJsonString()).Problems.Select(p => (p.Path, p.Message)), Is.EqualTo(new[]
        {
            ("$.tender.bidDeadline", "$.tender.bidDeadline is not part of version 3 of the oh-tender format. Change \"version\" to 4 to use it."),
        }));

        root["version"] = 4;
        var read = TenderFile.Read(root.ToJsonString());
        Assert.That(read.Value.Tender.BidDeadline, Is.EqualTo(new DateOnly(2027, 3, 26)));
        Assert.That(TenderFile.Write(read.Value), Does.Contain("\"bidDeadline\": \"2027-03-26\""));
    }
}
