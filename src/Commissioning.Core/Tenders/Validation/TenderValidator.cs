using Commissioning.Core.Evaluation;
using Commissioning.Core.Profiles;
using Commissioning.Core.Standards;
using FluentValidation;

namespace Commissioning.Core.Tenders.Validation;

/// <summary>
/// The rules a tender definition must meet before bids are invited: every level of weights adds
/// up to 100%, thresholds sit inside the scale, the price model is complete, every question has an
/// evaluator, and every requirement cited exists in the standards. Each message names the place.
/// </summary>
public sealed class TenderValidator : AbstractValidator<Tender>
{
    /// <summary>The largest price or ceiling accepted, in pounds: far above any OH contract, and small enough that sums cannot overflow.</summary>
    public const decimal MaximumPrice = 10_000_000_000m;

    /// <summary>The largest weight accepted in points: far above any published weighting, and small enough that sums cannot overflow.</summary>
    public const decimal MaximumPoints = 1_000_000m;

    private static readonly string MaximumPointsShown = MaximumPoints.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The scale maximums the toolkit offers.</summary>
    public static IReadOnlyList<int> ScaleMaximums { get; } = [4, 5, 10, 100];

    /// <summary>Creates the validator; with standards, requirement ids are checked against them.</summary>
    public TenderValidator(StandardsCatalogue? standards = null)
    {
        var profileValidator = new OrganisationProfileValidator();

        RuleFor(t => t.Title).NotEmpty().WithMessage("Enter the tender's title");
        RuleFor(t => t.Members).NotEmpty().WithMessage("Add at least one organisation the tender buys for");
        RuleFor(t => t.Members).Custom((members, context) =>
        {
            for (var i = 0; i < members.Count; i++)
            {
                var member = members[i];
                if (string.IsNullOrWhiteSpace(member.Id))
                {
                    context.AddFailure($"Members[{i}].Id", $"Member {i + 1} has no id. Give each member a short id, such as 'city-hospitals'.");
                }

                foreach (var error in profileValidator.Validate(member.Profile).Errors)
                {
                    context.AddFailure($"Members[{i}].Profile.{error.PropertyName}", $"Member {Name(member, i)}: {error.ErrorMessage}.");
                }
            }

            foreach (var duplicate in Duplicates(members.Select(m => m.Id)))
            {
                context.AddFailure("Members", $"The member id '{duplicate}' is used more than once. Each member needs its own id.");
            }
        });

        RuleFor(t => t.Regime.Regime).IsInEnum().WithMessage("Choose the Procurement Act 2023 or the Provider Selection Regime 2023");
        RuleFor(t => t.Regime.Procedure).NotEmpty().WithMessage("Enter the procedure or process the tender follows, such as 'Open procedure' or 'Competitive process'");
        RuleFor(t => t.Regime.Rationale).NotEmpty().WithMessage("Record why this regime and procedure were chosen");

        RuleFor(t => t.Scale).Custom((scale, context) =>
        {
            if (!ScaleMaximums.Contains(scale.Maximum))
            {
                context.AddFailure("Scale.Maximum", $"The scoring scale runs from 0 to {scale.Maximum}. It must run from 0 to 4, 5, 10 or 100.");
                return;
            }

            if (scale.Levels.All(l => l.Score != 0) || scale.Levels.All(l => l.Score != scale.Maximum))
            {
                context.AddFailure("Scale.Levels", $"The scoring scale needs descriptors for 0 and for {scale.Maximum}.");
            }

            foreach (var (level, index) in scale.Levels.Select((l, i) => (l, i)).Where(x => x.l.Score < 0 || x.l.Score > scale.Maximum))
            {
                context.AddFailure($"Scale.Levels[{index}].Score", $"The scale descriptor '{level.Label}' is for {level.Score}, outside 0 to {scale.Maximum}.");
            }

            foreach (var (level, index) in scale.Levels.Select((l, i) => (l, i)).Where(x => string.IsNullOrWhiteSpace(x.l.Label) || string.IsNullOrWhiteSpace(x.l.Descriptor)))
            {
                context.AddFailure($"Scale.Levels[{index}]", $"The scale level for {level.Score} needs a label and a descriptor.");
            }

            foreach (var duplicate in Duplicates(scale.Levels.Select(l => l.Score.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            {
                context.AddFailure("Scale.Levels", $"The scale has more than one descriptor for {duplicate}.");
            }
        });

        RuleFor(t => t).Custom((tender, context) =>
        {
            if (tender.SpreadFlag is { } flag && (flag <= 0 || flag > tender.Scale.Maximum))
            {
                context.AddFailure("SpreadFlag", $"The spread that flags scores for moderation is {Rounding.Number(flag)}. It must be more than 0 and no more than {tender.Scale.Maximum}.");
            }
        });

        RuleFor(t => t).Custom((tender, context) =>
        {
            if (tender.ClarificationDeadline is { } clarification && tender.BidDeadline is { } bids && clarification >= bids)
            {
                context.AddFailure("ClarificationDeadline", $"The clarification deadline ({clarification.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}) must be before the bid deadline ({bids.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}), so that answers to bidders' questions reach every bidder in time.");
            }
        });

        RuleFor(t => t.Evaluators).NotEmpty().WithMessage("Add at least one evaluator");
        RuleFor(t => t.Evaluators).Custom((evaluators, context) =>
        {
            for (var i = 0; i < evaluators.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(evaluators[i].Id))
                {
                    context.AddFailure($"Evaluators[{i}].Id", $"Evaluator {i + 1} has no id.");
                }

                if (string.IsNullOrWhiteSpace(evaluators[i].Name))
                {
                    context.AddFailure($"Evaluators[{i}].Name", $"Evaluator {evaluators[i].Id} has no name.");
                }
            }

            foreach (var duplicate in Duplicates(evaluators.Select(e => e.Id)))
            {
                context.AddFailure("Evaluators", $"The evaluator id '{duplicate}' is used more than once.");
            }
        });

        RuleFor(t => t.Lots).NotEmpty().WithMessage("Add at least one lot");
        RuleFor(t => t).Custom((tender, context) =>
        {
            foreach (var duplicate in Duplicates(tender.Lots.Select(l => l.Id)))
            {
                context.AddFailure("Lots", $"The lot id '{duplicate}' is used more than once.");
            }

            for (var i = 0; i < tender.Lots.Count; i++)
            {
                ValidateLot(tender, tender.Lots[i], i, standards, context);
            }

            ValidateAssignments(tender, context);
        });

        // Names, titles and text hold no control characters (Core/Text/TextRules.cs).
        Include(new TenderTextValidator());
    }

    /// <summary>How a lot is named in messages: "lot 1 (Trusts)".</summary>
    public static string LotName(Tender tender, Lot lot)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(lot);
        var index = tender.Lots.ToList().IndexOf(lot);
        return string.IsNullOrWhiteSpace(lot.Title) ? $"lot {index + 1}" : $"lot {index + 1} ({lot.Title})";
    }

    private static void ValidateLot(Tender tender, Lot lot, int index, StandardsCatalogue? standards, ValidationContext<Tender> context)
    {
        var name = LotName(tender, lot);
        var path = $"Lots[{index}]";
        if (string.IsNullOrWhiteSpace(lot.Id))
        {
            context.AddFailure($"{path}.Id", $"Lot {index + 1} has no id.");
        }

        if (string.IsNullOrWhiteSpace(lot.Title))
        {
            context.AddFailure($"{path}.Title", $"Lot {index + 1} has no title.");
        }

        if (lot.MemberIds.Count == 0)
        {
            context.AddFailure($"{path}.MemberIds", $"{Capital(name)} serves no members. Name at least one member organisation.");
        }

        foreach (var (memberId, position) in lot.MemberIds.Select((m, i) => (m, i)).Where(x => tender.Members.All(member => member.Id != x.m)))
        {
            context.AddFailure($"{path}.MemberIds[{position}]", $"{Capital(name)} names the member '{memberId}', which is not a member of the tender.");
        }

        if (!Enum.IsDefined(lot.Weights) || !Enum.IsDefined(lot.SectionWeights))
        {
            context.AddFailure($"{path}.{(Enum.IsDefined(lot.Weights) ? nameof(Lot.SectionWeights) : nameof(Lot.Weights))}", $"Choose whether the weights for {name} are written as percentages or as points.");
        }
        else if (lot.Weights == WeightUnit.Points)
        {
            if (lot.QualityWeight is < 0 or > MaximumPoints || lot.PriceWeight is < 0 or > MaximumPoints)
            {
                context.AddFailure($"{path}.QualityWeight", $"Quality and price weights for {name} are in points: each must be between 0 and {MaximumPointsShown} points.");
            }
            else if (lot.QualityWeight + lot.PriceWeight == 0m)
            {
                context.AddFailure($"{path}.QualityWeight", $"Quality and price weights for {name} are both 0 points. Give quality, price or both some points.");
            }
        }
        else if (lot.QualityWeight is < 0 or > 100 || lot.PriceWeight is < 0 or > 100)
        {
            context.AddFailure($"{path}.QualityWeight", $"Quality and price weights for {name} must each be between 0% and 100%.");
        }
        else if (lot.QualityWeight + lot.PriceWeight != 100m)
        {
            context.AddFailure($"{path}.QualityWeight", $"Quality and price weights for {name} add up to {Rounding.Percent(lot.QualityWeight + lot.PriceWeight)}. They must add up to 100%. To use another total, declare them as points.");
        }

        if (!Enum.IsDefined(lot.QualityMethod))
        {
            context.AddFailure($"{path}.QualityMethod", $"Choose how quality is scored for {name}: absolute (against the scale) or relative (against the best eligible bid).");
        }

        if (lot.AbnormallyLowPercent is < 0 or > 100)
        {
            context.AddFailure($"{path}.AbnormallyLowPercent", $"The abnormally low price check for {name} flags prices below {Rounding.Percent(lot.AbnormallyLowPercent)} of the median. It must be between 0% (no check) and 100%.");
        }

        if (lot.MinimumQualityPercent is { } minimumQuality && (minimumQuality < 0 || minimumQuality > 100))
        {
            context.AddFailure($"{path}.MinimumQualityPercent", $"The minimum quality for {name} is {Rounding.Percent(minimumQuality)}. It must be between 0% and 100%.");
        }

        ValidatePrice(lot, name, path, context);
        ValidateGates(lot, name, path, standards, context);

        if (lot.Sections.Count == 0)
        {
            context.AddFailure($"{path}.Sections", $"{Capital(name)} has no sections. Add at least one section of questions.");
            return;
        }

        // Weights outside their range are reported on their own section; adding them up could overflow.
        if (lot.SectionWeights == WeightUnit.Percent)
        {
            var sectionTotal = lot.Sections.All(s => s.Weight is >= 0 and <= 100) ? lot.Sections.Sum(s => s.Weight) : 100m;
            if (sectionTotal != 100m)
            {
                context.AddFailure($"{path}.Sections", $"Section weights for {name} add up to {Rounding.Percent(sectionTotal)}. They must add up to 100%. To use another total, declare them as points.");
            }
        }

        foreach (var duplicate in Duplicates(lot.Sections.Select(s => s.Id)))
        {
            context.AddFailure($"{path}.Sections", $"The section id '{duplicate}' is used more than once in {name}.");
        }

        foreach (var duplicate in Duplicates(lot.Questions.Select(q => q.Id)))
        {
            context.AddFailure($"{path}.Sections", $"The question id '{duplicate}' is used more than once in {name}.");
        }

        for (var s = 0; s < lot.Sections.Count; s++)
        {
            ValidateSection(tender, lot, lot.Sections[s], name, $"{path}.Sections[{s}]", standards, context);
        }

        if (lot.TieBreak.Rule == TieBreakRule.HighestSection && lot.Sections.All(s => s.Id != lot.TieBreak.SectionId))
        {
            context.AddFailure($"{path}.TieBreak.SectionId", $"The tie-break for {name} uses the highest score on a section, but {(string.IsNullOrWhiteSpace(lot.TieBreak.SectionId) ? "names no section" : $"the section '{lot.TieBreak.SectionId}' is not in the lot")}.");
        }
    }

    private static void ValidateSection(Tender tender, Lot lot, Section section, string lotName, string path, StandardsCatalogue? standards, ValidationContext<Tender> context)
    {
        var name = $"section {section.Id} ({section.Title}) of {lotName}";
        if (string.IsNullOrWhiteSpace(section.Id) || string.IsNullOrWhiteSpace(section.Title))
        {
            context.AddFailure(path, $"Every section of {lotName} needs an id and a title.");
        }

        if (lot.SectionWeights == WeightUnit.Points)
        {
            if (section.Weight is <= 0 or > MaximumPoints)
            {
                context.AddFailure($"{path}.Weight", $"The weight of {name} is {Rounding.Number(section.Weight)} points. It must be more than 0 and no more than {MaximumPointsShown} points.");
            }
        }
        else if (section.Weight is <= 0 or > 100)
        {
            context.AddFailure($"{path}.Weight", $"The weight of {name} is {Rounding.Percent(section.Weight)}. It must be more than 0% and no more than 100%.");
        }

        if (!Enum.IsDefined(section.QuestionWeights))
        {
            context.AddFailure($"{path}.QuestionWeights", $"Choose whether the question weights in {name} are written as percentages or as points.");
        }

        if (section.MinimumPercent is { } minimum && (minimum < 0 || minimum > 100))
        {
            context.AddFailure($"{path}.MinimumPercent", $"The minimum for {name} is {Rounding.Percent(minimum)}. It must be between 0% and 100%.");
        }

        if (section.Questions.Count == 0)
        {
            context.AddFailure($"{path}.Questions", $"{Capital(name)} has no questions.");
            return;
        }

        var inPoints = section.QuestionWeights == WeightUnit.Points;
        var questionTotal = section.Questions.All(q => q.Weight is >= 0 and <= 100) ? section.Questions.Sum(q => q.Weight) : 100m;
        if (!inPoints && questionTotal != 100m)
        {
            context.AddFailure($"{path}.Questions", $"Question weights in {name} add up to {Rounding.Percent(questionTotal)}. They must add up to 100%. To use another total, declare them as points.");
        }

        for (var q = 0; q < section.Questions.Count; q++)
        {
            var question = section.Questions[q];
            var questionPath = $"{path}.Questions[{q}]";
            var where = $"Question {question.Id} in {lotName}";
            if (string.IsNullOrWhiteSpace(question.Id) || string.IsNullOrWhiteSpace(question.Title) || string.IsNullOrWhiteSpace(question.Text))
            {
                context.AddFailure(questionPath, $"Every question in {name} needs an id, a title and the text put to bidders.");
            }

            if (inPoints && question.Weight is <= 0 or > MaximumPoints)
            {
                context.AddFailure($"{questionPath}.Weight", $"{where} has a weight of {Rounding.Number(question.Weight)} points. It must be more than 0 and no more than {MaximumPointsShown} points.");
            }
            else if (!inPoints && question.Weight is <= 0 or > 100)
            {
                context.AddFailure($"{questionPath}.Weight", $"{where} has a weight of {Rounding.Percent(question.Weight)}. It must be more than 0% and no more than 100%.");
            }

            if (question.MinimumScore is { } minimumScore && (minimumScore < 0 || minimumScore > tender.Scale.Maximum))
            {
                context.AddFailure($"{questionPath}.MinimumScore", $"{where} has a minimum score of {Rounding.Number(minimumScore)}, outside the scale of 0 to {tender.Scale.Maximum}.");
            }

            if (standards is not null && question.RequirementId is { } requirementId && standards.FindRequirement(requirementId) is null)
            {
                context.AddFailure($"{questionPath}.RequirementId", $"{where} cites the requirement {requirementId}, which is not in the standards.");
            }
        }
    }

    private static void ValidatePrice(Lot lot, string name, string path, ValidationContext<Tender> context)
    {
        var price = lot.Price;
        if (price.ContractYears is < 1 or > 15)
        {
            context.AddFailure($"{path}.Price.ContractYears", $"The contract for {name} is {price.ContractYears} years. It must be between 1 and 15 years.");
        }

        if (price.ExtensionYears is < 0 or > 10)
        {
            context.AddFailure($"{path}.Price.ExtensionYears", $"The extension for {name} is {price.ExtensionYears} years. It must be between 0 and 10 years.");
        }

        if (!Enum.IsDefined(price.Method))
        {
            context.AddFailure($"{path}.Price.Method", $"Choose how price is scored for {name}: proportional, linear, deviation or price per quality point.");
        }

        if (price.Method == PriceMethod.Linear && price.Ceiling is not > 0)
        {
            context.AddFailure($"{path}.Price.Ceiling", $"{Capital(name)} scores price on a straight line up to a ceiling. Enter the ceiling price, such as the budget, over the evaluated years.");
        }

        if (price.Ceiling is <= 0 or > MaximumPrice)
        {
            context.AddFailure($"{path}.Price.Ceiling", $"The price ceiling for {name} is {Rounding.Money(price.Ceiling.Value)}. It must be more than £0 and no more than {Rounding.Money(MaximumPrice)}.");
        }

        if (price.Method == PriceMethod.PricePerQualityPoint && lot.QualityWeight == 0)
        {
            context.AddFailure($"{path}.Price.Method", $"{Capital(name)} scores price per quality point, which needs quality to be scored. Give quality a weight.");
        }
    }

    private static void ValidateGates(Lot lot, string name, string path, StandardsCatalogue? standards, ValidationContext<Tender> context)
    {
        foreach (var duplicate in Duplicates(lot.Gates.Select(g => g.Id)))
        {
            context.AddFailure($"{path}.Gates", $"The gate id '{duplicate}' is used more than once in {name}.");
        }

        for (var g = 0; g < lot.Gates.Count; g++)
        {
            var gate = lot.Gates[g];
            if (string.IsNullOrWhiteSpace(gate.Id) || string.IsNullOrWhiteSpace(gate.Title) || string.IsNullOrWhiteSpace(gate.Description))
            {
                context.AddFailure($"{path}.Gates[{g}]", $"Every gate in {name} needs an id, a title and a description of what a bid must show to pass.");
            }

            if (standards is not null && gate.RequirementId is { } requirementId && standards.FindRequirement(requirementId) is null)
            {
                context.AddFailure($"{path}.Gates[{g}].RequirementId", $"Gate {gate.Id} in {name} cites the requirement {requirementId}, which is not in the standards.");
            }
        }
    }

    private static void ValidateAssignments(Tender tender, ValidationContext<Tender> context)
    {
        for (var i = 0; i < tender.Assignments.Count; i++)
        {
            var assignment = tender.Assignments[i];
            if (tender.Evaluators.All(e => e.Id != assignment.EvaluatorId))
            {
                context.AddFailure($"Assignments[{i}].EvaluatorId", $"Assignment {i + 1} names the evaluator '{assignment.EvaluatorId}', who is not an evaluator of the tender.");
            }

            var lot = tender.FindLot(assignment.LotId);
            if (lot is null)
            {
                context.AddFailure($"Assignments[{i}].LotId", $"Assignment {i + 1} names the lot '{assignment.LotId}', which is not a lot of the tender.");
                continue;
            }

            foreach (var (questionId, index) in assignment.QuestionIds.Select((q, n) => (q, n)).Where(x => lot.Questions.All(question => question.Id != x.q)))
            {
                context.AddFailure($"Assignments[{i}].QuestionIds[{index}]", $"Assignment {i + 1} names the question '{questionId}', which is not a question of {LotName(tender, lot)}.");
            }
        }

        foreach (var lot in tender.Lots)
        {
            foreach (var question in lot.Questions.Where(q => tender.EvaluatorsFor(lot.Id, q.Id).Count == 0))
            {
                context.AddFailure("Assignments", $"No evaluator is assigned to question {question.Id} in {LotName(tender, lot)}.");
            }
        }
    }

    private static string Name(TenderMember member, int index) =>
        string.IsNullOrWhiteSpace(member.Id) ? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"'{member.Id}'";

    internal static IEnumerable<string> Duplicates(IEnumerable<string> ids) =>
        ids.Where(id => !string.IsNullOrWhiteSpace(id)).GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

    internal static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
