using System.Security.Cryptography;
using System.Text;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application;

/// <summary>A tender as listed: id, title, stage, and the version to send back with a stage change.</summary>
/// <param name="Id">The tender's id.</param>
/// <param name="Title">Title.</param>
/// <param name="Stage">The lifecycle stage.</param>
/// <param name="Version">The tender row's version.</param>
/// <param name="StandstillEndsOn">The last day of standstill, once notices are sent.</param>
/// <param name="CancellationReason">Why it was cancelled, if it was.</param>
public sealed record TenderSummary(Guid Id, string Title, TenderStage Stage, long Version, DateOnly? StandstillEndsOn, string? CancellationReason);

/// <summary>A saved row's new version, to send back with the next change to it.</summary>
/// <param name="Version">The version now stored.</param>
public sealed record Saved(long Version);

/// <summary>
/// Tender storage: create, import and export the <c>oh-tender</c> file, load for evaluation, save
/// a score, submit scores, record moderation and gate decisions, change stage. Every change is
/// checked against the tender's stage, saved with its audit entry in one transaction, and refused
/// (never overwritten) when someone else saved the same row first.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock: audit times, submission times and today's date for standstill.</param>
/// <param name="isBankHoliday">
/// Bank holidays for counting working days; by default the tender's regime chooses
/// (<see cref="BankHolidays.ForWorkingDays"/>). Tests give their own.
/// </param>
public sealed class TenderStore(ICommissioningContextFactory contexts, TimeProvider time, Func<DateOnly, bool>? isBankHoliday = null)
{
    private readonly Func<DateOnly, bool>? _isBankHoliday = isBankHoliday;

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Imports a tender file as a new draft tender, in one transaction: the file is read and every
    /// problem listed (nothing is saved), or the whole tender is saved.
    /// </summary>
    public Task<Outcome<Guid>> ImportAsync(string json, Actor actor, StandardsCatalogue? standards, CancellationToken cancel = default) =>
        ImportAsync(json, actor, standards, owner: null, cancel);

    /// <summary>
    /// Imports a tender file as a new draft tender, as <see cref="ImportAsync(string, Actor, StandardsCatalogue?, CancellationToken)"/>,
    /// and gives <paramref name="owner"/> (an account's id) the owner role on it in the same transaction.
    /// </summary>
    public async Task<Outcome<Guid>> ImportAsync(string json, Actor actor, StandardsCatalogue? standards, string? owner, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var read = TenderFiles.ReadPack(json, standards);
        return read.Succeeded ? await SaveNewAsync(read.Value, actor, "Imported", Summary(json), owner, cancel).ConfigureAwait(false) : read.As<Guid>();
    }

    /// <summary>Creates a draft tender from a pack the caller has validated.</summary>
    public Task<Outcome<Guid>> CreateAsync(TenderPack pack, Actor actor, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return SaveNewAsync(pack, actor, "Created", Summary(TenderFile.Write(pack)), null, cancel);
    }

    private async Task<Outcome<Guid>> SaveNewAsync(TenderPack pack, Actor actor, string action, string after, string? owner, CancellationToken cancel)
    {
        var rows = TenderMapping.ToRows(pack, time.GetUtcNow());
        await using var db = contexts.Create();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // One transaction: the whole tender, or (on any failure, or a crash) none of it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        db.Tenders.Add(rows.Tender);
        db.GateDecisions.AddRange(rows.GateDecisions);
        db.LowPriceDecisions.AddRange(rows.LowPriceDecisions);
        AuditTrail.Add(db, time, actor, rows.Tender.Id, "Tender", rows.Tender.Id.ToString(), action, null, after);
        if (owner is not null)
        {
            db.TenderMemberships.Add(new TenderMembershipRow { TenderId = rows.Tender.Id, UserId = owner, Role = TenderRole.Owner });
            AuditTrail.Add(db, time, actor, rows.Tender.Id, "TenderMembership", $"{owner}/{TenderRole.Owner}", "Created", null,
                System.Text.Json.JsonSerializer.Serialize(new { userId = owner, role = TenderRole.Owner.ToString() }));
        }

        await db.SaveChangesAsync(cancel).ConfigureAwait(false);

        // The many score rows go in as multi-row INSERTs in the same transaction (80,000 in an ICS tender).
        await BulkInsert.ScoresAsync(db, rows.Scores, cancel).ConfigureAwait(false);
        await BulkInsert.ModerationAsync(db, rows.Moderation, cancel).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return Outcome<Guid>.Success(rows.Tender.Id);
    }

