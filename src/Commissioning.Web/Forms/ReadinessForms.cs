using Commissioning.Application.Readiness;
using Commissioning.Application;
using Commissioning.Core.Text;
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

    /// <summary>A name for the check, such as the tender it prepares for.</summary>
    public string? Title { get; set; }

    /// <summary><see cref="StandardsTarget"/>, or a tender's lot as <c>{tender id}/{lot id}</c> (<see cref="TargetValue"/>).</summary>
    public string? Target { get; set; }

    /// <summary>The provider's name as a buyer would read it.</summary>
    public string? Provider { get; set; }

    /// <summary>The radio value for one lot of a tender.</summary>
    public static string TargetValue(Guid tenderId, string lotId) => $"{tenderId:N}/{lotId}";

    /// <summary>What <see cref="Target"/> names; null when it names nothing readable.</summary>
    public ReadinessTarget? ToTarget()
    {
        if (Target == StandardsTarget)
        {
            return ReadinessTarget.Standards;
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
        Include(new DeclarationsFieldsValidator());
    }
}
