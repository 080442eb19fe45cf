using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Tests.Data;

/// <summary>
/// The evaluation use cases over a real database (SQLite and PostgreSQL): conflicts of interest
/// before scoring, consensus only on submitted scores, the evaluation of what is stored (kept and
/// reused until anything changes), and the award rules on stage moves.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
[NonParallelizable]
public sealed class EvaluationHandlerTests(DatabaseProvider provider)
{
    private static readonly Actor Owner = new("owner-1", "Priya Shah");
    private static readonly Actor Alex = new("user-alex", "Alex Evaluator");
    private static readonly Actor Robin = new("user-robin", "Robin Moderator");
    private TestDatabase _database = null!;
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _database = TestDatabase.Create(provider);
        _clock = new TestClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    }

    [TearDown]
    public void TearDown() => _database.Dispose();

    private TenderTeam Team() => new(_database.Settings, _clock);

    private CommissioningContextFactory Contexts => new(_database.Settings);

    private async Task<Guid> TenderInAsync(bool scored, params TenderStage[] stages)
    {
        var pack = scored ? TenderTeam.WithEveryScore(StorageTests.ValidSample()) : StorageTests.ValidSample() with { Scores = [], Moderation = [] };
        var id = (await Team().ImportAsync(TenderFile.Write(pack), Owner, evaluatorsStillScoring: false)).Value;
        foreach (var stage in stages)
        {
            var tender = (await Team().FindAsync(id))!;
            var moved = await Team().ChangeStageAsync(id, Owner, stage, null, tender.Version);
            Assert.That(moved.Errors.Select(e => e.Message), Is.Empty, $"Moving to {stage}");
        }

        return id;
    }

    private static EvaluatorScore Score(string question, decimal score = 3m, string bid = "bid-a") =>
        new() { EvaluatorId = "e1", BidId = bid, QuestionId = question, Score = score, Rationale = "Clear answer." };

    [Test]
    public async Task SaveScore_BeforeDeclaring_IsRefused_ThenAllowedOnceNoConflictIsDeclared()
    {
        var id = await TenderInAsync(scored: false, TenderStage.OpenForBids, TenderStage.Evaluation);
        var alex = await Team().UserAsync(Alex);
        var save = new SaveScore(Contexts, _clock);

        var before = await save.HandleAsync(alex, id, Score("Q1"), null);
        var declared = await new DeclareConflicts(Contexts, _clock).HandleAsync(alex, id, "e1", hasConflict: false, details: null);
        var after = await save.HandleAsync(alex, id, Score("Q1"), null);

        Assert.That(before.Failure, Is.EqualTo(FailureKind.Refused));
        Assert.That(before.Errors.Single().Message, Does.StartWith("Declare whether you have a conflict of interest"));
        Assert.That(declared.Errors, Is.Empty);
        Assert.That(after.Errors, Is.Empty);
    }

    [Test]
    public async Task DeclaredConflict_StopsScoringUntilTheOwnerDecides_AndAStandDownKeepsItStopped()
    {
        var id = await TenderInAsync(scored: false, TenderStage.OpenForBids, TenderStage.Evaluation);
        var alex = await Team().UserAsync(Alex);
        var owner = await Team().UserAsync(Owner);
        var declare = new DeclareConflicts(Contexts, _clock);
        var decide = new DecideConflict(Contexts, _clock);
        var save = new SaveScore(Contexts, _clock);

        var noDetails = await declare.HandleAsync(alex, id, "e1", hasConflict: true, details: "  ");
        await declare.HandleAsync(alex, id, "e1", hasConflict: true, details: "My sister works for Alpha OH Ltd.");
        var waiting = await save.HandleAsync(alex, id, Score("Q1"), null);
        var byEvaluator = await decide.HandleAsync(alex, id, "e1", mayContinue: true, "I am fine.", 0);
        var declarations = (await new ListConflictDeclarations(Contexts).HandleAsync(owner, id)).Value;
        var noReason = await decide.HandleAsync(owner, id, "e1", mayContinue: false, " ", declarations.Single().Version);
        var stoodDown = await decide.HandleAsync(owner, id, "e1", mayContinue: false, "A close family tie to a bidder.", declarations.Single().Version);
        var afterStandDown = await save.HandleAsync(alex, id, Score("Q1"), null);

        Assert.That(noDetails.Errors.Single().Location, Is.EqualTo(new FormFieldLocation("Details")));
        Assert.That(waiting.Errors.Single().Message, Does.Contain("owner must decide"));
        Assert.That(byEvaluator.Failure, Is.EqualTo(FailureKind.NotFound), "an evaluator cannot decide on their own conflict");
        Assert.That(declarations.Single().Bidders, Is.EqualTo(new[] { "Alpha OH Ltd", "Beta Health's OH", "Gamma OH" }), "the bidders named to the evaluator are recorded with the declaration");
        Assert.That(noReason.Errors.Single().Location, Is.EqualTo(new FormFieldLocation("Reason")));
        Assert.That(stoodDown.Errors, Is.Empty);
        Assert.That(afterStandDown.Errors.Single().Message, Does.Contain("stood you down"));
        var trail = await Team().AuditAsync(id);
        Assert.That(trail.Where(a => a.Entity == "ConflictDeclaration").Select(a => a.Action), Is.EqualTo(new[] { "Created", "Decided" }));
    }

    [Test]
    public async Task OwnerLetsADeclaredConflictContinue_TheEvaluatorMayScore()
    {
        var id = await TenderInAsync(scored: false, TenderStage.OpenForBids, TenderStage.Evaluation);
        var alex = await Team().UserAsync(Alex);
        var owner = await Team().UserAsync(Owner);
        await new DeclareConflicts(Contexts, _clock).HandleAsync(alex, id, "e1", hasConflict: true, details: "I worked for Beta Health until 2019.");
        var version = (await new ListConflictDeclarations(Contexts).HandleAsync(owner, id)).Value.Single().Version;

        var decided = await new DecideConflict(Contexts, _clock).HandleAsync(owner, id, "e1", mayContinue: true, "Over five years ago; no continuing interest.", version);
        var saved = await new SaveScore(Contexts, _clock).HandleAsync(alex, id, Score("Q1"), null);

        Assert.That(decided.Errors, Is.Empty);
        Assert.That(saved.Errors, Is.Empty);
    }

    [Test]
    public async Task AnImportedFilesDeclarations_AreKeptForTheRecord_ButTheEvaluatorHereDeclaresBeforeScoring()
    {
        var fromFile = new ConflictOfInterestDeclaration
        {
            EvaluatorId = "e1",
            DeclaredBy = "Someone Elsewhere",
            DeclaredAt = new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero),
            Bidders = ["Alpha OH Ltd"],
            HasConflict = false,
        };
        var pack = StorageTests.ValidSample() with { Scores = [], Moderation = [], ConflictDeclarations = [fromFile] };
        var id = (await Team().ImportAsync(TenderFile.Write(pack), Owner, evaluatorsStillScoring: false)).Value;
        foreach (var stage in new[] { TenderStage.OpenForBids, TenderStage.Evaluation })
        {
            var moved = await Team().ChangeStageAsync(id, Owner, stage, null, (await Team().FindAsync(id))!.Version);
            Assert.That(moved.Succeeded, Is.True, string.Join("; ", moved.Errors.Select(e => e.Message)));
        }

        var alex = await Team().UserAsync(Alex);
        var owner = await Team().UserAsync(Owner);
        var save = new SaveScore(Contexts, _clock);

        var before = await save.HandleAsync(alex, id, Score("Q1"), null);
        var listed = (await new ListConflictDeclarations(Contexts).HandleAsync(owner, id)).Value.Single();
        var exported = TenderFile.Read((await Team().ExportAsync(id, Owner))!).Value.ConflictDeclarations.Single();
        await new DeclareConflicts(Contexts, _clock).HandleAsync(alex, id, "e1", hasConflict: false, details: null);
        var after = await save.HandleAsync(alex, id, Score("Q1"), null);
        var declaredHere = (await new ListConflictDeclarations(Contexts).HandleAsync(owner, id)).Value.Single();

        Assert.That(before.Errors.Single().Message, Does.StartWith("Declare whether you have a conflict of interest"), "a declaration made elsewhere does not stand for whoever holds the place here");
        Assert.That((listed.FromFile, listed.DeclaredBy), Is.EqualTo((true, "Someone Elsewhere")), "the owner sees it, marked as from the file");
        Assert.That(exported.DeclaredBy, Is.EqualTo("Someone Elsewhere"), "the backup keeps it");
        Assert.That(after.Errors, Is.Empty);
        Assert.That((declaredHere.FromFile, declaredHere.DeclaredBy), Is.EqualTo((false, "Alex Evaluator")));
    }

    [Test]
    public async Task SubmitScores_WithManyLeft_NamesTheFirstTwenty_AndCountsTheRest()
    {
        var sample = StorageTests.ValidSample();
        var extra = Enumerable.Range(1, 12).Select(n => sample.Bids[0] with { Id = $"bid-x{n:00}", Provider = $"Extra OH {n}" });
        var pack = sample with { Bids = [.. sample.Bids, .. extra], Scores = [], Moderation = [] };
        var id = (await Team().ImportAsync(TenderFile.Write(pack), Owner, evaluatorsStillScoring: false)).Value;
        foreach (var stage in new[] { TenderStage.OpenForBids, TenderStage.Evaluation })
        {
            await Team().ChangeStageAsync(id, Owner, stage, null, (await Team().FindAsync(id))!.Version);
        }

        var alex = await Team().UserAsync(Alex);
        await new DeclareConflicts(Contexts, _clock).HandleAsync(alex, id, "e1", hasConflict: false, details: null);
        var queue = (await new ReadWorklist(Contexts).HandleAsync(alex, id)).Value.Single(q => q.EvaluatorId == "e1");

        var refused = await new SubmitScores(Contexts, _clock).HandleAsync(alex, id, "e1");

        Assert.That(queue.Items, Has.Count.GreaterThan(SubmitScores.MissingNamed + 1), "more left than are named");
        Assert.That(refused.Errors, Has.Count.EqualTo(SubmitScores.MissingNamed + 1));
        Assert.That(refused.Errors.Take(SubmitScores.MissingNamed).Select(e => e.Message), Has.All.StartWith("Score "));
        Assert.That(refused.Errors[^1].Message, Is.EqualTo($"{queue.Items.Count - SubmitScores.MissingNamed} more answers need a score or a reason before you submit ({queue.Items.Count} in all)."));
    }

    [Test]
    public async Task Consensus_WhereNoEvaluatorHasSubmittedAScore_IsRefused()
    {
        var id = await TenderInAsync(scored: false, TenderStage.OpenForBids, TenderStage.Evaluation, TenderStage.Moderation);

        var refused = await Team().RecordModerationAsync(id, Robin, new ModeratedScore { BidId = "bid-a", QuestionId = "Q2", Score = 2m, Reason = "Agreed.", ModeratorId = "m1" }, null);

        Assert.That(refused.Failure, Is.EqualTo(FailureKind.Refused));
        Assert.That(refused.Errors.Single().Message, Does.Contain("nothing to agree a consensus on"));
    }

    [Test]
    public async Task Evaluate_CountsSubmittedScoresOnly_AndIsReusedUntilSomethingChanges()
    {
        var id = await TenderInAsync(scored: false, TenderStage.OpenForBids, TenderStage.Evaluation);
        var owner = await Team().UserAsync(Owner);
        var evaluate = new EvaluateTender(Contexts, new EvaluationCache());
        await Team().SaveScoreAsync(id, Alex, Score("Q1", 4m), null);

        var first = (await evaluate.HandleAsync(owner, id)).Value;
        var again = (await evaluate.HandleAsync(owner, id)).Value;
        await Team().SaveScoreAsync(id, Alex, Score("Q2", 2m), null);
        var afterDraft = (await evaluate.HandleAsync(owner, id)).Value;
        var alex = await Team().UserAsync(Alex);
        var rest = await Team().ScoreTheRestAsync(id, Alex, "e1");
        var submitted = await new SubmitScores(Contexts, _clock).HandleAsync(alex, id, "e1");
        var afterSubmit = (await evaluate.HandleAsync(owner, id)).Value;

        Assert.That(first.Pack.Scores, Is.Empty, "a draft is not yet anyone's score");
        Assert.That(again, Is.SameAs(first), "nothing changed, so the evaluation is reused");
        Assert.That(afterDraft, Is.SameAs(first), "a draft changes nothing the evaluation counts, so it is still reused");
        Assert.That(submitted.Succeeded, Is.True, string.Join(" | ", submitted.Errors.Select(e => e.Message)));
        Assert.That(afterSubmit, Is.Not.SameAs(first));
        Assert.That(afterSubmit.Pack.Scores, Has.Count.EqualTo(2 + rest), "e1's whole queue, submitted");
        Assert.That(afterSubmit.Pack.Scores.Single(s => s.BidId == "bid-a" && s.QuestionId == "Q1").Score, Is.EqualTo(4m));
        Assert.That(afterSubmit.Complete, Is.False);
    }

    [Test]
    public async Task Results_ForAnEvaluatorBeforeModerationEnds_AreNotFound()
    {
        var id = await TenderInAsync(scored: true, TenderStage.OpenForBids, TenderStage.Evaluation, TenderStage.Moderation);
        var alex = await Team().UserAsync(Alex);

        var seen = await new EvaluateTender(Contexts, new EvaluationCache()).HandleAsync(alex, id);

        Assert.That(seen.Failure, Is.EqualTo(FailureKind.NotFound));
    }

    [Test]
    public async Task AwardRecommended_WhileTheResultIsProvisional_IsRefusedSayingWhy_AndAllowedOnceComplete()
    {
        var id = await TenderInAsync(scored: true, TenderStage.OpenForBids, TenderStage.Evaluation, TenderStage.Moderation);
        var owner = await Team().UserAsync(Owner);
        var check = await new CheckStageMove(Contexts, new EvaluateTender(Contexts, new EvaluationCache()), _clock).HandleAsync(owner, id, TenderStage.AwardRecommended);
        var tender = (await Team().FindAsync(id))!;

        var refused = await Team().ChangeStageAsync(id, Owner, TenderStage.AwardRecommended, null, tender.Version);
        await Team().CompleteEvaluationAsync(id, Owner, Robin);
        tender = (await Team().FindAsync(id))!;
        var moved = await Team().ChangeStageAsync(id, Owner, TenderStage.AwardRecommended, null, tender.Version);

        Assert.That(check.Value.Allowed, Is.False);
        Assert.That(check.Value.Outstanding, Is.Not.Empty);
        Assert.That(refused.Failure, Is.EqualTo(FailureKind.Refused));
        Assert.That(refused.Errors[0].Message, Does.StartWith("The result is provisional"));
        Assert.That(moved.Errors, Is.Empty);
    }

    [Test]
    public async Task Standstill_WithoutTheAwardDecisionsAndSummaries_IsRefused_ThenRecordsTheNoticeDay()
    {
        var id = await TenderInAsync(scored: true, TenderStage.OpenForBids, TenderStage.Evaluation, TenderStage.Moderation);
        await Team().CompleteEvaluationAsync(id, Owner, Robin);
        var tender = (await Team().FindAsync(id))!;
        tender = (await Team().ChangeStageAsync(id, Owner, TenderStage.AwardRecommended, null, tender.Version)).Value;
        var today = DateOnly.FromDateTime(_clock.Now.UtcDateTime);

        var refused = await Team().ChangeStageAsync(id, Owner, TenderStage.Standstill, null, tender.Version, today);
        await Team().RecordAwardsAsync(id, Owner);
        tender = (await Team().FindAsync(id))!;
        var moved = await Team().ChangeStageAsync(id, Owner, TenderStage.Standstill, null, tender.Version, today);

        Assert.That(refused.Errors.Select(e => e.Message), Has.Some.StartWith("Record the award decision for lot lot-1").And.Some.Contains("assessment summaries"));
        Assert.That(moved.Errors, Is.Empty);
        Assert.That(moved.Value.StandstillEndsOn, Is.EqualTo(new DateOnly(2026, 3, 11)), "8 working days beginning with Monday 2 March 2026");
        await using var db = _database.Context();
        var award = await db.AwardDecisions.AsNoTracking().SingleAsync(a => a.TenderId == id);
        Assert.That((award.LotKey, award.ApprovedBy), Is.EqualTo(("lot-1", "The ICB board")));
    }

    [Test]
    public async Task LowPriceDecision_WithoutAReason_IsRefused_AndAModeratorOfTheLotRecordsOne()
    {
        var id = await TenderInAsync(scored: true, TenderStage.OpenForBids, TenderStage.Evaluation, TenderStage.Moderation);
        var robin = await Team().UserAsync(Robin);
        var record = new RecordLowPriceDecision(Contexts, _clock);

        var noReason = await record.HandleAsync(robin, id, "bid-b", LowPriceOutcome.Excluded, " ", null);
        var existing = (await Team().LoadPackAsync(id))!.LowPriceDecisions.Single();
        await using var db = _database.Context();
        var version = await db.LowPriceDecisions.Where(d => d.TenderId == id).Select(d => d.Version).SingleAsync();
        var changed = await record.HandleAsync(robin, id, "bid-b", LowPriceOutcome.Excluded, "The explanation did not cover staff costs.", version);

        Assert.That(existing.Outcome, Is.EqualTo(LowPriceOutcome.Accepted));
        Assert.That(noReason.Errors.Single().Location, Is.EqualTo(new FormFieldLocation("Reason")));
        Assert.That(changed.Errors, Is.Empty);
        Assert.That((await Team().LoadPackAsync(id))!.LowPriceDecisions.Single().Outcome, Is.EqualTo(LowPriceOutcome.Excluded));
    }

    [Test]
    public async Task AnImportedFilesScores_AreDrafts_CountedOnlyOnceSubmitted_AndTheBackupKeepsThem()
    {
        var id = (await Team().ImportAsync(TenderFile.Write(TenderTeam.WithEveryScore(StorageTests.ValidSample())), Owner)).Value;
        var owner = await Team().UserAsync(Owner);

        var evaluation = (await new EvaluateTender(Contexts, new EvaluationCache()).HandleAsync(owner, id)).Value;
        var exported = await Team().ExportAsync(id, Owner);

        await using var db = _database.Context();
        Assert.That(await db.EvaluatorScores.Where(s => s.TenderId == id).AnyAsync(s => s.Submitted), Is.False);
        Assert.That(evaluation.Pack.Scores, Is.Empty, "no evaluator has submitted yet");
        Assert.That(TenderFile.Read(exported!).Value.Scores, Has.Count.EqualTo(TenderTeam.WithEveryScore(StorageTests.ValidSample()).Scores.Count), "the backup keeps every draft");
    }
}
