using Commissioning.Core.Evaluation;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>The award decision recorded for a lot.</summary>
/// <param name="LotId">The lot.</param>
/// <param name="BidId">The bid awarded.</param>
/// <param name="ApprovedBy">Who approved it.</param>
/// <param name="ApprovedOn">When.</param>
/// <param name="Note">Anything the record should say, such as a minute reference.</param>
/// <param name="RecordedBy">Who recorded it here.</param>
/// <param name="Version">The row's version.</param>
public sealed record AwardDecision(string LotId, string BidId, string ApprovedBy, DateOnly ApprovedOn, string? Note, string RecordedBy, long Version);

/// <summary>Where the award and its notices stand.</summary>
/// <param name="Regime">The tender's regime.</param>
/// <param name="Awards">The award decision of each lot that has one.</param>
/// <param name="AssessmentSummariesSentOn">Procurement Act 2023: when the assessment summaries were given.</param>
/// <param name="NoticePublishedOn">The day the contract award notice (Act) or the notice of intention to award (PSR) was published.</param>
/// <param name="FurtherDecisionOn">PSR: the day the further decision after representations was notified.</param>
/// <param name="Standstill">The standstill period worked out from the notice, once published.</param>
/// <param name="AfterFurtherDecision">PSR: the period after a further decision, once one is recorded.</param>
public sealed record AwardState(ProcurementRegime Regime, IReadOnlyList<AwardDecision> Awards, DateOnly? AssessmentSummariesSentOn, DateOnly? NoticePublishedOn, DateOnly? FurtherDecisionOn,
    StandstillPeriod? Standstill, StandstillAfterRepresentations? AfterFurtherDecision);

/// <summary>What a stage move means, and whether it may be made now: for the confirmation page, and checked again by <see cref="ChangeStage"/>.</summary>
/// <param name="From">The stage now.</param>
/// <param name="To">The stage asked for.</param>
/// <param name="Meaning">What the move means, in plain English.</param>
/// <param name="Refusals">Why it cannot be made now; empty when it can.</param>
/// <param name="Outstanding">What is still outstanding in the evaluation, lot by lot (listed on the page; refuses the move to award recommended).</param>
/// <param name="ReasonRequired">True when the move needs a reason.</param>
/// <param name="NeedsNoticeDate">True when the move needs the day the notice was published.</param>
public sealed record StageMoveCheck(TenderStage From, TenderStage To, string Meaning, IReadOnlyList<string> Refusals, IReadOnlyList<(LotResult Lot, OutstandingItem Item)> Outstanding, bool ReasonRequired, bool NeedsNoticeDate)
{
    /// <summary>True when nothing stops the move (a reason or a date may still be asked for).</summary>
    public bool Allowed => Refusals.Count == 0;
}

/// <summary>The award rules a stage move must meet, beyond the lifecycle's own.</summary>
internal static class AwardRules
{
    public static string Meaning(TenderStage to, ProcurementRegime regime) => to switch
    {
        TenderStage.OpenForBids => "Bids can be received. The lots, award criteria and weights are then fixed.",
        TenderStage.Evaluation => "Bids close. Evaluators declare any conflicts of interest and score their questions independently.",
        TenderStage.Moderation => "Evaluators can no longer save scores. Moderators agree a consensus wherever evaluators differ, and record gate and price decisions.",
        TenderStage.AwardRecommended => "The result is final: the most advantageous tender of each lot is recommended for award. Record each lot's award decision and prepare the notices.",
        TenderStage.Standstill => regime == ProcurementRegime.ProcurementAct2023
            ? "The contract award notice is published and the standstill period runs: 8 working days beginning with the day of publication (Procurement Act 2023 s.51). The contract cannot be entered into before it ends."
            : "The notice of intention to award is published and the standstill period runs: it begins the day after, and representations may be made until the end of the 8th working day (Provider Selection Regime regulations, reg. 12). The contract cannot be awarded before it ends.",
        TenderStage.Awarded => "The contract is awarded. The tender is locked: nothing about it can change.",
        TenderStage.Closed => "The tender is finished and archived.",
        TenderStage.Cancelled => "The tender stops without an award. It is locked.",
        _ => $"The tender becomes {TenderLifecycle.Describe(to)}.",
    };

