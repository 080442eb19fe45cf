using Commissioning.Application.Tenders;
using Commissioning.Core.Text;
using FluentValidation;

namespace Commissioning.Web.Pages.Tenders.Evaluate;

/// <summary>An evaluator's declaration about conflicts of interest with the bidders they will score.</summary>
public sealed class DeclarationInput
{
    /// <summary><c>no</c> for no conflict with any of the bidders, <c>yes</c> to declare one.</summary>
    public string? HasConflict { get; set; }

    /// <summary>The conflict, in their words: which bidder, and their connection with it.</summary>
    public string? Details { get; set; }

    /// <summary>True when they declare a conflict; only valid after validation.</summary>
    public bool Conflict => HasConflict == "yes";
}

/// <summary>Checks the declaration form (that details are given with a conflict is the application's rule).</summary>
public sealed class DeclarationInputValidator : AbstractValidator<DeclarationInput>
{
    /// <summary>The most characters of a conflict's details.</summary>
    public const int MaxDetails = 4000;

    /// <summary>The rules.</summary>
    public DeclarationInputValidator()
    {
        RuleFor(x => x.HasConflict).Must(v => v is "yes" or "no").WithMessage("Select whether you have a conflict of interest with any of these bidders");
        RuleFor(x => x.Details).MaximumLength(MaxDetails).WithMessage("The details of the conflict must be 4,000 characters or fewer")
            .PlainText(TextShape.MultiLine, _ => "The details of the conflict", fullStop: false);
    }
}

/// <summary>One score, as the evaluator gives it on the scoring page.</summary>
public sealed class ScoreInput
{
    /// <summary>The score chosen, as sent (a whole number on the tender's scale).</summary>
    public string? Score { get; set; }

    /// <summary>Why, with reference to the bid's answer.</summary>
    public string? Rationale { get; set; }

    /// <summary>The saved draft's version when the page was shown; empty when none was saved.</summary>
    public long? Version { get; set; }

    /// <summary><c>next</c> for "Save and next"; anything else saves and stays.</summary>
    public string? Action { get; set; }

