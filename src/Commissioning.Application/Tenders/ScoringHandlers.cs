using System.Globalization;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>
/// The scores a person may see (all bids, or one): an evaluator sees their own until they have
/// submitted them all, then also others' submitted scores on what they cover; a moderator every
/// score on what they moderate; owners and observers every score.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class ListScores(ICommissioningContextFactory contexts)
{
    /// <summary>The visible scores, in the order they were first saved.</summary>
    public async Task<Outcome<IReadOnlyList<ScoreOnTender>>> HandleAsync(SiteUser user, Guid tenderId, string? bidId = null, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ViewScores, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<IReadOnlyList<ScoreOnTender>>();
        }

        var permissions = access.Value;
        var layout = await TenderChanges.LayoutAsync(db, tenderId, cancel).ConfigureAwait(false);
        var query = db.EvaluatorScores.AsNoTracking().Where(s => s.TenderId == tenderId);
        if (bidId is not null)
        {
            query = query.Where(s => s.BidKey == bidId);
        }

        var own = permissions.EvaluatorKeys;
        var ownRows = await db.EvaluatorScores.AsNoTracking().Where(s => s.TenderId == tenderId && own.Contains(s.EvaluatorKey))
            .GroupBy(s => s.Submitted).Select(g => g.Key).ToListAsync(cancel).ConfigureAwait(false);
        var ownSubmitted = ownRows is [true];
        var rows = await query.OrderBy(s => s.Position).ToListAsync(cancel).ConfigureAwait(false);
        var visible = new List<ScoreOnTender>();
        foreach (var row in rows)
        {
            var score = TenderMapping.ToScore(row);
            if (layout.Where(score) is { } where && permissions.MaySeeBid(score.BidId, where.LotId)
                && permissions.MaySeeScore(score, row.Submitted, where.LotId, where.SectionId, ownSubmitted))
            {
                visible.Add(new ScoreOnTender(score, row.Submitted, row.Version));
            }
        }

        return Outcome<IReadOnlyList<ScoreOnTender>>.Success(visible);
    }
}

