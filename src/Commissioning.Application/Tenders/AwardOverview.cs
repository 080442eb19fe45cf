using Commissioning.Core.Evaluation;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>Where one step of the award stands.</summary>
public enum AwardStepStatus
{
    /// <summary>It cannot start until an earlier step is done.</summary>
    CannotStart,
    /// <summary>It is the owner's to do now.</summary>
    ToDo,
    /// <summary>It is under way, and ends on a day of its own (a standstill period).</summary>
    Running,
    /// <summary>It is done.</summary>
    Done,
    /// <summary>It does not apply to this tender (no representations were made).</summary>
    NotNeeded,
}

/// <summary>What the owner does for a step: the page turns it into a link or a form.</summary>
public enum AwardStepAction
{
    /// <summary>Nothing to do here.</summary>
    None,
    /// <summary>Record each lot's award decision.</summary>
    RecordAwards,
    /// <summary>Record the day the assessment summaries were given (Procurement Act 2023).</summary>
    RecordSummaries,
    /// <summary>Record the day the notice was published: the move to standstill.</summary>
    PublishNotice,
    /// <summary>Record the day the further decision was notified (Provider Selection Regime).</summary>
    RecordFurtherDecision,
    /// <summary>Award the contract: the move to awarded.</summary>
    Award,
}

/// <summary>One step of the award, in the regime's order.</summary>
/// <param name="Title">What the step is.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Hint">What it needs, or when it happened, with its citation.</param>
/// <param name="Action">What the owner does for it now (<see cref="AwardStepAction.None"/> unless the step is to do).</param>
public sealed record AwardStep(string Title, AwardStepStatus Status, string Hint, AwardStepAction Action);

/// <summary>One lot's most advantageous tender and award decision.</summary>
/// <param name="LotId">The lot.</param>
/// <param name="Title">Its title.</param>
/// <param name="Complete">True when nothing is outstanding in its result.</param>
/// <param name="BidId">The most advantageous tender's bid, once the result is complete (and not tied).</param>
/// <param name="Provider">That bid's provider.</param>
/// <param name="Total">Its total out of 100.</param>
/// <param name="EligibleBids">How many bids were ranked.</param>
/// <param name="AssessedBids">How many bids were received, each of which is owed an assessment summary under the Act.</param>
/// <param name="EvaluatedPrice">Its evaluated price, or null when this person may not see prices.</param>
/// <param name="EvaluatedYears">The years the price covers.</param>
/// <param name="Decision">The award decision recorded, if any.</param>
public sealed record LotAward(string LotId, string Title, bool Complete, string? BidId, string? Provider, decimal? Total, int EligibleBids, int AssessedBids, decimal? EvaluatedPrice, int EvaluatedYears, AwardDecision? Decision);

/// <summary>Where the award stands, for the award page.</summary>
/// <param name="Tender">The tender as it is now.</param>
/// <param name="State">The award decisions and notice dates.</param>
/// <param name="Lots">Each lot's most advantageous tender and award decision.</param>
/// <param name="Steps">The regime's steps, in order, with their statuses.</param>
/// <param name="Today">Today, by the site's clock.</param>
/// <param name="ContractDetailsNotice">
/// Procurement Act 2023: the last day to publish the contract details notice if the contract is
/// entered into on the first day it may be (s.53), and the same for a light touch contract; null
/// until the standstill period is known, and under the Provider Selection Regime.
/// </param>
public sealed record AwardOverview(TenderSummary Tender, AwardState State, IReadOnlyList<LotAward> Lots, IReadOnlyList<AwardStep> Steps, DateOnly Today,
    (DateOnly EnteredInto, DateOnly Due, DateOnly LightTouchDue)? ContractDetailsNotice)
{
    /// <summary>True when every lot has its award decision.</summary>
    public bool EveryLotAwarded => Lots.All(l => l.Decision is not null);
}

