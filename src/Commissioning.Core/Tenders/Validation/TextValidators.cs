using Commissioning.Core.Text;
using FluentValidation;
using static Commissioning.Core.Text.TextRuleExtensions;

namespace Commissioning.Core.Tenders.Validation;

// The text rules (Core/Text/TextRules.cs) applied to every text field of a tender pack: names,
// titles and ids must be plain text on one line; rationales, reasons, descriptions, question
// text and answers may run over several lines but hold no other control characters. Each
// message names the field by the ids around it; the property path gives the exact place.
// These validators are included by TenderValidator, TenderPackValidator and DeclarationsValidator.

/// <summary>The text fields of a tender definition.</summary>
internal sealed class TenderTextValidator : AbstractValidator<Tender>
{
    public TenderTextValidator()
    {
        RuleFor(t => t.Title).PlainText(TextShape.OneLine, _ => "The tender's title");
        RuleFor(t => t.Reference).PlainText(TextShape.OneLine, _ => "The tender's reference");
        RuleForEach(t => t.Members).ChildRules(member =>
            member.RuleFor(m => m.Id).PlainText(TextShape.OneLine, m => $"The member id {Quoted(m.Id)}"));
        RuleFor(t => t.Regime.Procedure).PlainText(TextShape.OneLine, _ => "The procedure");
        RuleFor(t => t.Regime.Rationale).PlainText(TextShape.MultiLine, _ => "The rationale for the regime and procedure");
        RuleForEach(t => t.Scale.Levels).ChildRules(level =>
        {
            level.RuleFor(l => l.Label).PlainText(TextShape.OneLine, l => $"The label of the scale level for {l.Score}");
            level.RuleFor(l => l.Descriptor).PlainText(TextShape.MultiLine, l => $"The descriptor of the scale level for {l.Score}");
        });
        RuleForEach(t => t.Evaluators).ChildRules(evaluator =>
        {
            evaluator.RuleFor(e => e.Id).PlainText(TextShape.OneLine, e => $"The evaluator id {Quoted(e.Id)}");
            evaluator.RuleFor(e => e.Name).PlainText(TextShape.OneLine, e => $"The name of evaluator {Quoted(e.Id)}");
        });
        RuleForEach(t => t.Lots).SetValidator(new LotTextValidator());
        RuleForEach(t => t.Assignments).ChildRules(assignment =>
        {
            assignment.RuleFor(a => a.EvaluatorId).PlainText(TextShape.OneLine, a => $"The evaluator id {Quoted(a.EvaluatorId)} in an assignment");
            assignment.RuleFor(a => a.LotId).PlainText(TextShape.OneLine, a => $"The lot id {Quoted(a.LotId)} in an assignment");
            assignment.RuleForEach(a => a.QuestionIds).PlainText(TextShape.OneLine, (_, id) => $"The question id {Quoted(id)} in an assignment");
        });
    }
}

/// <summary>The text fields of one lot, its gates, sections and questions.</summary>
internal sealed class LotTextValidator : AbstractValidator<Lot>
{
    public LotTextValidator()
    {
        RuleFor(l => l.Id).PlainText(TextShape.OneLine, l => $"The lot id {Quoted(l.Id)}");
        RuleFor(l => l.Title).PlainText(TextShape.OneLine, l => $"The title of lot {Quoted(l.Id)}");
        RuleForEach(l => l.MemberIds).PlainText(TextShape.OneLine, (l, id) => $"The member id {Quoted(id)} in lot {Quoted(l.Id)}");
        RuleForEach(l => l.Gates).SetValidator((lot, _) => new GateTextValidator(lot));
        RuleForEach(l => l.Sections).SetValidator((lot, _) => new SectionTextValidator(lot));
        RuleFor(l => l.TieBreak.SectionId).PlainText(TextShape.OneLine, l => $"The tie-break section of lot {Quoted(l.Id)}");
    }
}

/// <summary>The text fields of one gate.</summary>
internal sealed class GateTextValidator : AbstractValidator<Gate>
{
    public GateTextValidator(Lot lot)
    {
        var where = $"in lot {Quoted(lot.Id)}";
        RuleFor(g => g.Id).PlainText(TextShape.OneLine, g => $"The gate id {Quoted(g.Id)} {where}");
        RuleFor(g => g.Title).PlainText(TextShape.OneLine, g => $"The title of gate {Quoted(g.Id)} {where}");
        RuleFor(g => g.RequirementId).PlainText(TextShape.OneLine, g => $"The requirement id of gate {Quoted(g.Id)} {where}");
        RuleFor(g => g.Description).PlainText(TextShape.MultiLine, g => $"The description of gate {Quoted(g.Id)} {where}");
    }
}

