using Commissioning.Core.Conditions;
using Commissioning.Core.Profiles;
using Commissioning.Core.Standards;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Standards;

/// <summary>
/// The rule sets claim no more than the sources (issue 7, section 2). One test per correction,
/// each of which fails on the text before the correction, and checks that every field going
/// beyond the sources' words is marked as the toolkit's judgement with a reason.
/// </summary>
public sealed class SourceFidelityTests
{
    private static Requirement Get(string id) =>
        Repository.Standards.FindRequirement(id) ?? throw new InvalidOperationException($"No requirement {id}.");

    private static OrganisationProfile Profile(OrganisationType type, bool trainees, params Exposure[] exposures) => new()
    {
        Name = "Test organisation",
        Type = type,
        Headcount = 100,
        HostsMedicalTrainees = trainees,
        Exposures = exposures.ToHashSet(),
    };

    // ---- INF-03: essential for trusts that host medical trainees (guide, "Clinical information exchange") ----

    [Test]
    public void EsrInterface_IsEssentialOnlyForTrustsHostingTrainees()
    {
        var essential = Get("INF-03").EssentialWhen!;
        var checkedCases = 0;
        foreach (var type in Vocabulary.OrganisationTypes)
        {
            foreach (var trainees in new[] { true, false })
            {
                var expected = trainees && type.Id.EndsWith("-trust", StringComparison.Ordinal);
                Assert.That(essential.Holds(Profile(type.Value, trainees)), Is.EqualTo(expected), $"{type.Id}, trainees {trainees}");
                checkedCases++;
            }
        }

        Assert.That(checkedCases, Is.EqualTo(14));
        Assert.That(Get("INF-03").JudgementOn(JudgedField.EssentialWhen), Does.Contain("trusts"));
    }

    // ---- STF-08: the guide only asks who the Responsible Officer is ----

    [Test]
    public void ResponsibleOfficer_IsNeitherAMustNorAGate_AndDoesNotClaimEveryDoctorHasOne()
    {
        var ro = Get("STF-08");

        Assert.That(ro.Strength, Is.Not.EqualTo(Strength.Must));
        Assert.That(ro.Evaluation, Is.Not.EqualTo(EvaluationMethod.Gate));
        Assert.That(ro.EssentialWhen, Is.Null);
        Assert.That(ro.JudgementOn(JudgedField.Strength), Does.Contain("only asks"));
        // A doctor with no prescribed connection to a designated body revalidates through a
        // suitable person or directly with the GMC, so neither the text nor a gate may say every
        // licensed doctor has a Responsible Officer.
        Assert.That(ro.Statement, Does.Contain("Responsible Officers) Regulations 2010").And.Contain("suitable person").And.Contain("do not describe it as a legal duty"));
        Assert.That(ro.Statement + ro.JudgementOn(JudgedField.Strength), Does.Not.Match("(?<![Nn]ot )every licensed doctor has one").And.Not.Contain("require every licensed doctor"));
    }

    // ---- SUB-01: the guide's list is open, and it asks for the relevant areas ----

    [Test]
    public void SubSpecialismGate_DoesNotAskForAllTenAreas()
    {
        var umbrella = Get("SUB-01");
        var text = string.Join(" ", umbrella.ProviderQuestion, umbrella.Statement, string.Join("; ", umbrella.Evidence));

        Assert.That(text, Does.Not.Contain("ten specialist areas").And.Not.Contain("each of the areas listed in the guide").And.Not.Contain("each of the areas below"));
        Assert.That(umbrella.ProviderQuestion, Does.Contain("applies to our organisation"));
        Assert.That(Repository.Standards.FindRuleSet("sub-specialisms")!.Introduction, Does.Contain("list is open"));
    }

    // ---- SUB-02: nothing in the guide makes it essential for exposure-prone procedures ----

    [Test]
    public void BloodBorneViruses_HaveNoEssentialCondition()
    {
        Assert.That(Get("SUB-02").EssentialWhen, Is.Null);
        Assert.That(Get("SUB-02").Evaluation, Is.Not.EqualTo(EvaluationMethod.Gate));
    }

    // ---- SUB-06: the guide says radiation, not ionising radiation ----

