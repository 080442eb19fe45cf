using Commissioning.Application.Readiness;
using Commissioning.Application;
using Commissioning.Core.Text;
using Commissioning.Web.Infrastructure;
using FluentValidation;

namespace Commissioning.Web.Forms;

/// <summary>
/// A provider's readiness self-assessment: a name for it, what to check against (the standards,
/// or one lot of a tender the organisation is invited to), the provider's name, and its
/// declarations with the same fields as a bid entered by hand.
/// </summary>
public sealed class ReadinessInput : DeclarationsFields
{
    /// <summary>The value of <see cref="Target"/> for the standards.</summary>
    public const string StandardsTarget = "standards";

    /// <summary>The value of <see cref="Target"/> for an uploaded tender file.</summary>
    public const string FileTarget = "file";

    /// <summary>A name for the check, such as the tender it prepares for.</summary>
    public string? Title { get; set; }

    /// <summary><see cref="StandardsTarget"/>, or a tender's lot as <c>{tender id}/{lot id}</c> (<see cref="TargetValue"/>).</summary>
    public string? Target { get; set; }

    /// <summary>The provider's name as a buyer would read it.</summary>
    public string? Provider { get; set; }

    /// <summary>An <c>oh-tender</c> file, when <see cref="Target"/> is <see cref="FileTarget"/>.</summary>
    public IFormFile? TenderFile { get; set; }

    /// <summary>The lot of the tender file to check against; empty for every lot.</summary>
    public string? FileLot { get; set; }

    /// <summary>The radio value for one lot of a tender.</summary>
    public static string TargetValue(Guid tenderId, string lotId) => $"{tenderId:N}/{lotId}";

    /// <summary>What <see cref="Target"/> names, with the tender file's text when it names the file; null when it names nothing readable.</summary>
    public ReadinessTarget? ToTarget(string? tenderFile = null)
    {
        if (Target == StandardsTarget)
        {
            return ReadinessTarget.Standards;
        }

        if (Target == FileTarget)
        {
            return new ReadinessTarget(null, string.IsNullOrWhiteSpace(FileLot) ? null : FileLot.Trim(), tenderFile ?? string.Empty);
        }

        var parts = Target?.Split('/', 2);
        return parts is [var tender, var lot] && Guid.TryParseExact(tender, "N", out var tenderId) && lot.Length > 0
            ? new ReadinessTarget(tenderId, lot)
            : null;
    }
}

/// <summary>Checks the self-assessment form's shape; whether the tender chosen is one the organisation is invited to is the application's check.</summary>
public sealed class ReadinessInputValidator : AbstractValidator<ReadinessInput>
{
    /// <summary>The rules.</summary>
    public ReadinessInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Enter a name for this readiness check, such as the tender you are preparing for.")
            .MaximumLength(200).WithMessage("The name must be 200 characters or fewer.")
            .PlainText(TextShape.OneLine, _ => "The name");
        RuleFor(x => x.Target).Must((input, _) => input.ToTarget() is not null).WithMessage("Select what to check your readiness against.");
        RuleFor(x => x.Provider).NotEmpty().WithMessage("Enter your organisation's name as buyers know it.")
            .MaximumLength(200).WithMessage("The provider's name must be 200 characters or fewer.")
            .PlainText(TextShape.OneLine, _ => "The provider's name");
        When(x => x.Target == ReadinessInput.FileTarget, () =>
        {
            RuleFor(x => x.TenderFile).TenderFile("Select the tender file (.json) to check against.");
            RuleFor(x => x.FileLot).MaximumLength(100).WithMessage("The lot must be 100 characters or fewer, such as lot-1.")
                .PlainText(TextShape.OneLine, _ => "The lot");
        });
        Include(new DeclarationsFieldsValidator());
    }
}
