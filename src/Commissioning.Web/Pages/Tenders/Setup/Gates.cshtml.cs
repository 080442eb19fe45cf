using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Setup;

/// <summary>
/// The gates task, one lot at a time: the pass or fail criteria drafted from the members'
/// specification, each with its basis in the standards, worded as bidders read them; custom gates
/// added; gates removed. Failing any gate excludes the bid.
/// </summary>
[Authorize]
public sealed class GatesModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator,
    IValidator<GatesInput> validator, StandardsCatalogue standards) : LotTaskModel(pages, read, change, completeValidator)
{
    /// <inheritdoc />
    public override SetupTask Task => SetupTask.Gates;

    /// <summary>The standards, for each drafted gate's basis.</summary>
    public StandardsCatalogue Standards => standards;

    /// <summary>The gates form.</summary>
    [BindProperty]
    public GatesInput Input { get; set; } = new();

    /// <summary>Shows the lot's gates.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel) || !FindLot(LotId))
        {
            return NotFound();
        }

        if (Lot is not null)
        {
            Input = new GatesInput
            {
                LotId = Lot.Id,
                Version = Setup.Version,
                Gates = [.. Lot.Gates.Select(g => new GateInput { Id = g.Id, Title = g.Title, Description = g.Description }), new GateInput()],
            };
        }

        return Page();
    }

    /// <summary>Saves the lot's gates.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel) || !FindLot(Input.LotId) || Lot is null)
        {
            return NotFound();
        }

        var lotId = Lot.Id;
        var plans = Input.Gates.Where(g => !g.IsEmptyNew && g.Remove != "yes")
            .Select(g => new GatePlan(string.IsNullOrEmpty(g.Id) ? null : g.Id, (g.Title ?? string.Empty).Trim(), (g.Description ?? string.Empty).Trim())).ToList();
        if (await TryChangeAsync(Input, validator, nameof(Input), () => Services.Change.HandleAsync(Me, TenderId, Input.Version, Task,
            tender => tender.FindLot(lotId) is { } lot && plans.All(p => p.Id is null || lot.Gates.Any(g => g.Id == p.Id))
                ? Outcome<Tender>.Success(TenderDrafts.SetGates(tender, lotId, plans))
                : Outcome<Tender>.Fail(FailureKind.Conflict, "The lot or its gates changed since this page was shown. Nothing was saved."),
            Complete(Input.Completed), cancel), cancel))
        {
            Done = $"Gates for {Lot.Title} saved.";
            return Complete(Input.Completed) is null ? RedirectToPage(new { id = TenderId, lot = lotId }) : RedirectToPage("/Tenders/Setup/Index", new { id = TenderId });
        }

        return Page();
    }
}