    [Test]
    public void Radiation_AppliesToIonisingAndNonIonisingSources()
    {
        var radiation = Get("SUB-06").AppliesWhen;
        Exposure[] sources = [Exposure.IonisingRadiation, Exposure.Lasers, Exposure.UltravioletRadiation, Exposure.Mri];

        var held = sources.Count(e => radiation.Holds(Profile(OrganisationType.SmallOrganisation, false, e)));

        Assert.That(held, Is.EqualTo(4));
        Assert.That(radiation.Holds(Profile(OrganisationType.SmallOrganisation, false, Exposure.CytotoxicDrugs)), Is.False);
    }

    [TestCase("lasers", Exposure.Lasers)]
    [TestCase("ultraviolet-radiation", Exposure.UltravioletRadiation)]
    [TestCase("mri", Exposure.Mri)]
    public void NonIonisingExposures_AreInTheVocabularyAndTheConditionLanguage(string id, Exposure exposure)
    {
        Assert.That(Vocabulary.TryGetExposure(id, out var term), Is.True);
        Assert.That(term.Value, Is.EqualTo(exposure));
        Assert.That(ConditionParser.Parse($"exposed_to {id}"), Is.EqualTo(new ExposedToCondition(exposure)));
    }

    // ---- CORE-07: a duty on the buying organisation ----

    [Test]
    public void FullRangeOfServices_IsTheCommissionersDuty_ForInformationOnly()
    {
        var split = Get("CORE-07");

        Assert.That(split.DutyOf, Is.EqualTo(DutyHolder.Commissioner));
        Assert.That(split.Evaluation, Is.EqualTo(EvaluationMethod.Information));
        Assert.That(split.EssentialWhen, Is.Null);
        Assert.That(split.Statement, Does.Contain("duty on your organisation, not on the provider"));
        Assert.That(Repository.Standards.Requirements.Where(r => r.IsCommissionerDuty).Select(r => r.Id), Is.EqualTo(new[] { "CORE-07" }));
    }

    // ---- STF-04: an organisational need as well as a public health need ----

    [Test]
    public void StaffingFlex_CoversOrganisationalNeedsAsWellAsPublicHealthNeeds()
    {
        var flex = Get("STF-04");

        Assert.That(flex.Statement, Does.Contain("in the organisation itself").And.Contain("public health"));
        Assert.That(flex.AppliesWhen.Describe(), Is.EqualTo("a health need has been identified in the organisation or its local population"));
    }

    // ---- TRN-04: "where appropriate"; the trust-type trigger was the toolkit's invention ----

    [Test]
    public void ClinicalAttachments_HaveNoTrustTypeTrigger()
    {
        Assert.That(Get("TRN-04").AppliesWhen, Is.EqualTo(AlwaysCondition.Instance));
        Assert.That(Get("TRN-04").Statement, Does.Contain("where appropriate"));
    }

    // ---- INF-01: sharing with other providers in general, including immunisation status ----

    [Test]
    public void InformationSharing_IsWithOtherProvidersGenerally_IncludingImmunisationStatus()
    {
        var sharing = Get("INF-01");

        Assert.That(sharing.Statement, Does.Not.Contain("other OH providers when staff move"));
        Assert.That(sharing.Statement, Does.Contain("immunisation status").And.Contain("not limit this to other OH services"));
    }

    // ---- Strengths ----

    [Test]
    public void SectorSpecificDomain_IsOptional_AsTheGuideSays()
    {
        Assert.That(Get("SEQ-07").Strength, Is.EqualTo(Strength.Optional));
    }

