using System.Globalization;
using System.Text.RegularExpressions;
using Commissioning.Core.Profiles;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Commissioning.Web.Pages.Specification;

/// <summary>How the headcount as typed reads.</summary>
public enum HeadcountReading
{
    /// <summary>A whole number, with or without thousands separators in the right places.</summary>
    Number,
    /// <summary>Nothing typed.</summary>
    Empty,
    /// <summary>Not a whole number.</summary>
    NotANumber,
    /// <summary>Digits, but commas that do not separate groups of three (1,2,3).</summary>
    MisplacedCommas,
    /// <summary>Digits, but more than any headcount the toolkit accepts.</summary>
    TooLarge,
}

/// <summary>
/// The organisation profile as the form and the specification's address carry it: strings, so
/// that anything typed can be validated with a clear message rather than failing to bind.
/// </summary>
public sealed partial class ProfileInput
{
    /// <summary>The most characters of a headcount shown back in the form: far more than any headcount has.</summary>
    public const int MaximumHeadcountShown = 20;

    /// <summary>The most characters of the needs box shown back: as many needs as accepted, each as long as accepted.</summary>
    public const int MaximumNeedsShown = OrganisationProfileValidator.MaximumNeeds * (OrganisationProfileValidator.MaximumNeedLength + 2);

    /// <summary>The most characters of a chosen id (type, delivery, an exposure) carried back in an address.</summary>
    public const int MaximumIdShown = 60;

    /// <summary>The fields that take one value, by property name, with the message when a request sends more than one.</summary>
    public static IReadOnlyList<(string Property, string Message)> SingleValueFields { get; } =
    [
        (nameof(Name), "Enter only one organisation name"),
        (nameof(Type), "Select only one type of organisation"),
        (nameof(Headcount), "Enter only one number of staff"),
        (nameof(HostsMedicalTrainees), "Select only one answer about doctors in training"),
        (nameof(Needs), "Enter local health needs in one box, one a line"),
        (nameof(Delivery), "Select only one way occupational health is delivered today"),
    ];

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

    /// <summary>
    /// The single-value fields the request sent more than once (property names). Set by the page
    /// from the request, never bound from it: model binding keeps the first value silently, so
    /// the page looks at the raw request and the validator says so.
    /// </summary>
    [BindNever]
    public IReadOnlySet<string> RepeatedFields { get; set; } = new HashSet<string>();

    /// <summary>
    /// The single-value fields sent more than once in a form or query string, whose keys are the
    /// property names with or without the <c>Input.</c> prefix, in any case.
    /// </summary>
    public static IReadOnlySet<string> Repeated(IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            var name = key.StartsWith("Input.", StringComparison.OrdinalIgnoreCase) ? key["Input.".Length..] : key;
            counts[name] = counts.GetValueOrDefault(name) + value.Count;
        }

        return SingleValueFields.Select(f => f.Property).Where(p => counts.GetValueOrDefault(p) > 1).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// A copy to show back in the form or carry in an address: each field cut to what the form
    /// could accept (a 900 KB name is not sent back), and only as many exposures as there are.
    /// The validator has already said what the limits are.
    /// </summary>
    public ProfileInput ForRedisplay() => new()
    {
        Name = Cut(Name, OrganisationProfileValidator.MaximumNameLength),
        Type = Cut(Type, MaximumIdShown),
        Headcount = Cut(Headcount, MaximumHeadcountShown),
        HostsMedicalTrainees = Cut(HostsMedicalTrainees, MaximumIdShown),
        Exposures = [.. Exposures.Take(Vocabulary.Exposures.Count).Select(e => Cut(e, MaximumIdShown)!)],
        Needs = Cut(Needs, MaximumNeedsShown),
        Delivery = Cut(Delivery, MaximumIdShown),
        RepeatedFields = RepeatedFields,
    };

