using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Core.Tenders.Validation;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Evaluation;

/// <summary>The set-up task list (which task each problem belongs to, each task's status) and the set-up changes.</summary>
public sealed class TenderSetupTests
{
    private static readonly RegimeChoice Act = new() { Regime = ProcurementRegime.ProcurementAct2023, Procedure = "Open procedure", Rationale = "Not a health care service." };

    private static Tender TwoMembers() =>
        TenderDrafts.AddMember(TenderDrafts.AddMember(TenderDrafts.New("OH for Riverside", "RIV-1", Act), Profiles.AcuteTrust("City Hospitals")), Profiles.GpPractice("Riverside Surgery"));

    private static IReadOnlyList<SetupProblem> ProblemsOf(Tender tender) =>
        TenderSetup.Problems(new TenderValidator(Repository.Standards).Validate(tender).Errors.Select(e => (e.PropertyName, e.ErrorMessage)));

    [TestCase("Title", SetupTask.Details)]
    [TestCase("Regime.Procedure", SetupTask.Details)]
    [TestCase("Members", SetupTask.Members)]
    [TestCase("Members[1].Profile.Headcount", SetupTask.Members)]
    [TestCase("Lots", SetupTask.Lots)]
    [TestCase("Lots[0].MemberIds", SetupTask.Lots)]
    [TestCase("Lots[3].Title", SetupTask.Lots)]
    [TestCase("Lots[0].Sections", SetupTask.AwardCriteria)]
    [TestCase("Lots[0].Sections[2].Questions[4].Weight", SetupTask.AwardCriteria)]
    [TestCase("Lots[0].Sections[2].MinimumPercent", SetupTask.ScaleAndThresholds)]
    [TestCase("Lots[0].Sections[2].Questions[4].MinimumScore", SetupTask.ScaleAndThresholds)]
    [TestCase("Lots[1].MinimumQualityPercent", SetupTask.ScaleAndThresholds)]
    [TestCase("Scale.Levels[2]", SetupTask.ScaleAndThresholds)]
    [TestCase("SpreadFlag", SetupTask.ScaleAndThresholds)]
    [TestCase("Lots[0].Gates[1].RequirementId", SetupTask.Gates)]
    [TestCase("Lots[0].QualityWeight", SetupTask.AwardCriteria)]
    [TestCase("Lots[0].Price.Method", SetupTask.PriceAndScoring)]
    [TestCase("Lots[0].Price.Ceiling", SetupTask.PriceAndScoring)]
    [TestCase("Lots[0].TieBreak.SectionId", SetupTask.PriceAndScoring)]
    [TestCase("Lots[0].AbnormallyLowPercent", SetupTask.PriceAndScoring)]
    [TestCase("BidDeadline", SetupTask.KeyDates)]
    [TestCase("ClarificationDeadline", SetupTask.KeyDates)]
    [TestCase("Evaluators", SetupTask.People)]
    [TestCase("Assignments[2].QuestionIds[0]", SetupTask.People)]
    public void TaskOf_PutsEachProblemWithTheTaskThatFixesIt(string path, SetupTask task) =>
        Assert.That(TenderSetup.TaskOf(path), Is.EqualTo(task));

    [Test]
    public void EveryPathTheValidatorUses_OnAnEmptyAndABrokenTender_HasATask()
    {
        // A tender with every kind of problem the validator finds: each lands on a task other than Details unless it is about the details.
        var tender = TenderDrafts.SetLots(TwoMembers(), Repository.Standards, [new LotPlan(null, "All", ["city-hospitals", "riverside-surgery"])]) with { Title = "" };
        var problems = ProblemsOf(tender);
        Assert.That(problems, Is.Not.Empty);
        Assert.That(problems.Where(p => p.Task == SetupTask.Details).Select(p => p.Path), Is.EqualTo(new[] { "Title" }));
        Assert.That(problems.Where(p => p.Task == SetupTask.People).Select(p => p.Message), Does.Contain("Add at least one evaluator"));
    }

