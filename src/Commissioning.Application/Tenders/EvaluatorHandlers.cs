using System.Globalization;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>An evaluator's declaration about conflicts of interest, and the owner's decision on a declared conflict.</summary>
/// <param name="EvaluatorId">The evaluator id in the tender.</param>
/// <param name="DeclaredBy">The name of the account that declared.</param>
/// <param name="Bidders">The bidders named to them when they declared.</param>
/// <param name="HasConflict">True when they declared a conflict.</param>
/// <param name="Details">The conflict, in their words.</param>
/// <param name="DeclaredAt">When.</param>
/// <param name="MayContinue">The owner's decision: true to let them score, false to stand them down; null while undecided (or when there is nothing to decide).</param>
/// <param name="DecisionReason">Why.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="Version">The row's version, sent back with a decision.</param>
/// <param name="FromFile">True for a declaration that came in with an imported tender file: made outside this site, so the evaluator declares again here before scoring.</param>
public sealed record ConflictDeclaration(string EvaluatorId, string DeclaredBy, IReadOnlyList<string> Bidders, bool HasConflict, string? Details, DateTimeOffset DeclaredAt,
    bool? MayContinue, string? DecisionReason, string? DecidedBy, DateTimeOffset? DecidedAt, long Version, bool FromFile = false)
{
    /// <summary>True when the declaration lets the evaluator score: no conflict, or a conflict the owner has let them continue with.</summary>
    public bool AllowsScoring => !HasConflict || MayContinue == true;

    /// <summary>True when a declared conflict waits for the owner's decision.</summary>
    public bool AwaitingDecision => HasConflict && MayContinue is null;

    /// <summary>Why a declaration (or the lack of one) stops the evaluator scoring, or null when it lets them score.</summary>
    public static string? ScoringRefusal(ConflictDeclaration? declaration) =>
        declaration is null
            ? "Declare whether you have a conflict of interest with any of the bidders before you score."
            : declaration.AwaitingDecision
                ? "You declared a conflict of interest. The tender's owner must decide whether you may score before you can continue."
                : declaration.MayContinue == false
                    ? "The tender's owner has stood you down from scoring because of the conflict of interest you declared."
                    : null;
}

/// <summary>One question of one bid in an evaluator's queue, with where their own score stands.</summary>
/// <param name="BidId">The bid.</param>
/// <param name="Provider">The bidder's name.</param>
/// <param name="LotId">The bid's lot.</param>
/// <param name="SectionId">The question's section.</param>
/// <param name="SectionTitle">The section's title.</param>
/// <param name="QuestionId">The question.</param>
/// <param name="QuestionTitle">Its short title.</param>
/// <param name="Score">Their score, if they have saved one.</param>
/// <param name="HasRationale">Whether that score has a rationale.</param>
/// <param name="Submitted">Whether they have submitted it.</param>
public sealed record QueueItem(string BidId, string Provider, string LotId, string SectionId, string SectionTitle, string QuestionId, string QuestionTitle, decimal? Score, bool HasRationale, bool Submitted)
{
    /// <summary>True when a score with a rationale is saved.</summary>
    public bool Done => Score is not null && HasRationale;
}

/// <summary>Everything one evaluator id has to score on a tender.</summary>
/// <param name="Tender">The tender.</param>
/// <param name="EvaluatorId">The evaluator id in the tender.</param>
/// <param name="Bidders">The bidders whose bids they score, by name, for the declaration.</param>
/// <param name="Declaration">Their declaration, once made.</param>
/// <param name="Items">The questions of the bids they score, in lot, bid and question order.</param>
/// <param name="Scale">The tender's scale, for naming each score's level.</param>
public sealed record EvaluatorWorklist(TenderSummary Tender, string EvaluatorId, IReadOnlyList<string> Bidders, ConflictDeclaration? Declaration, IReadOnlyList<QueueItem> Items, ScoringScale Scale)
{
    /// <summary>A score with its level's name, such as "3 (Good)"; the number alone when the scale does not name it.</summary>
    public string Describe(decimal score) =>
        Scale.LevelOf(score) is { } level
            ? string.Create(CultureInfo.InvariantCulture, $"{score:0.##} ({level.Label})")
            : score.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>How many are scored with a rationale.</summary>
    public int Scored => Items.Count(i => i.Done);

