using Commissioning.Core.Standards;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Standards;

/// <summary>The real standards folder: every file loads, and each rule set is well formed.</summary>
public sealed class StandardsFolderTests
{
    public static IEnumerable<TestCaseData> EveryFile() =>
        Repository.StandardsFiles().Select(f => new TestCaseData(f.FileName).SetName($"Load_{f.FileName}_HasNoProblems"));

    [TestCaseSource(nameof(EveryFile))]
    public void EachFile_LoadsTogetherWithTheRest_WithoutProblems(string fileName)
    {
        var (_, errors) = StandardsParser.TryLoad(Repository.StandardsFiles());

        Assert.That(errors.Where(e => e.File == fileName).Select(e => e.ToString()), Is.Empty);
    }

    [Test]
    public void Load_WholeFolder_GivesThirteenRuleSetsInGuideOrder()
    {
        var standards = Repository.Standards;

        Assert.That(standards.RuleSets.Select(r => r.Id), Is.EqualTo(new[]
        {
            "principles", "seqohs", "core-services", "clinical-governance", "staffing", "specialist-training",
            "sub-specialisms", "information-exchange", "service-development", "early-return-to-work",
            "working-with-the-organisation", "access", "data-and-impact",
        }));
    }

    [Test]
    public void EveryRuleSet_HasAnIntroductionAndASummary()
    {
        foreach (var ruleSet in Repository.Standards.RuleSets)
        {
            Assert.That(ruleSet.Introduction, Is.Not.Empty, ruleSet.FileName);
            Assert.That(ruleSet.Summary, Is.Not.Empty, ruleSet.FileName);
        }
    }

    [Test]
    public void EveryRequirement_HasAStatementQuestionEvidenceAndSource()
    {
        foreach (var requirement in Repository.Standards.Requirements)
        {
            Assert.That(requirement.Statement, Has.Length.GreaterThan(40), requirement.Id);
            Assert.That(requirement.ProviderQuestion, Does.EndWith("?"), requirement.Id);
            Assert.That(requirement.Evidence, Is.Not.Empty, requirement.Id);
            Assert.That(requirement.Sources, Is.Not.Empty, requirement.Id);
        }
    }

    [Test]
    public void EveryGate_IsAMust()
    {
        var gates = Repository.Standards.Requirements.Where(r => r.Evaluation == EvaluationMethod.Gate).ToList();

        Assert.That(gates, Is.Not.Empty);
        Assert.That(gates.Where(g => g.Strength != Strength.Must).Select(g => g.Id), Is.Empty);
    }

    [Test]
    public void Glossary_ExplainsEveryTermTheBriefNames()
    {
        var terms = Repository.Standards.Glossary.Select(g => g.Term).ToList();

        Assert.That(terms, Is.SupersetOf(new[] { "SEQOHS", "ESR", "CCT", "CESR", "MoHaWK2", "StR", "ICS", "PCN", "Responsible Officer" }));
    }

    [Test]
    public void SourceFiles_DoNotContainRawHtml()
    {
        foreach (var file in Repository.StandardsFiles())
        {
            Assert.That(file.Text, Does.Not.Match("<[a-zA-Z/][^>]*>"), file.FileName);
        }
    }
}
