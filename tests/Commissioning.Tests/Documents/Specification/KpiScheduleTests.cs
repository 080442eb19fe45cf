using Commissioning.Core.Standards;
using Commissioning.Core.Tailoring;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Documents.Specification;

/// <summary>The contract KPI schedule: every measure the roadmap names, tied to the requirements that ask for it, with the toolkit's choices marked.</summary>
public sealed class KpiScheduleTests
{
    // The roadmap's examples (GOHWBT-2022 § 4.1), as the schedule names them.
    private static readonly (MeasureKind Kind, string Name)[] RoadmapMeasures =
    [
        (MeasureKind.Input, "Referrals"), (MeasureKind.Input, "Appointments"), (MeasureKind.Input, "Waiting times"), (MeasureKind.Input, "Caseload"),
        (MeasureKind.Output, "Treatment outcomes"), (MeasureKind.Output, "Successful return to work"), (MeasureKind.Output, "Management of long-term conditions"),
        (MeasureKind.Output, "Satisfaction with the service"), (MeasureKind.Output, "Stories from staff who used the service"), (MeasureKind.Output, "Health surveillance"),
        (MeasureKind.Output, "Effect of preventive interventions"),
    ];

    [Test]
    public void Measures_NameEveryRoadmapMeasureOnce_WithItsKind()
    {
        var found = 0;
        foreach (var (kind, name) in RoadmapMeasures)
        {
            Assert.That(KpiSchedule.Measures.Where(m => m.Name == name).Select(m => m.Kind), Is.EqualTo(new[] { kind }), name);
            found++;
        }

        Assert.That(found, Is.EqualTo(11));
        Assert.That(KpiSchedule.Measures, Has.Count.EqualTo(RoadmapMeasures.Length));
    }

    [Test]
    public void Measures_HaveStableIdsInOrder()
    {
        Assert.That(KpiSchedule.Measures.Select(m => m.Id), Is.EqualTo(Enumerable.Range(1, 11).Select(i => $"KPI-{i:00}")));
    }

    [Test]
    public void Measures_AreAskedForByTheDataRequirement_AndCiteItsRoadmapSource()
    {
        var checkedMeasures = 0;
        foreach (var measure in KpiSchedule.Measures)
        {
            var requirement = Repository.Standards.FindRequirement(measure.RequirementId);
            Assert.That(requirement, Is.Not.Null, measure.Id);
            Assert.That(measure.RequirementId, Is.EqualTo(measure.Kind == MeasureKind.Input ? "DAT-01" : "DAT-02"), measure.Id);
            Assert.That(requirement!.Sources, Does.Contain(new SourceReference("GOHWBT-2022", "4.1 Using data to demonstrate the impact of OHWB")), measure.Id);
            Assert.That(measure.Sources, Does.Contain(requirement.Sources[0]), measure.Id);
            foreach (var source in measure.Sources)
            {
                Assert.That(Repository.Standards.Sources.Single(s => s.Key == source.DocumentKey).Sections, Does.Contain(source.Section), $"{measure.Id} cites a section sources.md lists");
            }

            checkedMeasures++;
        }

        Assert.That(checkedMeasures, Is.EqualTo(11));
    }

    [Test]
    public void Measures_GiveAReasonForEveryFrequencyAndTarget_AndNoTargetFigure()
    {
        var checkedMeasures = 0;
        foreach (var measure in KpiSchedule.Measures)
        {
            Assert.That(measure.Definition, Has.Length.GreaterThan(60), measure.Id);
            Assert.That(measure.FrequencyReason, Has.Length.GreaterThan(30), measure.Id);
            Assert.That(measure.TargetReason, Has.Length.GreaterThan(30), measure.Id);
            // The sources give no figures, so the schedule invents none: targets are set from a baseline or agreed.
            Assert.That(measure.SuggestedTarget.Any(char.IsDigit), Is.False, $"{measure.Id}: {measure.SuggestedTarget}");
            Assert.That(measure.Definition.Any(char.IsDigit), Is.False, $"{measure.Id}: {measure.Definition}");
            checkedMeasures++;
        }

        Assert.That(checkedMeasures, Is.EqualTo(11));
        Assert.That(KpiSchedule.Provenance, Does.Contain("toolkit's judgement").And.Contain("GOHWBT-2022 § 4.1"));
    }

    [Test]
    public void For_ASpecificationWhereTheOutputRequirementDoesNotApply_LeavesOutTheOutputMeasures()
    {
        var full = Tailor.For(Repository.Standards, Profiles.GpPractice());
        var withoutOutputs = full with { Items = [.. full.Items.Select(i => i.Requirement.Id == "DAT-02" ? i with { Applies = false } : i)] };

        Assert.That(KpiSchedule.For(full), Has.Count.EqualTo(11));
        Assert.That(KpiSchedule.For(withoutOutputs).Select(m => m.Kind), Is.EqualTo(Enumerable.Repeat(MeasureKind.Input, 4)));
    }

    [Test]
    public void For_ACollaborativeSpecification_HasEveryMeasure()
    {
        Assert.That(KpiSchedule.For(Tailor.ForGroup(Repository.Standards, [Profiles.GpPractice(), Profiles.AcuteTrust()])), Is.EqualTo(KpiSchedule.Measures));
    }
}
