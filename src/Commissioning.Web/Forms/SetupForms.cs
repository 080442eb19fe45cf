using System.Globalization;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Core.Text;
using FluentValidation;

namespace Commissioning.Web.Forms;

/// <summary>The regimes as the forms offer them.</summary>
public static class RegimeChoices
{
    /// <summary>Each regime with the value the form sends and its label.</summary>
    public static IReadOnlyList<(ProcurementRegime Regime, string Value, string Label, string Hint)> All { get; } =
    [
        (ProcurementRegime.ProcurementAct2023, "pa2023", "Procurement Act 2023", "For example, an open procedure or a competitive flexible procedure"),
        (ProcurementRegime.ProviderSelectionRegime2023, "psr", "Provider Selection Regime", "The Health Care Services (Provider Selection Regime) Regulations 2023: for example, the competitive process"),
    ];

    /// <summary>The form's value for a regime.</summary>
    public static string ValueOf(ProcurementRegime regime) => All.Single(r => r.Regime == regime).Value;

    /// <summary>The regime a form value names, or null.</summary>
    public static ProcurementRegime? Parse(string? value) => All.FirstOrDefault(r => r.Value == value) is { Value: not null } found ? found.Regime : null;
}

/// <summary>A tender's details: the first page of a new tender, and its details task.</summary>
public sealed class TenderDetailsInput
{
    /// <summary>Title.</summary>
    public string? Title { get; set; }

    /// <summary>The buyer's reference (optional).</summary>
    public string? Reference { get; set; }

    /// <summary>The regime's form value (<see cref="RegimeChoices"/>).</summary>
    public string? Regime { get; set; }

    /// <summary>The procedure or process.</summary>
    public string? Procedure { get; set; }

    /// <summary>Why this regime and procedure.</summary>
    public string? Rationale { get; set; }

    /// <summary>"yes" when the owner says the task is complete (the details task only).</summary>
    public string? Completed { get; set; }

    /// <summary>The tender's version when the page was shown (the details task only).</summary>
    public long Version { get; set; }

    /// <summary>The details; only after validation.</summary>
    public Commissioning.Application.Tenders.TenderDetails ToDetails() => new(
        Title!.Trim(),
        string.IsNullOrWhiteSpace(Reference) ? null : Reference.Trim(),
        new RegimeChoice { Regime = RegimeChoices.Parse(Regime)!.Value, Procedure = Procedure!.Trim(), Rationale = Rationale!.Trim() });
}

/// <summary>Checks a tender's details.</summary>
public sealed class TenderDetailsInputValidator : AbstractValidator<TenderDetailsInput>
{
    /// <summary>The rules.</summary>
    public TenderDetailsInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Enter the tender's title.")
            .MaximumLength(300).WithMessage("The title must be 300 characters or fewer.")
            .PlainText(TextShape.OneLine, _ => "The title");
        RuleFor(x => x.Reference).MaximumLength(100).WithMessage("The reference must be 100 characters or fewer.")
            .PlainText(TextShape.OneLine, _ => "The reference");
        RuleFor(x => x.Regime).Must(r => RegimeChoices.Parse(r) is not null)
            .WithMessage("Select the Procurement Act 2023 or the Provider Selection Regime.");
        RuleFor(x => x.Procedure).NotEmpty().WithMessage("Enter the procedure or process the tender follows, for example 'Open procedure' or 'Competitive process'.")
            .MaximumLength(200).WithMessage("The procedure must be 200 characters or fewer.")
            .PlainText(TextShape.OneLine, _ => "The procedure");
        RuleFor(x => x.Rationale).NotEmpty().WithMessage("Enter why this regime and procedure were chosen.")
            .MaximumLength(4000).WithMessage("The reason must be 4,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The reason");
        RuleFor(x => x.Completed).Must(c => c is null or "yes" or "no").WithMessage("Select whether you have completed this task.");
    }
}

/// <summary>"Have you completed this task?" with the tender's version: the form on each task page that only marks the task.</summary>
public sealed class TaskCompleteInput
{
    /// <summary>"yes" or "no".</summary>
    public string? Completed { get; set; }

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }

    /// <summary>True for yes; only after validation.</summary>
    public bool IsComplete => Completed == "yes";
}