    public static async Task<List<string>> RefusalsAsync(CommissioningDbContext db, TenderRow tender, TenderStage to, TenderEvaluation? evaluation, DateOnly? noticePublishedOn, DateOnly today, CancellationToken cancel)
    {
        var refusals = new List<string>();
        if (to == TenderStage.AwardRecommended && evaluation is not null && !evaluation.Complete)
        {
            var count = evaluation.Result.Lots.Sum(l => l.Outstanding.Count);
            refusals.Add($"The result is provisional: {count} item{(count == 1 ? " is" : "s are")} still outstanding, listed below. The tender can be recommended for award once nothing is outstanding.");
        }

        if (to == TenderStage.AwardRecommended && evaluation is not null && evaluation.Result.Lots.FirstOrDefault(l => l.Complete && l.MostAdvantageous is null) is { } tied)
        {
            refusals.Add($"Lot {tied.Lot.Id} ({tied.Lot.Title}) has no single most advantageous tender: the tie-break did not separate the leading bids.");
        }

        if (to == TenderStage.Standstill)
        {
            var awarded = await db.AwardDecisions.AsNoTracking().Where(a => a.TenderId == tender.Id).Select(a => a.LotKey).ToListAsync(cancel).ConfigureAwait(false);
            var lots = await db.Lots.AsNoTracking().Where(l => l.TenderId == tender.Id).OrderBy(l => l.Position).Select(l => new { l.Key, l.Title }).ToListAsync(cancel).ConfigureAwait(false);
            refusals.AddRange(lots.Where(l => !awarded.Contains(l.Key)).Select(l => $"Record the award decision for lot {l.Key} ({l.Title})."));
            if (tender.Regime == ProcurementRegime.ProcurementAct2023)
            {
                if (tender.AssessmentSummariesSentOn is null)
                {
                    refusals.Add("Record the day the assessment summaries were given to every assessed bidder: under the Procurement Act 2023 they are given before the contract award notice is published (s.50).");
                }
                else if (noticePublishedOn is { } published && published < tender.AssessmentSummariesSentOn)
                {
                    refusals.Add("The contract award notice cannot be published before the assessment summaries were given (Procurement Act 2023 s.50).");
                }
            }

            if (noticePublishedOn is { } day && day > today)
            {
                refusals.Add("The day the notice was published must be today or in the past.");
            }
        }

        return refusals;
    }
}

/// <summary>What a stage move would mean and what stands in its way, for the confirmation page. Only the owner.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="evaluate">The tender's evaluation, for what is outstanding.</param>
/// <param name="time">The clock: today's date.</param>
/// <param name="standards">The standards, for checking a draft before it is published; null only where a test moves a tender without them.</param>
public sealed class CheckStageMove(ICommissioningContextFactory contexts, EvaluateTender evaluate, TimeProvider time, Commissioning.Core.Standards.StandardsCatalogue? standards = null)
{
    /// <summary>The check.</summary>
    public async Task<Outcome<StageMoveCheck>> HandleAsync(SiteUser user, Guid tenderId, TenderStage to, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ChangeStage, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<StageMoveCheck>();
        }

        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var lifecycle = TenderLifecycle.CheckMove(tender.Stage, to, "a reason", today, tender.StandstillEndsOn);
        var evaluation = tender.Stage >= TenderStage.Evaluation && tender.Stage < TenderStage.Awarded
            ? await evaluate.CurrentAsync(db, tenderId, cancel).ConfigureAwait(false)
            : null;
        var refusals = new List<string>();
        if (!lifecycle.Allowed)
        {
            refusals.Add(lifecycle.Refusal!);
        }

        refusals.AddRange(await AwardRules.RefusalsAsync(db, tender, to, evaluation, null, today, cancel).ConfigureAwait(false));
        if (to == TenderStage.OpenForBids && lifecycle.Allowed)
        {
            refusals.AddRange(await SetupRules.PublishRefusalsAsync(db, tender, standards, cancel).ConfigureAwait(false));
        }

        var outstanding = evaluation is null ? [] : evaluation.Result.Lots.SelectMany(l => l.Outstanding.Select(o => (l, o))).ToList();
        var backwards = to < tender.Stage && to != TenderStage.Cancelled;
        return Outcome<StageMoveCheck>.Success(new StageMoveCheck(tender.Stage, to, AwardRules.Meaning(to, tender.Regime), refusals, outstanding,
            to == TenderStage.Cancelled || backwards, to == TenderStage.Standstill));
    }
}

