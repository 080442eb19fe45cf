using Commissioning.Core.Evaluation;
using Commissioning.Core.Standards;
using FluentValidation;

namespace Commissioning.Core.Tenders.Validation;

/// <summary>
/// Validates a whole tender pack: the tender (see <see cref="TenderValidator"/>), then each bid,
/// evaluator score, moderated score, gate decision and price decision against it. Each message names the bid,
/// question or evaluator concerned.
/// </summary>
public sealed class TenderPackValidator : AbstractValidator<TenderPack>
{
    /// <summary>Creates the validator; with standards, requirement ids are checked against them.</summary>
    public TenderPackValidator(StandardsCatalogue? standards = null)
    {
        RuleFor(p => p.Tender).SetValidator(new TenderValidator(standards));
        RuleForEach(p => p.Bids).SetValidator(p => new BidValidator(p.Tender));
        RuleFor(p => p.Bids).Custom((bids, context) =>
        {
            foreach (var duplicate in TenderValidator.Duplicates(bids.Select(b => b.Id)))
            {
                context.AddFailure("Bids", $"The bid id '{duplicate}' is used more than once.");
            }
        });
        RuleForEach(p => p.Scores).SetValidator(p => new EvaluatorScoreValidator(p));
        RuleFor(p => p.Scores).Custom((scores, context) =>
        {
            foreach (var group in scores.GroupBy(s => (s.EvaluatorId, s.BidId, s.QuestionId)).Where(g => g.Count() > 1))
            {
                context.AddFailure("Scores", $"Evaluator {group.Key.EvaluatorId} scored bid {group.Key.BidId} on {group.Key.QuestionId} more than once. Keep one score.");
            }
        });
        RuleForEach(p => p.Moderation).SetValidator(p => new ModeratedScoreValidator(p));
        RuleFor(p => p.Moderation).Custom((moderation, context) =>
        {
            foreach (var group in moderation.GroupBy(m => (m.BidId, m.QuestionId)).Where(g => g.Count() > 1))
            {
                context.AddFailure("Moderation", $"Bid {group.Key.BidId} has more than one consensus score on {group.Key.QuestionId}. Keep one.");
            }
        });
        RuleForEach(p => p.GateDecisions).SetValidator(p => new GateDecisionValidator(p));
        RuleFor(p => p.GateDecisions).Custom((decisions, context) =>
        {
            foreach (var group in decisions.GroupBy(d => (d.BidId, d.GateId)).Where(g => g.Count() > 1))
            {
                context.AddFailure("GateDecisions", $"Bid {group.Key.BidId} has more than one decision on gate {group.Key.GateId}. Keep one.");
            }
        });
        RuleForEach(p => p.LowPriceDecisions).SetValidator(p => new LowPriceDecisionValidator(p));
        RuleFor(p => p.LowPriceDecisions).Custom((decisions, context) =>
        {
            foreach (var group in decisions.GroupBy(d => d.BidId).Where(g => g.Count() > 1))
            {
                context.AddFailure("LowPriceDecisions", $"Bid {group.Key} has more than one decision on its price. Keep one.");
            }
        });
        RuleForEach(p => p.ConflictDeclarations).SetValidator(p => new ConflictDeclarationValidator(p.Tender));
        RuleFor(p => p.ConflictDeclarations).Custom((declarations, context) =>
        {
            foreach (var group in declarations.GroupBy(d => d.EvaluatorId).Where(g => g.Count() > 1))
            {
                context.AddFailure("ConflictDeclarations", $"Evaluator {group.Key} has more than one declaration of conflicts of interest. Keep one.");
            }
        });

        // Names, ids and text in bids, scores and decisions hold no control characters (Core/Text/TextRules.cs).
        Include(new TenderPackTextValidator());
    }

    /// <summary>How a bid is named in messages: "bid bid-a (Provider)".</summary>
    internal static string BidName(Bid bid) => string.IsNullOrWhiteSpace(bid.Provider) ? $"bid {bid.Id}" : $"bid {bid.Id} ({bid.Provider})";

