using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Benchmarks;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Tests.Support;

/// <summary>
/// The tender handlers driven by storage tests in the tests' own words: each call names the person
/// acting (an <see cref="Actor"/>), whose account is made on first use; importing a tender gives
/// the usual team their roles on it (Alex evaluator e1, Sam evaluator e2, Robin moderator m1, all
/// lots), so every call still goes through the handlers' own permission checks.
/// </summary>
internal sealed class TenderTeam(DatabaseSettings settings, ICommissioningContextFactory contexts, TimeProvider time, StandardsCatalogue? standards = null)
{
    /// <summary>The usual team: user ids and the evaluator or moderator id each holds on an imported tender.</summary>
    public static readonly IReadOnlyList<(string UserId, TenderRole Role, string EvaluatorId)> Roles =
    [
        ("user-alex", TenderRole.Evaluator, "e1"),
        ("user-sam", TenderRole.Evaluator, "e2"),
        ("user-robin", TenderRole.Moderator, "m1"),
    ];

    public TenderTeam(DatabaseSettings settings, TimeProvider time, StandardsCatalogue? standards = null)
        : this(settings, new CommissioningContextFactory(settings), time, standards)
    {
    }

    private readonly Dictionary<string, SiteUser> _users = new(StringComparer.Ordinal);

    public async Task<SiteUser> UserAsync(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var id = actor.UserId ?? "toolkit";
        if (!_users.TryGetValue(id, out var user))
        {
            user = await SeededAccounts.AccountAsync(settings, id, actor.Name, commissioner: true);
            _users[id] = user;
        }

        return user;
    }