/// <summary>
/// Saves one of the evaluator's own scores for one bid on one question they are assigned: new, or
/// a change to their unsubmitted score. Only during evaluation. The expected version is the one
/// the evaluator saw (null when they saw none): if it was saved since, nothing is saved and the
/// answer says what changed and by whom. Audited.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail.</param>
public sealed class SaveScore(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Saves the score as a draft; the new version.</summary>
    public async Task<Outcome<Saved>> HandleAsync(SiteUser user, Guid tenderId, EvaluatorScore score, long? expectedVersion, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(score);
        await using var db = contexts.Create();
        var tender = await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return TenderChanges.NotFound<Saved>();
        }

        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.Score, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Saved>();
        }

        var place = await TenderChanges.PlaceAsync(db, tenderId, score.BidId, score.QuestionId, cancel).ConfigureAwait(false);
        if (place is not null && !access.Value.MayScoreAs(score.EvaluatorId, place.LotId, place.SectionId))
        {
            return Outcome<Saved>.Fail(FailureKind.Refused, $"You can save scores only as yourself, on the lots and sections you are assigned to evaluate. You are not assigned to score {score.QuestionId} of bid {score.BidId} as {score.EvaluatorId}.");
        }

        ArgumentNullException.ThrowIfNull(score);

        if (TenderChanges.Refused<Saved>(tender.Stage, TenderChange.EvaluatorScore, null) is { } refused)
        {
            return refused;
        }

        if (await ConflictRules.RefusalAsync(db, tenderId, score.EvaluatorId, cancel).ConfigureAwait(false) is { } conflicted)
        {
            return Outcome<Saved>.Fail(FailureKind.Refused, conflicted);
        }

        if (await CheckScoreAsync(db, tender, score, cancel).ConfigureAwait(false) is { Count: > 0 } invalid)
        {
            return Outcome<Saved>.Fail(FailureKind.Invalid, invalid);
        }

        var key = $"{score.EvaluatorId}/{score.BidId}/{score.QuestionId}";
        var row = await db.EvaluatorScores.SingleOrDefaultAsync(
            s => s.TenderId == tenderId && s.EvaluatorKey == score.EvaluatorId && s.BidKey == score.BidId && s.QuestionKey == score.QuestionId, cancel).ConfigureAwait(false);
        string? before = null;
        if (row is null)
        {
            if (expectedVersion is not null)
            {
                return Outcome<Saved>.Fail(FailureKind.NotFound, "This score is no longer stored. Reload the page to see the scores as they are now.");
            }

            var position = await db.EvaluatorScores.Where(s => s.TenderId == tenderId).Select(s => (int?)s.Position).MaxAsync(cancel).ConfigureAwait(false) ?? -1;
            row = TenderMapping.ToRow(tenderId, score, position + 1);
            db.EvaluatorScores.Add(row);
        }
        else
        {
            if (row.Submitted)
            {
                return Outcome<Saved>.Fail(FailureKind.Refused, $"{score.EvaluatorId}'s score for bid {score.BidId} on {score.QuestionId} has been submitted, so it can no longer be changed. A change now is made at moderation.");
            }

            if (expectedVersion is null || expectedVersion != row.Version)
            {
                return await TenderChanges.ConflictAsync<Saved>(db, tenderId, "EvaluatorScore", key, expectedVersion, cancel).ConfigureAwait(false);
            }

            before = TenderMapping.Json(TenderMapping.ToScore(row));
            TenderChanges.Touch(db, row, expectedVersion.Value);
            row.Score = score.Score;
            row.Rationale = score.Rationale;
        }

        AuditTrail.Add(db, time, user.Actor, tenderId, "EvaluatorScore", key, before is null ? "Created" : "Changed", before, TenderMapping.Json(score));
        return await TenderChanges.SaveAsync(db, tenderId, "EvaluatorScore", key, expectedVersion, () => new Saved(row.Version), cancel).ConfigureAwait(false);
    }

    internal static async Task<List<AppError>> CheckScoreAsync(CommissioningDbContext db, TenderRow tender, EvaluatorScore score, CancellationToken cancel)
    {
        var errors = new List<AppError>();
        var scale = System.Text.Json.JsonSerializer.Deserialize<ScoringScale>(tender.ScaleJson, TenderChanges.Json)!;
        if (score.Score < 0 || score.Score > scale.Maximum || decimal.Truncate(score.Score) != score.Score)
        {
            errors.Add(new AppError($"Enter a whole-number score from 0 to {scale.Maximum}.", new FormFieldLocation("Score")));
        }

        if (string.IsNullOrWhiteSpace(score.Rationale))
        {
            errors.Add(new AppError("Enter why you gave this score, with reference to the bid's answer.", new FormFieldLocation("Rationale")));
        }

        var bid = await db.Bids.AsNoTracking().Where(b => b.TenderId == tender.Id && b.Key == score.BidId).Select(b => b.LotKey).SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        if (bid is null)
        {
            errors.Add(new AppError($"This tender has no bid '{score.BidId}'.", new FormFieldLocation("BidId")));
            return errors;
        }

        var questionExists = await (from q in db.Questions
                                    join s in db.Sections on q.SectionId equals s.Id
                                    join l in db.Lots on s.LotId equals l.Id
                                    where l.TenderId == tender.Id && l.Key == bid && q.Key == score.QuestionId
                                    select q.Id).AnyAsync(cancel).ConfigureAwait(false);
        if (!questionExists)
        {
            errors.Add(new AppError($"Lot {bid} has no question '{score.QuestionId}'.", new FormFieldLocation("QuestionId")));
        }

        var assignments = await db.Assignments.AsNoTracking().Where(a => a.TenderId == tender.Id && a.EvaluatorKey == score.EvaluatorId && a.LotKey == bid)
            .Select(a => a.QuestionKeysJson).ToListAsync(cancel).ConfigureAwait(false);
        var assigned = assignments.Any(json => json == "[]" || System.Text.Json.JsonSerializer.Deserialize<List<string>>(json)!.Contains(score.QuestionId));
        if (questionExists && !assigned)
        {
            errors.Add(new AppError($"{score.EvaluatorId} is not assigned to score {score.QuestionId} of lot {bid}.", new FormFieldLocation("QuestionId")));
        }

        return errors;
    }
}

