using Commissioning.Application;
using Commissioning.Application.Accounts;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Admin.Accounts;

/// <summary>The accounts, for administrators: who has one, their organisation and roles, and unlocking a locked account.</summary>
[Authorize(Roles = SiteRoles.Administrator)]
public sealed class IndexModel(AccountService accounts) : PageModel
{
    /// <summary>Every account.</summary>
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    /// <summary>What was just done, for the notice at the top, or null.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Lists the accounts.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Accounts = await accounts.ListAsync(cancellationToken);
    }

    /// <summary>Unlocks an account and lists them again; 404 for an account that does not exist.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id))
        {
            return NotFound();
        }

        var unlocked = await accounts.UnlockAsync(User.ToActor(), id, cancellationToken);
        if (unlocked.Failure == FailureKind.NotFound)
        {
            return NotFound();
        }

        if (!unlocked.Succeeded)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        Done = $"{unlocked.Value.DisplayName}'s account is unlocked. They can sign in now.";
        return RedirectToPage();
    }
}
