using System.Globalization;
using Commissioning.Core.Tenders;
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

/// <summary>The weights of one lot: quality against price, each section and each question, as percentages.</summary>
public sealed class WeightsInput
{
    /// <summary>The lot.</summary>
    public string? LotId { get; set; }

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

/// <summary>Checks the weights form: every weight a number from 0 to 100 with at most 2 decimal places.</summary>
public sealed class WeightsInputValidator : AbstractValidator<WeightsInput>
{
    /// <summary>The rules.</summary>
    public WeightsInputValidator()
    {
        RuleFor(x => x.LotId).NotEmpty().WithMessage("Choose a lot.");
        RuleFor(x => x.Quality).Must(BeAPercent).WithMessage("Enter quality's weight as a number from 0 to 100, for example 60.");
        RuleFor(x => x.Price).Must(BeAPercent).WithMessage("Enter price's weight as a number from 0 to 100, for example 40.");
        RuleFor(x => x.Sections.Count + x.Questions.Count).LessThanOrEqualTo(5000).OverridePropertyName("Sections").WithMessage("Too many weights were sent.");
        RuleFor(x => x).Custom((input, context) =>
        {
            // Each problem is keyed by the field's own name (Sections[s1]), so it shows beside that field.
            foreach (var (key, value) in input.Sections.Where(p => !BeAPercent(p.Value)))
            {
                context.AddFailure($"Sections[{key}]", $"Enter the weight of section {key} as a number from 0 to 100, with no more than 2 decimal places.");
            }

            foreach (var (key, value) in input.Questions.Where(p => !BeAPercent(p.Value)))
            {
                context.AddFailure($"Questions[{key}]", $"Enter the weight of question {key} as a number from 0 to 100, with no more than 2 decimal places.");
            }
        });
        RuleFor(x => x.Completed).Must(c => c is null or "" or "yes" or "no").WithMessage("Select whether you have completed this task.");
    }

    private static bool BeAPercent(string? text) =>
        decimal.TryParse((text ?? string.Empty).Trim().TrimEnd('%').Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
        && value is >= 0 and <= 100 && decimal.Round(value, 2) == value;
}