    /// <summary>The lot a bid is for, or null if the bid or its lot does not exist.</summary>
    internal static Lot? LotOfBid(TenderPack pack, string bidId) =>
        pack.Bids.FirstOrDefault(b => b.Id == bidId) is { } bid ? pack.Tender.FindLot(bid.LotId) : null;

    /// <summary>Whether a score is a whole number on the scale.</summary>
    internal static bool OnScale(decimal score, ScoringScale scale) => score >= 0 && score <= scale.Maximum && decimal.Truncate(score) == score;
}

/// <summary>The rules for one bid, checked against its tender.</summary>
public sealed class BidValidator : AbstractValidator<Bid>
{
    /// <summary>Creates the validator for bids to a tender.</summary>
    public BidValidator(Tender tender)
    {
        ArgumentNullException.ThrowIfNull(tender);
        RuleFor(b => b.Id).NotEmpty().WithMessage("Every bid needs an id");
        RuleFor(b => b.Provider).NotEmpty().WithMessage(b => $"Bid {b.Id} has no provider name");
        RuleFor(b => b).Custom((bid, context) =>
        {
            var name = TenderPackValidator.BidName(bid);
            var lot = tender.FindLot(bid.LotId);
            if (lot is null)
            {
                context.AddFailure("LotId", $"{TenderValidator.Capital(name)} is for the lot '{bid.LotId}', which is not a lot of the tender.");
                return;
            }

            var lotName = TenderValidator.LotName(tender, lot);
            var annual = bid.Price.AnnualPrices;
            if (annual.Count != lot.Price.ContractYears)
            {
                context.AddFailure("Price.AnnualPrices", $"{TenderValidator.Capital(name)} gives {annual.Count} annual price{(annual.Count == 1 ? "" : "s")} for {lotName}. It needs one for each of the {lot.Price.ContractYears} contract years.");
            }

            for (var i = 0; i < annual.Count; i++)
            {
                if (annual[i] is <= 0 or > TenderValidator.MaximumPrice)
                {
                    context.AddFailure($"Price.AnnualPrices[{i}]", $"The price for year {i + 1} in {name} is {Rounding.Money(annual[i])}. It must be more than £0 and no more than {Rounding.Money(TenderValidator.MaximumPrice)}.");
                }
            }

            var extension = bid.Price.ExtensionPrices;
            if (extension.Count != lot.Price.ExtensionYears)
            {
                context.AddFailure("Price.ExtensionPrices", $"{TenderValidator.Capital(name)} gives {extension.Count} extension price{(extension.Count == 1 ? "" : "s")} for {lotName}. It needs one for each of the {lot.Price.ExtensionYears} extension years.");
            }

            for (var i = 0; i < extension.Count; i++)
            {
                if (extension[i] is <= 0 or > TenderValidator.MaximumPrice)
                {
                    context.AddFailure($"Price.ExtensionPrices[{i}]", $"The price for extension year {i + 1} in {name} is {Rounding.Money(extension[i])}. It must be more than £0 and no more than {Rounding.Money(TenderValidator.MaximumPrice)}.");
                }
            }

            foreach (var (answer, index) in bid.Answers.Select((a, i) => (a, i)).Where(x => lot.Questions.All(q => q.Id != x.a.QuestionId)))
            {
                context.AddFailure($"Answers[{index}].QuestionId", $"{TenderValidator.Capital(name)} answers the question '{answer.QuestionId}', which is not a question of {lotName}.");
            }

            foreach (var duplicate in TenderValidator.Duplicates(bid.Answers.Select(a => a.QuestionId)))
            {
                context.AddFailure("Answers", $"{TenderValidator.Capital(name)} answers {duplicate} more than once.");
            }

            foreach (var (property, message) in DeclarationsValidator.Problems(bid.Declarations, name))
            {
                context.AddFailure($"Declarations.{property}", message);
            }
        });
    }
}

