using System.Data.Common;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

using Commissioning.Tests.Support;

namespace Commissioning.Tests.Data;

/// <summary>
/// The race between a stage change and a change that depends on the stage (a score, a consensus
/// score), with real concurrent operations on both databases. A command interceptor holds one
/// operation at a chosen point (after it has read the tender's stage, or after a stage change has
/// updated the tender but before it commits) while the other runs, so the interleaving that used
/// to let a score land after the tender left evaluation happens on every run, not by luck.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
[NonParallelizable]
public sealed class StageRaceTests(DatabaseProvider provider)
{
    private static readonly Actor Owner = new("owner-1", "Priya Shah");
    private static readonly Actor Alex = new("user-alex", "Alex Evaluator");
    private static readonly Actor Sam = new("user-sam", "Sam Evaluator");
    private static readonly Actor Robin = new("user-robin", "Robin Moderator");

    /// <summary>How long the held operation waits for the other to finish before it is let go; the other finishing within it is the race.</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(1.5);

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

    private TenderTeam HeldStore(HoldPoint hold) => new(_database.Settings, new InterceptedFactory(_database.Settings, hold), _clock);

    private async Task<(Guid Id, TenderSummary Tender)> TenderInAsync(params TenderStage[] stages) => await TenderInAsync(evaluatorsStillScoring: true, stages);

    private async Task<(Guid Id, TenderSummary Tender)> TenderInAsync(bool evaluatorsStillScoring, params TenderStage[] stages)
    {
        var pack = evaluatorsStillScoring ? StorageTests.ValidSample() : TenderTeam.WithEveryScore(StorageTests.ValidSample());
        var id = (await Store().ImportAsync(TenderFile.Write(pack), Owner, evaluatorsStillScoring)).Value;
        var tender = (await Store().FindAsync(id))!;
        foreach (var stage in stages)
        {
            var moved = await Store().ChangeStageAsync(id, Owner, stage, "Test", tender.Version);
            Assert.That(moved.Errors.Select(e => e.Message), Is.Empty, $"Moving to {stage}");
            tender = moved.Value;
        }

        return (id, tender);
    }

    private async Task<(string Bid, string Question, long Version)> StoredScoreAsync(Guid id, string evaluator)
    {
        await using var db = _database.Context();
        var row = await db.EvaluatorScores.AsNoTracking().Where(s => s.TenderId == id && s.EvaluatorKey == evaluator).OrderBy(s => s.Position).FirstAsync();
        return (row.BidKey, row.QuestionKey, row.Version);
    }

    private async Task<List<(long Id, string Entity, string Action, string? After)>> AuditAsync(Guid id) =>
        [.. (await Store().AuditAsync(id)).Select(a => (a.Id, a.Entity, a.Action, a.After))];

    [Test]
    public async Task SaveScore_StageMovesOnAfterTheStageWasRead_TheScoreIsSavedBeforeTheMoveNeverAfter()
    {
        var (id, tender) = await TenderInAsync(TenderStage.OpenForBids, TenderStage.Evaluation);
        var (bid, question, version) = await StoredScoreAsync(id, "e1");
        var hold = new HoldPoint("FROM \"Tenders\"");

        // Alex's save reads the stage (evaluation) and is held there; the owner moves the tender on.
        var save = Task.Run(() => HeldStore(hold).SaveScoreAsync(id, Alex, new EvaluatorScore { EvaluatorId = "e1", BidId = bid, QuestionId = question, Score = 4m, Rationale = "Raced." }, version));
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var move = Task.Run(() => MoveAndLookAsync(id, TenderStage.Moderation, tender.Version, "e1", bid, question));
        var movedWhileHeld = await Task.WhenAny(move, Task.Delay(Hold)) == move;
        hold.Release();
        var (saved, (moved, seenWhenMoved)) = (await save, await move);

        // The move waits for the save, so the score is stored while the tender is in evaluation:
        // it is already there when the move returns.
        Assert.That(moved.Errors.Select(e => e.Message), Is.Empty);
        Assert.That(movedWhileHeld, Is.False, "The stage change finished while a score save that had read the old stage was still open.");
        Assert.That(saved.Errors.Select(e => e.Message), Is.Empty);
        Assert.That(seenWhenMoved, Is.EqualTo("Raced."), "The score was saved after the tender had left evaluation.");
    }