/// <summary>Checks the completion form.</summary>
public sealed class TaskCompleteInputValidator : AbstractValidator<TaskCompleteInput>
{
    /// <summary>The rules.</summary>
    public TaskCompleteInputValidator()
    {
        RuleFor(x => x.Completed).Must(c => c is "yes" or "no").WithMessage("Select whether you have completed this task.");
    }
}

/// <summary>The lots task: each lot's title and members, and an optional new lot.</summary>
public sealed class LotsInput
{
    /// <summary>The lots as shown, in order; the last may be the new one (no id).</summary>
    public List<LotPlanInput> Lots { get; set; } = [];

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }
}

/// <summary>One lot on the lots form.</summary>
public sealed class LotPlanInput
{
    /// <summary>The lot's id, or empty for a new lot.</summary>
    public string? Id { get; set; }

    /// <summary>Title.</summary>
    public string? Title { get; set; }

    /// <summary>The members it serves.</summary>
    public List<string> Members { get; set; } = [];

    /// <summary>"yes" to remove the lot.</summary>
    public string? Remove { get; set; }

    /// <summary>True for the new lot row left empty.</summary>
    public bool IsEmptyNew => string.IsNullOrEmpty(Id) && string.IsNullOrWhiteSpace(Title) && Members.Count == 0;
}

/// <summary>Checks the lots form.</summary>
public sealed class LotsInputValidator : AbstractValidator<LotsInput>
{
    /// <summary>The largest number of lots the form takes.</summary>
    public const int MaximumLots = 50;

    /// <summary>The rules.</summary>
    public LotsInputValidator()
    {
        RuleFor(x => x.Lots.Count).LessThanOrEqualTo(MaximumLots + 1).OverridePropertyName("Lots").WithMessage($"A tender can have up to {MaximumLots} lots.");
        RuleForEach(x => x.Lots).ChildRules(lot =>
        {
            lot.When(l => !l.IsEmptyNew && l.Remove != "yes", () =>
            {
                lot.RuleFor(l => l.Title).NotEmpty().WithMessage("Enter the lot's title.")
                    .MaximumLength(200).WithMessage("The lot's title must be 200 characters or fewer.")
                    .PlainText(TextShape.OneLine, _ => "The lot's title");
                lot.RuleFor(l => l.Members).NotEmpty().WithMessage("Select at least one member organisation the lot serves.");
            });
            lot.RuleFor(l => l.Members.Count).LessThanOrEqualTo(500).OverridePropertyName("Members").WithMessage("Too many members were sent.");
        });
    }
}

/// <summary>The weights of one lot: quality against price, each section and each question, as percentages or as points.</summary>
public sealed class WeightsInput
{
    /// <summary>The lot.</summary>
    public string? LotId { get; set; }

    /// <summary><c>percent</c> (each level adds up to 100) or <c>points</c> (any positive total; each weight counts as its share of its level).</summary>
    public string? Unit { get; set; } = "percent";

    /// <summary>Whether the weights are written as points.</summary>
    public bool InPoints => Unit == "points";

    /// <summary>Quality's percentage of the total.</summary>
    public string? Quality { get; set; }

    /// <summary>Price's percentage of the total.</summary>
    public string? Price { get; set; }

    /// <summary>Each section's percentage of quality, by section id.</summary>
    public Dictionary<string, string?> Sections { get; set; } = [];

    /// <summary>Each question's percentage of its section, by question id.</summary>
    public Dictionary<string, string?> Questions { get; set; } = [];

    /// <summary>"yes" or "no": whether the task is complete; empty to only work out the totals.</summary>
    public string? Completed { get; set; }

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }

    /// <summary>A percentage as typed, or null when it is not one.</summary>
    public static decimal? Percent(string? text) =>
        decimal.TryParse((text ?? string.Empty).Trim().TrimEnd('%').Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? Math.Round(value, 2) : null;
}

/// <summary>
/// Checks the weights form: every weight a number with at most 2 decimal places, from 0 to 100 as a
/// percentage or from 0 to 1,000,000 as points (the toolkit's bound, far above any real tender's).
/// </summary>
public sealed class WeightsInputValidator : AbstractValidator<WeightsInput>
{
    /// <summary>The most points one weight may have.</summary>
    public const decimal MaxPoints = 1_000_000m;