    /// <summary>How many are left.</summary>
    public int Left => Items.Count - Scored;

    /// <summary>True once every score is submitted.</summary>
    public bool Submitted => Items.Count > 0 && Items.All(i => i.Submitted);

    /// <summary>Why they cannot score now, or null when they can.</summary>
    public string? Blocked => Tender.Stage != TenderStage.Evaluation
        ? $"The tender is {TenderLifecycle.Describe(Tender.Stage)}. Scores can be saved only while it is in evaluation."
        : ConflictDeclaration.ScoringRefusal(Declaration)
            ?? (Submitted ? "You have submitted your scores. They can no longer be changed." : null);
}

/// <summary>One question of one bid, as the evaluator scores it.</summary>
/// <param name="Queue">Their whole worklist, for progress and previous and next.</param>
/// <param name="BidId">The bid.</param>
/// <param name="Scale">The tender's scale with every level's descriptor.</param>
/// <param name="Question">The question as put to bidders.</param>
/// <param name="SectionTitle">Its section.</param>
/// <param name="Provider">The bidder.</param>
/// <param name="Answer">The bid's answer, or null when it gave none.</param>
/// <param name="Evidence">The evidence the bid lists for the question's requirement.</param>
/// <param name="Score">Their saved score, if any.</param>
/// <param name="Rationale">Its rationale.</param>
/// <param name="Version">Its version, sent back with a change; null when none is saved.</param>
public sealed record ScoringItem(EvaluatorWorklist Queue, string BidId, ScoringScale Scale, Question Question, string SectionTitle, string Provider, string? Answer, IReadOnlyList<string> Evidence, decimal? Score, string? Rationale, long? Version)
{
    /// <summary>This item in the worklist.</summary>
    public QueueItem Item => Queue.Items.Single(i => i.BidId == BidId && i.QuestionId == Question.Id);

    /// <summary>The item before this one in the chosen order, if any.</summary>
    public QueueItem? Previous(IReadOnlyList<QueueItem> ordered) => Neighbour(ordered, -1);

    /// <summary>The item after this one in the chosen order, if any.</summary>
    public QueueItem? Next(IReadOnlyList<QueueItem> ordered) => Neighbour(ordered, 1);

    private QueueItem? Neighbour(IReadOnlyList<QueueItem> ordered, int step)
    {
        ArgumentNullException.ThrowIfNull(ordered);

        // One pass: an ICS-scale worklist has 8,000 items (looking the item up again for each
        // one compared made this quadratic, and the page took over a second).
        var questionId = Question.Id;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].BidId == BidId && ordered[i].QuestionId == questionId)
            {
                var at = i + step;
                return at >= 0 && at < ordered.Count ? ordered[at] : null;
            }
        }

        return null;
    }
}

/// <summary>The conflict-of-interest rules that stand between an evaluator and their first score.</summary>
internal static class ConflictRules
{
    public static ConflictDeclaration ToRecord(ConflictDeclarationRow row) =>
        new(row.EvaluatorKey, row.UserName, System.Text.Json.JsonSerializer.Deserialize<List<string>>(row.BiddersJson) ?? [], row.HasConflict, row.Details, row.DeclaredAt,
            row.MayContinue, row.DecisionReason, row.DecidedBy, row.DecidedAt, row.Version, row.UserId == ConflictDeclarationRow.FromFile);

    /// <summary>Why the evaluator id may not score now because of conflicts of interest, or null when it may.</summary>
    public static async Task<string?> RefusalAsync(CommissioningDbContext db, Guid tenderId, string evaluatorId, CancellationToken cancel)
    {
        var row = await db.ConflictDeclarations.AsNoTracking().SingleOrDefaultAsync(c => c.TenderId == tenderId && c.EvaluatorKey == evaluatorId, cancel).ConfigureAwait(false);
        return ConflictDeclaration.ScoringRefusal(row is null || row.UserId == ConflictDeclarationRow.FromFile ? null : ToRecord(row));
    }
}

