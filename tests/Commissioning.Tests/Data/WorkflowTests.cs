using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

using Commissioning.Tests.Support;

namespace Commissioning.Tests.Data;

/// <summary>
/// The lifecycle, the audit trail and concurrent saves, enforced by the application service over a
/// real database: the same suite on SQLite and PostgreSQL.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
[NonParallelizable]
public sealed class WorkflowTests(DatabaseProvider provider)
{
    private static readonly Actor Owner = new("owner-1", "Priya Shah");
    private static readonly Actor Alex = new("user-alex", "Alex Evaluator");
    private static readonly Actor Sam = new("user-sam", "Sam Evaluator");
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

    private TenderTeam Store() => new(_database.Settings, _clock);

    private async Task<Guid> ImportAsync() =>
        (await Store().ImportAsync(TenderFile.Write(StorageTests.ValidSample()), Owner)).Value;

    /// <summary>The sample with its scores submitted, as a tender whose evaluators have finished.</summary>
    private async Task<Guid> ImportScoredAsync() =>
        (await Store().ImportAsync(TenderFile.Write(TenderTeam.WithEveryScore(StorageTests.ValidSample())), Owner, evaluatorsStillScoring: false)).Value;

    /// <summary>
    /// Moves a tender through the stages to the one asked for. Before award recommended the panel
    /// completes the evaluation; before standstill the owner records each lot's award and the day
    /// the assessment summaries were given: the stages refuse to move otherwise.
    /// </summary>
    private async Task<TenderSummary> MoveToAsync(Guid id, params TenderStage[] stages)
    {
        var tender = (await Store().FindAsync(id))!;
        foreach (var stage in stages)
        {
            if (stage == TenderStage.AwardRecommended)
            {
                await Store().CompleteEvaluationAsync(id, Owner, Robin);
            }
            else if (stage == TenderStage.Standstill)
            {
                await Store().RecordAwardsAsync(id, Owner);
            }

            tender = (await Store().FindAsync(id))!;
            var moved = await Store().ChangeStageAsync(id, Owner, stage, "Test", tender.Version, stage == TenderStage.Standstill ? DateOnly.FromDateTime(_clock.Now.UtcDateTime) : null);
            Assert.That(moved.Errors.Select(e => e.Message), Is.Empty, $"Moving to {stage}");
            tender = moved.Value;
        }

        return tender;
    }

    private async Task<long> ScoreVersionAsync(Guid id, string evaluator, string bid, string question)
    {
        await using var db = _database.Context();
        return await db.EvaluatorScores.Where(s => s.TenderId == id && s.EvaluatorKey == evaluator && s.BidKey == bid && s.QuestionKey == question).Select(s => s.Version).SingleAsync();
    }

    private static EvaluatorScore Score(string evaluator, decimal score, string question = "Q1", string bid = "bid-a") =>
        new() { EvaluatorId = evaluator, BidId = bid, QuestionId = question, Score = score, Rationale = $"Scored {score} by {evaluator}." };

    [Test]
    public async Task SaveScore_WhileDraft_IsRefusedWithTheReason()
    {
        var id = await ImportAsync();

        var saved = await Store().SaveScoreAsync(id, Alex, Score("e1", 4m), 1);

        Assert.That(saved.Failure, Is.EqualTo(FailureKind.Refused));
        Assert.That(saved.Errors[0].Message, Is.EqualTo("The tender is a draft. Evaluators' own scores can only be saved during evaluation."));
        Assert.That(await ScoreVersionAsync(id, "e1", "bid-a", "Q1"), Is.EqualTo(1));
    }