/// <summary>
/// Records a decision on a price that may be abnormally low: the bidder was asked to explain it,
/// and the explanation was accepted or the bid excluded, with the reason. The owner, or a
/// moderator of the bid's lot; in evaluation or moderation. Audited.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail.</param>
public sealed class RecordLowPriceDecision(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Records the decision; the new version.</summary>
    public async Task<Outcome<Saved>> HandleAsync(SiteUser user, Guid tenderId, string bidId, LowPriceOutcome outcome, string? reason, long? expectedVersion, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(bidId);
        reason = TenderGate.Blank(reason);
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

        var lot = await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId && b.Key == bidId).Select(b => b.LotKey).SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        if (lot is null)
        {
            return Outcome<Saved>.Fail(FailureKind.Invalid, $"This tender has no bid '{bidId}'.", new FormFieldLocation("BidId"));
        }

        if (!access.Value.MayDecideOn(lot))
        {
            return Outcome<Saved>.Fail(FailureKind.Refused, $"You can record price decisions only on the lots you moderate. You do not moderate lot {lot}.");
        }

        if (TenderChanges.Refused<Saved>(tender.Stage, TenderChange.LowPriceDecision, reason) is { } refused)
        {
            return refused;
        }

        var decidedBy = access.Value.ModeratorKeys.Count > 0 ? access.Value.ModeratorKeys[0] : user.Name;
        var decision = new LowPriceDecision { BidId = bidId, Outcome = outcome, Reason = reason!, DecidedBy = decidedBy };
        var row = await db.LowPriceDecisions.SingleOrDefaultAsync(d => d.TenderId == tenderId && d.BidKey == bidId, cancel).ConfigureAwait(false);
        string? before = null;
        if (row is null)
        {
            var position = await db.LowPriceDecisions.Where(s => s.TenderId == tenderId).Select(s => (int?)s.Position).MaxAsync(cancel).ConfigureAwait(false) ?? -1;
            row = new LowPriceDecisionRow { TenderId = tenderId, Position = position + 1, BidKey = bidId, Outcome = outcome, Reason = reason!, DecidedBy = decidedBy };
            db.LowPriceDecisions.Add(row);
        }
        else
        {
            if (expectedVersion != row.Version)
            {
                return await TenderChanges.ConflictAsync<Saved>(db, tenderId, "LowPriceDecision", bidId, expectedVersion, cancel).ConfigureAwait(false);
            }

            before = TenderMapping.Json(TenderMapping.ToLowPriceDecision(row));
            TenderChanges.Touch(db, row, expectedVersion.Value);
            row.Outcome = outcome;
            row.Reason = reason!;
            row.DecidedBy = decidedBy;
        }

        AuditTrail.Add(db, time, user.Actor, tenderId, "LowPriceDecision", bidId, before is null ? "Created" : "Changed", before, TenderMapping.Json(decision), reason);
        return await TenderChanges.SaveAsync(db, tenderId, "LowPriceDecision", bidId, expectedVersion, () => new Saved(row.Version), cancel).ConfigureAwait(false);
    }
}

/// <summary>The award decisions and notice dates, for the owner and observers.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class ReadAwardState(ICommissioningContextFactory contexts)
{
    /// <summary>Where the award stands.</summary>
    public async Task<Outcome<AwardState>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ViewResults, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<AwardState>();
        }

        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        var awards = await db.AwardDecisions.AsNoTracking().Where(a => a.TenderId == tenderId).ToListAsync(cancel).ConfigureAwait(false);
        var calendar = BankHolidays.ForWorkingDays(tender.Regime);
        var standstill = tender.NoticesSentOn is { } published ? Standstill.For(tender.Regime, published, calendar) : null;
        var after = standstill is not null && tender.FurtherDecisionOn is { } further ? standstill.AfterFurtherDecision(further, calendar) : null;
        return Outcome<AwardState>.Success(new AwardState(tender.Regime,
            [.. awards.OrderBy(a => a.LotKey, StringComparer.Ordinal).Select(a => new AwardDecision(a.LotKey, a.BidKey, a.ApprovedBy, a.ApprovedOn, a.Note, a.RecordedBy, a.Version))],
            tender.AssessmentSummariesSentOn, tender.NoticesSentOn, tender.FurtherDecisionOn, standstill, after));
    }
}

