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
        - **Toolkit judgement:** evaluated as: a bid without a team cannot deliver the service
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
            Assert.That(requirement.Judgements, Is.EqualTo(new[] { new ToolkitJudgement(JudgedField.EvaluatedAs, "a bid without a team cannot deliver the service") }));
            Assert.That(requirement.JudgementOn(JudgedField.Strength), Is.Null);
            Assert.That(requirement.DutyOf, Is.EqualTo(DutyHolder.Provider));
        });
    }

    [Test]
    public void UnknownField_IsRefusedWithFileLineAndTheKnownFields()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", ValidRuleSet.Replace("- **Maturity:** core", "- **Maturity:** core\n- **Priority:** high", StringComparison.Ordinal)));

        Assert.That(Messages(errors), Is.EqualTo(
            "01-staffing.md, line 21: Unknown field 'Priority' in STF-01. Known fields: Strength, Evaluated as, Applies when, Essential when, Maturity, Ask providers, Evidence, Guide question, Source, Duty of, Toolkit judgement."));
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

        Assert.That(Messages(errors), Is.EqualTo("01-staffing.md, line 17: Unknown strength 'may' in STF-01. Use must, should, good practice or optional."));
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
            "01-staffing.md, line 27: The guide question GQ-01 is already attached to STF-01 in 01-staffing.md. Each guide question belongs to one requirement."));
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
            "01-staffing.md, line 17: Unknown strength 'may' in STF-01. Use must, should, good practice or optional.",
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

    // ---- The toolkit's judgement and the duty holder ----

    private static string WithFields(string replaceFrom, string replaceTo) =>
        ValidRuleSet.Replace(replaceFrom, replaceTo, StringComparison.Ordinal);

    [Test]
    public void SeveralJudgements_AreReadInFileOrder_WithTheirReasons()
    {
        var text = WithFields("- **Strength:** must\n- **Evaluated as:** gate", "- **Strength:** must\n- **Evaluated as:** gate")
            .Replace("- **Maturity:** core", "- **Maturity:** transformative", StringComparison.Ordinal)
            + "\n- **Toolkit judgement:** maturity: a roadmap aim beyond the guide's minimum\n- **Toolkit judgement:** Strength: the guide only asks the question";

        var requirement = StandardsParser.Load([new("sources.md", Sources), new("01-staffing.md", text)]).FindRequirement("STF-01")!;

        Assert.That(requirement.Judgements.Select(j => (j.Field, j.Reason)), Is.EqualTo(new[]
        {
            (JudgedField.EvaluatedAs, "a bid without a team cannot deliver the service"),
            (JudgedField.Maturity, "a roadmap aim beyond the guide's minimum"),
            (JudgedField.Strength, "the guide only asks the question"),
        }));
    }

    [Test]
    public void GateWithoutAJudgement_IsRefused_AtTheEvaluatedAsLine()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", WithFields("\n- **Toolkit judgement:** evaluated as: a bid without a team cannot deliver the service", "")));

        Assert.That(Messages(errors), Is.EqualTo(
            "01-staffing.md, line 18: STF-01 is a gate. The sources never say pass or fail, so a gate is the toolkit's judgement: add '- **Toolkit judgement:** evaluated as: ' and one line saying why failing it should exclude a bid."));
    }

    [Test]
    public void EssentialWhenWithoutAJudgement_IsRefused()
    {
        var text = WithFields("- **Applies when:** always", "- **Applies when:** always\n- **Essential when:** hosts_medical_trainees");

        var errors = Load(("sources.md", Sources), ("01-staffing.md", text));

        Assert.That(Messages(errors), Is.EqualTo(
            "01-staffing.md, line 20: STF-01 has 'Essential when', which makes it a must and a gate where it holds. That is the toolkit's judgement: add '- **Toolkit judgement:** essential when: ' and one line saying why."));
    }

    [TestCase("transformative")]
    [TestCase("exemplary")]
    public void MaturityAboveCoreWithoutAJudgement_IsRefused(string level)
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", WithFields("- **Maturity:** core", $"- **Maturity:** {level}")));

        Assert.That(Messages(errors), Is.EqualTo(
            $"01-staffing.md, line 20: STF-01 is labelled {level}. The roadmap does not define its maturity levels, so a label above core is the toolkit's mapping: add '- **Toolkit judgement:** maturity: ' and one line saying why."));
    }

    [TestCase("priority: it matters", "01-staffing.md, line 25: The toolkit judgement in STF-01 names 'priority', which is not a field it can mark. Use strength, evaluated as, applies when, essential when, maturity.")]
    [TestCase("the gate is ours", "01-staffing.md, line 25: The toolkit judgement in STF-01 must be 'field: reason', such as 'strength: the guide only asks the question'. Fields it can mark: strength, evaluated as, applies when, essential when, maturity.")]
    [TestCase("strength:", "01-staffing.md, line 25: The toolkit judgement on 'strength' in STF-01 has no reason. After 'strength:' write one line saying why the toolkit goes beyond the sources.")]
    [TestCase("essential when: trusts only", "01-staffing.md, line 25: STF-01 marks 'essential when' as the toolkit's judgement but has no 'Essential when' field.")]
    [TestCase("evaluated as: a second reason", "01-staffing.md, line 26: STF-01 marks 'evaluated as' as the toolkit's judgement more than once. Give one reason for each field.")]
    public void MalformedJudgement_IsRefusedWithItsLine(string judgement, string expected)
    {
        // The malformed judgement goes on line 25, before the valid one (now line 26).
        var text = WithFields("- **Toolkit judgement:** evaluated as: a bid without a team cannot deliver the service",
            "- **Toolkit judgement:** " + judgement + "\n- **Toolkit judgement:** evaluated as: a bid without a team cannot deliver the service");

        var errors = Load(("sources.md", Sources), ("01-staffing.md", text));

        Assert.That(Messages(errors), Is.EqualTo(expected));
    }

    [Test]
    public void CommissionerDuty_IsReadAsInformationForProviders()
    {
        var text = WithFields("- **Evaluated as:** gate", "- **Evaluated as:** information")
            .Replace("- **Toolkit judgement:** evaluated as: a bid without a team cannot deliver the service", "- **Duty of:** commissioner", StringComparison.Ordinal);

        var requirement = StandardsParser.Load([new("sources.md", Sources), new("01-staffing.md", text)]).FindRequirement("STF-01")!;

        Assert.That(requirement.DutyOf, Is.EqualTo(DutyHolder.Commissioner));
        Assert.That(requirement.IsCommissionerDuty, Is.True);
    }

    [TestCase("- **Evaluated as:** scored", "01-staffing.md, line 18: STF-01 is a duty of the commissioner, so it cannot be scored or pass or fail against providers. Make it 'Evaluated as: information'.")]
    [TestCase("- **Evaluated as:** information\n- **Essential when:** hosts_medical_trainees\n- **Toolkit judgement:** essential when: trusts host trainees", "01-staffing.md, line 19: STF-01 is a duty of the commissioner, so it cannot become a must and a gate for providers. Remove 'Essential when'.")]
    public void CommissionerDuty_PutToBiddersAsScoredOrGated_IsRefused(string evaluation, string expected)
    {
        var text = WithFields("- **Evaluated as:** gate", evaluation)
            .Replace("- **Toolkit judgement:** evaluated as: a bid without a team cannot deliver the service", "- **Duty of:** commissioner", StringComparison.Ordinal);

        var errors = Load(("sources.md", Sources), ("01-staffing.md", text));

        Assert.That(Messages(errors), Is.EqualTo(expected));
    }

    [Test]
    public void UnknownDutyHolder_IsRefused()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", ValidRuleSet + "\n- **Duty of:** the ICB"));

        Assert.That(Messages(errors), Is.EqualTo("01-staffing.md, line 26: Unknown duty holder 'the ICB' in STF-01. Use provider or commissioner."));
    }

    [Test]
    public void OptionalStrength_IsRead()
    {
        var text = WithFields("- **Strength:** must\n- **Evaluated as:** gate", "- **Strength:** optional\n- **Evaluated as:** information")
            .Replace("- **Toolkit judgement:** evaluated as: a bid without a team cannot deliver the service\n", "", StringComparison.Ordinal)
            .Replace("\n- **Toolkit judgement:** evaluated as: a bid without a team cannot deliver the service", "", StringComparison.Ordinal);

        var requirement = StandardsParser.Load([new("sources.md", Sources), new("01-staffing.md", text)]).FindRequirement("STF-01")!;

        Assert.That(requirement.Strength, Is.EqualTo(Strength.Optional));
        Assert.That(StandardsParser.Words(requirement.Strength), Is.EqualTo("optional"));
    }

    // ---- Hostile and careless Markdown (issue 7, section 5) ----

    [Test]
    public void RawHtmlBlock_IsRefusedWithItsLine()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", WithFields("An introduction.", "<div onclick=\"steal()\">An introduction.</div>")));

        Assert.That(Messages(errors), Is.EqualTo(
            "01-staffing.md, line 11: Raw HTML is not allowed in a standards file, but this line starts an HTML block ('<div onclick=\"steal()\">An introduction.</div>'). Write it in Markdown instead."));
    }

    [Test]
    public void HtmlComment_IsRefusedAsRawHtml()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", WithFields("An introduction.", "An introduction.\n\n<!-- a note for editors -->")));

        Assert.That(Messages(errors), Is.EqualTo(
            "01-staffing.md, line 13: Raw HTML is not allowed in a standards file, but this line starts an HTML block ('<!-- a note for editors -->'). Write it in Markdown instead."));
    }

    [Test]
    public void InlineHtml_IsRefusedOncePerLine_NamingTheFirstTag()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", WithFields("The provider has a team of several disciplines.", "The provider has a <b>team</b> of <i>several</i> disciplines.")));

        Assert.That(Messages(errors), Is.EqualTo(
            "01-staffing.md, line 15: Raw HTML is not allowed in a standards file, but this line has the HTML tag '<b>'. Write it in Markdown instead."));
    }

    [Test]
    public void HtmlInsideCodeAndAutolinks_IsNotRawHtml()
    {
        var text = WithFields("An introduction.", "An introduction with `<b>` in code and a link <https://www.nhsemployers.org>.\n\n```\n<div>example</div>\n```");

        var errors = Load(("sources.md", Sources), ("01-staffing.md", text));

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void UnclosedCodeFence_IsRefusedAtItsOpeningLine_AndNothingElseIsReported()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", WithFields("An introduction.", "An introduction.\n\n```\nsome code")));

        Assert.That(Messages(errors), Is.EqualTo(
            "01-staffing.md, line 13: The code block that starts here with ``` is never closed, so the rest of the file would be read as code. Add a line with ``` where the code ends."));
    }

    private const string TooDeep =
        "The Markdown is nested too deeply to read: quotes, lists or brackets sit inside one another too many levels deep by this line. Rule set files need only a few levels; flatten this part.";

    [Test]
    public void QuoteMarkersNested130Deep_AreReportedWithFileAndLine_NotThrown()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", WithFields("An introduction.", new string('>', 130) + " An introduction.")));

        Assert.That(Messages(errors), Is.EqualTo($"01-staffing.md, line 11: {TooDeep}"));
    }

    [Test]
    public void ListNested2000Deep_IsReportedWithFileAndLine_NotThrown()
    {
        var list = string.Join("\n", Enumerable.Range(0, 2000).Select(i => new string(' ', i * 2) + "- level " + i));

        var errors = Load(("sources.md", Sources), ("01-staffing.md", WithFields("An introduction.", list)));

        // The list starts on line 11 at depth 1; depth 65 (line 75) is the first past the limit of 64.
        Assert.That(Messages(errors), Is.EqualTo($"01-staffing.md, line 75: {TooDeep}"));
    }

    [Test]
    public void ListMarkersNested200DeepOnOneLine_AreReportedWithTheirLine()
    {
        var errors = Load(("sources.md", Sources), ("01-staffing.md", WithFields("An introduction.", "An introduction.\n\n" + string.Concat(Enumerable.Repeat("- ", 200)) + "deep")));

        Assert.That(Messages(errors), Is.EqualTo($"01-staffing.md, line 13: {TooDeep}"));
    }

    [Test]
    public void BracketsNestedPastMarkdigsLimit_AreReportedWithTheirLine()
    {
        // The quick scan does not count brackets; Markdig refuses them itself, and the line is found
        // by parsing ever shorter beginnings of the file.
        var errors = Load(("sources.md", Sources), ("01-staffing.md", WithFields("The provider has a team of several disciplines.", new string('[', 20_000) + "team" + new string(']', 20_000))));

        Assert.That(Messages(errors), Is.EqualTo($"01-staffing.md, line 15: {TooDeep}"));
    }

    [TestCase("- a\n  - b\n    - c\n\n> quote\n> > nested quote\n\n1. one\n   1. one point one\n")]
    [TestCase("Text\n\n        indented code, not a list\n\n* * *\n")]
    public void OrdinaryNesting_PassesTheQuickScan(string markdown)
    {
        Assert.That(StandardsParser.FirstOverNestedLine(markdown), Is.Null);
    }

    [Test]
    public void DeeplyNestedFile_DoesNotStopTheOtherFilesBeingChecked()
    {
        var broken = WithFields("An introduction.", new string('>', 130) + " An introduction.");
        var alsoBroken = WithFields("- **Strength:** must", "- **Strength:** may").Replace("id: staffing", "id: other", StringComparison.Ordinal)
            .Replace("order: 1", "order: 2", StringComparison.Ordinal).Replace("STF-01", "STF-02", StringComparison.Ordinal).Replace("GQ-01", "GQ-02", StringComparison.Ordinal);

        var errors = Load(("sources.md", Sources), ("01-staffing.md", broken), ("02-other.md", alsoBroken));

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            $"01-staffing.md, line 11: {TooDeep}",
            "02-other.md, line 17: Unknown strength 'may' in STF-02. Use must, should, good practice or optional.",
        }));
    }

    [Test]
    public void NoFilesAtAll_SaysNoRuleSetFilesWereFoundInTheFolder_WithoutALineNumber()
    {
        var (catalogue, errors) = StandardsParser.TryLoad([], "/srv/oh/standards");

        Assert.That(catalogue, Is.Null);
        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "No rule set files found in /srv/oh/standards. Each rule set is a Markdown file (.md) whose front matter says 'kind: ruleset'.",
        }));
        Assert.That(errors[0].Line, Is.Zero);
    }

    [Test]
    public void OnlySourcesAndGlossary_SaysNoRuleSetFilesWereFound()
    {
        var glossary = "---\nkind: glossary\n---\n\n# Glossary\n\n## ESR\n\nThe staff record.\n";

        var errors = Load(("sources.md", Sources), ("glossary.md", glossary));

        Assert.That(Messages(errors), Is.EqualTo("No rule set files found in the standards folder. Each rule set is a Markdown file (.md) whose front matter says 'kind: ruleset'."));
    }

    [Test]
    public void DuplicateGlossaryTerm_IsReportedAtItsHeading_NotLineZero()
    {
        var glossary = "---\nkind: glossary\n---\n\n# Glossary\n\n## ESR\n\nThe staff record.\n\n## esr\n\nAgain.\n";

        var errors = Load(("sources.md", Sources), ("01-staffing.md", ValidRuleSet), ("glossary.md", glossary));

        Assert.That(Messages(errors), Is.EqualTo("glossary.md, line 11: The glossary term 'ESR' appears more than once: it is already explained at line 7."));
    }

    [Test]
    public void ConditionNestedTooDeeply_IsRefusedRatherThanExhaustingTheStack()
    {
        var condition = new string('(', 5000) + "always" + new string(')', 5000);

        var errors = Load(("sources.md", Sources), ("01-staffing.md", WithFields("- **Applies when:** always", "- **Applies when:** " + condition)));

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].ToString(), Does.StartWith("01-staffing.md, line 19: The condition '").And.EndWith(
            "in STF-01 (Applies when) is not valid at column 17: The condition nests 'not' and parentheses more than 16 deep. Write it more simply."));
    }

    [Test]
    public void ConditionWithTooManyTerms_IsRefused()
    {
        var condition = string.Join(" or ", Enumerable.Repeat("hosts_medical_trainees", 40));

        var errors = Load(("sources.md", Sources), ("01-staffing.md", WithFields("- **Applies when:** always", "- **Applies when:** " + condition)));

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Message, Does.EndWith("is not valid at column 833: The condition combines more than 32 tests. Write it more simply."));
    }
}
