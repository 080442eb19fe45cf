namespace Commissioning.Core.Lifecycle;

/// <summary>Where a tender is in its life. Stored by name, so the order here may change.</summary>
public enum TenderStage
{
    /// <summary>Being written: the definition, lots, criteria and people may change.</summary>
    Draft,
    /// <summary>Published: bids are received; the award criteria are fixed.</summary>
    OpenForBids,
    /// <summary>Bids are closed and evaluators score them independently.</summary>
    Evaluation,
    /// <summary>The panel agrees consensus scores where evaluators differ.</summary>
    Moderation,
    /// <summary>The result is agreed and an award is recommended; notices are prepared.</summary>
    AwardRecommended,
    /// <summary>Notices are sent and the standstill period is running.</summary>
    Standstill,
    /// <summary>The contract is awarded. Locked.</summary>
    Awarded,
    /// <summary>Finished and archived. Locked.</summary>
    Closed,
    /// <summary>Stopped before award, with a reason. Locked.</summary>
    Cancelled,
}

/// <summary>The kinds of change a stage allows or refuses.</summary>
public enum TenderChange
{
    /// <summary>The tender's definition: title, members, lots, sections, questions, gates, weights, evaluators, assignments.</summary>
    Definition,
    /// <summary>Who has which role on the tender.</summary>
    People,
    /// <summary>A bid: received, changed or withdrawn.</summary>
    Bid,
    /// <summary>An evaluator's own score, before it is submitted.</summary>
    EvaluatorScore,
    /// <summary>A consensus score recorded at moderation.</summary>
    ModeratedScore,
    /// <summary>A recorded pass or fail decision on a gate.</summary>
    GateDecision,
    /// <summary>A recorded decision on a price that may be abnormally low.</summary>
    LowPriceDecision,
}

/// <summary>Whether a change is allowed and, if not, why; and whether it needs a reason recorded.</summary>
/// <param name="Allowed">True when the change may be made.</param>
/// <param name="Refusal">Why not, in plain English, when it is refused.</param>
/// <param name="ReasonRequired">True when the change must be recorded with a reason.</param>
public sealed record LifecycleDecision(bool Allowed, string? Refusal, bool ReasonRequired)
{
    /// <summary>Allowed.</summary>
    public static LifecycleDecision Allow(bool reasonRequired = false) => new(true, null, reasonRequired);

    /// <summary>Refused, with why.</summary>
    public static LifecycleDecision Refuse(string why) => new(false, why, false);
}

/// <summary>
/// The tender lifecycle as a state machine: which stage may follow which, and what may change in
/// each stage. Pure: the caller supplies today's date and the bank holidays.
/// </summary>
/// <remarks>
/// The stages come from the toolkit's issue on tenders that a team works on together. Which change
/// each stage allows is the toolkit's judgement, for the reason given with each rule: award
/// criteria are declared before bids are seen (Procurement Act 2023 s.23, as summarised in the
/// project brief), evaluators score independently and a moderator records a consensus with its
/// reason, and after award nothing changes so the record stays what was decided.
/// </remarks>
public static class TenderLifecycle
{
    /// <summary>The stages in which nothing may change.</summary>
    public static IReadOnlySet<TenderStage> Locked { get; } = new HashSet<TenderStage> { TenderStage.Awarded, TenderStage.Closed, TenderStage.Cancelled };

    private static readonly Dictionary<TenderStage, TenderStage[]> Next = new()
    {
        [TenderStage.Draft] = [TenderStage.OpenForBids, TenderStage.Cancelled],
        [TenderStage.OpenForBids] = [TenderStage.Evaluation, TenderStage.Cancelled],
        [TenderStage.Evaluation] = [TenderStage.Moderation, TenderStage.Cancelled],
        [TenderStage.Moderation] = [TenderStage.AwardRecommended, TenderStage.Evaluation, TenderStage.Cancelled],
        [TenderStage.AwardRecommended] = [TenderStage.Standstill, TenderStage.Moderation, TenderStage.Cancelled],
        [TenderStage.Standstill] = [TenderStage.Awarded, TenderStage.Moderation, TenderStage.Cancelled],
        [TenderStage.Awarded] = [TenderStage.Closed],
        [TenderStage.Closed] = [],
        [TenderStage.Cancelled] = [],
    };