    [Test]
    public void Assess_ANewTender_OnlyDetailsMembersAndScaleCanStart()
    {
        var tender = TenderDrafts.New("OH for Riverside", null, Act);
        var tasks = TenderSetup.Assess(tender, ProblemsOf(tender), new HashSet<SetupTask>());
        var status = tasks.ToDictionary(t => t.Task, t => t.Status);
        Assert.Multiple(() =>
        {
            Assert.That(status[SetupTask.Details], Is.EqualTo(SetupStatus.InProgress), "entered, not yet marked complete");
            Assert.That(status[SetupTask.Members], Is.EqualTo(SetupStatus.NotStarted));
            Assert.That(status[SetupTask.Lots], Is.EqualTo(SetupStatus.CannotStartYet));
            Assert.That(tasks.Single(t => t.Task == SetupTask.Lots).WaitsFor, Is.EqualTo(new[] { SetupTask.Members }));
            Assert.That(status[SetupTask.AwardCriteria], Is.EqualTo(SetupStatus.CannotStartYet));
            Assert.That(status[SetupTask.People], Is.EqualTo(SetupStatus.CannotStartYet));
            Assert.That(TenderSetup.ReadyToPublish(tasks), Is.False);
        });
    }

    [Test]
    public void Assess_ATaskMarkedCompleteWithAProblem_IsStillInProgress_AndCompletedOnlyWhenMarked()
    {
        var tender = TwoMembers() with { Regime = Act with { Procedure = "" } };
        var marked = new HashSet<SetupTask> { SetupTask.Details, SetupTask.Members };
        var tasks = TenderSetup.Assess(tender, ProblemsOf(tender), marked).ToDictionary(t => t.Task);
        Assert.That(tasks[SetupTask.Details].Status, Is.EqualTo(SetupStatus.InProgress), "marked, but the procedure is missing");
        Assert.That(tasks[SetupTask.Details].Problems.Single().Message, Does.StartWith("Enter the procedure or process"));
        Assert.That(tasks[SetupTask.Members].Status, Is.EqualTo(SetupStatus.Completed));
        Assert.That(tasks[SetupTask.Lots].Status, Is.EqualTo(SetupStatus.NotStarted), "members completed, so lots can start");

        var unmarked = TenderSetup.Assess(tender, ProblemsOf(tender), new HashSet<SetupTask>()).ToDictionary(t => t.Task);
        Assert.That(unmarked[SetupTask.Members].Status, Is.EqualTo(SetupStatus.InProgress), "no problem, but not marked complete");
    }

    [Test]
    public void AddMember_MakesIdsFromNames_NeverTheSameTwice()
    {
        var tender = TenderDrafts.AddMember(TwoMembers(), Profiles.AcuteTrust("City Hospitals"));
        Assert.That(tender.Members.Select(m => m.Id), Is.EqualTo(new[] { "city-hospitals", "riverside-surgery", "city-hospitals-2" }));
        Assert.That(TenderDrafts.Slug("  St Clare's Hospice (Ltd) ", "member"), Is.EqualTo("st-clare-s-hospice-ltd"));
        Assert.That(TenderDrafts.Slug("<>!!", "member"), Is.EqualTo("member"));
        Assert.That(TenderDrafts.UniqueId("lot-1", ["lot-1", "lot-2"]), Is.EqualTo("lot-3"));
        Assert.That(TenderDrafts.NextNumbered("G", ["G1", "G2", "G5", "custom"]), Is.EqualTo("G6"), "one more than the highest: a removed gate's id is not reused");
        Assert.That(TenderDrafts.NextNumbered("e", []), Is.EqualTo("e1"));
    }

    [Test]
    public void SetLots_DraftsCriteriaFromTheMembers_KeepsALotWhoseMembersStay_AndRedraftsOneWhoseMembersChange()
    {
        var tender = TenderDrafts.SetLots(TwoMembers(), Repository.Standards,
            [new LotPlan(null, "Trust", ["city-hospitals"]), new LotPlan(null, "Practice", ["riverside-surgery"])]);
        Assert.That(tender.Lots.Select(l => l.Id), Is.EqualTo(new[] { "lot-1", "lot-2" }));
        var trust = tender.Lots[0];
        Assert.That(trust.Sections, Is.Not.Empty, "criteria drafted from the trust's specification");
        Assert.That(trust.Sections.Sum(s => s.Weight), Is.EqualTo(100m));
        Assert.That(trust.Questions.Count(), Is.GreaterThan(tender.Lots[1].Questions.Count()), "an acute trust needs more than a small practice");

        // Change the trust's weights, rename it, and move the practice into it: the second lot is redrafted, the first kept.
        var weighted = TenderDrafts.SetWeights(tender, "lot-1", 70m, 30m, new Dictionary<string, decimal>(), new Dictionary<string, decimal>());
        var renamed = TenderDrafts.SetLots(weighted, Repository.Standards,
            [new LotPlan("lot-1", "Trust services", ["city-hospitals"]), new LotPlan("lot-2", "Everyone", ["riverside-surgery", "city-hospitals"])]);
        Assert.That(renamed.Lots[0].Title, Is.EqualTo("Trust services"));
        Assert.That(renamed.Lots[0].QualityWeight, Is.EqualTo(70m), "same members: the lot keeps what was set");
        Assert.That(renamed.Lots[1].Questions.Select(q => q.RequirementId), Is.SupersetOf(trust.Questions.Select(q => q.RequirementId)), "the practice's lot now serves the trust too, so it asks all the trust needs");

        var removed = TenderDrafts.RemoveMember(renamed, "city-hospitals");
        Assert.That(removed.Lots[0].MemberIds, Is.Empty);
        Assert.That(removed.Lots[1].MemberIds, Is.EqualTo(new[] { "riverside-surgery" }));
        Assert.That(ProblemsOf(removed).Any(p => p.Task == SetupTask.Lots && p.Message.Contains("serves no members", StringComparison.Ordinal)));
    }

