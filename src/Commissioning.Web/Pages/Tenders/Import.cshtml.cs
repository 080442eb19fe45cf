using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Application.Accounts;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Tenders;

/// <summary>
/// Imports a whole tender from an <c>oh-tender</c> file (a backup, or a tender moved from another
/// instance) as a new draft that the importer owns. Commissioners only. Nothing is saved unless
/// the whole file is sound; every problem is listed with where it is in the file.
/// </summary>
[Authorize(Roles = SiteRoles.Commissioner)]
public sealed class ImportModel(FindUser users, ImportTender import, IValidator<ImportInput> validator) : PageModel
{
    /// <summary>The upload.</summary>
    [BindProperty]
    public ImportInput Input { get; set; } = new();

    /// <summary>The problems found in the file, with where each is.</summary>
    public IReadOnlyList<AppError> FileProblems { get; private set; } = [];

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Reads, checks and saves the file; shows every problem when it cannot.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        ModelState.Clear();
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

        var bytes = await UploadedFile.ReadAsync(Input.File!, cancel);

        var text = TenderFiles.Decode(bytes);
        var imported = text.Succeeded ? await import.HandleAsync(me, text.Value, cancel) : text.As<Guid>();
        if (imported.Succeeded)
        {
            return RedirectToPage("/Tenders/Tender", new { id = imported.Value });
        }

        FileProblems = imported.Errors;
        var count = imported.Errors.Count;
        ModelState.AddModelError("Input.File", count == 1
            ? $"The file {Input.File!.FileName} could not be imported: {FileProblemText.Message(imported.Errors[0])}"
            : $"The file {Input.File!.FileName} could not be imported. It has {count} problems, listed below. Nothing was saved.");
        return Page();
    }
}