/// <summary>
/// The evaluator's queue: the bids and questions assigned to each of their evaluator ids, with
/// their own progress, their declaration, and the bidders named for it. Only their own scores.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class ReadWorklist(ICommissioningContextFactory contexts)
{
    /// <summary>One queue for each evaluator id the person holds on the tender (normally one).</summary>
    public async Task<Outcome<IReadOnlyList<EvaluatorWorklist>>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.Score, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<IReadOnlyList<EvaluatorWorklist>>();
        }

        var tender = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
        var queues = new List<EvaluatorWorklist>();
        foreach (var evaluatorId in access.Value.EvaluatorKeys)
        {
            queues.Add(await WorklistAsync(db, access.Value, tender, evaluatorId, cancel).ConfigureAwait(false));
        }

        return Outcome<IReadOnlyList<EvaluatorWorklist>>.Success(queues);
    }

    internal static async Task<EvaluatorWorklist> WorklistAsync(CommissioningDbContext db, TenderPermissions access, Tender tender, string evaluatorId, CancellationToken cancel)
    {
        var tenderId = access.Tender.Id;
        var bids = await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId).OrderBy(b => b.Position).Select(b => new { b.Key, b.LotKey, b.Provider }).ToListAsync(cancel).ConfigureAwait(false);
        var own = await db.EvaluatorScores.AsNoTracking().Where(s => s.TenderId == tenderId && s.EvaluatorKey == evaluatorId)
            .Select(s => new { s.BidKey, s.QuestionKey, s.Score, s.Rationale, s.Submitted }).ToListAsync(cancel).ConfigureAwait(false);
        var scores = own.ToDictionary(s => (s.BidKey, s.QuestionKey));
        var declaration = await db.ConflictDeclarations.AsNoTracking().SingleOrDefaultAsync(c => c.TenderId == tenderId && c.EvaluatorKey == evaluatorId, cancel).ConfigureAwait(false);
        var items = new List<QueueItem>();
        foreach (var lot in tender.Lots)
        {
            var assignment = tender.Assignments.FirstOrDefault(a => a.EvaluatorId == evaluatorId && a.LotId == lot.Id);
            if (assignment is null)
            {
                continue;
            }

            var questions = lot.Sections.SelectMany(s => s.Questions.Select(q => (Section: s, Question: q)))
                .Where(x => (assignment.QuestionIds.Count == 0 || assignment.QuestionIds.Contains(x.Question.Id)) && access.MayScoreAs(evaluatorId, lot.Id, x.Section.Id))
                .ToList();
            foreach (var bid in bids.Where(b => b.LotKey == lot.Id))
            {
                foreach (var (section, question) in questions)
                {
                    var saved = scores.GetValueOrDefault((bid.Key, question.Id));
                    items.Add(new QueueItem(bid.Key, bid.Provider, lot.Id, section.Id, section.Title, question.Id, question.Title, saved?.Score, !string.IsNullOrWhiteSpace(saved?.Rationale), saved?.Submitted ?? false));
                }
            }
        }

        var bidders = items.Select(i => i.Provider).Distinct(StringComparer.Ordinal).ToList();
        // A declaration imported with the tender file was made outside this site: kept for the
        // record, but whoever holds the evaluator place here declares for themselves.
        var ownDeclaration = declaration is null || declaration.UserId == ConflictDeclarationRow.FromFile ? null : ConflictRules.ToRecord(declaration);
        return new EvaluatorWorklist(access.Tender, evaluatorId, bidders, ownDeclaration, items, tender.Scale);
    }
}

