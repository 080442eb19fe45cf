using Commissioning.Application.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Account;

/// <summary>
/// Sign out. Only a POST (with its antiforgery token) signs out, so a link or an image on another
/// site cannot. Opening the address shows a button that does. Public, so that a person whose
/// session has already ended is not sent to sign in first.
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(AccountSignIn signIn) : PageModel
{
    /// <summary>Shows the sign-out button (or says you are signed out).</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs out and goes to the start page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
