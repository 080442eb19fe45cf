using Commissioning.Application;
using Commissioning.Application.Accounts;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages;

/// <summary>
/// First run: creates the first administrator while no account exists. Public, because nobody can
/// sign in yet. Once any account exists the page is gone: 404 for every method. Two forms sent at
/// once cannot both create an administrator (<see cref="AccountService.CreateFirstAdministratorAsync"/>).
/// </summary>
[AllowAnonymous]
public sealed class SetupModel(AccountService accounts, AccountSignIn signIn, IValidator<SetupInput> validator) : PageModel
{
    /// <summary>The answers.</summary>
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    /// <summary>Shows the form, or 404 once an account exists.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await accounts.AnyAccountAsync(cancellationToken) ? NotFound() : Page();

    /// <summary>Creates the administrator and signs them in; or shows the problems; or 404 once an account exists.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await accounts.AnyAccountAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState, nameof(Input));
            return ShowErrors();
        }

        var created = await accounts.CreateFirstAdministratorAsync(Input.DisplayName!, Input.Email!, Input.Password!, cancellationToken);
        if (created.Failure == FailureKind.NotFound)
        {
            return NotFound();
        }

        if (!created.Succeeded)
        {
            created.Errors.AddToModelState(ModelState);
            return ShowErrors();
        }

        await signIn.SignInAsync(created.Value.Id);
        return RedirectToPage("/Admin/Accounts/Index");
    }

    private PageResult ShowErrors()
    {
        Input.ForgetPasswords();
        return Page();
    }
}