    [Test]
    public void SetWeights_WritesPercentages_AndTheCheckFindsALevelThatDoesNotAddUp()
    {
        var tender = TenderDrafts.SetLots(TwoMembers(), Repository.Standards, [new LotPlan(null, "All", ["city-hospitals", "riverside-surgery"])]);
        var lot = tender.Lots[0];
        var first = lot.Sections[0];
        var changed = TenderDrafts.SetWeights(tender, lot.Id, 65m, 30m,
            new Dictionary<string, decimal> { [first.Id] = first.Weight + 5m },
            new Dictionary<string, decimal> { [first.Questions[0].Id] = 99m });
        var problems = ProblemsOf(changed).Where(p => p.Task == SetupTask.AwardCriteria).Select(p => p.Message).ToList();
        Assert.That(problems, Has.Some.Contains("Quality and price weights for lot 1 (All) add up to 95%"));
        Assert.That(problems, Has.Some.Contains("Section weights for lot 1 (All) add up to 105%"));
        Assert.That(problems, Has.Some.Contains($"Question weights in section {first.Id}"));
    }

    [Test]
    public void Declarations_AreJudgedAtTheBidDeadline_ADateAfterItDoesNotPass()
    {
        var deadline = new DateOnly(2027, 3, 26);
        var accredited = new Declarations { Seqohs = SeqohsStatus.Accredited, SeqohsDate = new DateOnly(2099, 1, 1), Esr = EsrInterface.Live, EsrDate = new DateOnly(2027, 3, 27) };
        Assert.Multiple(() =>
        {
            Assert.That(Commissioning.Core.Evaluation.DeclarationChecks.Check("SEQ-01", accredited, deadline)!.Passed, Is.False);
            Assert.That(Commissioning.Core.Evaluation.DeclarationChecks.Check("SEQ-01", accredited, deadline)!.Reason, Does.Contain("after the bid deadline (26 March 2027)"));
            Assert.That(Commissioning.Core.Evaluation.DeclarationChecks.Check("INF-03", accredited, deadline)!.Passed, Is.False, "live only from the day after the deadline");
            Assert.That(Commissioning.Core.Evaluation.DeclarationChecks.Check("INF-03", accredited with { EsrDate = deadline }, deadline)!.Passed, Is.True, "live on the deadline itself counts");
            Assert.That(Commissioning.Core.Evaluation.DeclarationChecks.Check("SEQ-01", accredited, null)!.Passed, Is.True, "a tender without a bid deadline judges the declaration as made");
        });

        var site = TenderDrafts.SetDates(TwoMembers(), new DateOnly(2027, 3, 26), new DateOnly(2027, 3, 12));
        Assert.That(ProblemsOf(site).Single(p => p.Task == SetupTask.KeyDates).Message, Does.StartWith("The clarification deadline (26 March 2027) must be before the bid deadline (12 March 2027)"));
        Assert.That(TenderSetup.SiteProblems(TwoMembers()).Select(p => p.Message), Is.EqualTo(new[] { "Enter the last day bidders may ask clarification questions", "Enter the bid deadline" }));
    }