    /// <summary>The rules.</summary>
    public WeightsInputValidator()
    {
        RuleFor(x => x.LotId).NotEmpty().WithMessage("Choose a lot.");
        RuleFor(x => x.Unit).Must(u => u is "percent" or "points").WithMessage("Select whether the weights are percentages or points.");
        RuleFor(x => x.Quality).Must((input, text) => Valid(input, text)).WithMessage(x => x.InPoints ? "Enter quality's weight as a number of points, for example 60." : "Enter quality's weight as a number from 0 to 100, for example 60.");
        RuleFor(x => x.Price).Must((input, text) => Valid(input, text)).WithMessage(x => x.InPoints ? "Enter price's weight as a number of points, for example 40." : "Enter price's weight as a number from 0 to 100, for example 40.");
        RuleFor(x => x.Sections.Count + x.Questions.Count).LessThanOrEqualTo(5000).OverridePropertyName("Sections").WithMessage("Too many weights were sent.");
        RuleFor(x => x).Custom((input, context) =>
        {
            // Each problem is keyed by the field's own name (Sections[s1]), so it shows beside that field.
            var range = input.InPoints ? "a number of points" : "a number from 0 to 100";
            foreach (var (key, value) in input.Sections.Where(p => !Valid(input, p.Value)))
            {
                context.AddFailure($"Sections[{key}]", $"Enter the weight of section {key} as {range}, with no more than 2 decimal places.");
            }

            foreach (var (key, value) in input.Questions.Where(p => !Valid(input, p.Value)))
            {
                context.AddFailure($"Questions[{key}]", $"Enter the weight of question {key} as {range}, with no more than 2 decimal places.");
            }
        });
        RuleFor(x => x.Completed).Must(c => c is null or "" or "yes" or "no").WithMessage("Select whether you have completed this task.");
    }

    private static bool Valid(WeightsInput input, string? text) =>
        decimal.TryParse((text ?? string.Empty).Trim().TrimEnd('%').Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
        && value >= 0 && value <= (input.InPoints ? MaxPoints : 100m) && decimal.Round(value, 2) == value;
}

/// <summary>
/// One lot's sections and questions in outline: each section's title, each section's and question's
/// place in the order, whether it is removed, and an optional new section with its first question.
/// A question's own wording is changed on its own page (<see cref="QuestionWordingInput"/>).
/// </summary>
public sealed class QuestionsInput
{
    /// <summary>The lot.</summary>
    public string? LotId { get; set; }

    /// <summary>The sections as shown.</summary>
    public List<SectionInput> Sections { get; set; } = [];

    /// <summary>An optional new section with its first question.</summary>
    public NewSectionInput NewSection { get; set; } = new();

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }

    /// <summary>A position as typed (a whole number from 1 to 9,999), or null when it is blank or not one.</summary>
    public static int? Position(string? text) =>
        int.TryParse((text ?? string.Empty).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 9999 ? value : null;

    /// <summary>Whether a position field is blank or holds a position.</summary>
    public static bool PositionOrBlank(string? text) => string.IsNullOrWhiteSpace(text) || Position(text) is not null;

    /// <summary>
    /// The plan the form describes for the lot as stored: removed ones left out; each one given a
    /// position put there, the rest in the page's order around them; each question keeps its wording.
    /// </summary>
    public IReadOnlyList<SectionPlan> ToPlans(Lot lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var stored = lot.Sections.SelectMany(s => s.Questions).ToDictionary(q => q.Id, StringComparer.Ordinal);
        QuestionPlan Plan(QuestionOrderInput question) =>
            stored.TryGetValue(question.Id ?? string.Empty, out var found) ? new QuestionPlan(found.Id, found.Title, found.Text) : new QuestionPlan(question.Id, string.Empty, string.Empty);

        var plans = Ordered(Sections.Where(s => s.Remove != "yes"), s => s.Order).Select(section => new SectionPlan(
            string.IsNullOrEmpty(section.Id) ? null : section.Id,
            Trim(section.Title),
            section.SocialValue == "yes",
            [.. Ordered(section.Questions.Where(q => q.Remove != "yes"), q => q.Order).Select(Plan)])).ToList();
        if (!NewSection.IsEmpty)
        {
            plans.Add(new SectionPlan(null, Trim(NewSection.Title), NewSection.SocialValue == "yes", [new QuestionPlan(null, Trim(NewSection.QuestionTitle), Trim(NewSection.QuestionText))]));
        }

        return plans;
    }

    // Those given a position go to it (in the order of their positions, then of the page); the
    // rest keep their order around them.
    private static List<T> Ordered<T>(IEnumerable<T> items, Func<T, string?> position)
    {
        var placed = items.Select((item, index) => (item, index, at: Position(position(item)))).ToList();
        var result = placed.Where(p => p.at is null).Select(p => p.item).ToList();
        foreach (var (item, _, at) in placed.Where(p => p.at is not null).OrderBy(p => p.at).ThenBy(p => p.index))
        {
            result.Insert(Math.Min(at!.Value - 1, result.Count), item);
        }

        return result;
    }

    private static string Trim(string? text) => (text ?? string.Empty).Trim();
}

/// <summary>One section on the questions page.</summary>
public sealed class SectionInput
{
    /// <summary>The section's id.</summary>
    public string? Id { get; set; }