    [Test]
    public async Task SaveScore_InEvaluation_IsStoredWithANewVersionAndAudited()
    {
        var id = await ImportAsync();
        await MoveToAsync(id, TenderStage.OpenForBids, TenderStage.Evaluation);
        _clock.Now = _clock.Now.AddMinutes(5);

        var saved = await Store().SaveScoreAsync(id, Alex, Score("e1", 4m), 1);

        Assert.That(saved.Errors, Is.Empty);
        Assert.That(saved.Value.Version, Is.EqualTo(2));
        var pack = (await Store().LoadPackAsync(id))!;
        Assert.That(pack.Scores.Single(s => s.EvaluatorId == "e1" && s.QuestionId == "Q1").Score, Is.EqualTo(4m));
        var entry = (await Store().AuditAsync(id))[^1];
        Assert.Multiple(() =>
        {
            Assert.That(entry.UserName, Is.EqualTo("Alex Evaluator"));
            Assert.That(entry.UserId, Is.EqualTo("user-alex"));
            Assert.That(entry.At, Is.EqualTo(_clock.Now));
            Assert.That(entry.Entity, Is.EqualTo("EvaluatorScore"));
            Assert.That(entry.EntityKey, Is.EqualTo("e1/bid-a/Q1"));
            Assert.That(entry.Action, Is.EqualTo("Changed"));
            Assert.That(entry.Before, Does.Contain("\"score\":3"));
            Assert.That(entry.After, Does.Contain("\"score\":4"));
        });
    }

