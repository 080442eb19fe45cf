using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Setup;

/// <summary>
/// The people task: evaluators and moderators chosen from the service's accounts by name, each
/// with the lots they cover chosen from a list. Their places in the tender are made here; nobody
/// types an id.
/// </summary>
[Authorize]
public sealed class PeopleModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator,
    ReadPanel panel, AddToPanel add, RemoveFromPanel remove, IValidator<PanelInput> validator) : SetupPageModel(pages, read, change, completeValidator)
{
    /// <inheritdoc />
    public override SetupTask Task => SetupTask.People;

    /// <summary>Marks the task complete or not.</summary>
    public Task<IActionResult> OnPostCompleteAsync(CancellationToken cancel) => CompleteAsync(cancel);

    /// <summary>The accounts that can be chosen.</summary>
    public IReadOnlyList<PanelCandidate> Candidates { get; private set; } = [];

    /// <summary>The panel as it is.</summary>
    public IReadOnlyList<PanelPlace> Places { get; private set; } = [];

    /// <summary>The add form.</summary>
    [BindProperty]
    public PanelInput Input { get; set; } = new();

    /// <summary>The role to remove.</summary>
    [BindProperty]
    public RemovePanelInput Remove { get; set; } = new();

    /// <summary>Shows the panel.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        await LoadPanelAsync(cancel);
        return Page();
    }

    /// <summary>Adds a person to the panel.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        await LoadPanelAsync(cancel);
        if (await TryChangeAsync(Input, validator, nameof(Input),
            () => add.HandleAsync(Me, TenderId, Input.Version, Input.AccountId!, Enum.Parse<TenderRole>(Input.Role!), [.. Input.Lots], cancel), cancel))
        {
            var name = Candidates.FirstOrDefault(c => c.UserId == Input.AccountId)?.Name ?? "The person";
            Done = $"{name} added as {(Input.Role == nameof(TenderRole.Evaluator) ? "an evaluator" : "a moderator")}.";
            return RedirectToPage(new { id = TenderId });
        }

        return Page();
    }

    /// <summary>Takes a person off the panel.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        ModelState.Clear();
        var removed = await remove.HandleAsync(Me, TenderId, Remove.Version, Remove.MembershipId, cancel);
        if (removed.Succeeded)
        {
            Done = "Removed from the panel.";
            return RedirectToPage(new { id = TenderId });
        }

        AddErrors(removed.Errors, "Remove");
        await ReloadAsync(cancel);
        await LoadPanelAsync(cancel);
        return Page();
    }

    private async Task LoadPanelAsync(CancellationToken cancel)
    {
        var read = await panel.HandleAsync(Me, TenderId, cancel);
        if (read.Succeeded)
        {
            (Candidates, Places) = read.Value;
        }

        if (Input.Version == 0)
        {
            Input.Version = Setup.Version;
        }
    }
}
