using Commissioning.Tests.Evaluation;
using System.Text.Json;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;

namespace Commissioning.Tests.Files;

/// <summary>Writing is deterministic and loses nothing: write, read and write again gives the same text.</summary>
public sealed class RoundTripTests
{
    [Test]
    public void GeneratedPack_WriteReadWrite_IsByteIdentical()
    {
        var written = TenderFile.Write(SamplePack.Create());

        var read = TenderFile.Read(written);

        Assert.That(read.Problems, Is.Empty);
        Assert.That(TenderFile.Write(read.Value), Is.EqualTo(written));
    }

    [Test]
    public void GeneratedPack_ReadBack_EvaluatesExactlyAsTheOriginal()
    {
        var original = SamplePack.Create();

        var read = TenderFile.Read(TenderFile.Write(original)).Value;

        Assert.That(
            TenderEvaluator.Evaluate(read).Lots.SelectMany(l => l.Bids.SelectMany(b => Said.Breakdown(l, b))),
            Is.EqualTo(TenderEvaluator.Evaluate(original).Lots.SelectMany(l => l.Bids.SelectMany(b => Said.Breakdown(l, b)))));
    }

    [Test]
    public void Output_IsIndentedWithNewlinesAndEndsWithOne()
    {
        var written = TenderFile.Write(SamplePack.Create());

        Assert.Multiple(() =>
        {
            Assert.That(written, Does.StartWith("{\n  \"format\": \"oh-tender\",\n  \"version\": 4,\n  \"tender\": {\n    \"title\": \"Sample tender\","));
            Assert.That(written, Does.EndWith("\n}\n"));
            Assert.That(written, Does.Not.Contain("\r"));
        });
    }

    [Test]
    public void Output_KeepsApostrophesAmpersandsAndPoundSignsAsTheyAre()
    {
        var written = TenderFile.Write(SamplePack.Create());

        Assert.Multiple(() =>
        {
            Assert.That(written, Does.Contain("\"provider\": \"Beta Health's OH\""));
            Assert.That(written, Does.Contain("\"text\": \"Two apprentices & a nurse – £0 cost.\""));
        });
    }

    [Test]
    public void ComputedProperties_AreNotWritten()
    {
        var written = TenderFile.Write(SamplePack.Create());

        using var document = JsonDocument.Parse(written);
        var tender = document.RootElement.GetProperty("tender");
        var lot = tender.GetProperty("lots")[0];
        Assert.Multiple(() =>
        {
            Assert.That(written, Does.Not.Contain("isSmallerOrganisation"));
            Assert.That(written, Does.Not.Contain("effectiveSpreadFlag"));
            Assert.That(written, Does.Not.Contain("evaluatedYears"));
            Assert.That(written, Does.Not.Contain("socialValueShareOfTotal"));
            Assert.That(lot.TryGetProperty("questions", out _), Is.False, "Lot.Questions is worked out from the sections");
            Assert.That(tender.GetProperty("spreadFlag").GetDecimal(), Is.EqualTo(1.5m));
        });
    }

    [Test]
    public void NullValues_AreLeftOut_AndReadBackAsNull()
    {
        var pack = SamplePack.Create();
        var written = TenderFile.Write(pack with { Tender = pack.Tender with { Reference = null, SpreadFlag = null } });

        var read = TenderFile.Read(written).Value;

        Assert.Multiple(() =>
        {
            Assert.That(written, Does.Not.Contain("\"reference\""));
            Assert.That(written, Does.Not.Contain("null"));
            Assert.That(read.Tender.Reference, Is.Null);
            Assert.That(read.Tender.SpreadFlag, Is.Null);
            Assert.That(read.Tender.Lots[0].Sections[1].Questions[0].RequirementId, Is.Null);
        });
    }

    [Test]
    public void Sets_AreWrittenInEnumOrder_AndDictionariesInKeyOrder()
    {
        var written = TenderFile.Write(SamplePack.Create());

        using var document = JsonDocument.Parse(written);
        var exposures = document.RootElement.GetProperty("tender").GetProperty("members")[1].GetProperty("profile").GetProperty("exposures");
        var declarations = document.RootElement.GetProperty("bids")[0].GetProperty("declarations");
        Assert.Multiple(() =>
        {
            Assert.That(exposures.EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "ionising-radiation", "cytotoxic-drugs", "senior-clinicians" }));
            Assert.That(declarations.GetProperty("subSpecialisms").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "SUB-02", "SUB-06", "SUB-11" }));
            Assert.That(declarations.GetProperty("evidence").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "GOV-02", "SEQ-01" }));
        });
    }

    [Test]
    public void DatesAndNumbers_AreWrittenAsGiven()
    {
        var written = TenderFile.Write(SamplePack.Create());

        Assert.Multiple(() =>
        {
            Assert.That(written, Does.Contain("\"seqohsDate\": \"2024-02-29\""));
            Assert.That(written, Does.Contain("\"minimumQualityPercent\": 45.5"));
            Assert.That(written, Does.Contain("850000.50"));
        });
    }

    [Test]
    public void Declarations_RoundTrip()
    {
        var declarations = SamplePack.Create().Bids[0].Declarations;
        var written = DeclarationsFile.Write("Alpha OH Ltd", declarations);

        var read = DeclarationsFile.Read(written);

        Assert.Multiple(() =>
        {
            Assert.That(read.Problems, Is.Empty);
            Assert.That(read.Value.Provider, Is.EqualTo("Alpha OH Ltd"));
            Assert.That(read.Value.Declarations.SubSpecialisms["SUB-06"].Partner, Is.EqualTo("Radiation Advisers Ltd"));
            Assert.That(read.Value.Declarations.Evidence["GOV-02"], Is.EqualTo(new[] { "MoHaWK2 certificate", "Results" }));
            Assert.That(DeclarationsFile.Write(read.Value.Provider, read.Value.Declarations), Is.EqualTo(written));
        });
    }

    [Test]
    public void UndefinedEnumValue_CannotBeWritten()
    {
        var pack = SamplePack.Create();
        var broken = pack with { Tender = pack.Tender with { Lots = [pack.Tender.Lots[0] with { TieBreak = new() { Rule = (TieBreakRule)42 } }] } };

        Assert.Throws<JsonException>(() => TenderFile.Write(broken));
    }
}
