using Commissioning.Web.Forms;
using Commissioning.Application.Tenders;
using Commissioning.Application;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Web.Infrastructure;
using Commissioning.Web.Pages.Specification;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Setup;

/// <summary>Adds one member organisation with the profile form the specification journey uses.</summary>
[Authorize]
public sealed class MemberModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator, IValidator<ProfileInput> validator) : SetupPageModel(pages, read, change, completeValidator)
{
    /// <inheritdoc />
    public override SetupTask Task => SetupTask.Members;

    /// <summary>The profile.</summary>
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    /// <summary>The tender's version when the form was shown.</summary>
    [BindProperty]
    public long Version { get; set; }

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        Version = Setup.Version;
        return Page();
    }

    /// <summary>Adds the member, or shows the form with its problems.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        ModelState.Clear();
        Input.RepeatedFields = ProfileInput.Repeated(Request.Form);
        var result = await validator.ValidateAsync(Input, cancel);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState, nameof(Input));
            Input = Input.ForRedisplay();
            return Page();
        }

        var profile = Input.ToProfile();
        var added = await Services.Change.HandleAsync(Me, TenderId, Version, Task, tender => Outcome<Tender>.Success(TenderDrafts.AddMember(tender, profile)), null, cancel);
        if (!added.Succeeded)
        {
            AddErrors(added.Errors, nameof(Input));
            Input = Input.ForRedisplay();
            return Page();
        }

        Done = $"{profile.Name} added.";
        return RedirectToPage("/Tenders/Setup/Members", new { id = TenderId });
    }
}
