using Commissioning.Web.Infrastructure;
using Commissioning.Application.Tenders;
using Commissioning.Application;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Web.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Setup;

/// <summary>The details task: title, reference, regime, procedure and the reason for them.</summary>
[Authorize]
public sealed class DetailsModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator, IValidator<TenderDetailsInput> validator) : SetupPageModel(pages, read, change, completeValidator)
{
    /// <inheritdoc />
    public override SetupTask Task => SetupTask.Details;

    /// <summary>The details form.</summary>
    [BindProperty]
    public TenderDetailsInput Input { get; set; } = new();

    /// <summary>Shows the details as stored.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        Input = new TenderDetailsInput
        {
            Title = Definition.Title,
            Reference = Definition.Reference,
            Regime = RegimeChoices.ValueOf(Definition.Regime.Regime),
            Procedure = Definition.Regime.Procedure,
            Rationale = Definition.Regime.Rationale,
            Completed = Completion.Completed,
            Version = Setup.Version,
        };
        return Page();
    }

    /// <summary>Saves the details and whether the task is complete.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        var complete = Complete(Input.Completed);
        if (await TryChangeAsync(Input, validator, nameof(Input), () =>
        {
            var details = Input.ToDetails();
            return Services.Change.HandleAsync(Me, TenderId, Input.Version, Task,
                tender => Outcome<Tender>.Success(TenderDrafts.WithDetails(tender, details.Title, details.Reference, details.Regime)), complete, cancel);
        }, cancel))
        {
            Done = "Tender details saved.";
            return RedirectToPage("/Tenders/Setup/Index", new { id = TenderId });
        }

        return Page();
    }
}
