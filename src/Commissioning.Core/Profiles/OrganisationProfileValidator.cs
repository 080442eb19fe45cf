using Commissioning.Core.Text;
using FluentValidation;

namespace Commissioning.Core.Profiles;

/// <summary>
/// The rules an organisation profile must meet wherever it comes from (a form, a file, a tender).
/// Messages follow the NHS service manual: say what to do, in plain words.
/// </summary>
public sealed class OrganisationProfileValidator : AbstractValidator<OrganisationProfile>
{
    /// <summary>The largest headcount accepted: above the largest NHS employer, to catch typing slips.</summary>
    public const int MaximumHeadcount = 100_000;

    /// <summary>The longest organisation name accepted.</summary>
    public const int MaximumNameLength = 200;

    /// <summary>How many local population health needs a profile may list.</summary>
    public const int MaximumNeeds = 20;

    /// <summary>The longest description of one need.</summary>
    public const int MaximumNeedLength = 200;

    /// <summary>Creates the validator.</summary>
    public OrganisationProfileValidator()
    {
        // One message for the name at a time: the first rule it breaks.
        RuleFor(p => p.Name)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the name of the organisation")
            .MaximumLength(MaximumNameLength).WithMessage($"Organisation name must be {MaximumNameLength} characters or fewer")
            .PlainText(TextShape.OneLine, _ => "Organisation name", fullStop: false)
            .Must(TextRules.HasVisibleCharacters).WithMessage("Organisation name must include characters you can see, such as letters or numbers");
        RuleFor(p => p.Type)
            .IsInEnum().WithMessage("Select the type of organisation");
        RuleFor(p => p.Headcount)
            .GreaterThan(0).WithMessage("Number of staff must be 1 or more")
            .LessThanOrEqualTo(MaximumHeadcount).WithMessage($"Number of staff must be {MaximumHeadcount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} or fewer");
        RuleFor(p => p.CurrentDelivery)
            .IsInEnum().WithMessage("Select how occupational health is delivered today");
        RuleForEach(p => p.Exposures)
            .IsInEnum().WithMessage("Select only exposures from the list");
        RuleFor(p => p.PopulationHealthNeeds)
            .Must(n => n.Count <= MaximumNeeds).WithMessage($"List {MaximumNeeds} local health needs or fewer");
        RuleFor(p => p.PopulationHealthNeeds).Custom((needs, context) =>
        {
            // Numbered from 1, as a person counts the lines they typed.
            for (var i = 0; i < needs.Count; i++)
            {
                var path = $"{nameof(OrganisationProfile.PopulationHealthNeeds)}[{i}]";
                if (needs[i].Length > MaximumNeedLength)
                {
                    context.AddFailure(path, $"Local health need {i + 1} must be {MaximumNeedLength} characters or fewer");
                }
                else if (TextRules.Check(needs[i], TextShape.OneLine) is { } problem)
                {
                    context.AddFailure(path, TextRules.Message($"Local health need {i + 1}", problem, TextShape.OneLine));
                }
                else if (!TextRules.HasVisibleCharacters(needs[i]))
                {
                    // Spaces or zero-width characters only: as good as empty.
                    context.AddFailure(path, $"Local health need {i + 1} is empty: describe it or remove it");
                }
            }
        });
    }
}