    /// <summary>Title.</summary>
    public string? Title { get; set; }

    /// <summary>Its position among the sections (blank keeps its place).</summary>
    public string? Order { get; set; }

    /// <summary>"yes" when it is the social value and net zero section.</summary>
    public string? SocialValue { get; set; }

    /// <summary>"yes" to remove the section and its questions.</summary>
    public string? Remove { get; set; }

    /// <summary>Its questions as shown.</summary>
    public List<QuestionOrderInput> Questions { get; set; } = [];
}

/// <summary>One question's place on the questions page.</summary>
public sealed class QuestionOrderInput
{
    /// <summary>The question's id.</summary>
    public string? Id { get; set; }

    /// <summary>Its position within its section (blank keeps its place).</summary>
    public string? Order { get; set; }

    /// <summary>"yes" to remove it.</summary>
    public string? Remove { get; set; }
}

/// <summary>A new section with its first question: blank to add none.</summary>
public sealed class NewSectionInput
{
    /// <summary>Title.</summary>
    public string? Title { get; set; }

    /// <summary>"yes" when it is the social value and net zero section.</summary>
    public string? SocialValue { get; set; }

    /// <summary>Its first question's short title.</summary>
    public string? QuestionTitle { get; set; }

    /// <summary>Its first question as bidders read it.</summary>
    public string? QuestionText { get; set; }

    /// <summary>True when nothing was typed (the social value box alone adds nothing).</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(QuestionTitle) && string.IsNullOrWhiteSpace(QuestionText);
}

/// <summary>Checks the questions page: every kept section titled, positions whole numbers, no section left without a question.</summary>
public sealed class QuestionsInputValidator : AbstractValidator<QuestionsInput>
{
    /// <summary>The rules.</summary>
    public QuestionsInputValidator()
    {
        RuleFor(x => x.LotId).NotEmpty().WithMessage("Choose a lot.");
        RuleFor(x => x.Sections.Count).LessThanOrEqualTo(100).OverridePropertyName("Sections").WithMessage("A lot can have up to 100 sections.");
        RuleFor(x => x.Sections.Sum(s => s.Questions.Count)).LessThanOrEqualTo(1000).OverridePropertyName("Sections").WithMessage("A lot can have up to 1,000 questions.");
        RuleForEach(x => x.Sections).ChildRules(section => section.When(s => s.Remove != "yes", () =>
        {
            section.RuleFor(s => s.Title).NotEmpty().WithMessage(s => $"Enter the title of section {s.Id}.")
                .MaximumLength(200).WithMessage("The section's title must be 200 characters or fewer.")
                .PlainText(TextShape.OneLine, _ => "The section's title");
            section.RuleFor(s => s.Order).Must(QuestionsInput.PositionOrBlank).WithMessage(s => $"Enter the position of section {s.Id} as a whole number, such as 2, or leave it blank.");
            section.RuleFor(s => s).Must(s => s.Questions.Any(q => q.Remove != "yes")).OverridePropertyName("Remove")
                .WithMessage(s => $"Section {s.Id} would have no questions left. Keep a question, or remove the section.");
            section.RuleForEach(s => s.Questions).ChildRules(question => question.When(q => q.Remove != "yes", () =>
                question.RuleFor(q => q.Order).Must(QuestionsInput.PositionOrBlank).WithMessage(q => $"Enter the position of question {q.Id} as a whole number, such as 3, or leave it blank.")));
        }));
        RuleFor(x => x.NewSection).ChildRules(added => added.When(s => !s.IsEmpty, () =>
        {
            added.RuleFor(s => s.Title).NotEmpty().WithMessage("Enter the new section's title, or clear the new section's fields.")
                .MaximumLength(200).WithMessage("The section's title must be 200 characters or fewer.")
                .PlainText(TextShape.OneLine, _ => "The section's title");
            QuestionWordingInputValidator.Wording(added.RuleFor(s => s.QuestionTitle), added.RuleFor(s => s.QuestionText), "the new section's first question");
        }));
        RuleFor(x => x).Must(x => x.Sections.Any(s => s.Remove != "yes") || !x.NewSection.IsEmpty).OverridePropertyName("Sections")
            .WithMessage("The lot would have no sections left. Keep a section or add one.");
    }
}

/// <summary>One question's wording, on its own page: an existing question, or a new one at the end of a section.</summary>
public sealed class QuestionWordingInput
{
    /// <summary>The lot.</summary>
    public string? LotId { get; set; }

