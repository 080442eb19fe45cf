using Commissioning.Core.Profiles;
using Commissioning.Core.Standards;
using Commissioning.Core.Tailoring;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Tailoring;

/// <summary>Tailoring the real standards to organisations.</summary>
public sealed class TailoringTests
{
    private const string NoRadiation =
        "no staff work with ionising radiation, no staff work with lasers, no staff work with ultraviolet radiation and no staff work in or around MRI scanners";

    private static TailoredRequirement Item(Specification specification, string id) =>
        specification.Items.Single(i => i.Requirement.Id == id);

    private const string AnyTrust = "the organisation is an acute trust, a community trust, a mental health trust or an ambulance trust";

    [Test]
    public void AcuteTrustHostingMedicalTrainees_StillGetsTheEsrGate()
    {
        var specification = Tailor.For(Repository.Standards, Profiles.AcuteTrust());

        var esr = Item(specification, "INF-03");
        Assert.Multiple(() =>
        {
            Assert.That(esr.Applies, Is.True);
            Assert.That(esr.Essential, Is.True);
            Assert.That(esr.Strength, Is.EqualTo(Strength.Must));
            Assert.That(esr.Evaluation, Is.EqualTo(EvaluationMethod.Gate));
            Assert.That(esr.Reason, Is.EqualTo("Applies to every organisation. It is essential here because the organisation hosts doctors in training and the organisation is an acute trust, so it is a must and a pass/fail gate."));
            Assert.That(specification.Gates.Select(g => g.Requirement.Id), Does.Contain("INF-03"));
        });
    }

    [Test]
    public void GpPracticeHostingGpTrainees_GetsNoEsrGate_AndIsToldWhy()
    {
        var specification = Tailor.For(Repository.Standards, Profiles.GpPractice() with { HostsMedicalTrainees = true });

        var esr = Item(specification, "INF-03");
        Assert.Multiple(() =>
        {
            Assert.That(esr.Applies, Is.True);
            Assert.That(esr.Essential, Is.False);
            Assert.That(esr.Strength, Is.EqualTo(Strength.Should));
            Assert.That(esr.Evaluation, Is.EqualTo(EvaluationMethod.Scored));
            Assert.That(esr.Reason, Is.EqualTo(
                "Applies to every organisation. It is not essential here because the organisation is a GP practice or PCN, not an acute trust, a community trust, a mental health trust or an ambulance trust; " +
                $"it would become a must and a pass/fail gate if the organisation hosts doctors in training and {AnyTrust}."));
            Assert.That(specification.Gates.Select(g => g.Requirement.Id), Does.Not.Contain("INF-03"));
        });
    }

    [Test]
    public void NotHostingMedicalTrainees_LeavesTheEsrInterfaceAScoredShould()
    {
        var esr = Item(Tailor.For(Repository.Standards, Profiles.GpPractice()), "INF-03");

        Assert.Multiple(() =>
        {
            Assert.That(esr.Applies, Is.True);
            Assert.That(esr.Essential, Is.False);
            Assert.That(esr.Strength, Is.EqualTo(Strength.Should));
            Assert.That(esr.Evaluation, Is.EqualTo(EvaluationMethod.Scored));
            Assert.That(esr.Reason, Does.Contain("It is not essential here because the organisation does not host doctors in training and the organisation is a GP practice or PCN, not"));
        });
    }

    [Test]
    public void EsrGate_ForAnOrganisationHostingTrainees_HoldsForTrustsOnly()
    {
        var checkedTypes = 0;
        foreach (var type in Vocabulary.OrganisationTypes)
        {
            var profile = Profiles.GpPractice() with { Type = type.Value, HostsMedicalTrainees = true };
            var esr = Item(Tailor.For(Repository.Standards, profile), "INF-03");
            var isTrust = type.Id.EndsWith("-trust", StringComparison.Ordinal);

            Assert.That(esr.Evaluation, Is.EqualTo(isTrust ? EvaluationMethod.Gate : EvaluationMethod.Scored), type.Id);
            checkedTypes++;
        }

        Assert.That(checkedTypes, Is.EqualTo(7));
    }