/// <summary>One question of one bid in the evaluator's queue: the question, the answer and evidence, the scale, and their own draft.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class ReadScoringItem(ICommissioningContextFactory contexts)
{
    /// <summary>The item, or not found when it is not in their queue.</summary>
    public async Task<Outcome<ScoringItem>> HandleAsync(SiteUser user, Guid tenderId, string evaluatorId, string bidId, string questionId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.Score, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<ScoringItem>();
        }

        if (!access.Value.EvaluatorKeys.Contains(evaluatorId, StringComparer.Ordinal))
        {
            return TenderChanges.NotFound<ScoringItem>();
        }

        var tender = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
        var queue = await ReadWorklist.WorklistAsync(db, access.Value, tender, evaluatorId, cancel).ConfigureAwait(false);
        var item = queue.Items.FirstOrDefault(i => i.BidId == bidId && i.QuestionId == questionId);
        if (item is null)
        {
            return Outcome<ScoringItem>.Fail(FailureKind.NotFound, "This question of this bid is not in your queue.");
        }

        var question = tender.FindLot(item.LotId)!.Sections.SelectMany(s => s.Questions).Single(q => q.Id == questionId);
        var bidRow = await db.Bids.AsNoTracking().Include(b => b.Answers).Include(b => b.Prices).SingleAsync(b => b.TenderId == tenderId && b.Key == bidId, cancel).ConfigureAwait(false);
        var bid = TenderMapping.ToBid(bidRow);
        var evidence = question.RequirementId is { } requirement && bid.Declarations.Evidence.TryGetValue(requirement, out var held) ? held : [];
        var score = await db.EvaluatorScores.AsNoTracking().SingleOrDefaultAsync(s => s.TenderId == tenderId && s.EvaluatorKey == evaluatorId && s.BidKey == bidId && s.QuestionKey == questionId, cancel).ConfigureAwait(false);
        return Outcome<ScoringItem>.Success(new ScoringItem(queue, bidId, tender.Scale, question, item.SectionTitle, bid.Provider,
            bid.Answers.FirstOrDefault(a => a.QuestionId == questionId)?.Text, evidence, score?.Score, score?.Rationale, score?.Version));
    }
}

/// <summary>
/// An evaluator declares, before their first score, that they have no conflict of interest with
/// any of the bidders named to them, or declares one. A declared conflict stops their scoring until
/// the owner decides. They may declare again if their position changes (a new declaration of a
/// conflict stops their scoring again). The toolkit's reading of the Procurement Act 2023: s.81
/// requires the buyer to take reasonable steps to identify conflicts of interest of those acting
/// for it in the procurement, and s.82 to take reasonable steps to keep any from putting a
/// supplier at an advantage or disadvantage; a written declaration from every evaluator before
/// they see the bids' scores is how this tool records the first, and the owner's decision the
/// second. Audited.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the declaration and the audit trail.</param>
public sealed class DeclareConflicts(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Records the declaration.</summary>
    public async Task<Outcome<Saved>> HandleAsync(SiteUser user, Guid tenderId, string evaluatorId, bool hasConflict, string? details, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(evaluatorId);
        details = TenderGate.Blank(details);
        await using var db = contexts.Create();
        var tender = await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return TenderChanges.NotFound<Saved>();
        }

        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.Score, cancel).ConfigureAwait(false);
        if (!access.Succeeded || !access.Value.EvaluatorKeys.Contains(evaluatorId, StringComparer.Ordinal))
        {
            return access.Succeeded ? TenderChanges.NotFound<Saved>() : access.As<Saved>();
        }

        if (tender.Stage is not (TenderStage.OpenForBids or TenderStage.Evaluation))
        {
            return Outcome<Saved>.Fail(FailureKind.Refused, $"The tender is {TenderLifecycle.Describe(tender.Stage)}. Declarations are made once bids are in and before scoring ends.");
        }

        if (hasConflict && details is null)
        {
            return Outcome<Saved>.Fail(FailureKind.Invalid, "Describe the conflict of interest: which bidder, and your connection with it.", new FormFieldLocation("Details"));
        }

        var definition = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
        var queue = await ReadWorklist.WorklistAsync(db, access.Value, definition, evaluatorId, cancel).ConfigureAwait(false);
        var row = await db.ConflictDeclarations.SingleOrDefaultAsync(c => c.TenderId == tenderId && c.EvaluatorKey == evaluatorId, cancel).ConfigureAwait(false);
        var before = row is null ? null : TenderMapping.Json(ConflictRules.ToRecord(row));
        if (row is null)
        {
            row = new ConflictDeclarationRow { TenderId = tenderId, EvaluatorKey = evaluatorId, UserId = user.UserId, UserName = user.Name, BiddersJson = "[]" };
            db.ConflictDeclarations.Add(row);
        }
        else
        {
            TenderChanges.Touch(db, row, row.Version);
        }

        row.UserId = user.UserId;
        row.UserName = user.Name;
        row.BiddersJson = System.Text.Json.JsonSerializer.Serialize(queue.Bidders);
        row.HasConflict = hasConflict;
        row.Details = hasConflict ? details : null;
        row.DeclaredAt = time.GetUtcNow();
        row.MayContinue = null;
        row.DecisionReason = null;
        row.DecidedBy = null;
        row.DecidedAt = null;
        AuditTrail.Add(db, time, user.Actor, tenderId, "ConflictDeclaration", evaluatorId, before is null ? "Created" : "Changed", before, TenderMapping.Json(ConflictRules.ToRecord(row)));
        return await TenderChanges.SaveAsync(db, tenderId, "ConflictDeclaration", evaluatorId, null, () => new Saved(row.Version), cancel).ConfigureAwait(false);
    }
}