    /// <summary>The section a new question goes in (ignored for an existing one).</summary>
    public string? SectionId { get; set; }

    /// <summary>The question's id, or empty for a new question.</summary>
    public string? QuestionId { get; set; }

    /// <summary>Short title.</summary>
    public string? Title { get; set; }

    /// <summary>The question as bidders read it.</summary>
    public string? Text { get; set; }

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }
}

/// <summary>Checks a question's wording.</summary>
public sealed class QuestionWordingInputValidator : AbstractValidator<QuestionWordingInput>
{
    /// <summary>The rules.</summary>
    public QuestionWordingInputValidator()
    {
        RuleFor(x => x.LotId).NotEmpty().WithMessage("Choose a lot.");
        Wording(RuleFor(x => x.Title), RuleFor(x => x.Text), "the question");
    }

    /// <summary>The rules for a question's title and text, wherever they are typed.</summary>
    internal static void Wording<T>(IRuleBuilderInitial<T, string?> title, IRuleBuilderInitial<T, string?> text, string which)
    {
        title.NotEmpty().WithMessage($"Enter the title of {which}.")
            .MaximumLength(200).WithMessage("The question's title must be 200 characters or fewer.")
            .PlainText(TextShape.OneLine, _ => "The question's title");
        text.NotEmpty().WithMessage($"Enter {which} as bidders will read it.")
            .MaximumLength(4000).WithMessage("The question must be 4,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The question");
    }
}

/// <summary>Member profiles saved on the person's other tenders, chosen to add to this one.</summary>
public sealed class SavedProfilesInput
{
    /// <summary>The keys of the profiles chosen.</summary>
    public List<string> Chosen { get; set; } = [];

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }
}

/// <summary>Checks the saved-profiles form.</summary>
public sealed class SavedProfilesInputValidator : AbstractValidator<SavedProfilesInput>
{
    /// <summary>The rules.</summary>
    public SavedProfilesInputValidator()
    {
        RuleFor(x => x.Chosen).NotEmpty().WithMessage("Select one or more organisations to add.");
        RuleFor(x => x.Chosen.Count).LessThanOrEqualTo(500).OverridePropertyName("Chosen").WithMessage("Too many organisations were sent. Choose up to 500 at once.");
    }
}

/// <summary>Add a person to the panel: the account, the role and the lots.</summary>
public sealed class PanelInput
{
    /// <summary>The account chosen.</summary>
    public string? AccountId { get; set; }

    /// <summary>Evaluator or Moderator.</summary>
    public string? Role { get; set; }

    /// <summary>The lots; none for every lot.</summary>
    public List<string> Lots { get; set; } = [];

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }
}

/// <summary>Checks the panel form.</summary>
public sealed class PanelInputValidator : AbstractValidator<PanelInput>
{
    /// <summary>The rules.</summary>
    public PanelInputValidator()
    {
        RuleFor(x => x.AccountId).NotEmpty().WithMessage("Choose the person to add.")
            .MaximumLength(100).WithMessage("Choose a person from the list.");
        RuleFor(x => x.Role).Must(r => r is "Evaluator" or "Moderator").WithMessage("Select whether they evaluate or moderate.");
        RuleFor(x => x.Lots.Count).LessThanOrEqualTo(LotsInputValidator.MaximumLots).OverridePropertyName("Lots").WithMessage("Too many lots were sent.");
    }
}

/// <summary>Which role on the panel to remove.</summary>
public sealed class RemovePanelInput
{
    /// <summary>The role.</summary>
    public Guid MembershipId { get; set; }

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }
}