    /// <summary>
    /// Imports the file as the owner and gives the team their roles. A file's scores come in as
    /// the evaluators' drafts (the default, for tests of saving scores); with
    /// <paramref name="evaluatorsStillScoring"/> false they are marked submitted, as if every
    /// evaluator had finished (for tests of moderation and award).
    /// </summary>
    public async Task<Outcome<Guid>> ImportAsync(string json, Actor owner, bool evaluatorsStillScoring = true)
    {
        var imported = await new ImportTender(contexts, time, standards).HandleAsync(await UserAsync(owner), json);
        if (imported.Succeeded && !evaluatorsStillScoring)
        {
            await using var db = CommissioningDatabase.CreateContext(settings);
            var now = time.GetUtcNow();
            await db.EvaluatorScores.Where(s => s.TenderId == imported.Value)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Submitted, true).SetProperty(x => x.SubmittedAt, (DateTimeOffset?)now));
        }

        if (imported.Succeeded)
        {
            foreach (var (userId, role, evaluatorId) in Roles)
            {
                await SeededAccounts.AccountAsync(settings, userId, userId);
                await SeededAccounts.GrantAsync(settings, imported.Value, userId, role, evaluatorId);
            }
        }

        return imported;
    }

    /// <summary>Stores a pack as it is, without the file's rules: for tests about the columns, not the rules.</summary>
    public async Task<Outcome<Guid>> CreateAsync(TenderPack pack, Actor owner)
    {
        var user = await UserAsync(owner);
        var rows = TenderMapping.ToRows(pack, time.GetUtcNow());
        await using var db = contexts.Create();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Tenders.Add(rows.Tender);
        db.GateDecisions.AddRange(rows.GateDecisions);
        db.LowPriceDecisions.AddRange(rows.LowPriceDecisions);
        db.ConflictDeclarations.AddRange(rows.ConflictDeclarations);
        AuditTrail.Add(db, time, owner, rows.Tender.Id, "Tender", rows.Tender.Id.ToString(), "Created", null, null);
        db.TenderMemberships.Add(new TenderMembershipRow { TenderId = rows.Tender.Id, UserId = user.UserId, Role = TenderRole.Owner });
        AuditTrail.Add(db, time, owner, rows.Tender.Id, "TenderMembership", $"{user.UserId}/{TenderRole.Owner}", "Created", null, null);
        await db.SaveChangesAsync();
        await BulkInsert.ScoresAsync(db, rows.Scores, default);
        await BulkInsert.ModerationAsync(db, rows.Moderation, default);
        await transaction.CommitAsync();
        return Outcome<Guid>.Success(rows.Tender.Id);
    }

    public async Task<TenderSummary?> FindAsync(Guid id)
    {
        await using var db = contexts.Create();
        return await db.Tenders.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TenderSummary(t.Id, t.Title, t.Stage, t.Version, t.StandstillEndsOn, t.CancellationReason)).SingleOrDefaultAsync();
    }

    public Task<TenderPack?> LoadPackAsync(Guid id) => TenderLoader.LoadPackAsync(contexts, id, default);

    public async Task<string?> ExportAsync(Guid id, Actor owner)
    {
        var exported = await new ExportTender(contexts).HandleAsync(await UserAsync(owner), id);
        return exported.Succeeded ? exported.Value : null;
    }

    /// <summary>The tender's audit trail, without the entries of the team's roles this class gave on import (scaffolding, not the test's story).</summary>
    public async Task<IReadOnlyList<AuditEntryRow>> AuditAsync(Guid id)
    {
        await using var db = contexts.Create();
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.TenderId == id).OrderBy(a => a.Id).ToListAsync();
        return [.. rows.Where(a => !(a.Entity == "TenderMembership" && a.UserId == null))];
    }

    public async Task<IReadOnlyList<TenderMembershipRow>> MembershipsOfAsync(string userId)
    {
        await using var db = contexts.Create();
        return await db.TenderMemberships.AsNoTracking().Include(m => m.Scope).Where(m => m.UserId == userId).ToListAsync();
    }

    public async Task<Outcome<TenderSummary>> ChangeStageAsync(Guid id, Actor actor, TenderStage to, string? reason, long version, DateOnly? noticesSentOn = null) =>
        await new ChangeStage(contexts, new EvaluateTender(contexts, new EvaluationCache()), time).HandleAsync(await UserAsync(actor), id, to, reason, version, noticesSentOn);

    /// <summary>
    /// Saves a score as the actor. An evaluator must declare on conflicts of interest before their
    /// first score; these storage tests are not about that, so a declaration of none is made for
    /// them first when they have made none (the declaration's own rules are tested on their own).
    /// </summary>
    public async Task<Outcome<Saved>> SaveScoreAsync(Guid id, Actor actor, EvaluatorScore score, long? version)
    {
        var user = await UserAsync(actor);
        await DeclareNoConflictAsync(id, user, score.EvaluatorId);
        return await new SaveScore(contexts, time).HandleAsync(user, id, score, version);
    }

    private async Task DeclareNoConflictAsync(Guid id, SiteUser user, string evaluatorId)
    {
        await using (var db = CommissioningDatabase.CreateContext(settings))
        {
            if (await db.ConflictDeclarations.AnyAsync(c => c.TenderId == id && c.EvaluatorKey == evaluatorId))
            {
                return;
            }
        }

        // Declared through a plain context, so a test's held context factory holds the save itself.
        await new DeclareConflicts(new CommissioningContextFactory(settings), time).HandleAsync(user, id, evaluatorId, hasConflict: false, details: null);
    }

    /// <summary>Saves a score with a rationale for everything in the evaluator's queue not yet scored with one, as submitting needs; how many were saved.</summary>
    public async Task<int> ScoreTheRestAsync(Guid id, Actor actor, string evaluatorId, decimal score = 2m)
    {
        var user = await UserAsync(actor);
        var queue = (await new ReadWorklist(contexts).HandleAsync(user, id)).Value.Single(q => q.EvaluatorId == evaluatorId);
        var saved = 0;
        foreach (var item in queue.Items.Where(i => !i.Done))
        {
            var version = item.Score is null ? null : (await new ReadScoringItem(contexts).HandleAsync(user, id, evaluatorId, item.BidId, item.QuestionId)).Value.Version;
            var outcome = await SaveScoreAsync(id, actor, new EvaluatorScore { EvaluatorId = evaluatorId, BidId = item.BidId, QuestionId = item.QuestionId, Score = score, Rationale = $"{evaluatorId} on {item.BidId} {item.QuestionId}." }, version);
            NUnit.Framework.Assert.That(outcome.Errors.Select(e => e.Message), NUnit.Framework.Is.Empty, $"{evaluatorId} scoring {item.BidId} {item.QuestionId}");
            saved++;
        }

        return saved;
    }

    public async Task<Outcome<int>> SubmitScoresAsync(Guid id, Actor actor, string evaluatorId) =>
        await new SubmitScores(contexts, time).HandleAsync(await UserAsync(actor), id, evaluatorId);

    public async Task<Outcome<Saved>> RecordModerationAsync(Guid id, Actor actor, ModeratedScore moderated, long? version) =>
        await new RecordConsensus(contexts, time).HandleAsync(await UserAsync(actor), id, moderated, version);

    public async Task<Outcome<Saved>> RecordGateDecisionAsync(Guid id, Actor actor, GateDecision decision, long? version) =>
        await new RecordGateDecision(contexts, time).HandleAsync(await UserAsync(actor), id, decision, version);

    public async Task<Outcome<Guid>> AddMembershipAsync(Guid id, Actor actor, string userId, TenderRole role, string? evaluatorId, IReadOnlyList<(string LotId, string? SectionId)> scope, string? reason)
    {
        string email;
        await using (var db = contexts.Create())
        {
            email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync() ?? throw new InvalidOperationException("The account has no email address.");
        }

        return await new AddPerson(contexts, time).HandleAsync(await UserAsync(actor), id, email, role, evaluatorId, [.. scope.Select(s => new LotScope(s.LotId, s.SectionId))], reason);
    }

    private EvaluateTender Evaluate() => new(contexts, new EvaluationCache());

    /// <summary>The pack with a score from every assigned evaluator for every question of every bid they are assigned (2, where the pack had none).</summary>
    public static TenderPack WithEveryScore(TenderPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var have = pack.Scores.Select(x => (x.EvaluatorId, x.BidId, x.QuestionId)).ToHashSet();
        var added = new List<EvaluatorScore>();
        foreach (var assignment in pack.Tender.Assignments)
        {
            var lot = pack.Tender.FindLot(assignment.LotId)!;
            var questions = lot.Sections.SelectMany(x => x.Questions).Where(q => assignment.QuestionIds.Count == 0 || assignment.QuestionIds.Contains(q.Id));
            foreach (var bid in pack.Bids.Where(b => b.LotId == lot.Id))
            {
                added.AddRange(questions.Where(q => !have.Contains((assignment.EvaluatorId, bid.Id, q.Id)))
                    .Select(q => new EvaluatorScore { EvaluatorId = assignment.EvaluatorId, BidId = bid.Id, QuestionId = q.Id, Score = 2m, Rationale = "Scored for the test." }));
            }
        }

        return pack with { Scores = [.. pack.Scores, .. added] };
    }

    /// <summary>
    /// Makes the evaluation complete, as a panel would in moderation: a consensus (the lowest
    /// score, by Robin as m1) wherever evaluators differ, a pass on every gate waiting for a
    /// decision, and an accepted explanation for every price flagged as possibly abnormally low.
    /// Fails the test if anything is outstanding that moderation cannot resolve (a missing score).
    /// </summary>
    public async Task CompleteEvaluationAsync(Guid id, Actor owner, Actor moderator)
    {
        for (var pass = 0; pass < 3; pass++)
        {
            TenderEvaluation evaluation;
            await using (var db = contexts.Create())
            {
                evaluation = (await Evaluate().CurrentAsync(db, id, default))!;
            }

            if (evaluation.Complete)
            {
                return;
            }

            foreach (var item in evaluation.Result.Lots.SelectMany(l => l.Outstanding))
            {
                Outcome<Saved>? done = item.Kind switch
                {
                    OutstandingKind.NotModerated => await RecordModerationAsync(id, moderator, new ModeratedScore { BidId = item.Bid!.Id, QuestionId = item.Question!.Id, Score = item.Scores.Min(), Reason = "The panel agreed the lower score.", ModeratorId = "m1" }, null),
                    OutstandingKind.GateNotDecided => await RecordGateDecisionAsync(id, owner, new GateDecision { BidId = item.Bid!.Id, GateId = item.Gate!.Id, Passed = true, Reason = "Checked against the bid.", DecidedBy = owner.Name }, null),
                    OutstandingKind.LowPriceUndecided => await new RecordLowPriceDecision(contexts, time).HandleAsync(await UserAsync(owner), id, item.Bid!.Id, LowPriceOutcome.Accepted, "The bidder explained the price.", null),
                    OutstandingKind.ThresholdsWaiting => null,
                    _ => throw new InvalidOperationException($"Moderation cannot resolve this outstanding item: {item.Kind} {item.Bid?.Id} {item.Question?.Id}."),
                };
                if (done is { Succeeded: false })
                {
                    throw new InvalidOperationException($"Could not resolve {item.Kind} for {item.Bid?.Id}: {done.Errors[0].Message}");
                }
            }
        }

        throw new InvalidOperationException("The evaluation is still not complete after three passes.");
    }

    /// <summary>Records the award decision of every lot (its most advantageous tender) and, under the Act, the day the assessment summaries were given.</summary>
    public async Task RecordAwardsAsync(Guid id, Actor owner)
    {
        var user = await UserAsync(owner);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var pack = (await LoadPackAsync(id))!;
        foreach (var lot in pack.Tender.Lots)
        {
            var awarded = await new RecordAward(contexts, Evaluate(), time).HandleAsync(user, id, lot.Id, "The ICB board", today, null);
            if (!awarded.Succeeded)
            {
                throw new InvalidOperationException($"Could not record the award of {lot.Id}: {awarded.Errors[0].Message}");
            }
        }

        if (pack.Tender.Regime.Regime == ProcurementRegime.ProcurementAct2023)
        {
            var tender = (await FindAsync(id))!;
            var sent = await new RecordNoticeDate(contexts, time).HandleAsync(user, id, RecordNoticeDate.Kind.AssessmentSummariesSent, today, tender.Version);
            if (!sent.Succeeded)
            {
                throw new InvalidOperationException("Could not record the assessment summaries: " + sent.Errors[0].Message);
            }
        }
    }
}