    /// <summary>Changes stage, then reads one score's rationale at once: what was committed before the stage change returned.</summary>
    private async Task<(Outcome<TenderSummary> Moved, string Seen)> MoveAndLookAsync(Guid id, TenderStage to, long version, string evaluator, string bid, string question)
    {
        var moved = await Store().ChangeStageAsync(id, Owner, to, null, version);
        await using var db = _database.Context();
        var seen = await db.EvaluatorScores.AsNoTracking().Where(s => s.TenderId == id && s.EvaluatorKey == evaluator && s.BidKey == bid && s.QuestionKey == question).Select(s => s.Rationale).SingleAsync();
        return (moved, seen);
    }

    [Test]
    public async Task RecordModeration_StageChangeToAwardNotYetCommitted_WaitsAndIsRefused()
    {
        var (id, tender) = await TenderInAsync(evaluatorsStillScoring: false, TenderStage.OpenForBids, TenderStage.Evaluation, TenderStage.Moderation);
        await Store().CompleteEvaluationAsync(id, Owner, Robin);
        tender = (await Store().FindAsync(id))!;
        var hold = new HoldPoint("UPDATE \"Tenders\"");

        // The move to award recommended has updated the tender and is held before it commits;
        // a moderator records a consensus score meanwhile.
        var move = Task.Run(() => HeldStore(hold).ChangeStageAsync(id, Owner, TenderStage.AwardRecommended, null, tender.Version));
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var moderation = Task.Run(() => Store().RecordModerationAsync(id, Robin, new ModeratedScore { BidId = "bid-a", QuestionId = "Q1", Score = 1m, Reason = "Raced with the award.", ModeratorId = "m1" }, null));
        var recordedWhileHeld = await Task.WhenAny(moderation, Task.Delay(Hold)) == moderation;
        hold.Release();
        var (moved, recorded) = (await move, await moderation);

        Assert.That(moved.Errors.Select(e => e.Message), Is.Empty);
        Assert.That(recordedWhileHeld, Is.False, "The consensus score was saved while the move to award was still open.");
        Assert.That(recorded.Failure, Is.EqualTo(FailureKind.Refused), string.Join(" | ", recorded.Errors.Select(e => e.Message)));
        Assert.That((await AuditAsync(id)).Count(a => a.Entity == "ModeratedScore" && a.After!.Contains("Raced with the award", StringComparison.Ordinal)), Is.Zero);
        Assert.That((await Store().LoadPackAsync(id))!.Moderation.Any(m => m.Reason == "Raced with the award."), Is.False);
    }

    [Test]
    public async Task SaveScore_TwoEvaluatorsAtOnceOnOneTender_BothAreSaved()
    {
        var (id, _) = await TenderInAsync(TenderStage.OpenForBids, TenderStage.Evaluation);
        var alexScore = await StoredScoreAsync(id, "e1");
        var samScore = await StoredScoreAsync(id, "e2");
        var hold = new HoldPoint("FROM \"Tenders\"");

        // Alex's save is held after reading the stage; Sam saves a different score meanwhile.
        var alex = Task.Run(() => HeldStore(hold).SaveScoreAsync(id, Alex, new EvaluatorScore { EvaluatorId = "e1", BidId = alexScore.Bid, QuestionId = alexScore.Question, Score = 4m, Rationale = "Alex at once." }, alexScore.Version));
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var sam = Task.Run(() => Store().SaveScoreAsync(id, Sam, new EvaluatorScore { EvaluatorId = "e2", BidId = samScore.Bid, QuestionId = samScore.Question, Score = 0m, Rationale = "Sam at once." }, samScore.Version));
        var samDoneWhileHeld = await Task.WhenAny(sam, Task.Delay(Hold)) == sam;
        hold.Release();
        var results = await Task.WhenAll(alex, sam);

        Assert.That(results.SelectMany(r => r.Errors).Select(e => e.Message), Is.Empty);
        if (provider == DatabaseProvider.PostgreSql)
        {
            // PostgreSQL holds the tender row in share mode: score saves do not wait for each other.
            Assert.That(samDoneWhileHeld, Is.True, "Sam's save waited for Alex's on PostgreSQL.");
        }

        var scores = (await Store().LoadPackAsync(id))!.Scores;
        Assert.That(scores.Single(s => s.EvaluatorId == "e1" && s.BidId == alexScore.Bid && s.QuestionId == alexScore.Question).Rationale, Is.EqualTo("Alex at once."));
        Assert.That(scores.Single(s => s.EvaluatorId == "e2" && s.BidId == samScore.Bid && s.QuestionId == samScore.Question).Rationale, Is.EqualTo("Sam at once."));
    }

