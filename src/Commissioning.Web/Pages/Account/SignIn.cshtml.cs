using Commissioning.Application.Accounts;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Account;

/// <summary>
/// Sign in with email address and password. Public. A wrong email address and a wrong password get
/// the same message, so the form does not tell anyone which addresses have accounts. After
/// <see cref="IdentitySettings.MaxFailedSignIns"/> wrong passwords in a row the account is locked for
/// <see cref="IdentitySettings.LockoutDuration"/>. The return address is followed only when it is on this site.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(AccountSignIn signIn, IValidator<SignInInput> validator) : PageModel
{
    /// <summary>The message for a wrong email address or password.</summary>
    public const string WrongDetailsMessage = "Enter a correct email address and password";

    /// <summary>The message for a locked account.</summary>
    public static readonly string LockedMessage =
        $"Your account is locked because the wrong password was entered {IdentitySettings.MaxFailedSignIns} times. Try again in {IdentitySettings.LockoutDuration.TotalMinutes:0} minutes, or ask an administrator to unlock it";

    /// <summary>The answers.</summary>
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs in and goes to the return address (when local) or the start page; or shows the form with the problem.</summary>
    public async Task<IActionResult> OnPostAsync([FromQuery] string? returnUrl, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState, nameof(Input));
            return ShowErrors();
        }

        // For an unknown address AccountSignIn hashes the password all the same, so it takes as long to refuse as a wrong password.
        var outcome = await signIn.PasswordSignInAsync(Input.Email!, Input.Password!);
        if (outcome == SignInOutcome.SignedIn)
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }

        ModelState.AddModelError("Input.Email", outcome == SignInOutcome.LockedOut ? LockedMessage : WrongDetailsMessage);
        return ShowErrors();
    }

    private PageResult ShowErrors()
    {
        Input.Password = null;
        return Page();
    }
}