    /// <summary>The tenders, newest first.</summary>
    public async Task<IReadOnlyList<TenderSummary>> ListAsync(CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var rows = await db.Tenders.AsNoTracking()
            .Select(t => new TenderSummary(t.Id, t.Title, t.Stage, t.Version, t.StandstillEndsOn, t.CancellationReason))
            .ToListAsync(cancel).ConfigureAwait(false);
        return [.. rows.OrderByDescending(t => t.Id)];
    }

    /// <summary>One tender's summary, or null when there is none with that id.</summary>
    public async Task<TenderSummary?> FindAsync(Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        return await db.Tenders.AsNoTracking().Where(t => t.Id == tenderId)
            .Select(t => new TenderSummary(t.Id, t.Title, t.Stage, t.Version, t.StandstillEndsOn, t.CancellationReason))
            .SingleOrDefaultAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads a whole tender for evaluation: the pack exactly as it was imported and since changed,
    /// in the original order. Null when there is no such tender.
    /// </summary>
    public async Task<TenderPack?> LoadPackAsync(Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        await db.Database.OpenConnectionAsync(cancel).ConfigureAwait(false);
        var tender = await db.Tenders.AsNoTracking().AsSplitQuery()
            .Include(t => t.Members)
            .Include(t => t.Lots).ThenInclude(l => l.Sections).ThenInclude(s => s.Questions)
            .Include(t => t.Lots).ThenInclude(l => l.Gates)
            .Include(t => t.Evaluators)
            .Include(t => t.Assignments)
            .SingleOrDefaultAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return null;
        }

        // The bids, the 80,000 scores and the consensus scores by plain data readers straight into
        // Core's records: no tracking, no EF Core materialiser, no intermediate rows.
        var bids = await BulkRead.BidsAsync(db, tenderId, cancel).ConfigureAwait(false);
        var scores = await BulkRead.ScoresAsync(db, tenderId, cancel).ConfigureAwait(false);
        var moderation = await BulkRead.ModerationAsync(db, tenderId, cancel).ConfigureAwait(false);
        var gates = await db.GateDecisions.AsNoTracking().Where(s => s.TenderId == tenderId).OrderBy(s => s.Position)
            .ToListAsync(cancel).ConfigureAwait(false);
        var prices = await db.LowPriceDecisions.AsNoTracking().Where(s => s.TenderId == tenderId).OrderBy(s => s.Position)
            .ToListAsync(cancel).ConfigureAwait(false);

        return new TenderPack
        {
            Tender = TenderMapping.ToTender(tender),
            Bids = bids,
            Scores = scores,
            Moderation = moderation,
            GateDecisions = [.. gates.Select(TenderMapping.ToGateDecision)],
            LowPriceDecisions = [.. prices.Select(TenderMapping.ToLowPriceDecision)],
        };
    }

    /// <summary>Exports a stored tender as an <c>oh-tender</c> file, or null when there is no such tender.</summary>
    public async Task<string?> ExportAsync(Guid tenderId, CancellationToken cancel = default) =>
        await LoadPackAsync(tenderId, cancel).ConfigureAwait(false) is { } pack ? TenderFile.Write(pack) : null;

    /// <summary>
    /// Saves one evaluator's score for one bid on one question: new, or a change to their own
    /// unsubmitted score. <paramref name="expectedVersion"/> is the version the evaluator saw (null
    /// when they saw no score): if someone saved it since, nothing is saved and the answer says
    /// what changed and by whom.
    /// </summary>
    public async Task<Outcome<Saved>> SaveScoreAsync(Guid tenderId, Actor actor, EvaluatorScore score, long? expectedVersion, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        await using var db = contexts.Create();
        var tender = await ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return NotFound<Saved>();
        }

        if (Refused<Saved>(tender.Stage, TenderChange.EvaluatorScore, null) is { } refused)
        {
            return refused;
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
                return await ConflictAsync<Saved>(db, tenderId, "EvaluatorScore", key, expectedVersion, cancel).ConfigureAwait(false);
            }