    [TestCase("RTW-03")]
    [TestCase("ACC-03")]
    public void DescriptiveSources_GiveNoShould_AndTheChosenStrengthIsMarked(string id)
    {
        Assert.That(Get(id).Strength, Is.LessThan(Strength.Should));
        Assert.That(Get(id).JudgementOn(JudgedField.Strength), Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public void MaturityFrameworkUse_IsANationalAim_AskedForInformation()
    {
        var framework = Get("DEV-03");

        Assert.That(framework.Evaluation, Is.EqualTo(EvaluationMethod.Information));
        Assert.That(framework.Statement, Does.Contain("national aim"));
        Assert.That(framework.JudgementOn(JudgedField.Strength), Does.Contain("national aim"));
    }

    [Test]
    public void OutputMeasures_AreAtLeastAsStrongAsInputMeasures()
    {
        var input = Get("DAT-01");
        var output = Get("DAT-02");

        Assert.That(output.Strength, Is.GreaterThanOrEqualTo(input.Strength));
        Assert.That(output.Evaluation, Is.GreaterThanOrEqualTo(input.Evaluation));
        Assert.That(output.Maturity, Is.LessThanOrEqualTo(input.Maturity), "output measures are not a later stage than input measures");
    }

    // ---- Maturity: the roadmap names the levels but does not define them ----

    [TestCase("PRN-07")]
    [TestCase("PRN-08")]
    [TestCase("GOV-09")]
    [TestCase("GOV-10")]
    public void GuidesMinimumAndPlainShoulds_AreCore(string id)
    {
        Assert.That(Get(id).Maturity, Is.EqualTo(MaturityLevel.Core));
    }

    [Test]
    public void EveryLabelAboveCore_CarriesTheToolkitsReason()
    {
        var aboveCore = Repository.Standards.Requirements.Where(r => r.Maturity != MaturityLevel.Core).ToList();

        Assert.That(aboveCore, Has.Count.GreaterThanOrEqualTo(8));
        Assert.That(aboveCore.Where(r => string.IsNullOrWhiteSpace(r.JudgementOn(JudgedField.Maturity))).Select(r => r.Id), Is.Empty);
    }

    [Test]
    public void CoreLabelsOutsideTheGuide_CarryTheToolkitsReason()
    {
        // Core is the guide's minimum; a requirement that does not cite the guide is core only by the toolkit's judgement.
        var outside = Repository.Standards.Requirements
            .Where(r => r.Maturity == MaturityLevel.Core && r.Sources.All(s => s.DocumentKey != "COHS-2023"))
            .ToList();

        Assert.That(outside.Select(r => r.Id), Is.EquivalentTo(new[] { "ACC-03", "ACC-04", "DAT-01", "DAT-02" }));
        Assert.That(outside.Where(r => string.IsNullOrWhiteSpace(r.JudgementOn(JudgedField.Maturity))).Select(r => r.Id), Is.Empty);
    }

    [Test]
    public void GuidesGoodPractice_IsTransformative_AndGuidesMustsAndShoulds_AreCore()
    {
        var guideOnly = Repository.Standards.Requirements.Where(r => r.Sources.All(s => s.DocumentKey == "COHS-2023")).ToList();
        var checkedCount = 0;
        foreach (var requirement in guideOnly)
        {
            var expected = requirement.Strength == Strength.GoodPractice && requirement.JudgementOn(JudgedField.Strength) is null
                ? MaturityLevel.Transformative
                : MaturityLevel.Core;
            Assert.That(requirement.Maturity, Is.EqualTo(expected), requirement.Id);
            checkedCount++;
        }

        Assert.That(checkedCount, Is.GreaterThanOrEqualTo(60));
    }

    [Test]
    public void MaturityExplanations_SayTheLevelsAreTheToolkitsMapping()
    {
        var glossary = Repository.Standards.Glossary.Single(g => g.Term == "Maturity levels").Definition;
        var serviceDevelopment = Repository.Standards.FindRuleSet("service-development")!.Introduction;

        Assert.That(glossary, Does.Contain("does not define them").And.Contain("toolkit's own mapping"));
        Assert.That(serviceDevelopment, Does.Contain("does not define them").And.Contain("toolkit's own mapping"));
    }

    // ---- Guide questions and the missing roadmap and pilot points ----

    [Test]
    public void GuideQuestion16_IsAboutInterventions_NotOnlyTreatment()
    {
        var question = Get("RTW-02").GuideQuestion!;

        Assert.That(question.Id, Is.EqualTo("GQ-16"));
        Assert.That(question.Text, Does.Contain("interventions").And.Not.Contain("treatment"));
    }

    [Test]
    public void OutputMeasures_IncludeHowPreventiveInterventionsImprovedHealthAndWellbeing()
    {
        var output = Get("DAT-02");

        Assert.That(output.Statement, Does.Contain("how preventive interventions have improved health and wellbeing"));
        Assert.That(output.ProviderQuestion, Does.Contain("preventive interventions"));
    }

    [Test]
    public void PilotFinding_StaffFoundTheRangeOfResourcesOverwhelming_IsARequirement()
    {
        var focused = Get("ACC-08");

        Assert.That(focused.Statement, Does.Contain("overwhelming"));
        Assert.That(focused.Sources, Is.EqualTo(new[] { new SourceReference("EOHWB-PILOT-2021", "Phase 1 findings") }));
    }

    // ---- The toolkit's judgement is marked wherever a field goes beyond the sources ----

    [Test]
    public void EveryJudgement_HasAReasonOfSeveralWords()
    {
        var judgements = Repository.Standards.Requirements.SelectMany(r => r.Judgements.Select(j => (r.Id, j))).ToList();

        Assert.That(judgements, Has.Count.GreaterThanOrEqualTo(40), "the judgements counted");
        Assert.That(judgements.Where(x => x.j.Reason.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 6).Select(x => $"{x.Id} {x.j.Field}"), Is.Empty);
    }

    [Test]
    public void EveryGateAndEveryEssentialCondition_IsMarkedAsTheToolkitsJudgement()
    {
        var gates = Repository.Standards.Requirements.Where(r => r.Evaluation == EvaluationMethod.Gate).ToList();
        var essentials = Repository.Standards.Requirements.Where(r => r.EssentialWhen is not null).ToList();

        Assert.That(gates.Select(g => g.Id), Is.EqualTo(new[] { "SEQ-01", "GOV-01", "STF-01", "STF-07", "SUB-01" }));
        Assert.That(essentials.Select(e => e.Id), Is.EqualTo(new[] { "INF-03" }));
        Assert.That(gates.Where(g => g.JudgementOn(JudgedField.EvaluatedAs) is null).Select(g => g.Id), Is.Empty);
        Assert.That(essentials.Where(e => e.JudgementOn(JudgedField.EssentialWhen) is null).Select(e => e.Id), Is.Empty);
    }

    [TestCase("STF-08")]
    [TestCase("TRN-05")]
    [TestCase("TRN-06")]
    [TestCase("RTW-02")]
    [TestCase("ORG-01")]
    public void StrengthsInferredFromABareQuestion_AreMarked(string id)
    {
        Assert.That(Get(id).JudgementOn(JudgedField.Strength), Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public void SubSpecialismConditions_AreMarkedAsTheToolkitsReadingOfWhenNeeded()
    {
        var areas = Repository.Standards.FindRuleSet("sub-specialisms")!.Requirements.Skip(1).ToList();

        Assert.That(areas, Has.Count.EqualTo(10));
        Assert.That(areas.Where(a => a.JudgementOn(JudgedField.AppliesWhen) is null).Select(a => a.Id), Is.Empty);
    }

    // ---- Glossary ----

    [TestCase("Health surveillance")]
    [TestCase("Employee assistance programme")]
    [TestCase("Equality impact assessment")]
    [TestCase("GMC")]
    [TestCase("NMC")]
    [TestCase("WTE")]
    [TestCase("Benchmarking")]
    [TestCase("NHS Constitution")]
    [TestCase("Clinical attachment")]
    [TestCase("Toolkit judgement")]
    public void Glossary_ExplainsTheTerm(string term)
    {
        Assert.That(Repository.Standards.Glossary.Select(g => g.Term), Does.Contain(term));
    }

    [TestCase("PRN-03", "Equality impact assessment")]
    [TestCase("CORE-01", "Health surveillance")]
    [TestCase("ACC-05", "Employee assistance programme")]
    [TestCase("STF-06", "GMC")]
    [TestCase("STF-06", "NMC")]
    [TestCase("STF-01", "WTE")]
    [TestCase("GOV-08", "Benchmarking")]
    [TestCase("GOV-04", "NHS Constitution")]
    [TestCase("TRN-04", "Clinical attachment")]
    public void RequirementUsingATerm_GetsItsExplanation(string id, string term)
    {
        var requirement = Get(id);
        var index = new GlossaryIndex(Repository.Standards);

        var terms = index.TermsIn([requirement.Title, requirement.Statement, requirement.ProviderQuestion, string.Join(" ", requirement.Evidence)]);

        Assert.That(terms.Select(t => t.Term), Does.Contain(term));
    }
}
