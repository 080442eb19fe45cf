using FluentValidation;

namespace Commissioning.Web.Pages.Account;

/// <summary>What the sign-in form sends.</summary>
public sealed class SignInInput
{
    /// <summary>Email address.</summary>
    public string? Email { get; set; }

    /// <summary>Password.</summary>
    public string? Password { get; set; }
}

/// <summary>Checks the sign-in form is filled in. Whether the email and password are right is Identity's check.</summary>
public sealed class SignInInputValidator : AbstractValidator<SignInInput>
{
    /// <summary>The longest email address accepted (Identity's column holds 256).</summary>
    public const int MaximumEmailLength = 256;

    /// <summary>Creates the validator.</summary>
    public SignInInputValidator()
    {
        RuleFor(i => i.Email)
            .Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Enter your email address")
            .Must(e => e!.Trim().Length <= MaximumEmailLength).When(i => !string.IsNullOrWhiteSpace(i.Email), ApplyConditionTo.CurrentValidator)
            .WithMessage($"Email address must be {MaximumEmailLength} characters or fewer");
        RuleFor(i => i.Password)
            .Must(p => !string.IsNullOrEmpty(p)).WithMessage("Enter your password");
    }
}
