using Commissioning.Application.Accounts;
using FluentValidation;

namespace Commissioning.Web.Forms;

/// <summary>The fields every new account has: name, email address and a password typed twice.</summary>
public class AccountFields
{
    /// <summary>The name shown to others and in the audit trail.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Email address, used to sign in.</summary>
    public string? Email { get; set; }

    /// <summary>Password.</summary>
    public string? Password { get; set; }

    /// <summary>The password again.</summary>
    public string? ConfirmPassword { get; set; }

    /// <summary>Clears the passwords, so a page with errors never sends them back.</summary>
    public void ForgetPasswords()
    {
        Password = null;
        ConfirmPassword = null;
    }
}

/// <summary>
/// Checks the fields every new account has. The password is checked against the same
/// <see cref="PasswordPolicy"/> that Identity applies when the account is saved, so every problem
/// shows at once.
/// </summary>
/// <typeparam name="T">The form's input.</typeparam>
public abstract partial class AccountFieldsValidator<T> : AbstractValidator<T>
    where T : AccountFields
{
    /// <summary>The longest name accepted (the column holds 200).</summary>
    public const int MaximumNameLength = 200;

    /// <summary>The longest email address accepted (Identity's column holds 256).</summary>
    public const int MaximumEmailLength = 256;

    /// <summary>Adds the rules.</summary>
    protected AccountFieldsValidator()
    {
        RuleFor(i => i.DisplayName)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the person's full name")
            .Must(n => n!.Trim().Length <= MaximumNameLength).When(i => !string.IsNullOrWhiteSpace(i.DisplayName), ApplyConditionTo.CurrentValidator)
            .WithMessage($"Full name must be {MaximumNameLength} characters or fewer");
        RuleFor(i => i.Email)
            .Custom((email, context) =>
            {
                var trimmed = email?.Trim() ?? string.Empty;
                var message = trimmed.Length == 0 ? "Enter an email address"
                    : trimmed.Length > MaximumEmailLength ? $"Email address must be {MaximumEmailLength} characters or fewer"
                    : !EmailShape().IsMatch(trimmed) ? "Enter an email address in the correct format, like name@example.com"
                    : null;
                if (message is not null)
                {
                    context.AddFailure(nameof(AccountFields.Email), message);
                }
            });
        RuleFor(i => i.Password)
            .Custom((password, context) =>
            {
                foreach (var error in PasswordPolicy.Check(password, context.InstanceToValidate.Email?.Trim()))
                {
                    context.AddFailure(nameof(AccountFields.Password), error.Description);
                }
            });
        RuleFor(i => i.ConfirmPassword)
            .Must(c => !string.IsNullOrEmpty(c)).WithMessage("Enter the password again")
            .Equal(i => i.Password).When(i => !string.IsNullOrEmpty(i.ConfirmPassword), ApplyConditionTo.CurrentValidator).WithMessage("The passwords do not match. Enter the same password in both boxes");
    }

    /// <summary>Something, an @, something, a dot, something; no spaces. Identity checks the address again when it saves the account.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial System.Text.RegularExpressions.Regex EmailShape();
}