/// <summary>One lot's gates: each existing gate's wording (or removal), and an optional new gate.</summary>
public sealed class GatesInput
{
    /// <summary>The lot.</summary>
    public string? LotId { get; set; }

    /// <summary>The gates in order; the last may be the new one (no id).</summary>
    public List<GateInput> Gates { get; set; } = [];

    /// <summary>"yes" or "no": whether the task is complete; empty to only save.</summary>
    public string? Completed { get; set; }

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }
}

/// <summary>One gate on the gates form.</summary>
public sealed class GateInput
{
    /// <summary>The gate's id, or empty for a new gate.</summary>
    public string? Id { get; set; }

    /// <summary>Title.</summary>
    public string? Title { get; set; }

    /// <summary>What a bid must show to pass.</summary>
    public string? Description { get; set; }

    /// <summary>"yes" to remove it.</summary>
    public string? Remove { get; set; }

    /// <summary>True for the new-gate row left empty.</summary>
    public bool IsEmptyNew => string.IsNullOrEmpty(Id) && string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Description);
}

/// <summary>Checks the gates form.</summary>
public sealed class GatesInputValidator : AbstractValidator<GatesInput>
{
    /// <summary>The rules.</summary>
    public GatesInputValidator()
    {
        RuleFor(x => x.LotId).NotEmpty().WithMessage("Choose a lot.");
        RuleFor(x => x.Gates.Count).LessThanOrEqualTo(101).OverridePropertyName("Gates").WithMessage("A lot can have up to 100 gates.");
        RuleForEach(x => x.Gates).ChildRules(gate => gate.When(g => !g.IsEmptyNew && g.Remove != "yes", () =>
        {
            gate.RuleFor(g => g.Title).NotEmpty().WithMessage("Enter the gate's title.")
                .MaximumLength(200).WithMessage("The gate's title must be 200 characters or fewer.")
                .PlainText(TextShape.OneLine, _ => "The gate's title");
            gate.RuleFor(g => g.Description).NotEmpty().WithMessage("Enter what a bid must show to pass the gate.")
                .MaximumLength(2000).WithMessage("What a bid must show must be 2,000 characters or fewer.")
                .PlainText(TextShape.MultiLine, _ => "What a bid must show");
        }));
        RuleFor(x => x.Completed).Must(c => c is null or "" or "yes" or "no").WithMessage("Select whether you have completed this task.");
    }
}

/// <summary>One lot's price model and scoring rules.</summary>
public sealed class PriceInput
{
    /// <summary>The lot.</summary>
    public string? LotId { get; set; }

    /// <summary>Initial contract years.</summary>
    public string? ContractYears { get; set; }

    /// <summary>Extension years (0 for none).</summary>
    public string? ExtensionYears { get; set; }

    /// <summary>"yes" when extension years' prices count.</summary>
    public string? EvaluateExtensions { get; set; }

    /// <summary>The price method's name.</summary>
    public string? Method { get; set; }

    /// <summary>For the linear method: the ceiling in pounds.</summary>
    public string? Ceiling { get; set; }

    /// <summary>The abnormally low price threshold as a percentage of the median (0 for no check).</summary>
    public string? AbnormallyLow { get; set; }

    /// <summary>Absolute or Relative.</summary>
    public string? QualityMethod { get; set; }

    /// <summary>The tie-break rule's name.</summary>
    public string? TieBreak { get; set; }

    /// <summary>For the highest-section tie-break: the section.</summary>
    public string? TieBreakSection { get; set; }