/// <summary>
/// Records the award decision for a lot: the most advantageous tender of its complete result, who
/// approved it and when. Only the owner, while the tender is recommended for award. Audited.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="evaluate">The tender's evaluation: the bid must be the lot's most advantageous tender.</param>
/// <param name="time">The clock for the audit trail and today's date.</param>
public sealed class RecordAward(ICommissioningContextFactory contexts, EvaluateTender evaluate, TimeProvider time)
{
    /// <summary>Records the decision; the new version.</summary>
    public async Task<Outcome<Saved>> HandleAsync(SiteUser user, Guid tenderId, string lotId, string? approvedBy, DateOnly? approvedOn, string? note, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(lotId);
        approvedBy = TenderGate.Blank(approvedBy);
        note = TenderGate.Blank(note);
        await using var db = contexts.Create();

        // The tender is read inside the transaction that holds its stage still, before the roles
        // are checked, so that neither a stage move nor a role taken away can slip between them.
        var tender = await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return TenderChanges.NotFound<Saved>();
        }

        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ChangeStage, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Saved>();
        }

        var evaluation = await evaluate.CurrentAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender.Stage != TenderStage.AwardRecommended)
        {
            return Outcome<Saved>.Fail(FailureKind.Refused, $"The tender is {TenderLifecycle.Describe(tender.Stage)}. Award decisions are recorded while it is recommended for award.");
        }

        var lot = evaluation!.Result.Lots.FirstOrDefault(l => l.Lot.Id == lotId);
        if (lot is null)
        {
            return Outcome<Saved>.Fail(FailureKind.NotFound, $"This tender has no lot '{lotId}'.");
        }

        var errors = new List<AppError>();
        if (lot.MostAdvantageous is null)
        {
            errors.Add(new AppError($"Lot {lot.Lot.Id} has no most advantageous tender: its result is not complete, or the leading bids are tied."));
        }

        if (approvedBy is null)
        {
            errors.Add(new AppError("Enter who approved the award, such as the board or the officer with delegated authority.", new FormFieldLocation("ApprovedBy")));
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (approvedOn is null)
        {
            errors.Add(new AppError("Enter the date the award was approved.", new FormFieldLocation("ApprovedOn")));
        }
        else if (approvedOn > today)
        {
            errors.Add(new AppError("The date the award was approved must be today or in the past.", new FormFieldLocation("ApprovedOn")));
        }

        if (errors.Count > 0)
        {
            return Outcome<Saved>.Fail(FailureKind.Invalid, errors);
        }

        var row = await db.AwardDecisions.SingleOrDefaultAsync(a => a.TenderId == tenderId && a.LotKey == lotId, cancel).ConfigureAwait(false);
        var before = row is null ? null : TenderMapping.Json(new AwardDecisionValues(lotId, row.BidKey, row.ApprovedBy, row.ApprovedOn, row.Note));
        if (row is null)
        {
            row = new AwardDecisionRow { TenderId = tenderId, LotKey = lotId, BidKey = lot.MostAdvantageous!.Bid.Id, ApprovedBy = approvedBy!, RecordedBy = user.Name };
            db.AwardDecisions.Add(row);
        }
        else
        {
            TenderChanges.Touch(db, row, row.Version);
        }

        row.BidKey = lot.MostAdvantageous!.Bid.Id;
        row.ApprovedBy = approvedBy!;
        row.ApprovedOn = approvedOn!.Value;
        row.Note = note;
        row.RecordedBy = user.Name;
        var after = TenderMapping.Json(new AwardDecisionValues(lotId, row.BidKey, row.ApprovedBy, row.ApprovedOn, row.Note));
        AuditTrail.Add(db, time, user.Actor, tenderId, "AwardDecision", lotId, before is null ? "Created" : "Changed", before, after, note);
        return await TenderChanges.SaveAsync(db, tenderId, "AwardDecision", lotId, null, () => new Saved(row.Version), cancel).ConfigureAwait(false);
    }
}