/// <summary>The rules for one evaluator's score, checked against the pack.</summary>
public sealed class EvaluatorScoreValidator : AbstractValidator<EvaluatorScore>
{
    /// <summary>Creates the validator for scores in a pack.</summary>
    public EvaluatorScoreValidator(TenderPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        RuleFor(s => s).Custom((score, context) =>
        {
            var tender = pack.Tender;
            var where = $"Evaluator {score.EvaluatorId}'s score for bid {score.BidId} on {score.QuestionId}";
            if (tender.Evaluators.All(e => e.Id != score.EvaluatorId))
            {
                context.AddFailure("EvaluatorId", $"A score is from '{score.EvaluatorId}', who is not an evaluator of the tender.");
                return;
            }

            var bid = pack.Bids.FirstOrDefault(b => b.Id == score.BidId);
            if (bid is null)
            {
                context.AddFailure("BidId", $"{where} is for a bid that does not exist.");
                return;
            }

            var lot = tender.FindLot(bid.LotId);
            if (lot is null || lot.Questions.All(q => q.Id != score.QuestionId))
            {
                context.AddFailure("QuestionId", $"{where} is for a question that is not in the bid's lot.");
                return;
            }

            if (!tender.EvaluatorsFor(lot.Id, score.QuestionId).Contains(score.EvaluatorId))
            {
                context.AddFailure("EvaluatorId", $"{where} is not allowed: the evaluator is not assigned to {score.QuestionId} in {TenderValidator.LotName(tender, lot)}.");
            }

            if (!TenderPackValidator.OnScale(score.Score, tender.Scale))
            {
                context.AddFailure("Score", $"{where} is {Rounding.Number(score.Score)}. Scores are whole numbers from 0 to {tender.Scale.Maximum}.");
            }

            if (string.IsNullOrWhiteSpace(score.Rationale))
            {
                context.AddFailure("Rationale", $"{where} has no rationale. Explain the score with reference to the bid's answer.");
            }
        });
    }
}

/// <summary>The rules for one moderated consensus score.</summary>
public sealed class ModeratedScoreValidator : AbstractValidator<ModeratedScore>
{
    /// <summary>Creates the validator for moderation in a pack.</summary>
    public ModeratedScoreValidator(TenderPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        RuleFor(m => m).Custom((moderated, context) =>
        {
            var tender = pack.Tender;
            var where = $"The consensus score for bid {moderated.BidId} on {moderated.QuestionId}";
            var lot = TenderPackValidator.LotOfBid(pack, moderated.BidId);
            if (lot is null || lot.Questions.All(q => q.Id != moderated.QuestionId))
            {
                context.AddFailure("QuestionId", $"{where} is for a bid or question that does not exist.");
                return;
            }

            if (!TenderPackValidator.OnScale(moderated.Score, tender.Scale))
            {
                context.AddFailure("Score", $"{where} is {Rounding.Number(moderated.Score)}. Scores are whole numbers from 0 to {tender.Scale.Maximum}.");
            }

            if (string.IsNullOrWhiteSpace(moderated.Reason))
            {
                context.AddFailure("Reason", $"{where} has no reason. Record why the panel agreed it.");
            }

            if (tender.Evaluators.All(e => e.Id != moderated.ModeratorId))
            {
                context.AddFailure("ModeratorId", $"{where} was recorded by '{moderated.ModeratorId}', who is not on the tender's panel.");
            }
        });
    }
}

