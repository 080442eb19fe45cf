using Commissioning.Application.Accounts;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Admin.Accounts;

/// <summary>Creates an account, for administrators: name, email, site roles, organisation and an initial password.</summary>
[Authorize(Roles = SiteRoles.Administrator)]
public sealed class CreateModel(AccountService accounts, IValidator<CreateInput> validator) : PageModel
{
    /// <summary>The answers.</summary>
    [BindProperty]
    public CreateInput Input { get; set; } = new();

    /// <summary>The organisations to choose from.</summary>
    public IReadOnlyList<OrganisationChoice> Organisations { get; private set; } = [];

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Organisations = await accounts.OrganisationsAsync(cancellationToken);
    }

    /// <summary>Creates the account and goes back to the list; or shows the form with the problems.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState, nameof(Input));
            return await ShowErrorsAsync(cancellationToken);
        }

        var created = await accounts.CreateAsync(User.ToActor(), Input.ToNewAccount(), cancellationToken);
        if (!created.Succeeded)
        {
            created.Errors.AddToModelState(ModelState);
            return await ShowErrorsAsync(cancellationToken);
        }

        TempData[nameof(IndexModel.Done)] = $"Account created for {created.Value.DisplayName}. Give them their initial password in a safe way, not by email.";
        return RedirectToPage("/Admin/Accounts/Index");
    }

    private async Task<PageResult> ShowErrorsAsync(CancellationToken cancellationToken)
    {
        Input.ForgetPasswords();
        Organisations = await accounts.OrganisationsAsync(cancellationToken);
        return Page();
    }
}