    /// <summary>The score as a number; only valid after validation.</summary>
    public decimal ChosenScore() => decimal.Parse(Score!, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Checks the scoring form (the scale's range is the application's rule: the tender holds it).</summary>
public sealed class ScoreInputValidator : AbstractValidator<ScoreInput>
{
    /// <summary>The most characters of a rationale.</summary>
    public const int MaxRationale = 4000;

    /// <summary>The rules.</summary>
    public ScoreInputValidator()
    {
        RuleFor(x => x.Score).NotEmpty().WithMessage("Select the score you give this answer")
            .Must(s => string.IsNullOrEmpty(s) || (s.Length <= 4 && int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
            .WithMessage("Select the score you give this answer");
        RuleFor(x => x.Rationale).NotEmpty().WithMessage("Enter why you gave this score")
            .MaximumLength(MaxRationale).WithMessage("Why you gave this score must be 4,000 characters or fewer")
            .PlainText(TextShape.MultiLine, _ => "Why you gave this score", fullStop: false);
    }
}

/// <summary>The owner's decision on a declared conflict of interest.</summary>
public sealed class ConflictDecisionInput
{
    /// <summary><c>continue</c> to let the evaluator score, <c>stand-down</c> to stand them down.</summary>
    public string? Decision { get; set; }

    /// <summary>How the conflict is managed, or why they are stood down.</summary>
    public string? Reason { get; set; }

    /// <summary>The declaration's version when the page was shown.</summary>
    public long Version { get; set; }

    /// <summary>True when they may continue; only valid after validation.</summary>
    public bool MayContinue => Decision == "continue";
}

/// <summary>Checks the decision form (that a reason is given is the application's rule, with a message for each decision).</summary>
public sealed class ConflictDecisionInputValidator : AbstractValidator<ConflictDecisionInput>
{
    /// <summary>The most characters of a reason.</summary>
    public const int MaxReason = 2000;

    /// <summary>The rules.</summary>
    public ConflictDecisionInputValidator()
    {
        RuleFor(x => x.Decision).Must(v => v is "continue" or "stand-down").WithMessage("Select whether this evaluator may continue to score");
        RuleFor(x => x.Reason).MaximumLength(MaxReason).WithMessage("The reason must be 2,000 characters or fewer")
            .PlainText(TextShape.MultiLine, _ => "The reason", fullStop: false);
    }
}

/// <summary>
/// The two orders an evaluator may score in: one question across every bid (so each answer is
/// judged against the others on the same question), or one bid across every question (so each
/// bid is read as a whole). Both are common practice; the choice travels in the address
/// (<c>?order=question</c> or <c>?order=bid</c>), so it works without JavaScript.
/// </summary>
public static class ScoringOrder
{
    /// <summary>One question across every bid.</summary>
    public const string ByQuestion = "question";

    /// <summary>One bid across every question (the queue's own order: lot, bid, question).</summary>
    public const string ByBid = "bid";

    /// <summary>The order asked for, or by bid when the address names none (or something else).</summary>
    public static string Normalise(string? order) => order == ByQuestion ? ByQuestion : ByBid;

    /// <summary>The queue's items in the order: by bid as the queue holds them; by question, each question's bids together, questions in the queue's order.</summary>
    public static IReadOnlyList<QueueItem> Arrange(IReadOnlyList<QueueItem> items, string order)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (Normalise(order) == ByBid)
        {
            return items;
        }

        var questions = items.Select(i => (i.LotId, i.QuestionId)).Distinct().Select((q, at) => (q, at)).ToDictionary(x => x.q, x => x.at);
        return [.. items.Select((item, at) => (item, at)).OrderBy(x => questions[(x.item.LotId, x.item.QuestionId)]).ThenBy(x => x.at).Select(x => x.item)];
    }

    /// <summary>About how many items one part of a long worklist shows (a part is never less than one whole group).</summary>
    public const int ItemsPerPart = 100;

    /// <summary>
    /// The ordered items in groups (one bid, or one question of a lot) and the groups in parts of
    /// about <see cref="ItemsPerPart"/> items, so that an ICS-scale worklist (thousands of items)
    /// is shown a part at a time. A small worklist is one part.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<IGrouping<string, QueueItem>>> Parts(IReadOnlyList<QueueItem> ordered, string order)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var byQuestion = Normalise(order) == ByQuestion;
        var parts = new List<IReadOnlyList<IGrouping<string, QueueItem>>>();
        var part = new List<IGrouping<string, QueueItem>>();
        var count = 0;
        foreach (var group in ordered.GroupBy(i => byQuestion ? $"{i.LotId}/{i.QuestionId}" : i.BidId))
        {
            var size = group.Count();
            if (part.Count > 0 && count + size > ItemsPerPart)
            {
                parts.Add(part);
                part = [];
                count = 0;
            }

            part.Add(group);
            count += size;
        }

        if (part.Count > 0)
        {
            parts.Add(part);
        }

        return parts;
    }

    /// <summary>The part to show for the part asked for: the first when none is, the last when one past it is.</summary>
    public static int PartNumber(int? asked, int parts) => Math.Clamp(asked ?? 1, 1, Math.Max(1, parts));

    /// <summary>How a group is named: the bid (in bid order) or the question (in question order).</summary>
    public static string GroupName(QueueItem first, string order)
    {
        ArgumentNullException.ThrowIfNull(first);
        return Normalise(order) == ByQuestion ? $"{first.QuestionId}: {first.QuestionTitle}" : $"{first.Provider} (bid {first.BidId})";
    }

    /// <summary>How a part is named in the list of parts: its one group, or its first and last.</summary>
    public static string PartLabel(IReadOnlyList<IGrouping<string, QueueItem>> part, string order)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.Count == 1 ? GroupName(part[0].First(), order) : $"{GroupName(part[0].First(), order)} to {GroupName(part[^1].First(), order)}";
    }

    /// <summary>The tag of an item's status: not started, draft, or submitted.</summary>
    public static string Status(QueueItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Submitted ? "Submitted" : item.Score is null ? "Not started" : "Draft";
    }
}
