using Commissioning.Core.Profiles;
using Commissioning.Core.Standards;
using Commissioning.Core.Tailoring;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Tailoring;

/// <summary>Tailoring the real standards to organisations.</summary>
public sealed class TailoringTests
{
    private static TailoredRequirement Item(Specification specification, string id) =>
        specification.Items.Single(i => i.Requirement.Id == id);

    [Test]
    public void HostingMedicalTrainees_MakesTheEsrInterfaceAMustAndAGate()
    {
        var specification = Tailor.For(Repository.Standards, Profiles.AcuteTrust());

        var esr = Item(specification, "INF-03");
        Assert.Multiple(() =>
        {
            Assert.That(esr.Applies, Is.True);
            Assert.That(esr.Essential, Is.True);
            Assert.That(esr.Strength, Is.EqualTo(Strength.Must));
            Assert.That(esr.Evaluation, Is.EqualTo(EvaluationMethod.Gate));
            Assert.That(esr.Reason, Is.EqualTo("Applies to every organisation. It is essential here because the organisation hosts doctors in training, so it is a must and a pass/fail gate."));
            Assert.That(specification.Gates.Select(g => g.Requirement.Id), Does.Contain("INF-03"));
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
            Assert.That(esr.Reason, Does.Contain("It is not essential here because the organisation does not host doctors in training; it would become a must and a pass/fail gate if the organisation hosts doctors in training."));
        });
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
    public void NoIonisingRadiation_RadiationExpertiseDoesNotApply_AndSaysWhy()
    {
        var radiation = Item(Tailor.For(Repository.Standards, Profiles.GpPractice()), "SUB-06");

        Assert.That(radiation.Applies, Is.False);
        Assert.That(radiation.Reason, Is.EqualTo("Does not apply because no staff work with ionising radiation."));
    }

    [Test]
    public void ExposureProneProcedures_MakeBloodBorneVirusExpertiseAGate()
    {
        var acute = Item(Tailor.For(Repository.Standards, Profiles.AcuteTrust()), "SUB-02");
        var gp = Item(Tailor.For(Repository.Standards, Profiles.GpPractice()), "SUB-02");

        Assert.That(acute.Evaluation, Is.EqualTo(EvaluationMethod.Gate));
        Assert.That(gp.Applies, Is.True);
        Assert.That(gp.Evaluation, Is.EqualTo(EvaluationMethod.Scored));
        Assert.That(gp.Reason, Does.StartWith("Applies because staff have clinical contact with blood or body fluids."));
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

        Assert.That(flex.Reason, Is.EqualTo("Applies because local population health needs have been identified (High rate of obesity)."));
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
                ("Riverside Surgery", "Does not apply because no staff work with ionising radiation."),
                ("St Clare Hospice", "Does not apply because no staff work with ionising radiation."),
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