    /// <summary>The stages a tender may move to from a stage.</summary>
    public static IReadOnlyList<TenderStage> NextStages(TenderStage from) => Next[from];

    /// <summary>Whether a kind of change may be made in a stage.</summary>
    public static LifecycleDecision Check(TenderStage stage, TenderChange change)
    {
        var name = Describe(stage);
        if (Locked.Contains(stage))
        {
            return LifecycleDecision.Refuse($"The tender is {name}, so nothing about it can be changed.");
        }

        return change switch
        {
            TenderChange.Definition => stage == TenderStage.Draft
                ? LifecycleDecision.Allow()
                : LifecycleDecision.Refuse($"The tender is {name}. Its lots, criteria, weights and evaluators can only be changed while it is a draft, because bidders must know them before they bid."),
            TenderChange.People => LifecycleDecision.Allow(reasonRequired: stage >= TenderStage.Evaluation),
            TenderChange.Bid => stage == TenderStage.OpenForBids
                ? LifecycleDecision.Allow()
                : LifecycleDecision.Refuse($"The tender is {name}. Bids can only be received or changed while it is open for bids."),
            TenderChange.EvaluatorScore => stage == TenderStage.Evaluation
                ? LifecycleDecision.Allow()
                : LifecycleDecision.Refuse($"The tender is {name}. Evaluators' own scores can only be saved during evaluation."),
            TenderChange.ModeratedScore => stage == TenderStage.Moderation
                ? LifecycleDecision.Allow(reasonRequired: true)
                : LifecycleDecision.Refuse($"The tender is {name}. Consensus scores can only be recorded during moderation."),
            TenderChange.GateDecision or TenderChange.LowPriceDecision => stage is TenderStage.Evaluation or TenderStage.Moderation
                ? LifecycleDecision.Allow(reasonRequired: true)
                : LifecycleDecision.Refuse($"The tender is {name}. Gate and price decisions can only be recorded during evaluation or moderation."),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown kind of change."),
        };
    }

    /// <summary>
    /// Whether a tender may move from one stage to another. Going back a stage and cancelling
    /// need a reason; entering standstill needs the day notices were sent; leaving standstill
    /// for award needs the standstill to have ended.
    /// </summary>
    /// <param name="from">The current stage.</param>
    /// <param name="to">The stage asked for.</param>
    /// <param name="reason">Why, where one is needed.</param>
    /// <param name="today">Today's date, from the caller's clock.</param>
    /// <param name="standstillEndsOn">The last day of standstill, when the tender is in standstill.</param>
    public static LifecycleDecision CheckMove(TenderStage from, TenderStage to, string? reason, DateOnly today, DateOnly? standstillEndsOn)
    {
        if (!Next[from].Contains(to))
        {
            var allowed = Next[from].Length == 0 ? "it cannot move to any other stage" : "it can move only to " + string.Join(" or ", Next[from].Select(Describe));
            return LifecycleDecision.Refuse($"The tender is {Describe(from)}, so it cannot become {Describe(to)}: {allowed}.");
        }

        var backwards = to < from && to != TenderStage.Cancelled;
        var needsReason = to == TenderStage.Cancelled || backwards;
        if (needsReason && string.IsNullOrWhiteSpace(reason))
        {
            return LifecycleDecision.Refuse(to == TenderStage.Cancelled
                ? "Enter why the tender is being cancelled."
                : $"Enter why the tender is going back to {Describe(to)}.");
        }

        if (from == TenderStage.Standstill && to == TenderStage.Awarded && standstillEndsOn is { } end && today <= end)
        {
            return LifecycleDecision.Refuse($"The standstill period ends at the end of {Day(end)}. The contract can be awarded from {Day(end.AddDays(1))}.");
        }

        return LifecycleDecision.Allow(needsReason);
    }

    /// <summary>A date as people read it, such as "5 January 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A stage in words, such as "open for bids".</summary>
    public static string Describe(TenderStage stage) => stage switch
    {
        TenderStage.Draft => "a draft",
        TenderStage.OpenForBids => "open for bids",
        TenderStage.Evaluation => "in evaluation",
        TenderStage.Moderation => "in moderation",
        TenderStage.AwardRecommended => "recommended for award",
        TenderStage.Standstill => "in standstill",
        TenderStage.Awarded => "awarded",
        TenderStage.Closed => "closed",
        TenderStage.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };
}
