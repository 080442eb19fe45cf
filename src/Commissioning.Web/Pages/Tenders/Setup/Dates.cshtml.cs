using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.NhsUk.Forms;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Setup;

/// <summary>
/// The key dates task: the last day for clarification questions and the bid deadline. Bids'
/// declarations are judged as they stand on the bid deadline.
/// </summary>
[Authorize]
public sealed class DatesModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator,
    IValidator<DatesInput> validator) : SetupPageModel(pages, read, change, completeValidator)
{
    /// <inheritdoc />
    public override SetupTask Task => SetupTask.KeyDates;

    /// <summary>The form.</summary>
    [BindProperty]
    public DatesInput Input { get; set; } = new();

    /// <summary>Shows the dates as stored.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        Input = new DatesInput
        {
            Version = Setup.Version,
            Clarification = DateInputModel.Of(Definition.ClarificationDeadline),
            Bids = DateInputModel.Of(Definition.BidDeadline),
        };
        return Page();
    }

    /// <summary>Saves the dates.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        var complete = Complete(Input.Completed);
        if (await TryChangeAsync(Input, validator, nameof(Input), () => Services.Change.HandleAsync(Me, TenderId, Input.Version, Task,
            tender => Outcome<Tender>.Success(TenderDrafts.SetDates(tender, Input.Clarification.ToDate(), Input.Bids.ToDate())), complete, cancel), cancel))
        {
            Done = "Key dates saved.";
            return complete is null ? RedirectToPage(new { id = TenderId }) : RedirectToPage("/Tenders/Setup/Index", new { id = TenderId });
        }

        return Page();
    }
}
