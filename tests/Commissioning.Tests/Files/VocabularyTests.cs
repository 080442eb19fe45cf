using Commissioning.Core.Files;
using Commissioning.Core.Profiles;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Files;

/// <summary>Enum values in files use the same ids as the vocabulary, the standards and the URLs.</summary>
public sealed class VocabularyTests
{
    private static IEnumerable<TestCaseData> Types => Vocabulary.OrganisationTypes.Select(t => new TestCaseData(t).SetArgDisplayNames(t.Id));

    private static IEnumerable<TestCaseData> Models => Vocabulary.DeliveryModels.Select(t => new TestCaseData(t).SetArgDisplayNames(t.Id));

    [TestCaseSource(nameof(Types))]
    public void EveryOrganisationTypeId_RoundTrips(Term<OrganisationType> term)
    {
        var written = ProfilesFile.Write([Profiles.GpPractice() with { Type = term.Value }]);

        var read = ProfilesFile.Read(written);

        Assert.Multiple(() =>
        {
            Assert.That(written, Does.Contain($"\"type\": \"{term.Id}\","));
            Assert.That(read.Value[0].Type, Is.EqualTo(term.Value));
        });
    }

    [TestCaseSource(nameof(Models))]
    public void EveryDeliveryModelId_RoundTrips(Term<DeliveryModel> term)
    {
        var written = ProfilesFile.Write([Profiles.GpPractice() with { CurrentDelivery = term.Value }]);

        var read = ProfilesFile.Read(written);

        Assert.Multiple(() =>
        {
            Assert.That(written, Does.Contain($"\"currentDelivery\": \"{term.Id}\""));
            Assert.That(read.Value[0].CurrentDelivery, Is.EqualTo(term.Value));
        });
    }

    [Test]
    public void EveryExposureId_RoundTrips_InVocabularyOrder()
    {
        var all = Vocabulary.Exposures.Select(t => t.Value).Reverse().ToHashSet();
        var written = ProfilesFile.Write([Profiles.AcuteTrust() with { Exposures = all }]);

        var read = ProfilesFile.Read(written);

        var ids = Vocabulary.Exposures.Select(t => t.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(written, Does.Contain("\"exposures\": [\n        " + string.Join(",\n        ", ids.Select(id => $"\"{id}\"")) + "\n      ]"));
            Assert.That(read.Value[0].Exposures, Is.EquivalentTo(all));
        });
    }

    [Test]
    public void VocabularyIds_AreReadFromHandWrittenFiles()
    {
        var json = """
            {
              "format": "oh-profiles",
              "version": 1,
              "organisations": [
                {
                  "name": "Vale Health GP Federation",
                  "type": "gp-practice-or-pcn",
                  "headcount": 350,
                  "exposures": ["gmo-gene-therapy", "blood-body-fluids"],
                  "currentDelivery": "hybrid"
                }
              ]
            }
            """;

        var profile = ProfilesFile.Read(json).Value[0];

        Assert.Multiple(() =>
        {
            Assert.That(profile.Type, Is.EqualTo(OrganisationType.GpPracticeOrPcn));
            Assert.That(profile.Exposures, Is.EquivalentTo(new[] { Exposure.GmoGeneTherapy, Exposure.BloodBodyFluids }));
            Assert.That(profile.CurrentDelivery, Is.EqualTo(DeliveryModel.Hybrid));
            Assert.That(profile.HostsMedicalTrainees, Is.False);
            Assert.That(profile.PopulationHealthNeeds, Is.Empty);
        });
    }

    [TestCase(ProcurementRegime.ProcurementAct2023, "procurement-act-2023")]
    [TestCase(ProcurementRegime.ProviderSelectionRegime2023, "provider-selection-regime-2023")]
    public void RegimeNames_HaveAHyphenBeforeTheYear(ProcurementRegime regime, string id)
    {
        var pack = SamplePack.Create();
        var written = TenderFile.Write(pack with { Tender = pack.Tender with { Regime = pack.Tender.Regime with { Regime = regime } } });

        Assert.Multiple(() =>
        {
            Assert.That(written, Does.Contain($"\"regime\": \"{id}\""));
            Assert.That(TenderFile.Read(written).Value.Tender.Regime.Regime, Is.EqualTo(regime));
        });
    }

    [Test]
    public void OtherEnumNames_AreKebabCase()
    {
        string[] Names<T>() where T : struct, Enum => [.. Enum.GetNames<T>().Select(EnumNames.Of)];

        Assert.Multiple(() =>
        {
            Assert.That(Names<PriceMethod>(), Is.EqualTo(new[] { "proportional", "linear", "deviation", "price-per-quality-point" }));
            Assert.That(Names<TieBreakRule>(), Is.EqualTo(new[] { "highest-quality", "lowest-price", "highest-section" }));
            Assert.That(Names<SeqohsStatus>(), Is.EqualTo(new[] { "none", "working-towards", "accredited" }));
            Assert.That(Names<EsrInterface>(), Is.EqualTo(new[] { "none", "planned", "live" }));
            Assert.That(Names<ProvisionMode>(), Is.EqualTo(new[] { "not-offered", "partner", "direct" }));
            Assert.That(Names<ConsultantQualification>(), Is.EqualTo(new[] { "none", "cesr", "cct", "no-consultant" }));
        });
    }
}