/// <summary>The rules for one evaluator's declaration of conflicts of interest.</summary>
public sealed class ConflictDeclarationValidator : AbstractValidator<ConflictOfInterestDeclaration>
{
    /// <summary>Creates the validator for declarations on a tender.</summary>
    public ConflictDeclarationValidator(Tender tender)
    {
        ArgumentNullException.ThrowIfNull(tender);
        RuleFor(d => d).Custom((declaration, context) =>
        {
            var where = $"The declaration of conflicts of interest by evaluator {declaration.EvaluatorId}";
            if (tender.Evaluators.All(e => e.Id != declaration.EvaluatorId))
            {
                context.AddFailure("EvaluatorId", $"{where} is for an evaluator who is not on the tender's panel.");
            }

            if (string.IsNullOrWhiteSpace(declaration.DeclaredBy))
            {
                context.AddFailure("DeclaredBy", $"{where} does not say who declared. Give their name.");
            }

            if (declaration.HasConflict && string.IsNullOrWhiteSpace(declaration.Details))
            {
                context.AddFailure("Details", $"{where} declares a conflict but does not describe it. Say what the conflict is.");
            }

            if (!declaration.HasConflict && declaration.Decision is not null)
            {
                context.AddFailure("Decision", $"{where} declares no conflict, so it cannot have a decision on one. Remove the decision, or declare the conflict.");
            }

            if (declaration.Decision is { } decision)
            {
                if (string.IsNullOrWhiteSpace(decision.Reason))
                {
                    context.AddFailure("Decision.Reason", $"{where} has a decision with no reason. Say how the conflict is managed, or why the evaluator was stood down.");
                }

                if (string.IsNullOrWhiteSpace(decision.DecidedBy))
                {
                    context.AddFailure("Decision.DecidedBy", $"{where} has a decision that does not say who decided. Give their name.");
                }

                if (decision.DecidedAt < declaration.DeclaredAt)
                {
                    context.AddFailure("Decision.DecidedAt", $"{where} has a decision dated before the declaration. Check both dates.");
                }
            }
        });
    }
}

/// <summary>The rules for one recorded decision on a price that may be abnormally low.</summary>
public sealed class LowPriceDecisionValidator : AbstractValidator<LowPriceDecision>
{
    /// <summary>Creates the validator for price decisions in a pack.</summary>
    public LowPriceDecisionValidator(TenderPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        RuleFor(d => d).Custom((decision, context) =>
        {
            var tender = pack.Tender;
            var where = $"The decision on the price of bid {decision.BidId}";
            if (pack.Bids.All(b => b.Id != decision.BidId))
            {
                context.AddFailure("BidId", $"{where} is for a bid that does not exist.");
                return;
            }

            if (!Enum.IsDefined(decision.Outcome))
            {
                context.AddFailure("Outcome", $"{where} needs an outcome: accepted, or excluded.");
            }

            if (string.IsNullOrWhiteSpace(decision.Reason))
            {
                context.AddFailure("Reason", $"{where} has no reason. Record what the bidder said and why the price was accepted or the bid excluded.");
            }

            if (tender.Evaluators.All(e => e.Id != decision.DecidedBy))
            {
                context.AddFailure("DecidedBy", $"{where} was made by '{decision.DecidedBy}', who is not on the tender's panel.");
            }
        });
    }
}

/// <summary>The rules for one recorded gate decision.</summary>
public sealed class GateDecisionValidator : AbstractValidator<GateDecision>
{
    /// <summary>Creates the validator for gate decisions in a pack.</summary>
    public GateDecisionValidator(TenderPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        RuleFor(d => d).Custom((decision, context) =>
        {
            var tender = pack.Tender;
            var where = $"The decision on gate {decision.GateId} for bid {decision.BidId}";
            var lot = TenderPackValidator.LotOfBid(pack, decision.BidId);
            if (lot is null || lot.Gates.All(g => g.Id != decision.GateId))
            {
                context.AddFailure("GateId", $"{where} is for a bid or gate that does not exist.");
                return;
            }

            if (string.IsNullOrWhiteSpace(decision.Reason))
            {
                context.AddFailure("Reason", $"{where} has no reason. Record why the bid passed or failed.");
            }

            if (tender.Evaluators.All(e => e.Id != decision.DecidedBy))
            {
                context.AddFailure("DecidedBy", $"{where} was made by '{decision.DecidedBy}', who is not on the tender's panel.");
            }
        });
    }
}