/// <summary>
/// The award page's view of a tender: each lot's most advantageous tender from the evaluation,
/// the award decisions and notice dates, and the regime's steps with where each stands. For those
/// who may see results (<see cref="TenderOperation.ViewResults"/>); prices only for those who may see them.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="evaluate">The tender's evaluation.</param>
/// <param name="awards">The award decisions and notice dates.</param>
/// <param name="time">The clock: today's date.</param>
public sealed class ReadAwardOverview(ICommissioningContextFactory contexts, EvaluateTender evaluate, ReadAwardState awards, TimeProvider time)
{
    /// <summary>Where the award stands.</summary>
    public async Task<Outcome<AwardOverview>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ViewResults, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<AwardOverview>();
        }

        var state = await awards.HandleAsync(user, tenderId, cancel).ConfigureAwait(false);
        if (!state.Succeeded)
        {
            return state.As<AwardOverview>();
        }

        var tender = access.Value.Tender;
        var evaluation = tender.Stage >= TenderStage.Evaluation && tender.Stage != TenderStage.Cancelled
            ? await evaluate.CurrentAsync(db, tenderId, cancel).ConfigureAwait(false)
            : null;
        var lots = new List<LotAward>();
        if (evaluation is not null)
        {
            foreach (var lot in evaluation.Result.Lots)
            {
                var best = lot.MostAdvantageous;
                var decision = state.Value.Awards.FirstOrDefault(a => a.LotId == lot.Lot.Id);
                var shown = best is not null && access.Value.MaySeePrices(best.Bid.Id, lot.Lot.Id) ? best.Price.EvaluatedPrice : (decimal?)null;
                lots.Add(new LotAward(lot.Lot.Id, lot.Lot.Title, lot.Complete, best?.Bid.Id, best?.Bid.Provider, best?.Total, lot.EligibleCount, lot.Bids.Count,
                    shown, lot.Lot.Price.EvaluatedYears, decision));
            }
        }
        else
        {
            var rows = await db.Lots.AsNoTracking().Where(l => l.TenderId == tenderId).OrderBy(l => l.Position).Select(l => new { l.Key, l.Title }).ToListAsync(cancel).ConfigureAwait(false);
            lots.AddRange(rows.Select(l => new LotAward(l.Key, l.Title, false, null, null, null, 0, 0, null, 0, state.Value.Awards.FirstOrDefault(a => a.LotId == l.Key))));
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var standstill = state.Value.Standstill;
        var detailsNotice = state.Value.Regime == ProcurementRegime.ProcurementAct2023 && standstill is not null
            ? (standstill.ContractMayBeEnteredFrom, Standstill.ContractDetailsNoticeDue(standstill.ContractMayBeEnteredFrom), Standstill.ContractDetailsNoticeDue(standstill.ContractMayBeEnteredFrom, lightTouchContract: true))
            : ((DateOnly, DateOnly, DateOnly)?)null;
        return Outcome<AwardOverview>.Success(new AwardOverview(tender, state.Value, lots, AwardSteps.For(tender, state.Value, lots, today), today, detailsNotice));
    }
}