    [Test]
    public void SetQuestions_RewordsReordersRemovesAndAdds_KeepingWhatEachExistingQuestionCarries()
    {
        var tender = TenderDrafts.SetLots(TwoMembers(), Repository.Standards, [new LotPlan(null, "All", ["city-hospitals", "riverside-surgery"])]);
        var lot = tender.Lots[0];
        var (first, second) = (lot.Sections[0], lot.Sections[1]);
        var kept = first.Questions[1] with { MinimumScore = 2m };
        tender = TenderDrafts.ReplaceLot(tender, lot with { Sections = [first with { Questions = [first.Questions[0], kept, .. first.Questions.Skip(2)] }, .. lot.Sections.Skip(1)] });
        lot = tender.Lots[0];

        // The first section's second question moves to the front and is reworded; its first question is removed;
        // a custom question is added to the second section, and a social value section with one question at the end.
        SectionPlan[] plans =
        [
            new(first.Id, first.Title, false, [new(kept.Id, "Reworded", "Tell us how."), .. first.Questions.Skip(2).Select(q => new QuestionPlan(q.Id, q.Title, q.Text))]),
            new(second.Id, second.Title, false, [.. second.Questions.Select(q => new QuestionPlan(q.Id, q.Title, q.Text)), new(null, "Local knowledge", "Describe your knowledge of the area.")]),
            .. lot.Sections.Skip(2).Select(s => new SectionPlan(s.Id, s.Title, s.SocialValue, [.. s.Questions.Select(q => new QuestionPlan(q.Id, q.Title, q.Text))])),
            new(null, "Social value and net zero", true, [new(null, "Net zero", "How will you cut the service's carbon emissions?")]),
        ];
        Assert.That(TenderDrafts.PlanFits(lot, plans), Is.True);
        var changed = TenderDrafts.SetQuestions(tender, lot.Id, plans).Lots[0];

        var moved = changed.Sections[0].Questions[0];
        Assert.That((moved.Id, moved.Title, moved.Text, moved.Weight, moved.MinimumScore, moved.RequirementId), Is.EqualTo((kept.Id, "Reworded", "Tell us how.", kept.Weight, 2m, kept.RequirementId)));
        Assert.That(changed.Sections[0].Questions.Select(q => q.Id), Does.Not.Contain(first.Questions[0].Id));
        var added = changed.Sections[1].Questions[^1];
        Assert.That((added.Id, added.RequirementId, added.Weight), Is.EqualTo(($"Q2.{second.Questions.Count + 1}", (string?)null, 0m)));
        var social = changed.Sections[^1];
        Assert.That((social.Id, social.SocialValue, social.Weight, social.Questions[0].Id, social.Questions[0].Weight), Is.EqualTo(($"s{lot.Sections.Count + 1}", true, 0m, $"Q{lot.Sections.Count + 1}.1", 100m)), "a new section's only question carries it all");

        // The new weights of 0 are the criteria task's problems until the owner gives them weights.
        var problems = ProblemsOf(TenderDrafts.SetQuestions(tender, lot.Id, plans)).Where(p => p.Task == SetupTask.AwardCriteria).Select(p => p.Message).ToList();
        Assert.That(problems, Has.Some.Contains($"{added.Id}").And.Some.Contains("has a weight of 0%"));
        Assert.That(problems, Has.Some.Contains($"The weight of section {social.Id}"));
    }

    [Test]
    public void PlanFits_IsFalse_ForAQuestionOrSectionNotInTheLot_OrNamedTwice()
    {
        var lot = TenderDrafts.SetLots(TwoMembers(), Repository.Standards, [new LotPlan(null, "All", ["city-hospitals", "riverside-surgery"])]).Lots[0];
        var section = lot.Sections[0];
        var question = section.Questions[0];
        Assert.Multiple(() =>
        {
            Assert.That(TenderDrafts.PlanFits(lot, [new SectionPlan(section.Id, "T", false, [new QuestionPlan("Q99.1", "T", "T")])]), Is.False, "an unknown question");
            Assert.That(TenderDrafts.PlanFits(lot, [new SectionPlan("s99", "T", false, [])]), Is.False, "an unknown section");
            Assert.That(TenderDrafts.PlanFits(lot, [new SectionPlan(section.Id, "T", false, [new QuestionPlan(question.Id, "T", "T"), new QuestionPlan(question.Id, "T", "T")])]), Is.False, "a question twice");
            Assert.That(TenderDrafts.PlanFits(lot, [new SectionPlan(section.Id, "T", false, [new QuestionPlan(question.Id, "T", "T")]), new SectionPlan(section.Id, "T", false, [])]), Is.False, "a section twice");
            Assert.That(TenderDrafts.PlanFits(lot, [new SectionPlan(section.Id, "T", false, [new QuestionPlan(question.Id, "T", "T"), new QuestionPlan(null, "New", "New")])]), Is.True);
        });
    }
}