    [Test]
    public void StaffWorkingWithIonisingRadiation_MakeRadiationExpertiseRequired()
    {
        var radiation = Item(Tailor.For(Repository.Standards, Profiles.AcuteTrust()), "SUB-06");

        Assert.Multiple(() =>
        {
            Assert.That(radiation.Requirement.Title, Does.Contain("Radiation"));
            Assert.That(radiation.Applies, Is.True);
            Assert.That(radiation.Strength, Is.EqualTo(Strength.Must));
            Assert.That(radiation.Reason, Is.EqualTo("Applies because staff work with ionising radiation."));
        });
    }

    [Test]
    public void NoRadiationOfAnyKind_RadiationExpertiseDoesNotApply_AndSaysWhy()
    {
        var radiation = Item(Tailor.For(Repository.Standards, Profiles.GpPractice()), "SUB-06");

        Assert.That(radiation.Applies, Is.False);
        Assert.That(radiation.Reason, Is.EqualTo(
            "Does not apply because no staff work with ionising radiation, no staff work with lasers, no staff work with ultraviolet radiation and no staff work in or around MRI scanners."));
    }

    [TestCase(Exposure.Lasers, "Applies because staff work with lasers.")]
    [TestCase(Exposure.UltravioletRadiation, "Applies because staff work with ultraviolet radiation.")]
    [TestCase(Exposure.Mri, "Applies because staff work in or around MRI scanners.")]
    public void NonIonisingRadiation_MakesRadiationExpertiseApply(Exposure exposure, string reason)
    {
        var profile = Profiles.Hospice() with { Exposures = new HashSet<Exposure> { exposure } };

        var radiation = Item(Tailor.For(Repository.Standards, profile), "SUB-06");

        Assert.That(radiation.Applies, Is.True);
        Assert.That(radiation.Reason, Is.EqualTo(reason));
    }

    [Test]
    public void ExposureProneProcedures_DoNotMakeBloodBorneVirusExpertiseAGate()
    {
        var acute = Item(Tailor.For(Repository.Standards, Profiles.AcuteTrust()), "SUB-02");
        var gp = Item(Tailor.For(Repository.Standards, Profiles.GpPractice()), "SUB-02");

        Assert.That(Profiles.AcuteTrust().Exposures, Does.Contain(Exposure.ExposureProneProcedures));
        Assert.That(acute.Applies, Is.True);
        Assert.That(acute.Evaluation, Is.EqualTo(EvaluationMethod.Scored));
        Assert.That(acute.Essential, Is.False);
        Assert.That(gp.Applies, Is.True);
        Assert.That(gp.Evaluation, Is.EqualTo(EvaluationMethod.Scored));
        Assert.That(gp.Reason, Is.EqualTo("Applies because staff have clinical contact with blood or body fluids."));
    }

    [Test]
    public void GpPractice_EmploysDoctors_EvenWhenTheBoxIsNotTicked()
    {
        var profile = Profiles.GpPractice() with { Exposures = new HashSet<Exposure>() };

        var sick = Item(Tailor.For(Repository.Standards, profile), "SUB-05");

        Assert.That(sick.Applies, Is.True);
        Assert.That(sick.Reason, Is.EqualTo("Applies because the organisation employs doctors, dentists or other senior clinicians (as a GP practice or PCN always does)."));
        Assert.That(profile.Has(Exposure.SeniorClinicians), Is.True);
        Assert.That(profile.HasOnlyByType(Exposure.SeniorClinicians), Is.True);
    }

    [Test]
    public void TypesThatDoNotImplyDoctors_LeaveItToTheBox()
    {
        var hospice = Item(Tailor.For(Repository.Standards, Profiles.Hospice()), "SUB-05");
        var hospiceWithDoctors = Item(Tailor.For(Repository.Standards, Profiles.Hospice() with { Exposures = new HashSet<Exposure> { Exposure.SeniorClinicians } }), "SUB-05");

        Assert.That(hospice.Applies, Is.False);
        Assert.That(hospice.Reason, Is.EqualTo("Does not apply because the organisation employs no doctors, dentists or other senior clinicians."));
        Assert.That(hospiceWithDoctors.Reason, Is.EqualTo("Applies because the organisation employs doctors, dentists or other senior clinicians."));
    }