    /// <summary>"yes" or "no": whether the task is complete; empty to only save.</summary>
    public string? Completed { get; set; }

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }

    /// <summary>A whole number as typed, or null.</summary>
    public static int? Whole(string? text) => int.TryParse((text ?? string.Empty).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An amount in pounds as typed (a £ sign and commas allowed), or null.</summary>
    public static decimal? Pounds(string? text) =>
        decimal.TryParse((text ?? string.Empty).Trim().TrimStart('£').Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The plan; only after validation.</summary>
    public Commissioning.Core.Tenders.Setup.PricePlan ToPlan() => new(
        Whole(ContractYears)!.Value,
        Whole(ExtensionYears) ?? 0,
        EvaluateExtensions == "yes",
        Enum.Parse<PriceMethod>(Method!),
        Pounds(Ceiling),
        WeightsInput.Percent(AbnormallyLow)!.Value,
        Enum.Parse<QualityMethod>(QualityMethod!),
        new TieBreak { Rule = Enum.Parse<TieBreakRule>(TieBreak!), SectionId = string.IsNullOrWhiteSpace(TieBreakSection) ? null : TieBreakSection });
}

/// <summary>Checks the price form.</summary>
public sealed class PriceInputValidator : AbstractValidator<PriceInput>
{
    /// <summary>The rules.</summary>
    public PriceInputValidator()
    {
        RuleFor(x => x.LotId).NotEmpty().WithMessage("Choose a lot.");
        RuleFor(x => x.ContractYears).Must(y => PriceInput.Whole(y) is >= 1 and <= 15).WithMessage("Enter the contract length as a whole number of years from 1 to 15.");
        RuleFor(x => x.ExtensionYears).Must(y => string.IsNullOrWhiteSpace(y) || PriceInput.Whole(y) is >= 0 and <= 10).WithMessage("Enter the extension as a whole number of years from 0 to 10.");
        RuleFor(x => x.Method).Must(m => Enum.TryParse<PriceMethod>(m, out var v) && Enum.IsDefined(v) && m == v.ToString()).WithMessage("Select how price is scored.");
        RuleFor(x => x.Ceiling).Must(c => PriceInput.Pounds(c) is > 0 and <= Commissioning.Core.Tenders.Validation.TenderValidator.MaximumPrice)
            .When(x => x.Method == nameof(PriceMethod.Linear)).WithMessage("Enter the ceiling price in pounds, such as the budget over the evaluated years, for example 1,200,000.");
        RuleFor(x => x.AbnormallyLow).Must(a => WeightsInput.Percent(a) is >= 0 and <= 100).WithMessage("Enter the percentage of the median price below which a price is flagged, from 0 (no check) to 100, for example 70.");
        RuleFor(x => x.QualityMethod).Must(m => m is nameof(Commissioning.Core.Tenders.QualityMethod.Absolute) or nameof(Commissioning.Core.Tenders.QualityMethod.Relative)).WithMessage("Select how quality is scored.");
        RuleFor(x => x.TieBreak).Must(t => Enum.TryParse<TieBreakRule>(t, out var v) && Enum.IsDefined(v) && t == v.ToString()).WithMessage("Select how equal totals are separated.");
        RuleFor(x => x.TieBreakSection).NotEmpty().When(x => x.TieBreak == nameof(TieBreakRule.HighestSection)).WithMessage("Select the section whose score breaks a tie.");
        RuleFor(x => x.Completed).Must(c => c is null or "" or "yes" or "no").WithMessage("Select whether you have completed this task.");
    }
}

/// <summary>The scale and the thresholds.</summary>
public sealed class ScaleInput
{
    /// <summary>The scale's maximum: 4, 5 or 10.</summary>
    public string? Maximum { get; set; }

    /// <summary>The spread that calls for moderation, in points (empty for half the scale).</summary>
    public string? Spread { get; set; }

    /// <summary>Each lot's minimum quality percentage, by lot id (empty for none).</summary>
    public Dictionary<string, string?> MinimumQuality { get; set; } = [];

    /// <summary>Each section's minimum percentage, by "lot/section" (empty for none).</summary>
    public Dictionary<string, string?> SectionMinimums { get; set; } = [];

    /// <summary>Each question's minimum score, by "lot/question" (empty for none).</summary>
    public Dictionary<string, string?> QuestionMinimums { get; set; } = [];

    /// <summary>Each level's label on the current scale, by score (such as "3": "Good").</summary>
    public Dictionary<string, string?> Labels { get; set; } = [];

    /// <summary>What each level on the current scale means, by score.</summary>
    public Dictionary<string, string?> Descriptors { get; set; } = [];

    /// <summary>"yes" or "no": whether the task is complete; empty to only save.</summary>
    public string? Completed { get; set; }

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }

    /// <summary>An optional percentage: null when empty.</summary>
    public static decimal? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : WeightsInput.Percent(text);
}