    [Test]
    public async Task SaveScore_ManySavesRacingAStageChange_NoScoreIsSavedAfterTheTenderLeftEvaluation()
    {
        var checkedRounds = 0;
        for (var round = 0; round < 3; round++)
        {
            var (id, tender) = await TenderInAsync(TenderStage.OpenForBids, TenderStage.Evaluation);
            var (bid, question, _) = await StoredScoreAsync(id, "e1");
            using var start = new ManualResetEventSlim();
            var saves = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                start.Wait();
                var version = (await StoredScoreAsync(id, "e1")).Version;
                return await Store().SaveScoreAsync(id, Alex, new EvaluatorScore { EvaluatorId = "e1", BidId = bid, QuestionId = question, Score = i % 5, Rationale = $"Save {i}." }, version);
            })).ToList();
            var move = Task.Run(() => { start.Wait(); return MoveAndLookAsync(id, TenderStage.Moderation, tender.Version, "e1", bid, question); });
            start.Set();
            await Task.WhenAll(saves);
            var (moved, seenWhenMoved) = await move;
            Assert.That(moved.Errors.Select(e => e.Message), Is.Empty);

            // Whatever was stored when the move returned is what stays: no save lands after it.
            var stored = (await Store().LoadPackAsync(id))!.Scores.Single(s => s.EvaluatorId == "e1" && s.BidId == bid && s.QuestionId == question);
            Assert.That(stored.Rationale, Is.EqualTo(seenWhenMoved), $"Round {round}: a score was saved after the tender left evaluation.");
            var results = saves.Select(s => s.Result).ToList();
            Assert.That(results.Where(r => !r.Succeeded).Select(r => r.Failure), Is.All.AnyOf(FailureKind.Refused, FailureKind.Conflict));
            Assert.That((await AuditAsync(id)).Count(a => a.Entity == "EvaluatorScore" && a.Action == "Changed"), Is.EqualTo(results.Count(r => r.Succeeded)));
            checkedRounds++;
        }

        Assert.That(checkedRounds, Is.EqualTo(3));
    }

    /// <summary>Holds the first command whose text contains <c>marker</c>, after it has run, until released.</summary>
    private sealed class HoldPoint(string marker) : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _held;

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        private async ValueTask HoldAsync(DbCommand command)
        {
            if (command.CommandText.Contains(marker, StringComparison.Ordinal) && Interlocked.Exchange(ref _held, 1) == 0)
            {
                _reached.TrySetResult();
                await _released.Task.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            }
        }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            await HoldAsync(command).ConfigureAwait(false);
            return result;
        }

        public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            await HoldAsync(command).ConfigureAwait(false);
            return result;
        }
    }

    /// <summary>Contexts on the test database with the hold point added.</summary>
    private sealed class InterceptedFactory(DatabaseSettings settings, HoldPoint hold) : ICommissioningContextFactory
    {
        public CommissioningDbContext Create()
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                var sqlite = new DbContextOptionsBuilder<SqliteCommissioningDbContext>();
                CommissioningDatabase.Configure(sqlite, settings);
                return new SqliteCommissioningDbContext(sqlite.AddInterceptors(hold).Options);
            }

            var postgres = new DbContextOptionsBuilder<PostgreSqlCommissioningDbContext>();
            CommissioningDatabase.Configure(postgres, settings);
            return new PostgreSqlCommissioningDbContext(postgres.AddInterceptors(hold).Options);
        }
    }
}