    [Test]
    public void EveryTrustAndGpPractice_ImpliesSeniorClinicians_AndNoOtherTypeDoes()
    {
        var implying = Vocabulary.OrganisationTypes.Where(t => Vocabulary.ImpliedBy(t.Value).Contains(Exposure.SeniorClinicians)).Select(t => t.Id);

        Assert.That(implying, Is.EqualTo(new[] { "gp-practice-or-pcn", "community-trust", "mental-health-trust", "acute-trust", "ambulance-trust" }));
        Assert.That(Vocabulary.OrganisationTypes.SelectMany(t => Vocabulary.ImpliedBy(t.Value)).Distinct(), Is.EqualTo(new[] { Exposure.SeniorClinicians }));
    }

    [Test]
    public void ResponsibleOfficer_IsNeverAGateFromTailoring()
    {
        var gates = 0;
        foreach (var profile in new[] { Profiles.AcuteTrust(), Profiles.GpPractice(), Profiles.Hospice() })
        {
            var ro = Item(Tailor.For(Repository.Standards, profile), "STF-08");
            Assert.That(ro.Evaluation, Is.EqualTo(EvaluationMethod.Information), profile.Name);
            Assert.That(ro.Strength, Is.EqualTo(Strength.Should), profile.Name);
            gates += ro.Evaluation == EvaluationMethod.Gate ? 1 : 0;
        }

        Assert.That(gates, Is.Zero);
    }

    [Test]
    public void ClinicalAttachments_ApplyWhereAppropriate_NotByTrustType()
    {
        var gp = Item(Tailor.For(Repository.Standards, Profiles.GpPractice()), "TRN-04");
        var hospice = Item(Tailor.For(Repository.Standards, Profiles.Hospice()), "TRN-04");

        Assert.That(gp.Applies && hospice.Applies, Is.True);
        Assert.That(gp.Reason, Is.EqualTo("Applies to every organisation."));
    }

    [Test]
    public void FullRangeOfServices_IsTheCommissionersDuty_NotPutToProviders()
    {
        var specification = Tailor.For(Repository.Standards, Profiles.AcuteTrust());

        var split = Item(specification, "CORE-07");
        Assert.Multiple(() =>
        {
            Assert.That(split.Applies, Is.True);
            Assert.That(split.IsCommissionerDuty, Is.True);
            Assert.That(split.Evaluation, Is.EqualTo(EvaluationMethod.Information));
            Assert.That(split.Reason, Is.EqualTo("Applies to every organisation. " + Tailor.CommissionerDutyReason));
            Assert.That(specification.CommissionerDuties.Select(i => i.Requirement.Id), Is.EqualTo(new[] { "CORE-07" }));
            Assert.That(specification.ForProviders.Select(i => i.Requirement.Id), Does.Not.Contain("CORE-07"));
            Assert.That(specification.ForProviders.Count() + specification.CommissionerDuties.Count(), Is.EqualTo(specification.Applicable.Count()));
        });
    }

    [Test]
    public void TenderDraft_LeavesTheCommissionersDutyOutOfTheAwardCriteria()
    {
        var combined = Tailor.ForGroup(Repository.Standards, [Profiles.AcuteTrust(), Profiles.GpPractice()]);

        var lot = TenderBuilder.DraftLot(Repository.Standards, combined, ["acute", "gp"], "lot-1", "All members");

        Assert.That(combined.Applicable.Select(i => i.Requirement.Id), Does.Contain("CORE-07"));
        Assert.That(lot.Gates.Select(g => g.RequirementId), Does.Not.Contain("CORE-07"));
        Assert.That(lot.Questions.Select(q => q.RequirementId), Does.Not.Contain("CORE-07"));
        Assert.That(lot.Questions.Select(q => q.RequirementId), Does.Contain("CORE-01"), "the provider's own core services are still scored");
    }

    [Test]
    public void SubSpecialismGate_AsksOnlyForTheAreasThatApply()
    {
        var umbrella = Item(Tailor.For(Repository.Standards, Profiles.Hospice()), "SUB-01");

        Assert.That(umbrella.Evaluation, Is.EqualTo(EvaluationMethod.Gate));
        Assert.That(umbrella.Requirement.ProviderQuestion, Does.Contain("each specialist area that applies to our organisation"));
        Assert.That(string.Join(" ", umbrella.Requirement.Evidence), Does.Contain("specialist areas that apply to the organisation").And.Not.Contain("ten"));
    }