    [Test]
    public async Task SaveScore_OutOfScaleAndUnassigned_ListsEachProblemWithItsField()
    {
        var id = await ImportAsync();
        await MoveToAsync(id, TenderStage.OpenForBids, TenderStage.Evaluation);

        var saved = await Store().SaveScoreAsync(id, Sam, Score("e2", 7m, "Q3") with { Rationale = " " }, null);

        Assert.That(saved.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(saved.Errors.Select(e => (e.Location!.Describe(), e.Message)), Is.EqualTo(new[]
        {
            ("Score", "Enter a whole-number score from 0 to 4."),
            ("Rationale", "Enter why you gave this score, with reference to the bid's answer."),
            ("QuestionId", "e2 is not assigned to score Q3 of lot lot-1."),
        }));
    }

    [Test]
    public async Task SaveScore_SomeoneSavedSince_IsRefusedNamingWhoAndWhatAndNothingIsOverwritten()
    {
        var id = await ImportAsync();
        await MoveToAsync(id, TenderStage.OpenForBids, TenderStage.Evaluation);
        Assert.That((await Store().SaveScoreAsync(id, Alex, Score("e1", 4m), 1)).Succeeded, Is.True);

        // Sam (working as e1's proxy in this test) still has version 1 on screen.
        var stale = await Store().SaveScoreAsync(id, Alex, Score("e1", 0m), 1);

        Assert.That(stale.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That(stale.Errors[0].Message, Does.StartWith("Alex Evaluator saved this at 09:00:00 UTC on 2 March 2026, changing it from"));
        Assert.That(stale.Errors[0].Message, Does.Contain("Your change was not saved"));
        Assert.That((await Store().LoadPackAsync(id))!.Scores.Single(s => s.EvaluatorId == "e1" && s.QuestionId == "Q1").Score, Is.EqualTo(4m));
    }

    [Test]
    public async Task SaveScore_TwoRealConcurrentSavesOfTheSameVersion_OneWinsTheOtherIsToldWhoWon()
    {
        var id = await ImportAsync();
        await MoveToAsync(id, TenderStage.OpenForBids, TenderStage.Evaluation);
        var checkedRounds = 0;
        for (var round = 0; round < 5; round++)
        {
            var version = await ScoreVersionAsync(id, "e1", "bid-a", "Q2");
            using var start = new ManualResetEventSlim();
            // One evaluator with the same score open in two browser tabs: only their own scores are theirs to save.
            var firstTab = Task.Run(async () => { start.Wait(); return await Store().SaveScoreAsync(id, Alex, Score("e1", 1m, "Q2"), version); });
            var secondTab = Task.Run(async () => { start.Wait(); return await Store().SaveScoreAsync(id, Alex, Score("e1", 3m, "Q2"), version); });
            start.Set();
            var results = await Task.WhenAll(firstTab, secondTab);

            var winners = results.Where(r => r.Succeeded).ToList();
            var losers = results.Where(r => !r.Succeeded).ToList();
            Assert.That(winners, Has.Count.EqualTo(1), $"Round {round}: exactly one save wins; {string.Join(" | ", losers.SelectMany(l => l.Errors).Select(e => e.Message))}");
            Assert.That(losers.Single().Failure, Is.EqualTo(FailureKind.Conflict));
            var firstTabWon = ReferenceEquals(winners[0], results[0]);
            Assert.That(losers.Single().Errors[0].Message, Does.StartWith(Alex.Name + " saved this").And.Contain($"\"score\":{(firstTabWon ? 1 : 3)}"));
            var stored = (await Store().LoadPackAsync(id))!.Scores.Single(s => s.EvaluatorId == "e1" && s.QuestionId == "Q2").Score;
            Assert.That(stored, Is.EqualTo(firstTabWon ? 1m : 3m));
            Assert.That(await ScoreVersionAsync(id, "e1", "bid-a", "Q2"), Is.EqualTo(version + 1));
            checkedRounds++;
        }

        Assert.That(checkedRounds, Is.EqualTo(5));
    }

    [Test]
    public async Task TwoContexts_InterleavedSavesOfOneRow_SecondIsRefusedByTheDatabase()
    {
        var id = await ImportAsync();
        await using var first = _database.Context();
        await using var second = _database.Context();
        var a = await first.EvaluatorScores.SingleAsync(s => s.TenderId == id && s.EvaluatorKey == "e2");
        var b = await second.EvaluatorScores.SingleAsync(s => s.TenderId == id && s.EvaluatorKey == "e2");

        a.Score = 4m;
        first.AuditEntries.Add(new AuditEntryRow { At = _clock.Now, UserName = "first", Entity = "EvaluatorScore", EntityKey = "e2", Action = "Changed" });
        await first.SaveChangesAsync();
        b.Score = 0m;
        second.AuditEntries.Add(new AuditEntryRow { At = _clock.Now, UserName = "second", Entity = "EvaluatorScore", EntityKey = "e2", Action = "Changed" });

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = _database.Context();
        var stored = await check.EvaluatorScores.SingleAsync(s => s.TenderId == id && s.EvaluatorKey == "e2");
        Assert.That((stored.Score, stored.Version), Is.EqualTo((4m, 2L)));
        Assert.That(await check.AuditEntries.CountAsync(e => e.UserName == "second"), Is.Zero);
    }

    [Test]
    public async Task SubmitScores_ThenChangeOne_IsRefused()
    {
        var id = await ImportAsync();
        await MoveToAsync(id, TenderStage.OpenForBids, TenderStage.Evaluation);

        var early = await Store().SubmitScoresAsync(id, Alex, "e1");
        Assert.That(await Store().ScoreTheRestAsync(id, Alex, "e1"), Is.EqualTo(7), "e1 has two of their nine scored on the file");
        var submitted = await Store().SubmitScoresAsync(id, Alex, "e1");
        var changed = await Store().SaveScoreAsync(id, Alex, Score("e1", 0m), 1);

        Assert.That(early.Failure, Is.EqualTo(FailureKind.Refused), "nothing is submitted while anything in the queue is unscored");
        Assert.That(early.Errors, Has.Count.EqualTo(7));
        Assert.That(submitted.Value, Is.EqualTo(9));
        Assert.That(changed.Failure, Is.EqualTo(FailureKind.Refused));
        Assert.That(changed.Errors[0].Message, Does.Contain("has been submitted, so it can no longer be changed"));
        await using var db = _database.Context();
        Assert.That(await db.EvaluatorScores.Where(s => s.TenderId == id && s.EvaluatorKey == "e1").AllAsync(s => s.Submitted && s.SubmittedAt != null), Is.True);
    }

    [Test]
    public async Task Moderation_WithoutAReason_IsRefusedAndWithOneIsAuditedWithIt()
    {
        var id = await ImportScoredAsync();
        await MoveToAsync(id, TenderStage.OpenForBids, TenderStage.Evaluation);
        var early = await Store().RecordModerationAsync(id, Robin, new ModeratedScore { BidId = "bid-a", QuestionId = "Q2", Score = 2m, Reason = "Agreed.", ModeratorId = "m1" }, null);
        await MoveToAsync(id, TenderStage.Moderation);

        var noReason = await Store().RecordModerationAsync(id, Robin, new ModeratedScore { BidId = "bid-a", QuestionId = "Q2", Score = 2m, Reason = "", ModeratorId = "m1" }, null);
        var recorded = await Store().RecordModerationAsync(id, Robin, new ModeratedScore { BidId = "bid-a", QuestionId = "Q2", Score = 2m, Reason = "Panel agreed the answer meets the requirement.", ModeratorId = "m1" }, null);

        Assert.That(early.Errors[0].Message, Is.EqualTo("The tender is in evaluation. Consensus scores can only be recorded during moderation."));
        Assert.That(noReason.Errors.Single().Location, Is.EqualTo(new FormFieldLocation("Reason")));
        Assert.That(recorded.Succeeded, Is.True);
        var entry = (await Store().AuditAsync(id))[^1];
        Assert.That((entry.Entity, entry.Action, entry.Reason), Is.EqualTo(("ModeratedScore", "Created", "Panel agreed the answer meets the requirement.")));
    }

    [Test]
    public async Task AuditTrail_EveryKindOfChange_IsRecordedInOrderWithWhoWhenAndReason()
    {
        var id = await ImportAsync();
        await MoveToAsync(id, TenderStage.OpenForBids, TenderStage.Evaluation);
        await Store().SaveScoreAsync(id, Alex, Score("e1", 2m, "Q3", "bid-b"), null);
        await Store().SaveScoreAsync(id, Alex, Score("e1", 3m, "Q3", "bid-b"), 1);
        var rest = await Store().ScoreTheRestAsync(id, Alex, "e1");
        await Store().SubmitScoresAsync(id, Alex, "e1");
        await Store().RecordGateDecisionAsync(id, Robin, new GateDecision { BidId = "bid-b", GateId = "G2", Passed = false, Reason = "No framework.", DecidedBy = "m1" }, null);
        await MoveToAsync(id, TenderStage.Moderation);
        await Store().RecordModerationAsync(id, Robin, new ModeratedScore { BidId = "bid-a", QuestionId = "Q1", Score = 3m, Reason = "Re-read the answer.", ModeratorId = "m1" }, 1);

        var trail = await Store().AuditAsync(id);

        (string, string, string)[] expected =
        [
            ("Tender", "Imported", "Priya Shah"),
            ("TenderMembership", "Created", "Priya Shah"),
            ("Tender", "StageChanged", "Priya Shah"),
            ("Tender", "StageChanged", "Priya Shah"),
            ("ConflictDeclaration", "Created", "Alex Evaluator"),
            ("EvaluatorScore", "Created", "Alex Evaluator"),
            ("EvaluatorScore", "Changed", "Alex Evaluator"),
            .. Enumerable.Repeat(("EvaluatorScore", "Created", "Alex Evaluator"), rest),
            ("EvaluatorScore", "Submitted", "Alex Evaluator"),
            ("GateDecision", "Created", "Robin Moderator"),
            ("Tender", "StageChanged", "Priya Shah"),
            ("ModeratedScore", "Changed", "Robin Moderator"),
        ];
        Assert.That(trail.Select(e => (e.Entity, e.Action, e.UserName)), Is.EqualTo(expected));
        Assert.That(trail.Select(e => e.Id), Is.Ordered.Ascending);
        Assert.That(rest, Is.EqualTo(6), "the rest of e1's queue, scored so that it can be submitted");
        Assert.That(trail[8 + rest].Reason, Is.EqualTo("No framework."));
        Assert.That(trail[10 + rest].Before, Does.Contain("\"reason\":\"Agreed.\""));
        Assert.That(trail[10 + rest].After, Does.Contain("\"reason\":\"Re-read the answer.\""));
    }

    [TestCase("UPDATE \"AuditEntries\" SET \"UserName\" = 'someone else'")]
    [TestCase("DELETE FROM \"AuditEntries\"")]
    public async Task AuditTrail_UpdateOrDeleteThroughTheApplicationsConnection_IsRefusedByTheDatabase(string sql)
    {
        var id = await ImportAsync();
        await using var db = _database.Context();

        var refused = await Assert.CatchAsync(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.That(refused!.Message, Does.Contain("The audit trail is append-only"));
        await using var check = _database.Context();
        var entries = await check.AuditEntries.Where(a => a.TenderId == id && a.UserId != null).OrderBy(a => a.Id).ToListAsync();
        Assert.That(entries.Select(e => (e.UserName, e.Entity)), Is.EqualTo(new[] { ("Priya Shah", "Tender"), ("Priya Shah", "TenderMembership") }));
    }

    [Test]
    public async Task AuditTrail_ChangedOrRemovedThroughTheContext_IsRefusedBeforeTheDatabase()
    {
        var id = await ImportAsync();
        await using var db = _database.Context();
        var entry = await db.AuditEntries.SingleAsync(a => a.TenderId == id && a.Entity == "Tender");

        entry.Reason = "rewritten";
        var changed = Assert.Throws<AuditTrailException>(() => db.SaveChanges());
        db.Entry(entry).State = EntityState.Deleted;
        var removed = Assert.Throws<AuditTrailException>(() => db.SaveChanges());

        Assert.That(changed!.Message, Does.Contain("cannot be changed or deleted"));
        Assert.That(removed!.Message, Does.Contain("cannot be changed or deleted"));
    }

    [Test]
    public async Task ChangeWithoutAnAuditEntry_IsRefused()
    {
        var id = await ImportAsync();
        await using var db = _database.Context();
        var tender = await db.Tenders.SingleAsync(t => t.Id == id);

        tender.Title = "Quietly renamed";

        Assert.That(() => db.SaveChanges(), Throws.InstanceOf<AuditTrailException>().With.Message.Contains("without an audit entry"));
    }

    [Test]
    public async Task Standstill_FromNoticesSent_EndsAfterEightWorkingDaysAndAwardWaitsForIt()
    {
        var id = await ImportScoredAsync();

        // The sample tender is under the Procurement Act 2023: 8 working days beginning with the day
        // the notice was published (s.51). Published on Thursday 2 April 2026: Good Friday (3 April),
        // the weekends and Easter Monday (6 April) do not count, so the 8 working days are 2, 7 to 10
        // and 13 to 15 April.
        _clock.Now = new DateTimeOffset(2026, 4, 2, 16, 0, 0, TimeSpan.Zero);
        var standstill = await MoveToAsync(id, TenderStage.OpenForBids, TenderStage.Evaluation, TenderStage.Moderation, TenderStage.AwardRecommended, TenderStage.Standstill);
        var tooSoon = await Store().ChangeStageAsync(id, Owner, TenderStage.Awarded, null, standstill.Version);
        _clock.Now = new DateTimeOffset(2026, 4, 16, 9, 0, 0, TimeSpan.Zero);
        var awarded = await Store().ChangeStageAsync(id, Owner, TenderStage.Awarded, null, standstill.Version);

        Assert.That(standstill.StandstillEndsOn, Is.EqualTo(new DateOnly(2026, 4, 15)));
        Assert.That(tooSoon.Errors.Single().Message, Is.EqualTo("The standstill period ends at the end of 15 April 2026. The contract can be awarded from 16 April 2026."));
        Assert.That(awarded.Value.Stage, Is.EqualTo(TenderStage.Awarded));
    }

    [Test]
    public async Task Standstill_NoticeOnChristmasEve2024_CountsScotlandsSecondOfJanuary()
    {
        var id = await ImportScoredAsync();

        // Procurement Act 2023 s.123: a bank holiday in any part of the UK is not a working day, so
        // 2 January 2025 (Scotland) is skipped and the period ends on 8 January, not 7 January.
        _clock.Now = new DateTimeOffset(2024, 12, 24, 10, 0, 0, TimeSpan.Zero);
        var standstill = await MoveToAsync(id, TenderStage.OpenForBids, TenderStage.Evaluation, TenderStage.Moderation, TenderStage.AwardRecommended, TenderStage.Standstill);

        Assert.That(standstill.StandstillEndsOn, Is.EqualTo(new DateOnly(2025, 1, 8)));
    }

    [Test]
    public async Task AfterAward_EveryChange_IsRefusedBecauseTheTenderIsLocked()
    {
        var id = await ImportScoredAsync();
        _clock.Now = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var tender = await MoveToAsync(id, TenderStage.OpenForBids, TenderStage.Evaluation, TenderStage.Moderation, TenderStage.AwardRecommended, TenderStage.Standstill);
        _clock.Now = _clock.Now.AddDays(30);
        tender = (await Store().ChangeStageAsync(id, Owner, TenderStage.Awarded, null, tender.Version)).Value;

        var refusals = new[]
        {
            (await Store().SaveScoreAsync(id, Alex, Score("e1", 1m), 1)).Errors,
            (await Store().RecordModerationAsync(id, Robin, new ModeratedScore { BidId = "bid-a", QuestionId = "Q1", Score = 1m, Reason = "x", ModeratorId = "m1" }, 1)).Errors,
            (await Store().RecordGateDecisionAsync(id, Robin, new GateDecision { BidId = "bid-a", GateId = "G2", Passed = false, Reason = "x", DecidedBy = "m1" }, 1)).Errors,
            (await Store().ChangeStageAsync(id, Owner, TenderStage.Cancelled, "Changed our minds", tender.Version)).Errors,
        };

        Assert.That(refusals, Has.Length.EqualTo(4));
        Assert.That(refusals.Select(r => r.Single().Message), Has.All.StartWith("The tender is awarded"));
    }

    [Test]
    public async Task Cancel_WithoutAReason_IsRefused_WithOneIsRecorded()
    {
        var id = await ImportAsync();
        var tender = (await Store().FindAsync(id))!;

        var noReason = await Store().ChangeStageAsync(id, Owner, TenderStage.Cancelled, "  ", tender.Version);
        var cancelled = await Store().ChangeStageAsync(id, Owner, TenderStage.Cancelled, "Budget withdrawn by the ICB.", tender.Version);

        Assert.That(noReason.Errors.Single(), Is.EqualTo(new AppError("Enter why the tender is being cancelled.", new FormFieldLocation("Reason"))));
        Assert.That((cancelled.Value.Stage, cancelled.Value.CancellationReason), Is.EqualTo((TenderStage.Cancelled, "Budget withdrawn by the ICB.")));
    }

    [Test]
    public async Task ChangeStage_WithAnOldVersion_IsAConflict()
    {
        var id = await ImportAsync();
        var tender = (await Store().FindAsync(id))!;
        await Store().ChangeStageAsync(id, Owner, TenderStage.OpenForBids, null, tender.Version);

        var stale = await Store().ChangeStageAsync(id, Owner, TenderStage.Cancelled, "Duplicate", tender.Version);

        Assert.That(stale.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That(stale.Errors[0].Message, Does.StartWith("Priya Shah saved this"));
        Assert.That((await Store().FindAsync(id))!.Stage, Is.EqualTo(TenderStage.OpenForBids));
    }
}

/// <summary>People's roles on a tender, through the store: both databases.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
[NonParallelizable]
public sealed class MembershipTests(DatabaseProvider provider)
{
    private static readonly Actor Owner = new("owner-1", "Priya Shah");
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

    private TenderTeam Store() => new(_database.Settings, _clock);

    private async Task<string> UserAsync(string name)
    {
        await using var db = _database.Context();
        var user = new UserAccount { UserName = name, DisplayName = name, Email = name + "@example.nhs.uk", NormalizedEmail = (name + "@example.nhs.uk").ToUpperInvariant() };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    [Test]
    public async Task AddMembership_FiveRolesOnOneTender_AreStoredWithScopeAndAudited()
    {
        var id = (await Store().ImportAsync(TenderFile.Write(StorageTests.ValidSample()), Owner)).Value;

        // The store's import gives its own team the places e1, e2 and m1; this test gives them to new
        // accounts, and a place is one person's, so the team's roles go first.
        await using (var db = _database.Context())
        {
            await db.TenderMemberships.Where(m => m.TenderId == id && m.Role != TenderRole.Owner).ExecuteDeleteAsync();
        }

        var people = new[]
        {
            (await UserAsync("priya"), TenderRole.Owner, (string?)null, Array.Empty<(string, string?)>()),
            (await UserAsync("alex"), TenderRole.Evaluator, "e1", new[] { ("lot-1", (string?)null) }),
            (await UserAsync("sam"), TenderRole.Evaluator, "e2", new[] { ("lot-1", (string?)"s1") }),
            (await UserAsync("robin"), TenderRole.Moderator, "m1", new[] { ("lot-1", (string?)null) }),
            (await UserAsync("audit"), TenderRole.Observer, null, Array.Empty<(string, string?)>()),
        };

        var added = 0;
        foreach (var (user, role, evaluator, scope) in people)
        {
            var outcome = await Store().AddMembershipAsync(id, Owner, user, role, evaluator, scope, null);
            Assert.That(outcome.Errors, Is.Empty, role.ToString());
            added++;
        }

        Assert.That(added, Is.EqualTo(5));
        var sam = await Store().MembershipsOfAsync(people[2].Item1);
        Assert.That(sam.Single().Scope.Select(s => (s.LotKey, s.SectionKey)), Is.EqualTo(new[] { ("lot-1", (string?)"s1") }));
        var trail = await Store().AuditAsync(id);
        // The five, and the owner's role given with the import.
        Assert.That(trail.Count(a => a.Entity == "TenderMembership" && a.Action == "Created"), Is.EqualTo(6));
    }

    [Test]
    public async Task AddMembership_AfterEvaluationBeganWithoutReason_IsRefused_AndWrongScopeIsListed()
    {
        var id = (await Store().ImportAsync(TenderFile.Write(StorageTests.ValidSample()), Owner)).Value;
        var tender = (await Store().FindAsync(id))!;
        tender = (await Store().ChangeStageAsync(id, Owner, TenderStage.OpenForBids, null, tender.Version)).Value;
        await Store().ChangeStageAsync(id, Owner, TenderStage.Evaluation, null, tender.Version);
        var user = await UserAsync("late");

        var noReason = await Store().AddMembershipAsync(id, Owner, user, TenderRole.Evaluator, "e1", [], null);
        var wrong = await Store().AddMembershipAsync(id, Owner, user, TenderRole.Evaluator, "nobody", [("lot-9", null)], "Cover for sickness.");

        Assert.That(noReason.Errors.Single(), Is.EqualTo(new AppError("Enter the reason for this decision.", new FormFieldLocation("Reason"))));
        Assert.That(wrong.Errors.Select(e => e.Message), Is.EqualTo(new[] { "Choose which of the tender's evaluators this person is.", "The tender has no lot 'lot-9'." }));
    }
}