/// <summary>
/// Submits every unsubmitted score of the evaluator's own on a tender: after this they cannot
/// change them, and others with the right role may see them. Refused, listing each one, while any
/// question of any bid in their queue is unscored or scored without a rationale. Audited.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail and the submission time.</param>
public sealed class SubmitScores(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>At most this many missing answers are named one by one in a refusal; the rest are counted.</summary>
    public const int MissingNamed = 20;

    /// <summary>Submits; how many scores were submitted.</summary>
    public async Task<Outcome<int>> HandleAsync(SiteUser user, Guid tenderId, string evaluatorId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(evaluatorId);
        await using var db = contexts.Create();
        var tender = await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return TenderChanges.NotFound<int>();
        }

        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.Score, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<int>();
        }

        if (!access.Value.EvaluatorKeys.Contains(evaluatorId, StringComparer.Ordinal))
        {
            return Outcome<int>.Fail(FailureKind.Refused, $"You can submit only your own scores; you are not {evaluatorId} on this tender.");
        }


        if (TenderChanges.Refused<int>(tender.Stage, TenderChange.EvaluatorScore, null) is { } refused)
        {
            return refused;
        }

        // Nothing is submitted while anything in their queue is unscored or has no rationale.
        var definition = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
        var queue = await ReadWorklist.WorklistAsync(db, access.Value, definition, evaluatorId, cancel).ConfigureAwait(false);
        var missing = queue.Items.Where(i => !i.Submitted && !i.Done).ToList();
        if (missing.Count > 0)
        {
            // Each one named, up to a screenful; an ICS-scale queue can have thousands left.
            var named = missing.Take(MissingNamed).Select(i => new AppError(i.Score is null
                ? $"Score {i.QuestionId} ({i.QuestionTitle}) for {i.Provider} (bid {i.BidId}) before you submit."
                : $"Enter why you gave your score for {i.QuestionId} ({i.QuestionTitle}) for {i.Provider} (bid {i.BidId}) before you submit.")).ToList();
            if (missing.Count > MissingNamed)
            {
                named.Add(new AppError(string.Create(CultureInfo.GetCultureInfo("en-GB"), $"{missing.Count - MissingNamed:N0} more answers need a score or a reason before you submit ({missing.Count:N0} in all).")));
            }

            return Outcome<int>.Fail(FailureKind.Refused, named);
        }

        var rows = await db.EvaluatorScores.Where(s => s.TenderId == tenderId && s.EvaluatorKey == evaluatorId && !s.Submitted).ToListAsync(cancel).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return Outcome<int>.Fail(FailureKind.Refused, $"{evaluatorId} has no unsubmitted scores on this tender.");
        }

        var now = time.GetUtcNow();
        foreach (var row in rows)
        {
            row.Submitted = true;
            row.SubmittedAt = now;
        }

        AuditTrail.Add(db, time, user.Actor, tenderId, "EvaluatorScore", evaluatorId, "Submitted", null,
            $"{{\"evaluatorId\":{System.Text.Json.JsonSerializer.Serialize(evaluatorId)},\"scores\":{rows.Count}}}");
        return await TenderChanges.SaveAsync(db, tenderId, "EvaluatorScore", evaluatorId, null, () => rows.Count, cancel).ConfigureAwait(false);
    }
}

