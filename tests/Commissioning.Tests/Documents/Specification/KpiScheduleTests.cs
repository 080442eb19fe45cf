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

    /// <summary>
    /// The number words in a target (a figure written out, such as "a quarter above" or "at least
    /// one"), leaving out the periods a baseline is measured over ("the first two quarters", "a
    /// baseline quarter"), which are times, not targets.
    /// </summary>
    private static List<string> NumberWords(string text)
    {
        var periods = System.Text.RegularExpressions.Regex.Replace(text, @"\b(first (two|three|four) quarters|baseline quarter|each quarter)\b", string.Empty, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return [.. System.Text.RegularExpressions.Regex.Matches(periods, @"\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|half|halves|quarters?|thirds?|fifths?|tenths?|double|twice|treble|per ?cent|percentage points?)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Select(m => m.Value)];
    }

    [TestCase("ask the provider to explain a month more than a quarter above or below it", "quarter")]
    [TestCase("agree that they include at least one where the service could have done better", "one")]
    [TestCase("no more than fifteen per cent", "per cent")]
    [TestCase("Set a baseline from the first two quarters, then agree a share", null)]
    public void NumberWords_FindFiguresInWords_ButNotTheBaselinePeriods(string text, string? found) =>
        Assert.That(NumberWords(text), found is null ? Is.Empty : Has.Member(found));

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
            Assert.That(NumberWords(measure.SuggestedTarget), Is.Empty, $"{measure.Id}: a figure in words in {measure.SuggestedTarget}");
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
