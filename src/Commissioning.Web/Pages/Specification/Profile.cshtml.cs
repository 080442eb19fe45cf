using Commissioning.Web.Infrastructure;
using Commissioning.Web.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Specification;

/// <summary>
/// The organisation profile form. Public: a practice manager needs no account to see what the
/// standards ask of a provider for their organisation. Nothing is stored; the answers travel in
/// the address of the specification page.
/// </summary>
[AllowAnonymous]
public sealed class ProfileModel(IValidator<ProfileInput> validator) : PageModel
{
    /// <summary>The answers.</summary>
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    /// <summary>Shows the form, filled in from the address when changing answers.</summary>
    public void OnGet([FromQuery] ProfileInput? answers)
    {
        Input = (answers ?? new ProfileInput()).ForRedisplay();
    }

    /// <summary>Validates the answers and shows the specification, or the form with the errors.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Model binding cannot fail for string inputs; everything is checked by the validator,
        // including fields the request sent twice (binding would keep the first silently).
        ModelState.Clear();
        Input.RepeatedFields = ProfileInput.Repeated(Request.Form);
        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState, nameof(Input));

            // Show back no more than the form accepts: the messages say what the limits are.
            Input = Input.ForRedisplay();
            return Page();
        }

        return RedirectToPage("/Specification/Index", Input.ToRouteValues());
    }
}
