using Commissioning.Core.Standards;

namespace Commissioning.Tests.Standards;

/// <summary>A malformed standards file is refused with its name, the line and what is wrong.</summary>
public sealed class MalformedFileTests
{
    private const string Sources = """
        ---
        kind: sources
        ---

        # Sources

        ## DOC-2023

        - **Title:** A guide
        - **Publisher:** A publisher
        - **Published:** 2023
        - **Sections:** Staffing; Audit
        """;

    // Line numbers below count from the first line of this text (line 1 is '---').
    private const string ValidRuleSet = """
        ---
        kind: ruleset
        id: staffing
        title: Staffing
        order: 1
        summary: Who delivers the service.
        ---

        # Staffing

        An introduction.

        ## STF-01 Multidisciplinary team

        The provider has a team of several disciplines.

        - **Strength:** must
        - **Evaluated as:** gate
        - **Applies when:** always
        - **Maturity:** core
        - **Ask providers:** Who is in your team?
        - **Evidence:** a staffing list; CVs
        - **Guide question:** GQ-01 Are the key staff named?
        - **Source:** DOC-2023 § Staffing
        """;

    private static IReadOnlyList<StandardsError> Load(params (string Name, string Text)[] files)
    {
        var (catalogue, errors) = StandardsParser.TryLoad(files.Select(f => new StandardsFile(f.Name, f.Text)));
        Assert.That(catalogue is null, Is.EqualTo(errors.Count > 0), "a catalogue is returned exactly when there are no errors");
        return errors;
    }

    private static string Messages(IReadOnlyList<StandardsError> errors) => string.Join("\n", errors);

    [Test]
    public void ValidFiles_LoadWithoutErrors()
    {
        var catalogue = StandardsParser.Load([new("sources.md", Sources), new("01-staffing.md", ValidRuleSet)]);

        var requirement = catalogue.FindRequirement("STF-01")!;
        Assert.Multiple(() =>
        {
            Assert.That(requirement.Strength, Is.EqualTo(Strength.Must));
            Assert.That(requirement.Evaluation, Is.EqualTo(EvaluationMethod.Gate));
            Assert.That(requirement.Evidence, Is.EqualTo(new[] { "a staffing list", "CVs" }));
            Assert.That(requirement.GuideQuestion, Is.EqualTo(new GuideQuestion("GQ-01", "Are the key staff named?")));
            Assert.That(requirement.Sources, Is.EqualTo(new[] { new SourceReference("DOC-2023", "Staffing") }));
            Assert.That(requirement.Line, Is.EqualTo(13));
            Assert.That(requirement.Statement, Is.EqualTo("The provider has a team of several disciplines."));
        });
    }

    [Test]
    public void UnknownField_IsRefusedWithFileLineAndTheKnownFields()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", ValidRuleSet.Replace("- **Maturity:** core", "- **Maturity:** core\n- **Priority:** high", StringComparison.Ordinal)));

