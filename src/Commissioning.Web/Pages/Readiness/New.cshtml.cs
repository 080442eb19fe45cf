using Commissioning.Application.Readiness;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Standards;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Readiness;

/// <summary>
/// Starts a readiness self-assessment (accounts of provider organisations only; anyone else gets
/// 404): what to check against, then the provider's declarations with the fields a bid entered by
/// hand uses. Saved only when every field reads; then the report opens.
/// </summary>
[Authorize]
public sealed class NewModel(FindUser users, ReadinessChecks checks, StandardsCatalogue standards, IValidator<ReadinessInput> validator) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public ReadinessInput Input { get; set; } = new();

    /// <summary>The tenders the organisation is invited to, with their lots.</summary>
    public IReadOnlyList<InvitedTender> Tenders { get; private set; } = [];

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (await users.UserAsync(User, cancel) is not { IsProvider: true } me)
        {
            return NotFound();
        }

        Tenders = await checks.InvitedTendersAsync(me, cancel);
        Input.Target ??= Tenders.Count == 0 ? ReadinessInput.StandardsTarget : null;
        Input.CompleteDeclarations(DeclarationsFields.SubSpecialismsInOrder.Select(s => s.Key));
        return Page();
    }

    /// <summary>Saves the check and opens its report, or shows the form with its problems.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (await users.UserAsync(User, cancel) is not { IsProvider: true } me)
        {
            return NotFound();
        }

        Tenders = await checks.InvitedTendersAsync(me, cancel);
        Input.CompleteDeclarations(DeclarationsFields.SubSpecialismsInOrder.Select(s => s.Key));
        ModelState.Clear();
        var checkedInput = await validator.ValidateAsync(Input, cancel);
        if (!checkedInput.IsValid)
        {
            checkedInput.AddToModelState(ModelState, nameof(Input));
            return Page();
        }

        string? tenderFile = null;
        if (Input.Target == ReadinessInput.FileTarget)
        {
            var text = TenderFiles.Decode(await UploadedFile.ReadAsync(Input.TenderFile!, cancel));
            if (!text.Succeeded)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(ReadinessInput.TenderFile)}", text.Errors[0].Message);
                return Page();
            }

            tenderFile = text.Value;
        }

        var saved = await checks.SaveAsync(me, Input.Title!, Input.Provider!.Trim(), Input.ToDeclarations(), Input.ToTarget(tenderFile)!, standards, cancel);
        if (!saved.Succeeded)
        {
            foreach (var error in saved.Errors)
            {
                var field = error.Location is FormFieldLocation { Field: var name }
                    ? name.StartsWith("Declarations.", StringComparison.Ordinal) ? Input.FieldFor(name["Declarations.".Length..]) : name
                    : string.Empty;
                ModelState.AddModelError(field.Length == 0 ? string.Empty : $"{nameof(Input)}.{field}", error.Message);
            }

            return Page();
        }

        return RedirectToPage("/Readiness/Check", new { id = saved.Value });
    }
}
