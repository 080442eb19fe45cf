using System.Globalization;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Setup;

/// <summary>
/// The price and scoring task, one lot at a time: contract and extension years, whether the
/// extensions are evaluated, the price method (and ceiling), the abnormally low price rule, the
/// quality method and the tie-break, all declared before bids are invited.
/// </summary>
[Authorize]
public sealed class PriceModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator,
    IValidator<PriceInput> validator) : LotTaskModel(pages, read, change, completeValidator)
{
    /// <inheritdoc />
    public override SetupTask Task => SetupTask.PriceAndScoring;

    /// <summary>The form.</summary>
    [BindProperty]
    public PriceInput Input { get; set; } = new();

    /// <summary>Shows the lot's price model as stored.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel) || !FindLot(LotId))
        {
            return NotFound();
        }

        if (Lot is { } lot)
        {
            Input = new PriceInput
            {
                LotId = lot.Id,
                Version = Setup.Version,
                ContractYears = lot.Price.ContractYears.ToString(CultureInfo.InvariantCulture),
                ExtensionYears = lot.Price.ExtensionYears.ToString(CultureInfo.InvariantCulture),
                EvaluateExtensions = lot.Price.EvaluateExtensions ? "yes" : null,
                Method = lot.Price.Method.ToString(),
                Ceiling = lot.Price.Ceiling?.ToString("#,##0.##", CultureInfo.InvariantCulture),
                AbnormallyLow = lot.AbnormallyLowPercent.ToString("0.##", CultureInfo.InvariantCulture),
                QualityMethod = lot.QualityMethod.ToString(),
                TieBreak = lot.TieBreak.Rule.ToString(),
                TieBreakSection = lot.TieBreak.SectionId,
            };
        }

        return Page();
    }

    /// <summary>Saves the lot's price model.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel) || !FindLot(Input.LotId) || Lot is null)
        {
            return NotFound();
        }

        var lotId = Lot.Id;
        if (await TryChangeAsync(Input, validator, nameof(Input), () =>
        {
            var plan = Input.ToPlan();
            return Services.Change.HandleAsync(Me, TenderId, Input.Version, Task,
                tender => tender.FindLot(lotId) is null
                    ? Outcome<Tender>.Fail(FailureKind.Conflict, "The lot was removed since this page was shown. Nothing was saved.")
                    : Outcome<Tender>.Success(TenderDrafts.SetPrice(tender, lotId, plan)),
                Complete(Input.Completed), cancel);
        }, cancel))
        {
            Done = $"Price and scoring for {Lot.Title} saved.";
            return Complete(Input.Completed) is null ? RedirectToPage(new { id = TenderId, lot = lotId }) : RedirectToPage("/Tenders/Setup/Index", new { id = TenderId });
        }

        return Page();
    }
}