/// <summary>
/// Records (or changes) the consensus score for a bid on a question, with its reason, as the
/// moderator's own id on a lot they moderate. Only during moderation. Audited; the evaluators'
/// own scores are kept.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail.</param>
public sealed class RecordConsensus(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Records the consensus; the new version.</summary>
    public async Task<Outcome<Saved>> HandleAsync(SiteUser user, Guid tenderId, ModeratedScore moderated, long? expectedVersion, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(moderated);
        await using var db = contexts.Create();
        var tender = await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return TenderChanges.NotFound<Saved>();
        }

        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.Moderate, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Saved>();
        }

        var place = await TenderChanges.PlaceAsync(db, tenderId, moderated.BidId, moderated.QuestionId, cancel).ConfigureAwait(false);
        if (place is null)
        {
            return Outcome<Saved>.Fail(FailureKind.Invalid, $"This tender has no question {moderated.QuestionId} for bid {moderated.BidId}.", new FormFieldLocation("QuestionId"));
        }

        if (!access.Value.MayModerateAs(moderated.ModeratorId, place.LotId, place.SectionId))
        {
            return Outcome<Saved>.Fail(FailureKind.Refused, $"You can record consensus scores only as yourself, on the lots you moderate. You do not moderate {moderated.QuestionId} of bid {moderated.BidId} as {moderated.ModeratorId}.");
        }

        ArgumentNullException.ThrowIfNull(moderated);

        if (TenderChanges.Refused<Saved>(tender.Stage, TenderChange.ModeratedScore, moderated.Reason) is { } refused)
        {
            return refused;
        }

        var scale = System.Text.Json.JsonSerializer.Deserialize<ScoringScale>(tender.ScaleJson, TenderChanges.Json)!;
        if (moderated.Score < 0 || moderated.Score > scale.Maximum)
        {
            return Outcome<Saved>.Fail(FailureKind.Invalid, $"Enter a consensus score from 0 to {scale.Maximum}.", new FormFieldLocation("Score"));
        }

        // A consensus moderates evaluators' own scores; with none submitted there is nothing to moderate.
        if (!await db.EvaluatorScores.AnyAsync(s => s.TenderId == tenderId && s.BidKey == moderated.BidId && s.QuestionKey == moderated.QuestionId && s.Submitted, cancel).ConfigureAwait(false))
        {
            return Outcome<Saved>.Fail(FailureKind.Refused, $"No evaluator has submitted a score for {moderated.QuestionId} of bid {moderated.BidId}, so there is nothing to agree a consensus on. The evaluators score it first.");
        }

        var key = $"{moderated.BidId}/{moderated.QuestionId}";
        var row = await db.ModeratedScores.SingleOrDefaultAsync(m => m.TenderId == tenderId && m.BidKey == moderated.BidId && m.QuestionKey == moderated.QuestionId, cancel).ConfigureAwait(false);
        string? before = null;
        if (row is null)
        {
            var position = await db.ModeratedScores.Where(s => s.TenderId == tenderId).Select(s => (int?)s.Position).MaxAsync(cancel).ConfigureAwait(false) ?? -1;
            row = new ModeratedScoreRow { TenderId = tenderId, Position = position + 1, BidKey = moderated.BidId, QuestionKey = moderated.QuestionId, Reason = moderated.Reason, ModeratorKey = moderated.ModeratorId, Score = moderated.Score };
            db.ModeratedScores.Add(row);
        }
        else
        {
            if (expectedVersion != row.Version)
            {
                return await TenderChanges.ConflictAsync<Saved>(db, tenderId, "ModeratedScore", key, expectedVersion, cancel).ConfigureAwait(false);
            }

            before = TenderMapping.Json(TenderMapping.ToModeratedScore(row));
            TenderChanges.Touch(db, row, expectedVersion.Value);
            row.Score = moderated.Score;
            row.Reason = moderated.Reason;
            row.ModeratorKey = moderated.ModeratorId;
        }

        AuditTrail.Add(db, time, user.Actor, tenderId, "ModeratedScore", key, before is null ? "Created" : "Changed", before, TenderMapping.Json(moderated), moderated.Reason);
        return await TenderChanges.SaveAsync(db, tenderId, "ModeratedScore", key, expectedVersion, () => new Saved(row.Version), cancel).ConfigureAwait(false);
    }
}

