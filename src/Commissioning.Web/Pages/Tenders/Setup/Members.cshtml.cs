using Commissioning.Web.Infrastructure;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Profiles;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Web.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Setup;

/// <summary>
/// The members task: the organisations the tender buys for. Each is added with the profile form,
/// or several at once from an <c>oh-profiles</c> file; each can be removed (its lots stop serving it).
/// </summary>
[Authorize]
public sealed class MembersModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator, IValidator<ImportInput> uploadValidator,
    SavedProfiles savedProfiles, IValidator<SavedProfilesInput> savedValidator) : SetupPageModel(pages, read, change, completeValidator)
{
    /// <inheritdoc />
    public override SetupTask Task => SetupTask.Members;

    /// <summary>Marks the task complete or not.</summary>
    public Task<IActionResult> OnPostCompleteAsync(CancellationToken cancel) => CompleteAsync(cancel);

    /// <summary>The profiles file upload.</summary>
    [BindProperty]
    public ImportInput Upload { get; set; } = new();

    /// <summary>The member to remove and the version the page showed.</summary>
    [BindProperty]
    public RemoveMemberInput Remove { get; set; } = new();

    /// <summary>Problems found in an uploaded file, each with where it is.</summary>
    public IReadOnlyList<AppError> FileProblems { get; private set; } = [];

    /// <summary>The profiles saved on the person's other tenders, to choose from.</summary>
    public IReadOnlyList<SavedProfile> Saved { get; private set; } = [];

    /// <summary>The saved profiles chosen.</summary>
    [BindProperty]
    public SavedProfilesInput Choose { get; set; } = new();

    /// <summary>Shows the members.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel) =>
        await OpenSetupAsync(cancel) ? await PageAsync(cancel) : NotFound();

    /// <summary>Adds the saved profiles chosen; nothing when any is no longer offered.</summary>
    public async Task<IActionResult> OnPostSavedAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        var count = Choose.Chosen.Count;
        if (await TryChangeAsync(Choose, savedValidator, nameof(Choose), () => savedProfiles.AddAsync(Me, TenderId, Choose.Version, Choose.Chosen, cancel), cancel))
        {
            Done = count == 1 ? "1 organisation added." : $"{count} organisations added.";
            return RedirectToPage(new { id = TenderId });
        }

        await ReloadAsync(cancel);
        return await PageAsync(cancel);
    }

    private async Task<IActionResult> PageAsync(CancellationToken cancel)
    {
        var saved = await savedProfiles.HandleAsync(Me, TenderId, cancel);
        Saved = saved.Succeeded ? saved.Value : [];
        Choose.Version = Setup.Version;
        return Page();
    }

    /// <summary>Adds every organisation in an <c>oh-profiles</c> file; nothing when any has a problem.</summary>
    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        ModelState.Clear();
        var checkedInput = await uploadValidator.ValidateAsync(Upload, cancel);
        if (!checkedInput.IsValid)
        {
            foreach (var error in checkedInput.Errors)
            {
                ModelState.AddModelError("Upload.File", error.ErrorMessage.Replace("a tender file (.json) to import", "a profiles file (.json)", StringComparison.Ordinal).Replace("must be a tender file", "must be a profiles file", StringComparison.Ordinal));
            }

            return await PageAsync(cancel);
        }

        var bytes = await UploadedFile.ReadAsync(Upload.File!, cancel);

        var text = TenderFiles.Decode(bytes);
        var profiles = text.Succeeded ? TenderFiles.ReadProfiles(text.Value) : text.As<IReadOnlyList<OrganisationProfile>>();
        if (!profiles.Succeeded)
        {
            FileProblems = profiles.Errors;
            ModelState.AddModelError("Upload.File", profiles.Errors.Count == 1
                ? $"The file {Upload.File!.FileName} could not be read: {FileProblemText.Message(profiles.Errors[0])}"
                : $"The file {Upload.File!.FileName} has {profiles.Errors.Count} problems, listed below. No organisation was added.");
            return await PageAsync(cancel);
        }

        var added = await Services.Change.HandleAsync(Me, TenderId, Remove.Version, Task,
            tender => Outcome<Tender>.Success(profiles.Value.Aggregate(tender, TenderDrafts.AddMember)), null, cancel);
        if (!added.Succeeded)
        {
            AddErrors(added.Errors, "Upload.File");
            return await PageAsync(cancel);
        }

        Done = profiles.Value.Count == 1 ? $"{profiles.Value[0].Name} added." : $"{profiles.Value.Count} organisations added.";
        return RedirectToPage(new { id = TenderId });
    }

    /// <summary>Removes a member.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        ModelState.Clear();
        var member = Definition.Members.FirstOrDefault(m => m.Id == Remove.MemberId);
        if (member is null)
        {
            ModelState.AddModelError("Remove", "That organisation is no longer a member. The list below is as it is now.");
            return await PageAsync(cancel);
        }

        var removed = await Services.Change.HandleAsync(Me, TenderId, Remove.Version, Task, tender => Outcome<Tender>.Success(TenderDrafts.RemoveMember(tender, member.Id)), null, cancel);
        if (!removed.Succeeded)
        {
            AddErrors(removed.Errors, "Remove");
            await ReloadAsync(cancel);
            return await PageAsync(cancel);
        }

        Done = $"{member.Profile.Name} removed.";
        return RedirectToPage(new { id = TenderId });
    }
}

/// <summary>Which member to remove.</summary>
public sealed class RemoveMemberInput
{
    /// <summary>The member's id in the tender.</summary>
    public string? MemberId { get; set; }

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }
}
