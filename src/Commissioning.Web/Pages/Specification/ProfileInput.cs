using System.Globalization;
using Commissioning.Core.Profiles;
using FluentValidation;
using Microsoft.AspNetCore.Routing;

namespace Commissioning.Web.Pages.Specification;

/// <summary>
/// The organisation profile as the form and the specification's address carry it: strings, so
/// that anything typed can be validated with a clear message rather than failing to bind.
/// </summary>
public sealed class ProfileInput
{
    /// <summary>Organisation name.</summary>
    public string? Name { get; set; }
    /// <summary>Organisation type id, such as <c>gp-practice-or-pcn</c>.</summary>
    public string? Type { get; set; }
    /// <summary>Headcount as typed.</summary>
    public string? Headcount { get; set; }
    /// <summary><c>yes</c> or <c>no</c>.</summary>
    public string? HostsMedicalTrainees { get; set; }
    /// <summary>Exposure ids.</summary>
    public List<string> Exposures { get; set; } = [];
    /// <summary>Local population health needs, one a line.</summary>
    public string? Needs { get; set; }
    /// <summary>Delivery model id.</summary>
    public string? Delivery { get; set; }

    /// <summary>The form's fields in order: ModelState key and the id of the input the error summary links to.</summary>
    public static IReadOnlyList<(string Key, string FieldId)> Fields { get; } =
    [
        ("Input.Name", "name"),
        ("Input.Type", "type"),
        ("Input.Headcount", "headcount"),
        ("Input.HostsMedicalTrainees", "trainees"),
        ("Input.Exposures", "exposures"),
        ("Input.Needs", "needs"),
        ("Input.Delivery", "delivery"),
    ];

    /// <summary>The needs, one per non-blank line, trimmed.</summary>
    public IReadOnlyList<string> NeedLines() =>
        (Needs ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The profile this input describes. Call only after validation has passed; unparseable
    /// parts fall back to harmless values so the validator can check the rest in the same pass.
    /// </summary>
    public OrganisationProfile ToProfile() => new()
    {
        Name = (Name ?? string.Empty).Trim(),
        Type = Vocabulary.TryGetType(Type ?? string.Empty, out var type) ? type.Value : OrganisationType.GpPracticeOrPcn,
        Headcount = TryHeadcount(out var headcount) ? headcount : 1,
        HostsMedicalTrainees = HostsMedicalTrainees == "yes",
        Exposures = Exposures.Where(e => Vocabulary.TryGetExposure(e, out _))
            .Select(e => { Vocabulary.TryGetExposure(e, out var term); return term.Value; })
            .ToHashSet(),
        PopulationHealthNeeds = NeedLines(),
        CurrentDelivery = Vocabulary.TryGetDeliveryModel(Delivery ?? string.Empty, out var model) ? model.Value : DeliveryModel.External,
    };

    /// <summary>The input as query-string values, so a specification has a stable, shareable address.</summary>
    public RouteValueDictionary ToRouteValues() => new()
    {
        ["name"] = Name?.Trim(),
        ["type"] = Type,
        ["headcount"] = Headcount?.Trim(),
        ["hostsmedicaltrainees"] = HostsMedicalTrainees,
        ["exposures"] = Exposures.ToArray(),
        ["needs"] = string.IsNullOrWhiteSpace(Needs) ? null : string.Join("\n", NeedLines()),
        ["delivery"] = Delivery,
    };

    /// <summary>Parses the headcount, allowing thousands separators such as 1,250.</summary>
    public bool TryHeadcount(out int headcount) =>
        int.TryParse((Headcount ?? string.Empty).Trim().Replace(",", string.Empty, StringComparison.Ordinal),
            NumberStyles.None, CultureInfo.InvariantCulture, out headcount);
}

/// <summary>
/// Validates the form: first that each answer can be read (chosen, a whole number), then the
/// profile rules every profile must meet (<see cref="OrganisationProfileValidator"/>), reported
/// against the form's fields.
/// </summary>
public sealed class ProfileInputValidator : AbstractValidator<ProfileInput>
{
    private static readonly Dictionary<string, string> ProfileToInput = new(StringComparer.Ordinal)
    {
        [nameof(OrganisationProfile.Name)] = nameof(ProfileInput.Name),
        [nameof(OrganisationProfile.Type)] = nameof(ProfileInput.Type),
        [nameof(OrganisationProfile.Headcount)] = nameof(ProfileInput.Headcount),
        [nameof(OrganisationProfile.HostsMedicalTrainees)] = nameof(ProfileInput.HostsMedicalTrainees),
        [nameof(OrganisationProfile.Exposures)] = nameof(ProfileInput.Exposures),
        [nameof(OrganisationProfile.PopulationHealthNeeds)] = nameof(ProfileInput.Needs),
        [nameof(OrganisationProfile.CurrentDelivery)] = nameof(ProfileInput.Delivery),
    };

    /// <summary>Creates the validator.</summary>
    public ProfileInputValidator(IValidator<OrganisationProfile> profileValidator)
    {
        ArgumentNullException.ThrowIfNull(profileValidator);
        RuleFor(i => i.Type)
            .Must(t => Vocabulary.TryGetType(t ?? string.Empty, out _))
            .WithMessage("Select the type of organisation");
        RuleFor(i => i.Headcount)
            .NotEmpty().WithMessage("Enter the number of staff")
            .Must((input, _) => input.TryHeadcount(out var _)).WithMessage("Number of staff must be a whole number, like 45")
            .When(i => !string.IsNullOrWhiteSpace(i.Headcount), ApplyConditionTo.CurrentValidator);
        RuleFor(i => i.HostsMedicalTrainees)
            .Must(v => v is "yes" or "no")
            .WithMessage("Select yes if your organisation hosts doctors in training");
        RuleForEach(i => i.Exposures)
            .Must(e => Vocabulary.TryGetExposure(e, out _))
            .WithMessage("Select only exposures from the list");
        RuleFor(i => i.Delivery)
            .Must(d => Vocabulary.TryGetDeliveryModel(d ?? string.Empty, out _))
            .WithMessage("Select how occupational health is delivered today");

        // The profile's own rules, on the parts that could be read.
        RuleFor(i => i).Custom((input, context) =>
        {
            var unreadable = new HashSet<string>(StringComparer.Ordinal);
            if (!input.TryHeadcount(out _))
            {
                unreadable.Add(nameof(ProfileInput.Headcount));
            }

            foreach (var failure in profileValidator.Validate(input.ToProfile()).Errors)
            {
                var property = failure.PropertyName.Split('[', '.')[0];
                var inputProperty = ProfileToInput.GetValueOrDefault(property, property);
                if (!unreadable.Contains(inputProperty))
                {
                    context.AddFailure(inputProperty, failure.ErrorMessage);
                }
            }
        });
    }
}
