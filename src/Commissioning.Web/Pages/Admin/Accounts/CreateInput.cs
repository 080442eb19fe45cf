using Commissioning.Core.Lifecycle;
using Commissioning.Application.Accounts;
using Commissioning.Web.Forms;
using FluentValidation;

namespace Commissioning.Web.Pages.Admin.Accounts;

/// <summary>What the create-account form sends.</summary>
public sealed class CreateInput : AccountFields
{
    /// <summary>The organisation choice: none.</summary>
    public const string NoOrganisation = "none";
    /// <summary>The organisation choice: one already on the service.</summary>
    public const string ExistingOrganisation = "existing";
    /// <summary>The organisation choice: a new one, created with the account.</summary>
    public const string NewOrganisation = "new";

    /// <summary>The longest organisation name accepted (the column holds 300).</summary>
    public const int MaximumOrganisationNameLength = 300;

    /// <summary>Site roles, from <see cref="SiteRoles.All"/>.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary><see cref="NoOrganisation"/>, <see cref="ExistingOrganisation"/> or <see cref="NewOrganisation"/>.</summary>
    public string? OrganisationChoice { get; set; }

    /// <summary>The existing organisation's id.</summary>
    public string? OrganisationId { get; set; }

    /// <summary>The new organisation's name.</summary>
    public string? NewOrganisationName { get; set; }

    /// <summary><c>buyer</c> or <c>provider</c>.</summary>
    public string? NewOrganisationKind { get; set; }

    /// <summary>The new organisation's kind, when the form gave one.</summary>
    public OrganisationKind? Kind => NewOrganisationKind switch
    {
        "buyer" => OrganisationKind.Buyer,
        "provider" => OrganisationKind.Provider,
        _ => null,
    };

    /// <summary>The account the application layer creates; call only once the input is valid.</summary>
    public NewAccount ToNewAccount() => new(
        DisplayName!,
        Email!,
        Password!,
        Roles,
        OrganisationChoice == ExistingOrganisation ? Guid.Parse(OrganisationId!) : null,
        OrganisationChoice == NewOrganisation ? NewOrganisationName!.Trim() : null,
        Kind ?? OrganisationKind.Buyer);
}

/// <summary>Checks the create-account form.</summary>
public sealed class CreateInputValidator : AccountFieldsValidator<CreateInput>
{
    /// <summary>Creates the validator.</summary>
    public CreateInputValidator()
    {
        RuleFor(i => i.Roles)
            .Must(r => r.All(role => SiteRoles.All.Contains(role, StringComparer.Ordinal)) && r.Distinct(StringComparer.Ordinal).Count() == r.Count)
            .WithMessage("Select roles from the list");
        RuleFor(i => i.OrganisationChoice)
            .Must(c => c is CreateInput.NoOrganisation or CreateInput.ExistingOrganisation or CreateInput.NewOrganisation)
            .WithMessage("Select whether the person belongs to an organisation");
        RuleFor(i => i.OrganisationId)
            .Must(id => Guid.TryParse(id, out _))
            .When(i => i.OrganisationChoice == CreateInput.ExistingOrganisation)
            .WithMessage("Select an organisation from the list");
        RuleFor(i => i.NewOrganisationName)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the organisation's name")
            .Must(n => n!.Trim().Length <= CreateInput.MaximumOrganisationNameLength)
            .When(i => !string.IsNullOrWhiteSpace(i.NewOrganisationName), ApplyConditionTo.CurrentValidator)
            .WithMessage($"Organisation name must be {CreateInput.MaximumOrganisationNameLength} characters or fewer")
            .When(i => i.OrganisationChoice == CreateInput.NewOrganisation, ApplyConditionTo.AllValidators);
        RuleFor(i => i.NewOrganisationKind)
            .Must(k => k is "buyer" or "provider")
            .When(i => i.OrganisationChoice == CreateInput.NewOrganisation)
            .WithMessage("Select whether the organisation buys or provides occupational health services");
    }
}