            before = TenderMapping.Json(TenderMapping.ToScore(row));
            Touch(db, row, expectedVersion.Value);
            row.Score = score.Score;
            row.Rationale = score.Rationale;
        }

        AuditTrail.Add(db, time, actor, tenderId, "EvaluatorScore", key, before is null ? "Created" : "Changed", before, TenderMapping.Json(score));
        return await SaveAsync(db, tenderId, "EvaluatorScore", key, expectedVersion, () => new Saved(row.Version), cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Submits every unsubmitted score of one evaluator on a tender: after this the evaluator
    /// cannot change them, and others with the right role may see them. Returns how many were submitted.
    /// </summary>
    public async Task<Outcome<int>> SubmitScoresAsync(Guid tenderId, Actor actor, string evaluatorId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var tender = await ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return NotFound<int>();
        }

        if (Refused<int>(tender.Stage, TenderChange.EvaluatorScore, null) is { } refused)
        {
            return refused;
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

        AuditTrail.Add(db, time, actor, tenderId, "EvaluatorScore", evaluatorId, "Submitted", null,
            $"{{\"evaluatorId\":{System.Text.Json.JsonSerializer.Serialize(evaluatorId)},\"scores\":{rows.Count}}}");
        return await SaveAsync(db, tenderId, "EvaluatorScore", evaluatorId, null, () => rows.Count, cancel).ConfigureAwait(false);
    }

    /// <summary>Records (or changes) the consensus score for a bid on a question, with its reason. Only in moderation.</summary>
    public async Task<Outcome<Saved>> RecordModerationAsync(Guid tenderId, Actor actor, ModeratedScore moderated, long? expectedVersion, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(moderated);
        await using var db = contexts.Create();
        var tender = await ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return NotFound<Saved>();
        }

        if (Refused<Saved>(tender.Stage, TenderChange.ModeratedScore, moderated.Reason) is { } refused)
        {
            return refused;
        }

        var scale = System.Text.Json.JsonSerializer.Deserialize<ScoringScale>(tender.ScaleJson, FileJsonCompact)!;
        if (moderated.Score < 0 || moderated.Score > scale.Maximum)
        {
            return Outcome<Saved>.Fail(FailureKind.Invalid, $"Enter a consensus score from 0 to {scale.Maximum}.", new FormFieldLocation("Score"));
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
                return await ConflictAsync<Saved>(db, tenderId, "ModeratedScore", key, expectedVersion, cancel).ConfigureAwait(false);
            }

            before = TenderMapping.Json(TenderMapping.ToModeratedScore(row));
            Touch(db, row, expectedVersion.Value);
            row.Score = moderated.Score;
            row.Reason = moderated.Reason;
            row.ModeratorKey = moderated.ModeratorId;
        }

        AuditTrail.Add(db, time, actor, tenderId, "ModeratedScore", key, before is null ? "Created" : "Changed", before, TenderMapping.Json(moderated), moderated.Reason);
        return await SaveAsync(db, tenderId, "ModeratedScore", key, expectedVersion, () => new Saved(row.Version), cancel).ConfigureAwait(false);
    }

    /// <summary>Records (or changes) a pass or fail decision on a gate, with its reason. In evaluation or moderation.</summary>
    public async Task<Outcome<Saved>> RecordGateDecisionAsync(Guid tenderId, Actor actor, GateDecision decision, long? expectedVersion, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await using var db = contexts.Create();
        var tender = await ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return NotFound<Saved>();
        }

        if (Refused<Saved>(tender.Stage, TenderChange.GateDecision, decision.Reason) is { } refused)
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
                return await ConflictAsync<Saved>(db, tenderId, "GateDecision", key, expectedVersion, cancel).ConfigureAwait(false);
            }

            before = TenderMapping.Json(TenderMapping.ToGateDecision(row));
            Touch(db, row, expectedVersion.Value);
            row.Passed = decision.Passed;
            row.Reason = decision.Reason;
            row.DecidedBy = decision.DecidedBy;
        }

        AuditTrail.Add(db, time, actor, tenderId, "GateDecision", key, before is null ? "Created" : "Changed", before, TenderMapping.Json(decision), decision.Reason);
        return await SaveAsync(db, tenderId, "GateDecision", key, expectedVersion, () => new Saved(row.Version), cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves a tender to another stage. Cancelling and going back need a reason; entering
    /// standstill records the day notices were sent and works out the end date (8 working days,
    /// England and Wales bank holidays); award waits until standstill has ended.
    /// </summary>
    public async Task<Outcome<TenderSummary>> ChangeStageAsync(Guid tenderId, Actor actor, TenderStage to, string? reason, long expectedVersion, DateOnly? noticesSentOn = null, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var tender = await db.Tenders.SingleOrDefaultAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return NotFound<TenderSummary>();
        }

        if (tender.Version != expectedVersion)
        {
            return await ConflictAsync<TenderSummary>(db, tenderId, "Tender", tenderId.ToString(), expectedVersion, cancel).ConfigureAwait(false);
        }

        var decision = TenderLifecycle.CheckMove(tender.Stage, to, reason, Today, tender.StandstillEndsOn);
        if (!decision.Allowed)
        {
            return Outcome<TenderSummary>.Fail(FailureKind.Refused, decision.Refusal!, new FormFieldLocation(decision.Refusal!.StartsWith("Enter why", StringComparison.Ordinal) ? "Reason" : "Stage"));
        }

        if (to == TenderStage.Standstill)
        {
            if (noticesSentOn is not { } sent)
            {
                return Outcome<TenderSummary>.Fail(FailureKind.Invalid, "Enter the date the award notices were sent.", new FormFieldLocation("NoticesSentOn"));
            }

            if (sent > Today)
            {
                return Outcome<TenderSummary>.Fail(FailureKind.Invalid, "The date the notices were sent must be today or in the past.", new FormFieldLocation("NoticesSentOn"));
            }

            tender.NoticesSentOn = sent;
            tender.StandstillEndsOn = Standstill.For(tender.Regime, sent, _isBankHoliday ?? BankHolidays.ForWorkingDays(tender.Regime)).LastDay;
        }

        var before = StageJson(tender);
        tender.Stage = to;
        if (to == TenderStage.Cancelled)
        {
            tender.CancellationReason = reason;
        }

        AuditTrail.Add(db, time, actor, tenderId, "Tender", tenderId.ToString(), "StageChanged", before, StageJson(tender), reason);
        return await SaveAsync(db, tenderId, "Tender", tenderId.ToString(), expectedVersion,
            () => new TenderSummary(tender.Id, tender.Title, tender.Stage, tender.Version, tender.StandstillEndsOn, tender.CancellationReason), cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Gives a person a role on a tender: owner, evaluator or moderator (with the evaluator id in
    /// the tender that is theirs, and the lots or sections they cover; none means all), or
    /// observer. From evaluation on, a reason is required. Refused once the tender is locked.
    /// </summary>
    public async Task<Outcome<Guid>> AddMembershipAsync(Guid tenderId, Actor actor, string userId, TenderRole role, string? evaluatorId, IReadOnlyList<(string LotId, string? SectionId)> scope, string? reason, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = contexts.Create();
        var tender = await ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return NotFound<Guid>();
        }

        if (Refused<Guid>(tender.Stage, TenderChange.People, reason) is { } refused)
        {
            return refused;
        }

        var errors = new List<AppError>();
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancel).ConfigureAwait(false))
        {
            errors.Add(new AppError("There is no account with that id.", new FormFieldLocation("UserId")));
        }

        if (role is TenderRole.Evaluator or TenderRole.Moderator)
        {
            if (evaluatorId is null || !await db.Evaluators.AnyAsync(e => e.TenderId == tenderId && e.Key == evaluatorId, cancel).ConfigureAwait(false))
            {
                errors.Add(new AppError("Choose which of the tender's evaluators this person is.", new FormFieldLocation("EvaluatorId")));
            }
        }
        else if (evaluatorId is not null || scope.Count > 0)
        {
            errors.Add(new AppError($"An {role.ToString().ToLowerInvariant()} is not an evaluator: leave the evaluator and the lots empty.", new FormFieldLocation("EvaluatorId")));
        }

        var lots = await db.Lots.AsNoTracking().Where(l => l.TenderId == tenderId).Include(l => l.Sections).ToListAsync(cancel).ConfigureAwait(false);
        foreach (var (lotId, sectionId) in scope)
        {
            var lot = lots.FirstOrDefault(l => l.Key == lotId);
            if (lot is null || (sectionId is not null && lot.Sections.All(x => x.Key != sectionId)))
            {
                errors.Add(new AppError(lot is null ? $"The tender has no lot '{lotId}'." : $"Lot {lotId} has no section '{sectionId}'.", new FormFieldLocation("Scope")));
            }
        }

        if (await db.TenderMemberships.AnyAsync(m => m.TenderId == tenderId && m.UserId == userId && m.Role == role, cancel).ConfigureAwait(false))
        {
            errors.Add(new AppError($"This person is already {(role == TenderRole.Owner ? "an owner" : "a " + role.ToString().ToLowerInvariant())} of this tender.", new FormFieldLocation("Role")));
        }

        if (errors.Count > 0)
        {
            return Outcome<Guid>.Fail(FailureKind.Invalid, errors);
        }

        var row = new TenderMembershipRow { TenderId = tenderId, UserId = userId, Role = role, EvaluatorKey = evaluatorId };
        row.Scope.AddRange(scope.Select(x => new MembershipScopeRow { MembershipId = row.Id, LotKey = x.LotId, SectionKey = x.SectionId }));
        db.TenderMemberships.Add(row);
        AuditTrail.Add(db, time, actor, tenderId, "TenderMembership", $"{userId}/{role}", "Created", null,
            System.Text.Json.JsonSerializer.Serialize(new { userId, role = role.ToString(), evaluatorId, scope = scope.Select(x => new { lotId = x.LotId, sectionId = x.SectionId }) }), reason);
        return await SaveAsync(db, tenderId, "TenderMembership", $"{userId}/{role}", null, () => row.Id, cancel).ConfigureAwait(false);
    }

    /// <summary>Takes a role on a tender away from a person. From evaluation on, a reason is required.</summary>
    public async Task<Outcome<bool>> RemoveMembershipAsync(Guid tenderId, Actor actor, Guid membershipId, long expectedVersion, string? reason, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var tender = await ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        var row = await db.TenderMemberships.Include(m => m.Scope).SingleOrDefaultAsync(m => m.Id == membershipId && m.TenderId == tenderId, cancel).ConfigureAwait(false);
        if (tender is null || row is null)
        {
            return NotFound<bool>();
        }

        if (Refused<bool>(tender.Stage, TenderChange.People, reason) is { } refused)
        {
            return refused;
        }

        var key = $"{row.UserId}/{row.Role}";
        if (row.Version != expectedVersion)
        {
            return await ConflictAsync<bool>(db, tenderId, "TenderMembership", key, expectedVersion, cancel).ConfigureAwait(false);
        }

        db.TenderMemberships.Remove(row);
        AuditTrail.Add(db, time, actor, tenderId, "TenderMembership", key, "Removed",
            System.Text.Json.JsonSerializer.Serialize(new { userId = row.UserId, role = row.Role.ToString(), evaluatorId = row.EvaluatorKey }), null, reason);
        return await SaveAsync(db, tenderId, "TenderMembership", key, expectedVersion, () => true, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Lets evaluators and moderators see bids' prices, or keeps prices from them. A change of who
    /// may see what, so the stage rules for people apply. <paramref name="expectedVersion"/> is the
    /// tender's version the owner saw: a stage change since then is a conflict. Audited.
    /// </summary>
    public async Task<Outcome<Saved>> SetEvaluatorsSeePricesAsync(Guid tenderId, Actor actor, bool evaluatorsSeePrices, long expectedVersion, string? reason, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var tender = await db.Tenders.SingleOrDefaultAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return NotFound<Saved>();
        }

        if (Refused<Saved>(tender.Stage, TenderChange.People, reason) is { } refused)
        {
            return refused;
        }

        var key = tenderId.ToString();
        var before = System.Text.Json.JsonSerializer.Serialize(new { evaluatorsSeePrices = tender.EvaluatorsSeePrices });
        Touch(db, tender, expectedVersion);
        tender.EvaluatorsSeePrices = evaluatorsSeePrices;
        AuditTrail.Add(db, time, actor, tenderId, "Tender", key, "SettingChanged", before, System.Text.Json.JsonSerializer.Serialize(new { evaluatorsSeePrices }), reason);
        return await SaveAsync(db, tenderId, "Tender", key, expectedVersion, () => new Saved(tender.Version), cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Records which provider organisation on this site submitted a bid, or clears it (null), so
    /// that its accounts can see that bid. A change of who may see what, so the stage rules for
    /// people apply (a reason from evaluation on; refused once locked). Audited.
    /// </summary>
    public async Task<Outcome<Saved>> LinkBidAsync(Guid tenderId, Actor actor, string bidId, Guid? organisationId, long expectedVersion, string? reason, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(bidId);
        await using var db = contexts.Create();
        var tender = await ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return NotFound<Saved>();
        }

        if (Refused<Saved>(tender.Stage, TenderChange.People, reason) is { } refused)
        {
            return refused;
        }

        var bid = await db.Bids.SingleOrDefaultAsync(b => b.TenderId == tenderId && b.Key == bidId, cancel).ConfigureAwait(false);
        if (bid is null)
        {
            return Outcome<Saved>.Fail(FailureKind.NotFound, $"This tender has no bid '{bidId}'.", new FormFieldLocation("BidId"));
        }

        string? name = null;
        if (organisationId is { } id)
        {
            var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancel).ConfigureAwait(false);
            if (organisation is null || organisation.Kind != OrganisationKind.Provider)
            {
                return Outcome<Saved>.Fail(FailureKind.Invalid, "Choose a provider organisation.", new FormFieldLocation("OrganisationId"));
            }

            name = organisation.Name;
        }

        var before = System.Text.Json.JsonSerializer.Serialize(new { organisationId = bid.ProviderOrganisationId });
        Touch(db, bid, expectedVersion);
        bid.ProviderOrganisationId = organisationId;
        AuditTrail.Add(db, time, actor, tenderId, "Bid", bidId, "OrganisationLinked", before,
            System.Text.Json.JsonSerializer.Serialize(new { organisationId, organisation = name }), reason);
        return await SaveAsync(db, tenderId, "Bid", bidId, expectedVersion, () => new Saved(bid.Version), cancel).ConfigureAwait(false);
    }

    /// <summary>A person's roles on every tender: what the site checks before showing a tender, bid or score.</summary>
    public async Task<IReadOnlyList<TenderMembershipRow>> MembershipsOfAsync(string userId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        return await db.TenderMemberships.AsNoTracking().Include(m => m.Scope).Where(m => m.UserId == userId).ToListAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>The audit trail of one tender, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntryRow>> AuditAsync(Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        return await db.AuditEntries.AsNoTracking().Where(a => a.TenderId == tenderId).OrderBy(a => a.Id).ToListAsync(cancel).ConfigureAwait(false);
    }

    private static string StageJson(TenderRow tender) => System.Text.Json.JsonSerializer.Serialize(new
    {
        stage = tender.Stage.ToString(),
        noticesSentOn = tender.NoticesSentOn,
        standstillEndsOn = tender.StandstillEndsOn,
        cancellationReason = tender.CancellationReason,
    });

    /// <summary>Refused (with why) when the stage forbids the change, or Invalid when it needs a reason and none was given; null when allowed.</summary>
    private static Outcome<T>? Refused<T>(TenderStage stage, TenderChange change, string? reason)
    {
        var decision = TenderLifecycle.Check(stage, change);
        if (!decision.Allowed)
        {
            return Outcome<T>.Fail(FailureKind.Refused, decision.Refusal!);
        }

        return decision.ReasonRequired && string.IsNullOrWhiteSpace(reason)
            ? Outcome<T>.Fail(FailureKind.Invalid, "Enter the reason for this decision.", new FormFieldLocation("Reason"))
            : null;
    }

    private static async Task<List<AppError>> CheckScoreAsync(CommissioningDbContext db, TenderRow tender, EvaluatorScore score, CancellationToken cancel)
    {
        var errors = new List<AppError>();
        var scale = System.Text.Json.JsonSerializer.Deserialize<ScoringScale>(tender.ScaleJson, FileJsonCompact)!;
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

    private static readonly System.Text.Json.JsonSerializerOptions FileJsonCompact = TenderMapping.JsonOptions;

    /// <summary>
    /// Begins the transaction of a change that depends on the tender's stage (a score, a
    /// submission, a consensus score, a gate decision, people) and reads the tender inside it, so
    /// that no stage change can commit between this read and the change's own commit:
    /// <list type="bullet">
    /// <item>SQLite: the transaction begins with <c>BEGIN IMMEDIATE</c> (EF Core's default there),
    /// which takes the database's one write lock before the stage is read; a stage change waits for
    /// it, and this change waits for a stage change in progress and then reads the new stage.</item>
    /// <item>PostgreSQL: the tender row is read <c>FOR SHARE</c>. A stage change's <c>UPDATE</c>
    /// waits until every change holding the share lock has committed, and a change that starts while
    /// a stage change is in progress waits for it and then reads the new stage. Share locks do not
    /// wait for each other, so two evaluators' saves on one tender still run at once.</item>
    /// </list>
    /// The transaction is committed by <see cref="SaveAsync"/>, and rolled back when the context is
    /// disposed without saving (a refusal).
    /// </summary>
    private static async Task<TenderRow?> ReadForStageDependentChangeAsync(CommissioningDbContext db, Guid tenderId, CancellationToken cancel)
    {
        await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            return await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        }

        var rows = await db.Tenders.FromSql($"SELECT * FROM \"Tenders\" WHERE \"Id\" = {tenderId} FOR SHARE").AsNoTracking()
            .ToListAsync(cancel).ConfigureAwait(false);
        return rows.SingleOrDefault();
    }

    /// <summary>Saves; a concurrency failure becomes a conflict naming what changed and who changed it.</summary>
    private static async Task<Outcome<T>> SaveAsync<T>(CommissioningDbContext db, Guid tenderId, string entity, string key, long? expectedVersion, Func<T> value, CancellationToken cancel)
    {
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancel).ConfigureAwait(false);
            }

            return Outcome<T>.Success(value());
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || IsUniqueViolation(ex))
        {
            // Someone saved the same row first (an update that matched no row at our version, or
            // an insert that met theirs). Nothing of ours was saved; read what they did.
            await using var fresh = CommissioningDatabase.CreateContext(SettingsOf(db));
            return await ConflictAsync<T>(fresh, tenderId, entity, key, expectedVersion, cancel).ConfigureAwait(false);
        }
    }

    private static DatabaseSettings SettingsOf(CommissioningDbContext db) =>
        new(db.Database.IsSqlite() ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql, db.Database.GetConnectionString()!);

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 }
        || ex.InnerException is Npgsql.PostgresException { SqlState: "23505" };

    private static async Task<Outcome<T>> ConflictAsync<T>(CommissioningDbContext db, Guid tenderId, string entity, string key, long? expectedVersion, CancellationToken cancel)
    {
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(a => a.TenderId == tenderId && a.Entity == entity && (a.EntityKey == key || (entity == "EvaluatorScore" && a.Action == "Submitted")))
            .OrderByDescending(a => a.Id).Take(5).ToListAsync(cancel).ConfigureAwait(false);
        var latest = changes.FirstOrDefault(a => a.EntityKey == key) ?? changes.FirstOrDefault();
        var what = latest is null
            ? "Someone else saved this first."
            : $"{latest.UserName} saved this at {latest.At.UtcDateTime:HH:mm:ss} UTC on {TenderLifecycle.Day(DateOnly.FromDateTime(latest.At.UtcDateTime))}"
              + (latest.Before is null ? $", setting it to {latest.After}." : $", changing it from {latest.Before} to {latest.After}.");
        var errors = new List<AppError> { new($"{what} Your change was not saved, so nothing was overwritten. Check their change, then make yours again if it is still needed.") };
        _ = expectedVersion;
        return Outcome<T>.Fail(FailureKind.Conflict, errors);
    }

    /// <summary>
    /// Marks a row as saved at the version the caller saw: the UPDATE then matches only that
    /// version, even when the new values equal the stored ones (a save is still a save, and still
    /// refused if someone else saved first).
    /// </summary>
    private static void Touch(CommissioningDbContext db, EditableRow row, long expectedVersion)
    {
        var version = db.Entry(row).Property(r => r.Version);
        version.OriginalValue = expectedVersion;
        version.IsModified = true;
    }

    private static Outcome<T> NotFound<T>() => Outcome<T>.Fail(FailureKind.NotFound, "There is no such tender.");

    /// <summary>What an import or creation records as the value after: the file's fingerprint and size, not the whole file.</summary>
    private static string Summary(string json)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        return $"{{\"format\":\"{TenderFile.Format}\",\"sha256\":\"{hash}\",\"characters\":{json.Length}}}";
    }
}