    private static string? Cut(string? value, int length)
    {
        if (value is null || value.Length <= length)
        {
            return value;
        }

        // Do not cut between the two halves of a character outside the Basic Multilingual Plane.
        return value[..(char.IsHighSurrogate(value[length - 1]) ? length - 1 : length)];
    }

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
        Headcount = ReadHeadcount(out var headcount) == HeadcountReading.Number ? headcount : 1,
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
    public bool TryHeadcount(out int headcount) => ReadHeadcount(out headcount) == HeadcountReading.Number;

    /// <summary>
    /// Reads the headcount: digits, optionally with commas between groups of three (1,250 or
    /// 12,500, not 1,2,3 or 12,50). Anything else is refused rather than guessed at.
    /// </summary>
    public HeadcountReading ReadHeadcount(out int headcount)
    {
        headcount = 0;
        var text = (Headcount ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return HeadcountReading.Empty;
        }

        if (!DigitsAndCommas().IsMatch(text))
        {
            return HeadcountReading.NotANumber;
        }

        if (text.Contains(',', StringComparison.Ordinal) && !GroupedByThousands().IsMatch(text))
        {
            return HeadcountReading.MisplacedCommas;
        }

        return int.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out headcount)
            ? HeadcountReading.Number
            : HeadcountReading.TooLarge;
    }

    [GeneratedRegex("^[0-9][0-9,]*$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsAndCommas();

    [GeneratedRegex("^[0-9]{1,3}(,[0-9]{3})+$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupedByThousands();
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

        // A field sent more than once gets that message and no other: which value was meant is unknown.
        RuleFor(i => i).Custom((input, context) =>
        {
            foreach (var (property, message) in ProfileInput.SingleValueFields.Where(f => input.RepeatedFields.Contains(f.Property)))
            {
                context.AddFailure(property, message);
            }
        });
        RuleFor(i => i.Type)
            .Must(t => Vocabulary.TryGetType(t ?? string.Empty, out _))
            .WithMessage("Select the type of organisation")
            .When(i => !i.RepeatedFields.Contains(nameof(ProfileInput.Type)));
        RuleFor(i => i.Headcount)
            .Must((input, _) => input.ReadHeadcount(out var _) != HeadcountReading.Empty).WithMessage("Enter the number of staff")
            .Must((input, _) => input.ReadHeadcount(out var _) != HeadcountReading.NotANumber).WithMessage("Number of staff must be a whole number, like 45")
            .Must((input, _) => input.ReadHeadcount(out var _) != HeadcountReading.MisplacedCommas).WithMessage("Number of staff must be a whole number, like 45 or 1,250: commas go only between groups of three digits")
            .Must((input, _) => input.ReadHeadcount(out var _) != HeadcountReading.TooLarge).WithMessage($"Number of staff must be {OrganisationProfileValidator.MaximumHeadcount.ToString("N0", CultureInfo.InvariantCulture)} or fewer")
            .When(i => !i.RepeatedFields.Contains(nameof(ProfileInput.Headcount)));
        RuleFor(i => i.HostsMedicalTrainees)
            .Must(v => v is "yes" or "no")
            .WithMessage("Select yes if your organisation hosts doctors in training")
            .When(i => !i.RepeatedFields.Contains(nameof(ProfileInput.HostsMedicalTrainees)));
        RuleForEach(i => i.Exposures)
            .Must(e => Vocabulary.TryGetExposure(e, out _))
            .WithMessage("Select only exposures from the list");
        RuleFor(i => i.Delivery)
            .Must(d => Vocabulary.TryGetDeliveryModel(d ?? string.Empty, out _))
            .WithMessage("Select how occupational health is delivered today")
            .When(i => !i.RepeatedFields.Contains(nameof(ProfileInput.Delivery)));

        // The profile's own rules, on the parts that could be read.
        RuleFor(i => i).Custom((input, context) =>
        {
            var unreadable = new HashSet<string>(input.RepeatedFields, StringComparer.Ordinal);
            if (input.ReadHeadcount(out var _) != HeadcountReading.Number)
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