/// <summary>The text fields of one section and its questions.</summary>
internal sealed class SectionTextValidator : AbstractValidator<Section>
{
    public SectionTextValidator(Lot lot)
    {
        var where = $"in lot {Quoted(lot.Id)}";
        RuleFor(s => s.Id).PlainText(TextShape.OneLine, s => $"The section id {Quoted(s.Id)} {where}");
        RuleFor(s => s.Title).PlainText(TextShape.OneLine, s => $"The title of section {Quoted(s.Id)} {where}");
        RuleForEach(s => s.Questions).ChildRules(question =>
        {
            question.RuleFor(q => q.Id).PlainText(TextShape.OneLine, q => $"The question id {Quoted(q.Id)} {where}");
            question.RuleFor(q => q.Title).PlainText(TextShape.OneLine, q => $"The title of question {Quoted(q.Id)} {where}");
            question.RuleFor(q => q.Text).PlainText(TextShape.MultiLine, q => $"The text of question {Quoted(q.Id)} {where}");
            question.RuleFor(q => q.RequirementId).PlainText(TextShape.OneLine, q => $"The requirement id of question {Quoted(q.Id)} {where}");
        });
    }
}

/// <summary>The text fields of the bids, scores, moderation and gate decisions in a pack (the tender's own are checked by <see cref="TenderTextValidator"/>).</summary>
internal sealed class TenderPackTextValidator : AbstractValidator<TenderPack>
{
    public TenderPackTextValidator()
    {
        RuleForEach(p => p.Bids).ChildRules(bid =>
        {
            bid.RuleFor(b => b.Id).PlainText(TextShape.OneLine, b => $"The bid id {Quoted(b.Id)}");
            bid.RuleFor(b => b.LotId).PlainText(TextShape.OneLine, b => $"The lot id of bid {Quoted(b.Id)}");
            bid.RuleFor(b => b.Provider).PlainText(TextShape.OneLine, b => $"The provider name of bid {Quoted(b.Id)}");
            bid.RuleFor(b => b.Declarations).SetValidator(b => new DeclarationsTextValidator($"bid {Quoted(b.Id)}"));
            bid.RuleForEach(b => b.Answers).ChildRules(answer =>
            {
                answer.RuleFor(a => a.QuestionId).PlainText(TextShape.OneLine, a => $"The question id {Quoted(a.QuestionId)} of an answer");
                answer.RuleFor(a => a.Text).PlainText(TextShape.MultiLine, a => $"The answer to question {Quoted(a.QuestionId)}");
            });
        });
        RuleForEach(p => p.Scores).ChildRules(score =>
        {
            score.RuleFor(s => s.EvaluatorId).PlainText(TextShape.OneLine, s => $"The evaluator id {Quoted(s.EvaluatorId)} in a score");
            score.RuleFor(s => s.BidId).PlainText(TextShape.OneLine, s => $"The bid id {Quoted(s.BidId)} in a score");
            score.RuleFor(s => s.QuestionId).PlainText(TextShape.OneLine, s => $"The question id {Quoted(s.QuestionId)} in a score");
            score.RuleFor(s => s.Rationale).PlainText(TextShape.MultiLine, s => $"The rationale for the score by {Quoted(s.EvaluatorId)} for bid {Quoted(s.BidId)} on {Quoted(s.QuestionId)}");
        });
        RuleForEach(p => p.Moderation).ChildRules(moderated =>
        {
            moderated.RuleFor(m => m.BidId).PlainText(TextShape.OneLine, m => $"The bid id {Quoted(m.BidId)} in a consensus score");
            moderated.RuleFor(m => m.QuestionId).PlainText(TextShape.OneLine, m => $"The question id {Quoted(m.QuestionId)} in a consensus score");
            moderated.RuleFor(m => m.ModeratorId).PlainText(TextShape.OneLine, m => $"The moderator id {Quoted(m.ModeratorId)} in a consensus score");
            moderated.RuleFor(m => m.Reason).PlainText(TextShape.MultiLine, m => $"The reason for the consensus score for bid {Quoted(m.BidId)} on {Quoted(m.QuestionId)}");
        });
        RuleForEach(p => p.GateDecisions).ChildRules(decision =>
        {
            decision.RuleFor(d => d.BidId).PlainText(TextShape.OneLine, d => $"The bid id {Quoted(d.BidId)} in a gate decision");
            decision.RuleFor(d => d.GateId).PlainText(TextShape.OneLine, d => $"The gate id {Quoted(d.GateId)} in a gate decision");
            decision.RuleFor(d => d.DecidedBy).PlainText(TextShape.OneLine, d => $"The evaluator id {Quoted(d.DecidedBy)} who decided a gate");
            decision.RuleFor(d => d.Reason).PlainText(TextShape.MultiLine, d => $"The reason for the decision on gate {Quoted(d.GateId)} for bid {Quoted(d.BidId)}");
        });
        RuleForEach(p => p.LowPriceDecisions).ChildRules(decision =>
        {
            decision.RuleFor(d => d.BidId).PlainText(TextShape.OneLine, d => $"The bid id {Quoted(d.BidId)} in a low price decision");
            decision.RuleFor(d => d.DecidedBy).PlainText(TextShape.OneLine, d => $"The evaluator id {Quoted(d.DecidedBy)} who decided on a low price");
            decision.RuleFor(d => d.Reason).PlainText(TextShape.MultiLine, d => $"The reason for the decision on the price of bid {Quoted(d.BidId)}");
        });
        RuleForEach(p => p.ConflictDeclarations).ChildRules(declaration =>
        {
            declaration.RuleFor(d => d.EvaluatorId).PlainText(TextShape.OneLine, d => $"The evaluator id {Quoted(d.EvaluatorId)} in a declaration of conflicts of interest");
            declaration.RuleFor(d => d.DeclaredBy).PlainText(TextShape.OneLine, d => $"The name of who declared for evaluator {Quoted(d.EvaluatorId)}");
            declaration.RuleForEach(d => d.Bidders).PlainText(TextShape.OneLine, (d, _) => $"A bidder named in the declaration by evaluator {Quoted(d.EvaluatorId)}");
            declaration.RuleFor(d => d.Details).PlainText(TextShape.MultiLine, d => $"The conflict declared by evaluator {Quoted(d.EvaluatorId)}");
            declaration.RuleFor(d => d.Decision!.Reason).PlainText(TextShape.MultiLine, d => $"The reason for the decision on the conflict declared by evaluator {Quoted(d.EvaluatorId)}").When(d => d.Decision is not null);
            declaration.RuleFor(d => d.Decision!.DecidedBy).PlainText(TextShape.OneLine, d => $"The name of who decided on the conflict declared by evaluator {Quoted(d.EvaluatorId)}").When(d => d.Decision is not null);
        });
    }
}