/// <summary>Records (or changes) a pass or fail decision on a gate for a bid, with its reason. The owner, or a moderator of the bid's lot; in evaluation or moderation. Audited.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail.</param>
public sealed class RecordGateDecision(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Records the decision; the new version.</summary>
    public async Task<Outcome<Saved>> HandleAsync(SiteUser user, Guid tenderId, GateDecision decision, long? expectedVersion, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(decision);
        await using var db = contexts.Create();
        var tender = await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return TenderChanges.NotFound<Saved>();
        }

        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.Decide, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Saved>();
        }

        var lot = await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId && b.Key == decision.BidId).Select(b => b.LotKey).SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        if (lot is null)
        {
            return Outcome<Saved>.Fail(FailureKind.Invalid, $"This tender has no bid '{decision.BidId}'.", new FormFieldLocation("BidId"));
        }

        if (!access.Value.MayDecideOn(lot))
        {
            return Outcome<Saved>.Fail(FailureKind.Refused, $"You can record gate decisions only on the lots you moderate. You do not moderate lot {lot}.");
        }

        ArgumentNullException.ThrowIfNull(decision);

        if (TenderChanges.Refused<Saved>(tender.Stage, TenderChange.GateDecision, decision.Reason) is { } refused)
        {
            return refused;
        }

        var key = $"{decision.BidId}/{decision.GateId}";
        var row = await db.GateDecisions.SingleOrDefaultAsync(g => g.TenderId == tenderId && g.BidKey == decision.BidId && g.GateKey == decision.GateId, cancel).ConfigureAwait(false);
        string? before = null;
        if (row is null)
        {
            var position = await db.GateDecisions.Where(s => s.TenderId == tenderId).Select(s => (int?)s.Position).MaxAsync(cancel).ConfigureAwait(false) ?? -1;
            row = new GateDecisionRow { TenderId = tenderId, Position = position + 1, BidKey = decision.BidId, GateKey = decision.GateId, Passed = decision.Passed, Reason = decision.Reason, DecidedBy = decision.DecidedBy };
            db.GateDecisions.Add(row);
        }
        else
        {
            if (expectedVersion != row.Version)
            {
                return await TenderChanges.ConflictAsync<Saved>(db, tenderId, "GateDecision", key, expectedVersion, cancel).ConfigureAwait(false);
            }

            before = TenderMapping.Json(TenderMapping.ToGateDecision(row));
            TenderChanges.Touch(db, row, expectedVersion.Value);
            row.Passed = decision.Passed;
            row.Reason = decision.Reason;
            row.DecidedBy = decision.DecidedBy;
        }

        AuditTrail.Add(db, time, user.Actor, tenderId, "GateDecision", key, before is null ? "Created" : "Changed", before, TenderMapping.Json(decision), decision.Reason);
        return await TenderChanges.SaveAsync(db, tenderId, "GateDecision", key, expectedVersion, () => new Saved(row.Version), cancel).ConfigureAwait(false);
    }
}

/// <summary>
/// Moves a tender to another stage. Only the owner. Cancelling and going back need a reason;
/// the move to award recommended is refused while the result is provisional; entering standstill
/// needs every lot's award decision (and, under the Procurement Act 2023, the assessment summaries
/// given) and records the day the notice was published, from which the last day is worked out for
/// the tender's regime; award waits until standstill has ended. Audited.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="evaluate">The tender's evaluation, for whether the result is still provisional.</param>
/// <param name="time">The clock: the audit trail and today's date.</param>
/// <param name="standards">The standards, for checking a draft before it is published; null only where a test moves a tender without them.</param>
public sealed class ChangeStage(ICommissioningContextFactory contexts, EvaluateTender evaluate, TimeProvider time, Commissioning.Core.Standards.StandardsCatalogue? standards = null)
{
    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Moves the tender; its summary as it now is.</summary>
    public async Task<Outcome<TenderSummary>> HandleAsync(SiteUser user, Guid tenderId, TenderStage to, string? reason, long expectedVersion, DateOnly? noticesSentOn = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        reason = TenderGate.Blank(reason);
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ChangeStage, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<TenderSummary>();
        }

