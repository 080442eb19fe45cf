using Commissioning.Core.Readiness;
using Commissioning.Core.Standards;
using Commissioning.Core.Tailoring;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Evaluation;

public sealed class ReadinessTests
{
    private static Declarations NearlyReady() => new()
    {
        Seqohs = SeqohsStatus.Accredited,
        SeqohsDate = new DateOnly(2022, 5, 1),
        Esr = EsrInterface.Planned,
        EsrDate = new DateOnly(2027, 4, 1),
        ResponsibleOfficer = "Dr A Example",
        ConsultantQualification = ConsultantQualification.Cct,
        Staffing = new StaffingFigures { OccupationalPhysicians = 2.5m, OhNurses = 8m },
        SubSpecialisms = new Dictionary<string, SubSpecialismProvision>
        {
            ["SUB-02"] = new() { Mode = ProvisionMode.Direct },
            ["SUB-06"] = new() { Mode = ProvisionMode.NotOffered },
        },
        Evidence = new Dictionary<string, IReadOnlyList<string>>
        {
            ["GOV-01"] = ["Clinical governance framework 2026"],
            ["GOV-02"] = ["MoHaWK2 registration"],
        },
    };

    [TestCase(ConsultantQualification.Cct, true)]
    [TestCase(ConsultantQualification.Cesr, true)]
    [TestCase(ConsultantQualification.NoConsultant, true)]
    [TestCase(ConsultantQualification.None, false)]
    public void Stf07_AsksAboutAnyConsultantsQualification_NotThatThereBeOne(ConsultantQualification declared, bool passes)
    {
        // STF-07: any consultant should hold a CCT or CESR; a service with no consultant has none
        // lacking one, while consultants without either fail it.
        var check = Commissioning.Core.Evaluation.DeclarationChecks.Check("STF-07", NearlyReady() with { ConsultantQualification = declared });

        Assert.That(check?.Passed, Is.EqualTo(passes));
        Assert.That(check?.Reason, Is.Not.Empty);
    }

    [Test]
    public void AgainstASpecification_NamesTheGatesItWouldFail()
    {
        var specification = Tailor.For(Repository.Standards, Profiles.AcuteTrust());

        var report = ReadinessCheck.Against(Repository.Standards, specification, "Example OH Ltd", NearlyReady());

        Assert.That(report.GatesFailed.Select(g => (g.Id, g.Explanation)), Is.EqualTo(new[]
        {
            ("INF-03", "Two-way ESR interface planned for 1 April 2027, not live."),
        }));
        Assert.That(report.Gates.Single(g => g.Id == "SEQ-01").Status, Is.EqualTo(ReadinessStatus.Ready));
        Assert.That(report.Target, Is.EqualTo("the specification for City Hospitals NHS Foundation Trust"));
    }

    [Test]
    public void AgainstASpecification_ListsMustAndShouldGaps()
    {
        var report = ReadinessCheck.Against(Repository.Standards, Tailor.For(Repository.Standards, Profiles.AcuteTrust()), "Example OH Ltd", NearlyReady());

        var radiation = report.Items.Single(i => i.Requirement.Id == "SUB-06");
        Assert.That(radiation.Status, Is.EqualTo(ReadinessStatus.NotMet));
        Assert.That(radiation.DeclaredPosition, Is.EqualTo("radiation expertise not offered"));
        Assert.That(report.MustGaps.Select(i => i.Requirement.Id), Does.Contain("SUB-06").And.Contain("CORE-01"));
        Assert.That(report.MustGaps.Select(i => i.Requirement.Id), Does.Not.Contain("GOV-01").And.Not.Contain("SEQ-01"));
        Assert.That(report.ShouldGaps.Select(i => i.Requirement.Id), Does.Contain("GOV-03").And.Not.Contain("GOV-02"));
        Assert.That(report.Items.Single(i => i.Requirement.Id == "GOV-02").EvidenceHeld, Is.EqualTo(new[] { "MoHaWK2 registration" }));
    }

    [Test]
    public void ReadinessByArea_WeightsMustOverShouldOverGoodPractice()
    {
        var report = ReadinessCheck.Against(Repository.Standards, Tailor.For(Repository.Standards, Profiles.AcuteTrust()), "Example OH Ltd", NearlyReady());

        var information = report.Areas.Single(a => a.Area.Id == "information-exchange");
        // INF-01 should (2), INF-02 should (2), INF-03 must and a gate here (3): none ready.
        Assert.That((information.Applicable, information.Ready, information.Percent), Is.EqualTo((3, 0, 0m)));
        var seqohs = report.Areas.Single(a => a.Area.Id == "seqohs");
        // SEQ-01 ready (must 3); SEQ-02..06 must (3 each) and SEQ-07 good practice (1) have no evidence: 3 of 19.
        Assert.That(seqohs.Percent, Is.EqualTo(300m / 19m));
        Assert.That(report.OverallPercent, Is.InRange(0m, 100m));
    }

    [Test]
    public void AgainstATender_UsesItsGatesAndTheRequirementsItsQuestionsCite()
    {
        var tender = Evaluation.Packs.Tender(Evaluation.Packs.Lot(
            [Evaluation.Packs.Section("s1", 100m, Evaluation.Packs.Q("Q1", 50m, requirementId: "GOV-02"), Evaluation.Packs.Q("Q2", 50m, requirementId: "RTW-02"))],
            gates:
            [
                new Gate { Id = "G1", Title = "SEQOHS", RequirementId = "SEQ-01", Description = "Accredited or working towards it." },
                new Gate { Id = "G2", Title = "Governance", RequirementId = "GOV-01", Description = "A clinical governance framework." },
                new Gate { Id = "G3", Title = "Insurance", Description = "Clinical negligence cover of at least £10m." },
            ]));

        var report = ReadinessCheck.AgainstTender(Repository.Standards, tender, "Example OH Ltd", NearlyReady());

        Assert.That(report.Items.Select(i => (i.Requirement.Id, i.Status)), Is.EqualTo(new[]
        {
            ("SEQ-01", ReadinessStatus.Ready),
            ("GOV-01", ReadinessStatus.Ready),
            ("GOV-02", ReadinessStatus.Ready),
            ("RTW-02", ReadinessStatus.NoEvidence),
        }));
        Assert.That(report.Gates.Select(g => (g.Id, g.Status)), Is.EqualTo(new[]
        {
            ("G1", ReadinessStatus.Ready), ("G2", ReadinessStatus.Ready), ("G3", ReadinessStatus.NoEvidence),
        }));
        Assert.That(report.Gates.Single(g => g.Id == "G3").Explanation, Is.EqualTo("The panel decides this gate on evidence: Clinical negligence cover of at least £10m."));
        Assert.That(report.Items.Single(i => i.Requirement.Id == "GOV-01").Evaluation, Is.EqualTo(EvaluationMethod.Gate));
    }
}
