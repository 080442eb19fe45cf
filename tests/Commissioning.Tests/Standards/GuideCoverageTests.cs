using Commissioning.Core.Standards;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Standards;

/// <summary>
/// Traceability to the NHS Employers guide (COHS-2023) and the roadmap: every requirement and
/// every commissioner question is named here, so removing one from the standards fails a test.
/// </summary>
public sealed class GuideCoverageTests
{
    /// <summary>Every requirement id, by area.</summary>
    private static readonly string[] RequirementIds =
    [
        // Principles and standards: the seven principles and the umbrella.
        "PRN-01", "PRN-02", "PRN-03", "PRN-04", "PRN-05", "PRN-06", "PRN-07", "PRN-08",
        // SEQOHS accreditation and its six domains.
        "SEQ-01", "SEQ-02", "SEQ-03", "SEQ-04", "SEQ-05", "SEQ-06", "SEQ-07",
        // The six core services and the split of responsibility.
        "CORE-01", "CORE-02", "CORE-03", "CORE-04", "CORE-05", "CORE-06", "CORE-07",
        // Clinical governance, service audit and the evidence base.
        "GOV-01", "GOV-02", "GOV-03", "GOV-04", "GOV-05", "GOV-06", "GOV-07", "GOV-08", "GOV-09", "GOV-10",
        // Staffing.
        "STF-01", "STF-02", "STF-03", "STF-04", "STF-05", "STF-06", "STF-07", "STF-08",
        // Specialist training and education.
        "TRN-01", "TRN-02", "TRN-03", "TRN-04", "TRN-05", "TRN-06",
        // The umbrella and the ten sub-specialisms.
        "SUB-01", "SUB-02", "SUB-03", "SUB-04", "SUB-05", "SUB-06", "SUB-07", "SUB-08", "SUB-09", "SUB-10", "SUB-11",
        // Clinical information exchange, including ESR.
        "INF-01", "INF-02", "INF-03",
        // Service development.
        "DEV-01", "DEV-02", "DEV-03",
        // Early return to work.
        "RTW-01", "RTW-02", "RTW-03",
        // Working with the organisation.
        "ORG-01", "ORG-02",
        // Access (roadmap 2.1, 2.2, 2.6, 2.7, 2.8; pilot evaluation, including the overwhelming offer).
        "ACC-01", "ACC-02", "ACC-03", "ACC-04", "ACC-05", "ACC-06", "ACC-07", "ACC-08",
        // Data and impact (roadmap 4.1; pilot evaluation).
        "DAT-01", "DAT-02", "DAT-03", "DAT-04", "DAT-05",
    ];

    /// <summary>
    /// Each question the guide tells commissioners to ask, keyed by our id, with the requirement
    /// that tests it and a word or two that must appear in our wording of it.
    /// </summary>
    private static readonly (string Question, string Requirement, string Gist)[] GuideQuestions =
    [
        ("GQ-01", "SEQ-01", "SEQOHS"),
        ("GQ-02", "PRN-01", "minimum principles and standards"),
        ("GQ-03", "GOV-01", "governance"),
        ("GQ-04", "GOV-04", "contribute evidence that the organisation complies"),
        ("GQ-05", "GOV-05", "audit"),
        ("GQ-06", "STF-01", "key clinicians"),
        ("GQ-07", "STF-06", "qualifications"),
        ("GQ-08", "STF-05", "CPD"),
        ("GQ-09", "STF-08", "Responsible Officer"),
        ("GQ-10", "TRN-05", "nursing practice teachers"),
        ("GQ-11", "TRN-06", "StR"),
        ("GQ-12", "TRN-03", "develop its OH workforce"),
        ("GQ-13", "SUB-01", "specialist areas"),
        ("GQ-14", "INF-03", "Electronic Staff Record"),
        ("GQ-15", "DEV-01", "develop the service"),
        ("GQ-16", "RTW-02", "rapid access to interventions"),
        ("GQ-17", "ORG-01", "communication"),
    ];

    /// <summary>Every section of the guide that states requirements or asks questions.</summary>
    private static readonly string[] GuideSections =
    [
        "Principles and standards", "The six domains applicable to all OH services", "Additional standards for OH in the NHS",
        "Clinical governance and auditing", "Service audit", "Contributing to the evidence base", "Staffing requirements",
        "Specialist training and education", "Sub-specialisation", "Clinical information exchange", "OH service development",
        "Supporting early return to work", "Working with the organisation",
    ];

    [Test]
    public void Standards_HoldExactlyTheNamedRequirements_InGuideOrder()
    {
        Assert.That(Repository.Standards.Requirements.Select(r => r.Id), Is.EqualTo(RequirementIds));
    }

    [TestCaseSource(nameof(QuestionCases))]
    public void GuideQuestion_IsAttachedToTheRequirementThatTestsIt(string questionId, string requirementId, string gist)
    {
        var requirement = Repository.Standards.RequirementForGuideQuestion(questionId);

        Assert.That(requirement, Is.Not.Null, $"{questionId} is attached to no requirement");
        Assert.That(requirement!.Id, Is.EqualTo(requirementId));
        Assert.That(requirement.GuideQuestion!.Text, Does.Contain(gist).IgnoreCase);
    }

    [Test]
    public void Standards_HaveNoGuideQuestionsBeyondTheNamedOnes()
    {
        Assert.That(Repository.Standards.GuideQuestions.Select(q => q.Id), Is.EqualTo(GuideQuestions.Select(q => q.Question)));
    }

    [TestCaseSource(nameof(SectionCases))]
    public void GuideSection_IsCitedByAtLeastOneRequirement(string section)
    {
        var citing = Repository.Standards.Requirements
            .Where(r => r.Sources.Any(s => s.DocumentKey == "COHS-2023" && s.Section == section))
            .Select(r => r.Id);

        Assert.That(citing, Is.Not.Empty, $"No requirement cites COHS-2023 § {section}");
    }

    [Test]
    public void SubSpecialisms_CoverAllTenAreasOfTheGuide()
    {
        var titles = Repository.Standards.FindRuleSet("sub-specialisms")!.Requirements.Skip(1).Select(r => r.Title.ToLowerInvariant()).ToList();

        foreach (var area in new[] { "blood-borne", "tuberculosis", "asthma", "senior health professionals", "radiation", "genetically modified", "outbreaks", "research", "ergonomics", "cytotoxic" })
        {
            Assert.That(titles.Any(t => t.Contains(area, StringComparison.Ordinal)), Is.True, $"No sub-specialism requirement for '{area}'");
        }
    }


    private static IEnumerable<TestCaseData> QuestionCases() =>
        GuideQuestions.Select(q => new TestCaseData(q.Question, q.Requirement, q.Gist).SetName($"GuideQuestion_{q.Question}_IsTestedBy_{q.Requirement}"));

    private static IEnumerable<TestCaseData> SectionCases() =>
        GuideSections.Select(s => new TestCaseData(s).SetName($"GuideSection_{s.Replace(' ', '_')}_IsCited"));
}
