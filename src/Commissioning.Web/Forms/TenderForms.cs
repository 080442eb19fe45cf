using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Text;
using Commissioning.NhsUk.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;

namespace Commissioning.Web.Forms;

/// <summary>The tender import form: one <c>oh-tender</c> file.</summary>
public sealed class ImportInput
{
    /// <summary>The file.</summary>
    public IFormFile? File { get; set; }
}

/// <summary>Checks the upload before it is read.</summary>
public sealed class ImportInputValidator : AbstractValidator<ImportInput>
{
    /// <summary>The rules.</summary>
    public ImportInputValidator()
    {
        RuleFor(x => x.File).TenderFile("Select a tender file (.json) to import.");
    }
}

/// <summary>Give someone a role on the tender.</summary>
public sealed class PersonInput
{
    /// <summary>The account's email address.</summary>
    public string? Email { get; set; }

    /// <summary>The role, by name.</summary>
    public string? Role { get; set; }

    /// <summary>For an evaluator or moderator: their id in the tender.</summary>
    public string? EvaluatorId { get; set; }

    /// <summary>For an evaluator or moderator: the lots or sections, such as <c>lot-1, lot-2/s1</c>; empty means all.</summary>
    public string? Scope { get; set; }

    /// <summary>Why, where a reason is required (from evaluation on).</summary>
    public string? Reason { get; set; }

    /// <summary>The role chosen; only valid after validation.</summary>
    public TenderRole ChosenRole() => Enum.Parse<TenderRole>(Role!);

    /// <summary>The scope entered, as lots and sections.</summary>
    public IReadOnlyList<LotScope> ChosenScope() =>
    [
        .. (Scope ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('/', 2, StringSplitOptions.TrimEntries) is [var lot, var section] ? new LotScope(lot, section) : new LotScope(part, null)),
    ];
}

/// <summary>Checks the role form.</summary>
public sealed class PersonInputValidator : AbstractValidator<PersonInput>
{
    /// <summary>The rules.</summary>
    public PersonInputValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Enter the email address of the person's account.")
            .MaximumLength(256).WithMessage("The email address must be 256 characters or fewer.")
            .PlainText(TextShape.OneLine, _ => "The email address");
        RuleFor(x => x.Role).Must(r => Enum.TryParse<TenderRole>(r, ignoreCase: false, out var role) && Enum.IsDefined(role) && r == role.ToString())
            .WithMessage("Select the person's role on this tender.");
        RuleFor(x => x.EvaluatorId).MaximumLength(100).WithMessage("The evaluator id must be 100 characters or fewer.")
            .PlainText(TextShape.OneLine, _ => "The evaluator id");
        RuleFor(x => x.Scope).MaximumLength(1000).WithMessage("The lots and sections must be 1,000 characters or fewer.")
            .PlainText(TextShape.OneLine, _ => "The lots and sections");
        RuleFor(x => x.Reason).MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The reason");
    }
}

/// <summary>
/// Take a role away. Every row of the people table has its own form and its own reason box, so
/// each box is named by its role's id (<c>Remove.Reasons[id]</c>) and a problem shows beside the
/// right one.
/// </summary>
public sealed class RemoveInput
{
    /// <summary>The role's id.</summary>
    public Guid MembershipId { get; set; }

    /// <summary>Its version when the page was shown.</summary>
    public long Version { get; set; }

    /// <summary>The reasons typed, by role id; only the one for <see cref="MembershipId"/> is used.</summary>
    public Dictionary<Guid, string?> Reasons { get; set; } = [];

    /// <summary>Why, where a reason is required: the reason typed for the role being taken away.</summary>
    public string? Reason => Reasons.GetValueOrDefault(MembershipId);

    /// <summary>The form field of the reason for the role being taken away; the page shows a problem with <see cref="Reason"/> there.</summary>
    public string ReasonField => $"{nameof(Reasons)}[{MembershipId}]";
}

/// <summary>Checks the remove form.</summary>
public sealed class RemoveInputValidator : AbstractValidator<RemoveInput>
{
    /// <summary>The rules.</summary>
    public RemoveInputValidator()
    {
        RuleFor(x => x.MembershipId).NotEmpty().WithMessage("Choose the role to take away.");
        RuleFor(x => x.Reasons.Count).LessThanOrEqualTo(1000).OverridePropertyName(nameof(RemoveInput.Reasons)).WithMessage("The form carried too many reasons. Reload the page and try again.");
        RuleFor(x => x.Reason).MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The reason");
    }
}

/// <summary>Whether evaluators and moderators see prices.</summary>
public sealed class PricesInput
{
    /// <summary>True to let them see prices.</summary>
    public bool EvaluatorsSeePrices { get; set; }

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }

    /// <summary>Why, where a reason is required.</summary>
    public string? Reason { get; set; }
}

/// <summary>Checks the prices setting form.</summary>
public sealed class PricesInputValidator : AbstractValidator<PricesInput>
{
    /// <summary>The rules.</summary>
    public PricesInputValidator()
    {
        RuleFor(x => x.Reason).MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The reason");
    }
}
