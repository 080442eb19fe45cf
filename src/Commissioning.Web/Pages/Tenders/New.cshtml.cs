using Commissioning.Application.Accounts;
using Commissioning.Application.Tenders;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Tenders;

/// <summary>
/// Starts a tender in the site (commissioners only): its title, reference, regime and procedure
/// with the reason for them. The tender is saved as a draft the commissioner owns, and its set-up
/// task list opens.
/// </summary>
[Authorize(Roles = SiteRoles.Commissioner)]
public sealed class NewModel(FindUser users, CreateTender create, IValidator<TenderDetailsInput> validator) : PageModel
{
    /// <summary>The details.</summary>
    [BindProperty]
    public TenderDetailsInput Input { get; set; } = new();

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Creates the draft, or shows the form with its problems.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        ModelState.Clear();
        Input.Completed = null;
        var checkedInput = await validator.ValidateAsync(Input, cancel);
        if (!checkedInput.IsValid)
        {
            checkedInput.AddToModelState(ModelState, nameof(Input));
            return Page();
        }

        if (await users.UserAsync(User, cancel) is not { } me)
        {
            return Challenge();
        }

        var created = await create.HandleAsync(me, Input.ToDetails(), cancel);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(nameof(Input), error.Message);
            }

            return Page();
        }

        TempData["Done"] = "Tender created. Work through the tasks below, in any order the statuses allow.";
        return RedirectToPage("/Tenders/Setup/Index", new { id = created.Value });
    }
}