/// <summary>Every declaration on the tender, for the owner and observers.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class ListConflictDeclarations(ICommissioningContextFactory contexts)
{
    /// <summary>By evaluator id.</summary>
    public async Task<Outcome<IReadOnlyList<ConflictDeclaration>>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ViewPeople, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<IReadOnlyList<ConflictDeclaration>>();
        }

        var rows = await db.ConflictDeclarations.AsNoTracking().Where(c => c.TenderId == tenderId).ToListAsync(cancel).ConfigureAwait(false);
        return Outcome<IReadOnlyList<ConflictDeclaration>>.Success([.. rows.OrderBy(r => r.EvaluatorKey, StringComparer.Ordinal).Select(ConflictRules.ToRecord)]);
    }
}

/// <summary>
/// The owner decides on a declared conflict of interest: the evaluator may score (the reason says
/// how the conflict is managed), or is stood down. Procurement Act 2023 s.82 (the toolkit's
/// reading: steps to keep a conflict from putting a supplier at an advantage or disadvantage).
/// Audited.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the decision and the audit trail.</param>
public sealed class DecideConflict(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Records the decision.</summary>
    public async Task<Outcome<Saved>> HandleAsync(SiteUser user, Guid tenderId, string evaluatorId, bool mayContinue, string? reason, long expectedVersion, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        reason = TenderGate.Blank(reason);
        await using var db = contexts.Create();
        var tender = await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return TenderChanges.NotFound<Saved>();
        }

        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ManagePeople, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Saved>();
        }

        if (TenderLifecycle.Locked.Contains(tender.Stage))
        {
            return Outcome<Saved>.Fail(FailureKind.Refused, $"The tender is {TenderLifecycle.Describe(tender.Stage)}, so nothing about it can be changed.");
        }

        var row = await db.ConflictDeclarations.SingleOrDefaultAsync(c => c.TenderId == tenderId && c.EvaluatorKey == evaluatorId, cancel).ConfigureAwait(false);
        if (row is null || !row.HasConflict)
        {
            return Outcome<Saved>.Fail(FailureKind.Invalid, $"{evaluatorId} has not declared a conflict of interest, so there is nothing to decide.");
        }

        if (reason is null)
        {
            return Outcome<Saved>.Fail(FailureKind.Invalid, mayContinue ? "Enter how the conflict is managed so that this evaluator may score." : "Enter why this evaluator is stood down.", new FormFieldLocation("Reason"));
        }

        if (row.Version != expectedVersion)
        {
            return await TenderChanges.ConflictAsync<Saved>(db, tenderId, "ConflictDeclaration", evaluatorId, expectedVersion, cancel).ConfigureAwait(false);
        }

        var before = TenderMapping.Json(ConflictRules.ToRecord(row));
        TenderChanges.Touch(db, row, expectedVersion);
        row.MayContinue = mayContinue;
        row.DecisionReason = reason;
        row.DecidedBy = user.Name;
        row.DecidedAt = time.GetUtcNow();
        AuditTrail.Add(db, time, user.Actor, tenderId, "ConflictDeclaration", evaluatorId, "Decided", before, TenderMapping.Json(ConflictRules.ToRecord(row)), reason);
        return await TenderChanges.SaveAsync(db, tenderId, "ConflictDeclaration", evaluatorId, expectedVersion, () => new Saved(row.Version), cancel).ConfigureAwait(false);
    }
}