/// <summary>The steps from award decision to award, by regime, and where each stands.</summary>
public static class AwardSteps
{
    /// <summary>The steps for this tender as it stands today.</summary>
    public static IReadOnlyList<AwardStep> For(TenderSummary tender, AwardState state, IReadOnlyList<LotAward> lots, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(lots);
        var stage = tender.Stage;
        var recommended = stage == TenderStage.AwardRecommended;
        var past = stage is TenderStage.Standstill or TenderStage.Awarded or TenderStage.Closed;
        var awarded = stage is TenderStage.Awarded or TenderStage.Closed;
        var decided = lots.Count(l => l.Decision is not null);
        var allDecided = lots.Count > 0 && decided == lots.Count;
        var steps = new List<AwardStep>
        {
            new("Record the award decision for each lot",
                allDecided || past ? AwardStepStatus.Done : recommended ? AwardStepStatus.ToDo : AwardStepStatus.CannotStart,
                recommended || past
                    ? $"{decided} of {lots.Count} lot{(lots.Count == 1 ? "" : "s")} recorded: the most advantageous tender of each lot, who approved it and when."
                    : "Once the tender is recommended for award, when its result is complete.",
                recommended && !allDecided ? AwardStepAction.RecordAwards : AwardStepAction.None),
        };

        var standstill = state.Standstill;
        var endsOn = tender.StandstillEndsOn;
        var inStandstill = stage == TenderStage.Standstill;
        var mayAward = inStandstill && endsOn is { } end && today > end;
        if (state.Regime == ProcurementRegime.ProcurementAct2023)
        {
            var summariesGiven = state.AssessmentSummariesSentOn is not null;
            var assessed = lots.Sum(l => l.AssessedBids);
            steps.Add(new("Give an assessment summary to every assessed bidder",
                summariesGiven || past ? AwardStepStatus.Done : recommended ? AwardStepStatus.ToDo : AwardStepStatus.CannotStart,
                state.AssessmentSummariesSentOn is { } given
                    ? $"Given on {TenderLifecycle.Day(given)}."
                    : $"{assessed} bid{(assessed == 1 ? " was" : "s were")} assessed. Each bidder is given a summary of how its tender was assessed before the contract award notice is published (Procurement Act 2023 s.50; content: Procurement Regulations 2024 reg. 31).",
                recommended && !summariesGiven ? AwardStepAction.RecordSummaries : AwardStepAction.None));
            steps.Add(new("Publish the contract award notice",
                past ? AwardStepStatus.Done : recommended && allDecided && summariesGiven ? AwardStepStatus.ToDo : AwardStepStatus.CannotStart,
                state.NoticePublishedOn is { } published
                    ? $"Published on {TenderLifecycle.Day(published)}."
                    : "Publish it on the Find a Tender service, then record the day it was published: that day starts the standstill period (Procurement Act 2023 s.50 and s.51).",
                recommended && allDecided && summariesGiven ? AwardStepAction.PublishNotice : AwardStepAction.None));
            steps.Add(new("Standstill period",
                awarded || mayAward ? AwardStepStatus.Done : inStandstill ? AwardStepStatus.Running : AwardStepStatus.CannotStart,
                standstill is null
                    ? "8 working days beginning with the day the contract award notice is published (Procurement Act 2023 s.51); working days exclude Saturdays, Sundays and bank holidays in any part of the United Kingdom (s.123)."
                    : $"Last day {TenderLifecycle.Day(standstill.LastDay)}. The contract may be entered into from {TenderLifecycle.Day(standstill.ContractMayBeEnteredFrom)}.",
                AwardStepAction.None));
            steps.Add(new("Enter into the contract and record the award",
                awarded ? AwardStepStatus.Done : mayAward ? AwardStepStatus.ToDo : AwardStepStatus.CannotStart,
                standstill is null ? "Once the standstill period has ended." : $"From {TenderLifecycle.Day(standstill.ContractMayBeEnteredFrom)}. The tender is then locked.",
                mayAward ? AwardStepAction.Award : AwardStepAction.None));
            steps.Add(new("Publish the contract details notice",
                awarded ? AwardStepStatus.ToDo : AwardStepStatus.CannotStart,
                standstill is null
                    ? "Within 30 days beginning with the day the contract is entered into, or 120 days for a light touch contract (Procurement Act 2023 s.53)."
                    : $"Within 30 days beginning with the day the contract is entered into (Procurement Act 2023 s.53): by {TenderLifecycle.Day(Standstill.ContractDetailsNoticeDue(standstill.ContractMayBeEnteredFrom))} if it is entered into on {TenderLifecycle.Day(standstill.ContractMayBeEnteredFrom)}; by {TenderLifecycle.Day(Standstill.ContractDetailsNoticeDue(standstill.ContractMayBeEnteredFrom, lightTouchContract: true))} for a light touch contract (120 days).",
                AwardStepAction.None));
            return steps;
        }

        var after = state.AfterFurtherDecision;
        steps.Add(new("Publish the notice of intention to award",
            past ? AwardStepStatus.Done : recommended && allDecided ? AwardStepStatus.ToDo : AwardStepStatus.CannotStart,
            state.NoticePublishedOn is { } notice
                ? $"Published on {TenderLifecycle.Day(notice)}."
                : "Publish it, then record the day it was published: the standstill period begins the day after (Provider Selection Regime regulations, reg. 12).",
            recommended && allDecided ? AwardStepAction.PublishNotice : AwardStepAction.None));
        var representationsOpen = inStandstill && standstill?.RepresentationsDeadline is { } deadline && today <= deadline;
        steps.Add(new("Standstill period: representations",
            standstill is null ? AwardStepStatus.CannotStart : representationsOpen ? AwardStepStatus.Running : AwardStepStatus.Done,
            standstill is null
                ? "Begins the day after the notice is published; providers may make representations until midnight at the end of the 8th working day after that day (reg. 12(2) and (3))."
                : $"Began on {TenderLifecycle.Day(standstill.Begins)}. Representations may be made until midnight at the end of {TenderLifecycle.Day(standstill.RepresentationsDeadline!.Value)} (reg. 12(3)).",
            AwardStepAction.None));
        steps.Add(new("If representations were made: record the further decision",
            after is not null ? AwardStepStatus.Done : inStandstill ? AwardStepStatus.ToDo : awarded ? AwardStepStatus.NotNeeded : AwardStepStatus.CannotStart,
            after is not null
                ? $"Notified on {TenderLifecycle.Day(after.FurtherDecisionNotified)}."
                : "Representations keep the standstill period open until you have considered them and made a further decision (reg. 12(4)). Record the day you told the providers of it.",
            inStandstill && after is null ? AwardStepAction.RecordFurtherDecision : AwardStepAction.None));
        steps.Add(new("Wait 5 working days after the further decision",
            after is null ? (awarded ? AwardStepStatus.NotNeeded : AwardStepStatus.CannotStart) : awarded || mayAward ? AwardStepStatus.Done : AwardStepStatus.Running,
            after is null
                ? "Only after a further decision: NHS England's statutory guidance on the Provider Selection Regime has the contract wait 5 working days after it."
                : $"Last day {TenderLifecycle.Day(after.LastDay)}; the contract may be entered into from {TenderLifecycle.Day(after.ContractMayBeEnteredFrom)} (NHS England, The Provider Selection Regime: statutory guidance).",
            AwardStepAction.None));
        steps.Add(new("Award the contract",
            awarded ? AwardStepStatus.Done : mayAward ? AwardStepStatus.ToDo : AwardStepStatus.CannotStart,
            endsOn is { } last && inStandstill
                ? $"From {TenderLifecycle.Day(last.AddDays(1))}, unless representations are made and not yet decided. The tender is then locked."
                : "Once the standstill period has ended. The tender is then locked.",
            mayAward ? AwardStepAction.Award : AwardStepAction.None));
        return steps;
    }
}