        var tender = await db.Tenders.SingleOrDefaultAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return TenderChanges.NotFound<TenderSummary>();
        }

        if (tender.Version != expectedVersion)
        {
            return await TenderChanges.ConflictAsync<TenderSummary>(db, tenderId, "Tender", tenderId.ToString(), expectedVersion, cancel).ConfigureAwait(false);
        }

        // What the tender was before this move, read before the move changes anything (the dates too).
        var before = StageJson(tender);
        var decision = TenderLifecycle.CheckMove(tender.Stage, to, reason, Today, tender.StandstillEndsOn);
        if (!decision.Allowed)
        {
            return Outcome<TenderSummary>.Fail(FailureKind.Refused, decision.Refusal!, new FormFieldLocation(decision.Refusal!.StartsWith("Enter why", StringComparison.Ordinal) ? "Reason" : "Stage"));
        }

        if (to == TenderStage.OpenForBids)
        {
            var problems = await SetupRules.PublishRefusalsAsync(db, tender, standards, cancel).ConfigureAwait(false);
            if (problems.Count > 0)
            {
                return Outcome<TenderSummary>.Fail(FailureKind.Refused, problems.Select(r => new AppError(r, new FormFieldLocation("Stage"))));
            }
        }

        if (to is TenderStage.AwardRecommended or TenderStage.Standstill)
        {
            var evaluation = to == TenderStage.AwardRecommended ? await evaluate.CurrentAsync(db, tenderId, cancel).ConfigureAwait(false) : null;
            var refusals = await AwardRules.RefusalsAsync(db, tender, to, evaluation, noticesSentOn, Today, cancel).ConfigureAwait(false);
            if (refusals.Count > 0)
            {
                return Outcome<TenderSummary>.Fail(FailureKind.Refused, refusals.Select(r => new AppError(r, new FormFieldLocation("Stage"))));
            }
        }

        if (to == TenderStage.Standstill)
        {
            if (noticesSentOn is not { } sent)
            {
                return Outcome<TenderSummary>.Fail(FailureKind.Invalid, $"Enter the date the {(tender.Regime == ProcurementRegime.ProcurementAct2023 ? "contract award notice" : "notice of intention to award")} was published.", new FormFieldLocation("NoticesSentOn"));
            }

            if (sent > Today)
            {
                return Outcome<TenderSummary>.Fail(FailureKind.Invalid, "The date the notice was published must be today or in the past.", new FormFieldLocation("NoticesSentOn"));
            }

            tender.NoticesSentOn = sent;
            tender.StandstillEndsOn = Standstill.For(tender.Regime, sent, BankHolidays.ForWorkingDays(tender.Regime)).LastDay;
        }

        tender.Stage = to;
        if (to == TenderStage.Cancelled)
        {
            tender.CancellationReason = reason;
        }

        AuditTrail.Add(db, time, user.Actor, tenderId, "Tender", tenderId.ToString(), "StageChanged", before, StageJson(tender), reason);
        return await TenderChanges.SaveAsync(db, tenderId, "Tender", tenderId.ToString(), expectedVersion,
            () => new TenderSummary(tender.Id, tender.Title, tender.Stage, tender.Version, tender.StandstillEndsOn, tender.CancellationReason), cancel).ConfigureAwait(false);
    }

    private static string StageJson(TenderRow tender) => System.Text.Json.JsonSerializer.Serialize(new
    {
        stage = tender.Stage.ToString(),
        noticesSentOn = tender.NoticesSentOn,
        standstillEndsOn = tender.StandstillEndsOn,
        cancellationReason = tender.CancellationReason,
    });
}
