using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Setup;

/// <summary>What every set-up page needs: the set-up state, the change handler and the completion form's check.</summary>
/// <param name="Pages">Opens the tender.</param>
/// <param name="Read">Reads the set-up.</param>
/// <param name="Change">Makes a set-up change.</param>
/// <param name="CompleteValidator">Checks the completion form.</param>
public sealed class SetupPageServices(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator)
{
    /// <summary>Opens the tender.</summary>
    public TenderPageServices Pages => pages;

    /// <summary>Reads the set-up.</summary>
    public ReadTenderSetup Read => read;

    /// <summary>Makes a set-up change.</summary>
    public ChangeTenderSetup Change => change;

    /// <summary>Checks the completion form.</summary>
    public IValidator<TaskCompleteInput> CompleteValidator => completeValidator;
}

/// <summary>
/// A page of a tender's set-up (the owner only): opens the tender for <see cref="TenderOperation.SetUp"/>,
/// reads its set-up, and offers "Have you completed this task?" for the page's task.
/// </summary>
public abstract class SetupPageModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator) : TenderPageModel(pages)
{
    /// <summary>The task this page sets.</summary>
    public abstract SetupTask Task { get; }

    /// <summary>The set-up as stored.</summary>
    public TenderSetupState Setup { get; private set; } = null!;

    /// <summary>The tender's definition.</summary>
    public Tender Definition => Setup.Tender;

    /// <summary>This page's task state.</summary>
    public SetupTaskState State => Setup[Task];

    /// <summary>The completion form.</summary>
    [BindProperty]
    public TaskCompleteInput Completion { get; set; } = new();

    /// <summary>A confirmation after a change.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>"yes" and "no" as the completion radios send them; anything else leaves the mark alone.</summary>
    protected static bool? Complete(string? completed) => completed switch { "yes" => true, "no" => false, _ => null };

    /// <summary>The services.</summary>
    protected SetupPageServices Services { get; } = new(pages, read, change, completeValidator);

    /// <summary>Opens the tender and reads its set-up; false means answer 404.</summary>
    protected async Task<bool> OpenSetupAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.SetUp, cancel))
        {
            return false;
        }

        return await ReloadAsync(cancel);
    }

    /// <summary>Reads the set-up again (after a refused change, to show the page as stored).</summary>
    protected async Task<bool> ReloadAsync(CancellationToken cancel)
    {
        var read = await Services.Read.HandleAsync(Me, TenderId, cancel);
        if (!read.Succeeded)
        {
            return false;
        }

        Setup = read.Value;
        Completion.Version = Setup.Version;
        Completion.Completed ??= State.Status == SetupStatus.Completed ? "yes" : null;
        return true;
    }

    /// <summary>Marks the task complete or not; back to the task list when done. For the pages that show the completion form on its own.</summary>
    protected async Task<IActionResult> CompleteAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        var version = Completion.Version;
        if (await TryChangeAsync(Completion, Services.CompleteValidator, nameof(Completion),
            () => Services.Change.HandleAsync(Me, TenderId, version, Task, Outcome<Tender>.Success, Completion.IsComplete, cancel), cancel))
        {
            Done = Completion.IsComplete ? $"{TenderSetup.Describe(Task)}: marked as completed." : $"{TenderSetup.Describe(Task)}: marked as in progress.";
            return RedirectToPage("/Tenders/Setup/Index", new { id = TenderId });
        }

        await ReloadAsync(cancel);
        return Page();
    }
}
