using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders;

/// <summary>
/// One tender: its stage, the signed-in person's roles, the bids they may see (prices only where
/// they may), and for the owner the stage, the prices setting and a link to each bid's provider
/// organisation.
/// </summary>
[Authorize]
public sealed class TenderModel(TenderPageServices pages, ListBids bids, SetPriceVisibility setPrices, IValidator<PricesInput> pricesValidator) : TenderPageModel(pages)
{
    /// <summary>The bids this person may see.</summary>
    public IReadOnlyList<BidOnTender> Bids { get; private set; } = [];

    /// <summary>The prices setting form.</summary>
    [BindProperty]
    public PricesInput Prices { get; set; } = new();

    /// <summary>A confirmation after a change.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Shows the tender.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.View, cancel))
        {
            return NotFound();
        }

        await LoadAsync(cancel);
        return Page();
    }

    /// <summary>Lets evaluators see prices, or keeps prices from them (owner only).</summary>
    public async Task<IActionResult> OnPostPricesAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ManagePeople, cancel))
        {
            return NotFound();
        }

        if (await TryChangeAsync(Prices, pricesValidator, nameof(Prices), () => setPrices.HandleAsync(Me, TenderId, Prices.EvaluatorsSeePrices, Prices.Version, Prices.Reason, cancel), cancel))
        {
            Done = Prices.EvaluatorsSeePrices ? "Evaluators and moderators can now see prices." : "Prices are now kept from evaluators and moderators.";
            return RedirectToPage(new { id = TenderId });
        }

        return await RedisplayAsync(cancel, pricesAsSent: true);
    }

    /// <summary>The stages the owner may move the tender to from where it is.</summary>
    public IReadOnlyList<TenderStage> NextStages => TenderLifecycle.NextStages(Access.Tender.Stage);

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancel, bool pricesAsSent = false)
    {
        await LoadAsync(cancel, pricesAsSent);
        return Page();
    }

    /// <summary>
    /// The bids and providers; and the prices setting as saved, unless the page shows the prices
    /// form sent back with its problems.
    /// </summary>
    private async Task LoadAsync(CancellationToken cancel, bool pricesAsSent = false)
    {
        if (!pricesAsSent)
        {
            Prices.EvaluatorsSeePrices = Access.EvaluatorsSeePrices;
        }

        Bids = (await bids.HandleAsync(Me, TenderId, cancel)).Value;
    }
}