/// <summary>Checks the scale form.</summary>
public sealed class ScaleInputValidator : AbstractValidator<ScaleInput>
{
    /// <summary>The rules.</summary>
    public ScaleInputValidator()
    {
        RuleFor(x => x.Maximum).Must(m => m is "4" or "5" or "10").WithMessage("Select the scoring scale.");
        RuleFor(x => x.Spread).Must(s => string.IsNullOrWhiteSpace(s) || WeightsInput.Percent(s) is > 0 and <= 10)
            .WithMessage("Enter the spread as a number of points more than 0 and no more than the top of the scale, or leave it empty for half the scale.");
        RuleFor(x => x.Labels.Count + x.Descriptors.Count).LessThanOrEqualTo(22).OverridePropertyName("Labels").WithMessage("Too many levels were sent.");
        RuleForEach(x => x.Labels).OverrideIndexer((_, _, level, _) => $"[{level.Key}]")
            .Must(level => !string.IsNullOrWhiteSpace(level.Value)).WithMessage((_, level) => $"Enter a name for score {level.Key}, such as Good.")
            .Must(level => (level.Value?.Length ?? 0) <= 40).WithMessage((_, level) => $"The name for score {level.Key} must be 40 characters or fewer.");
        RuleForEach(x => x.Descriptors).OverrideIndexer((_, _, level, _) => $"[{level.Key}]")
            .Must(level => !string.IsNullOrWhiteSpace(level.Value)).WithMessage((_, level) => $"Say what an answer scoring {level.Key} looks like.")
            .Must(level => (level.Value?.Length ?? 0) <= 500).WithMessage((_, level) => $"What score {level.Key} means must be 500 characters or fewer.");
        RuleFor(x => x.MinimumQuality.Count + x.SectionMinimums.Count + x.QuestionMinimums.Count).LessThanOrEqualTo(2000).OverridePropertyName("MinimumQuality").WithMessage("Too many thresholds were sent.");
        RuleFor(x => x).Custom((input, context) =>
        {
            foreach (var (key, value) in input.MinimumQuality.Where(p => !string.IsNullOrWhiteSpace(p.Value) && WeightsInput.Percent(p.Value) is not (>= 0 and <= 100)))
            {
                context.AddFailure($"MinimumQuality[{key}]", "Enter the minimum quality as a percentage from 0 to 100, or leave it empty for none.");
            }

            foreach (var (key, value) in input.SectionMinimums.Where(p => !string.IsNullOrWhiteSpace(p.Value) && WeightsInput.Percent(p.Value) is not (>= 0 and <= 100)))
            {
                context.AddFailure($"SectionMinimums[{key}]", $"Enter the minimum for section {key.Split('/').Last()} as a percentage from 0 to 100, or leave it empty for none.");
            }

            // A question's minimum is a score on the scale chosen on the same form.
            var top = input.Maximum is "4" or "5" or "10" ? int.Parse(input.Maximum, System.Globalization.CultureInfo.InvariantCulture) : 10;
            foreach (var (key, value) in input.QuestionMinimums.Where(p => !string.IsNullOrWhiteSpace(p.Value) && !(WeightsInput.Percent(p.Value) is { } score && score >= 0 && score <= top && decimal.Truncate(score) == score)))
            {
                context.AddFailure($"QuestionMinimums[{key}]", $"Enter the minimum for question {key.Split('/').Last()} as a whole score from 0 to {top}, or leave it empty for none.");
            }
        });
        RuleFor(x => x.Completed).Must(c => c is null or "" or "yes" or "no").WithMessage("Select whether you have completed this task.");
    }
}

/// <summary>The key dates: the clarification deadline and the bid deadline.</summary>
public sealed class DatesInput
{
    /// <summary>The last day bidders may ask clarification questions.</summary>
    public Commissioning.NhsUk.Forms.DateInputModel Clarification { get; set; } = new();

    /// <summary>The day bids are due.</summary>
    public Commissioning.NhsUk.Forms.DateInputModel Bids { get; set; } = new();

    /// <summary>"yes" or "no": whether the task is complete; empty to only save.</summary>
    public string? Completed { get; set; }

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }
}

/// <summary>Checks the key dates: each a real date (or left empty, to come back to).</summary>
public sealed class DatesInputValidator : AbstractValidator<DatesInput>
{
    /// <summary>The rules.</summary>
    public DatesInputValidator()
    {
        RuleFor(x => x.Clarification).RealDate("the clarification deadline", required: false);
        RuleFor(x => x.Bids).RealDate("the bid deadline", required: false);
        RuleFor(x => x.Completed).Must(c => c is null or "" or "yes" or "no").WithMessage("Select whether you have completed this task.");
    }
}