    [Test]
    public void SmallerOrganisations_GetTheAccessRequirementForPrimaryCare()
    {
        Assert.That(Item(Tailor.For(Repository.Standards, Profiles.GpPractice()), "ACC-04").Applies, Is.True);
        Assert.That(Item(Tailor.For(Repository.Standards, Profiles.AcuteTrust()), "ACC-04").Applies, Is.False);
    }

    [Test]
    public void PopulationHealthNeeds_AreNamedInTheReason()
    {
        var flex = Item(Tailor.For(Repository.Standards, Profiles.AcuteTrust()), "STF-04");

        Assert.That(flex.Reason, Is.EqualTo("Applies because health needs have been identified in the organisation or its local population (High rate of obesity)."));
    }

    [Test]
    public void EveryItem_HasAReason_AndEveryRequirementIsListedOnce()
    {
        var specification = Tailor.For(Repository.Standards, Profiles.Hospice());

        Assert.That(specification.Items.Select(i => i.Requirement.Id), Is.EqualTo(Repository.Standards.Requirements.Select(r => r.Id)));
        Assert.That(specification.Items.Where(i => string.IsNullOrWhiteSpace(i.Reason)), Is.Empty);
    }

    [Test]
    public void CombinedIcsSpecification_CarriesEachMembersReason()
    {
        var members = new[] { Profiles.AcuteTrust(), Profiles.GpPractice(), Profiles.Hospice() };

        var combined = Tailor.ForGroup(Repository.Standards, members);

        var radiation = combined.Items.Single(i => i.Requirement.Id == "SUB-06");
        Assert.Multiple(() =>
        {
            Assert.That(radiation.Applies, Is.True);
            Assert.That(radiation.Strength, Is.EqualTo(Strength.Must));
            Assert.That(radiation.Members.Select(m => (m.Member.Name, m.Tailored.Reason)), Is.EqualTo(new[]
            {
                ("City Hospitals NHS Foundation Trust", "Applies because staff work with ionising radiation."),
                ("Riverside Surgery", "Does not apply because " + NoRadiation + "."),
                ("St Clare Hospice", "Does not apply because " + NoRadiation + "."),
            }));
            Assert.That(radiation.Summary, Is.EqualTo("Applies to 1 of 3 members: City Hospitals NHS Foundation Trust."));
            Assert.That(combined.TotalHeadcount, Is.EqualTo(8_500 + 45 + 180));
        });
    }

    [Test]
    public void CombinedSpecification_TakesTheStrongestLevelAnyMemberNeeds()
    {
        var combined = Tailor.ForGroup(Repository.Standards, [Profiles.GpPractice(), Profiles.AcuteTrust()]);

        var esr = combined.Items.Single(i => i.Requirement.Id == "INF-03");
        Assert.That(esr.Strength, Is.EqualTo(Strength.Must));
        Assert.That(esr.Evaluation, Is.EqualTo(EvaluationMethod.Gate));
        Assert.That(esr.Summary, Is.EqualTo("Applies to all 2 members. Essential for City Hospitals NHS Foundation Trust."));
        Assert.That(esr.Members[0].Tailored.Evaluation, Is.EqualTo(EvaluationMethod.Scored), "each member keeps its own level");
    }

    [Test]
    public void CombinedSpecification_NeedsAtLeastOneMember()
    {
        Assert.Throws<ArgumentException>(() => Tailor.ForGroup(Repository.Standards, []));
    }

    [Test]
    public void Tailoring_IsDeterministic()
    {
        var first = Tailor.For(Repository.Standards, Profiles.AcuteTrust());
        var second = Tailor.For(Repository.Standards, Profiles.AcuteTrust());

        Assert.That(second.Items.Select(i => (i.Requirement.Id, i.Applies, i.Strength, i.Evaluation, i.Reason)),
            Is.EqualTo(first.Items.Select(i => (i.Requirement.Id, i.Applies, i.Strength, i.Evaluation, i.Reason))));
    }
}