        Assert.That(Messages(errors), Is.EqualTo(
            "01-staffing.md, line 21: Unknown field 'Priority' in STF-01. Known fields: Strength, Evaluated as, Applies when, Essential when, Maturity, Ask providers, Evidence, Guide question, Source."));
    }

    [Test]
    public void DuplicateRequirementId_AcrossFiles_NamesBothPlaces()
    {
        var second = ValidRuleSet.Replace("id: staffing", "id: staffing-two", StringComparison.Ordinal)
            .Replace("order: 1", "order: 2", StringComparison.Ordinal)
            .Replace("GQ-01", "GQ-02", StringComparison.Ordinal);

        var errors = Load(("sources.md", Sources), ("01-staffing.md", ValidRuleSet), ("02-more.md", second));

        Assert.That(Messages(errors), Is.EqualTo(
            "02-more.md, line 13: Duplicate requirement id STF-01: it is already used in 01-staffing.md at line 13."));
    }

    [Test]
    public void MissingQuestion_IsRefusedAtTheRequirementHeading()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", ValidRuleSet.Replace("- **Ask providers:** Who is in your team?\n", "", StringComparison.Ordinal)));

        Assert.That(Messages(errors), Is.EqualTo("01-staffing.md, line 13: STF-01 has no question to providers. Add an 'Ask providers' field."));
    }

    [Test]
    public void UnknownStrength_IsRefusedWithTheAllowedWords()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", ValidRuleSet.Replace("- **Strength:** must", "- **Strength:** may", StringComparison.Ordinal)));

        Assert.That(Messages(errors), Is.EqualTo("01-staffing.md, line 17: Unknown strength 'may' in STF-01. Use must, should or good practice."));
    }

    [Test]
    public void ConditionThatDoesNotParse_IsRefusedWithTheColumn()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", ValidRuleSet.Replace("- **Applies when:** always", "- **Applies when:** headcount >= lots", StringComparison.Ordinal)));

        Assert.That(Messages(errors), Is.EqualTo(
            "01-staffing.md, line 19: The condition 'headcount >= lots' in STF-01 (Applies when) is not valid at column 14: Expected a whole number after '>=' but found 'lots'."));
    }

    [Test]
    public void ConditionNamingAnUnknownProfileField_IsRefused()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", ValidRuleSet.Replace("- **Applies when:** always", "- **Applies when:** hosts_trainees", StringComparison.Ordinal)));

        Assert.That(Messages(errors), Is.EqualTo(
            "01-staffing.md, line 19: The condition 'hosts_trainees' in STF-01 (Applies when) is not valid at column 1: Unknown profile field 'hosts_trainees'. " +
            "Known fields: always, hosts_medical_trainees, has_population_health_needs, smaller_organisation, exposed_to, type, delivery_model, headcount."));
    }

    [Test]
    public void ConditionNamingAnUnknownExposure_IsRefused()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", ValidRuleSet.Replace("- **Applies when:** always", "- **Applies when:** exposed_to x-rays", StringComparison.Ordinal)));

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Message, Does.StartWith("The condition 'exposed_to x-rays' in STF-01 (Applies when) is not valid at column 12: Unknown exposure 'x-rays'. Known exposures: ionising-radiation,"));
    }

    [Test]
    public void GateThatIsNotAMust_IsRefused()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", ValidRuleSet.Replace("- **Strength:** must", "- **Strength:** should", StringComparison.Ordinal)));

        Assert.That(Messages(errors), Is.EqualTo(
            "01-staffing.md, line 18: STF-01 is a gate but its strength is 'should'. A gate disqualifies bids, so only a 'must' requirement can be a gate."));
    }

    [Test]
    public void SourceSectionNotListed_IsRefused()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", ValidRuleSet.Replace("DOC-2023 § Staffing", "DOC-2023 § Staff", StringComparison.Ordinal)));

        Assert.That(Messages(errors), Is.EqualTo("01-staffing.md, line 24: The section 'Staff' in STF-01 is not a section of DOC-2023 listed in sources.md."));
    }

    [Test]
    public void FileWithoutFrontMatter_IsRefused()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", "# Staffing\n\nText.\n"));

        Assert.That(Messages(errors), Is.EqualTo("01-staffing.md, line 1: The file has no front matter. Start it with a '---' block that gives at least 'kind'."));
    }

    [Test]
    public void HeadingWithoutAnId_IsRefused()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", ValidRuleSet.Replace("## STF-01 Multidisciplinary team", "## Multidisciplinary team", StringComparison.Ordinal)));

        Assert.That(Messages(errors), Is.EqualTo(
            "01-staffing.md, line 13: The heading 'Multidisciplinary team' must start with a requirement id and then a title, such as '## GOV-03 Evidence-based guidelines'. Ids are two to four capital letters, a hyphen and two digits."));
    }

    [Test]
    public void UnknownFrontMatterKey_IsRefused()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", ValidRuleSet.Replace("order: 1", "order: 1\nauthor: me", StringComparison.Ordinal)));

        Assert.That(Messages(errors), Is.EqualTo("01-staffing.md, line 6: Unknown front matter key 'author'. Allowed keys: kind, id, title, order, summary."));
    }

    [Test]
    public void SameGuideQuestionOnTwoRequirements_IsRefused()
    {
        var twoRequirements = ValidRuleSet + "\n\n" + ValidRuleSet[ValidRuleSet.IndexOf("## STF-01", StringComparison.Ordinal)..].Replace("STF-01", "STF-02", StringComparison.Ordinal);

        var errors = Load(("sources.md", Sources), ("01-staffing.md", twoRequirements));

        Assert.That(Messages(errors), Is.EqualTo(
            "01-staffing.md, line 26: The guide question GQ-01 is already attached to STF-01 in 01-staffing.md. Each guide question belongs to one requirement."));
    }

    [Test]
    public void SeveralProblems_AreAllReportedTogether_InFileAndLineOrder()
    {
        var broken = ValidRuleSet
            .Replace("- **Strength:** must", "- **Strength:** may", StringComparison.Ordinal)
            .Replace("- **Maturity:** core", "- **Maturity:** advanced", StringComparison.Ordinal)
            .Replace("- **Ask providers:** Who is in your team?", "- **Ask providers:** Tell us about your team.", StringComparison.Ordinal);
        var alsoBroken = "---\nkind: glossary\n---\n\n# Glossary\n\n## ESR\n";

        var errors = Load(("sources.md", Sources), ("01-staffing.md", broken), ("glossary.md", alsoBroken));

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "01-staffing.md, line 17: Unknown strength 'may' in STF-01. Use must, should or good practice.",
            "01-staffing.md, line 20: Unknown maturity level 'advanced' in STF-01. Use core, transformative or exemplary.",
            "01-staffing.md, line 21: The question to providers in STF-01 must end with a question mark.",
            "glossary.md, line 7: The glossary term 'ESR' has no explanation.",
        }));
    }

    [Test]
    public void Load_WithErrors_ThrowsWithEveryProblemInTheMessage()
    {
        var broken = ValidRuleSet.Replace("- **Strength:** must", "- **Strength:** may", StringComparison.Ordinal);

        var exception = Assert.Throws<StandardsLoadException>(() => StandardsParser.Load([new("sources.md", Sources), new("01-staffing.md", broken)]));

        Assert.That(exception!.Message, Does.Contain("1 problem.").And.Contain("01-staffing.md, line 17: Unknown strength 'may'"));
    }
}