/// <summary>The text fields of a provider's declarations: partners, the Responsible Officer, and the evidence listed.</summary>
internal sealed class DeclarationsTextValidator : AbstractValidator<Declarations>
{
    /// <param name="owner">Whose declarations, for messages: "bid 'bid-a'" or "Northgate OH's declarations".</param>
    public DeclarationsTextValidator(string owner)
    {
        RuleFor(d => d.ResponsibleOfficer).PlainText(TextShape.OneLine, _ => $"The Responsible Officer named in {owner}");
        RuleFor(d => d.SubSpecialisms).Custom((subSpecialisms, context) =>
        {
            foreach (var (id, provision) in subSpecialisms)
            {
                Check(context, $"SubSpecialisms[{id}]", id, $"The sub-specialism id {Quoted(id)} in {owner}");
                Check(context, $"SubSpecialisms[{id}].Partner", provision.Partner, $"The partner named for {Quoted(id)} in {owner}");
            }
        });
        RuleFor(d => d.Evidence).Custom((evidence, context) =>
        {
            foreach (var (id, items) in evidence)
            {
                Check(context, $"Evidence[{id}]", id, $"The requirement id {Quoted(id)} under evidence in {owner}");
                for (var i = 0; i < items.Count; i++)
                {
                    Check(context, $"Evidence[{id}][{i}]", items[i], $"Item {i + 1} of the evidence for {Quoted(id)} in {owner}");
                }
            }
        });
    }

    // Dictionary keys have no property of their own for a rule to hang on, so they are checked here.
    private static void Check(ValidationContext<Declarations> context, string path, string? value, string field)
    {
        if (TextRules.Check(value, TextShape.OneLine) is { } problem)
        {
            context.AddFailure(path, TextRules.Message(field, problem, TextShape.OneLine) + ".");
        }
    }
}