/// <summary>
/// An award decision as the audit trail records it. A record with settable properties, not an
/// anonymous object: the stored JSON's options leave out properties with no setter, so an
/// anonymous object was written as <c>{}</c>.
/// </summary>
internal sealed record AwardDecisionValues(string LotId, string BidId, string ApprovedBy, DateOnly ApprovedOn, string? Note);

/// <summary>
/// Records the day the assessment summaries were given to every assessed bidder (Procurement Act
/// 2023 s.50: before the contract award notice), or, under the Provider Selection Regime, the day
/// the further decision after representations was notified. Only the owner, while the tender is
/// recommended for award (summaries) or in standstill (further decision). Audited.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail and today's date.</param>
public sealed class RecordNoticeDate(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Which date.</summary>
    public enum Kind
    {
        /// <summary>The assessment summaries were given (Procurement Act 2023).</summary>
        AssessmentSummariesSent,
        /// <summary>The further decision after representations was notified (Provider Selection Regime).</summary>
        FurtherDecision,
    }

    /// <summary>Records the date.</summary>
    public async Task<Outcome<TenderSummary>> HandleAsync(SiteUser user, Guid tenderId, Kind kind, DateOnly? day, long expectedVersion, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = contexts.Create();
        var tender = await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return TenderChanges.NotFound<TenderSummary>();
        }

        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ChangeStage, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<TenderSummary>();
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var (stage, regime, what) = kind == Kind.AssessmentSummariesSent
            ? (TenderStage.AwardRecommended, ProcurementRegime.ProcurementAct2023, "the assessment summaries were given")
            : (TenderStage.Standstill, ProcurementRegime.ProviderSelectionRegime2023, "the further decision was notified");
        if (tender.Regime != regime)
        {
            return Outcome<TenderSummary>.Fail(FailureKind.Refused, kind == Kind.AssessmentSummariesSent
                ? "Assessment summaries are a step of the Procurement Act 2023; this tender is under the Provider Selection Regime."
                : "A further decision after representations is a step of the Provider Selection Regime; this tender is under the Procurement Act 2023.");
        }

        if (tender.Stage != stage)
        {
            return Outcome<TenderSummary>.Fail(FailureKind.Refused, $"The tender is {TenderLifecycle.Describe(tender.Stage)}. The date {what} is recorded while it is {TenderLifecycle.Describe(stage)}.");
        }

        if (day is not { } date)
        {
            return Outcome<TenderSummary>.Fail(FailureKind.Invalid, $"Enter the date {what}.", new FormFieldLocation("Day"));
        }

        if (date > today)
        {
            return Outcome<TenderSummary>.Fail(FailureKind.Invalid, $"The date {what} must be today or in the past.", new FormFieldLocation("Day"));
        }

        if (kind == Kind.FurtherDecision && tender.NoticesSentOn is { } notice && date < notice)
        {
            return Outcome<TenderSummary>.Fail(FailureKind.Invalid, "The further decision cannot come before the notice of intention to award was published.", new FormFieldLocation("Day"));
        }

        var before = NoticeJson(tender);
        TenderChanges.Touch(db, tender, expectedVersion);
        if (kind == Kind.AssessmentSummariesSent)
        {
            tender.AssessmentSummariesSentOn = date;
        }
        else
        {
            tender.FurtherDecisionOn = date;
            var calendar = BankHolidays.ForWorkingDays(tender.Regime);
            var after = Standstill.For(tender.Regime, tender.NoticesSentOn!.Value, calendar).AfterFurtherDecision(date, calendar);
            tender.StandstillEndsOn = after.LastDay;
        }

        AuditTrail.Add(db, time, user.Actor, tenderId, "Tender", tenderId.ToString(), kind.ToString(), before, NoticeJson(tender));
        return await TenderChanges.SaveAsync(db, tenderId, "Tender", tenderId.ToString(), expectedVersion,
            () => new TenderSummary(tender.Id, tender.Title, tender.Stage, tender.Version, tender.StandstillEndsOn, tender.CancellationReason), cancel).ConfigureAwait(false);
    }

    private static string NoticeJson(TenderRow tender) => System.Text.Json.JsonSerializer.Serialize(new
    {
        assessmentSummariesSentOn = tender.AssessmentSummariesSentOn,
        noticePublishedOn = tender.NoticesSentOn,
        furtherDecisionOn = tender.FurtherDecisionOn,
        standstillEndsOn = tender.StandstillEndsOn,
    });
}
