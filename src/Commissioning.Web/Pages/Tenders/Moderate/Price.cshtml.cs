using Commissioning.Application.Tenders;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Moderate;

/// <summary>
/// The decision on a price that may be abnormally low: the bid's evaluated price, the median it
/// is compared with and the lot's rule; the bidder was asked to explain the price, and the
/// explanation was accepted or the bid is excluded, with the reason. The owner on any lot, a
/// moderator on the lots they moderate. The price and the median are shown here whatever the
/// tender's setting on prices (see <see cref="ReadModeration"/>): the decision cannot be made
/// without them.
/// </summary>
[Authorize]
public sealed class PriceModel(TenderPageServices pages, ReadModeration read, RecordLowPriceDecision record, IValidator<LowPriceInput> validator) : TenderPageModel(pages)
{
    /// <summary>The bid, from the address's query (ids keep their case there; the path is lower-cased).</summary>
    [BindProperty(SupportsGet = true, Name = "bid")]
    public string BidId { get; set; } = string.Empty;

    /// <summary>What moderation needs.</summary>
    public ModerationState State { get; private set; } = null!;

    /// <summary>The bid's lot.</summary>
    public LotModeration Lot { get; private set; } = null!;

    /// <summary>The price to decide on.</summary>
    public PriceToDecide Price { get; private set; } = null!;

    /// <summary>The form.</summary>
    [BindProperty]
    public LowPriceInput Input { get; set; } = new();

    /// <summary>A confirmation, shown on the lot's page after saving.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Shows the price, with the decision as recorded in the form.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.Decide, cancel) || !await LoadAsync(cancel))
        {
            return NotFound();
        }

        if (Price.Decision is { } decision)
        {
            Input.Outcome = decision.Outcome.ToString();
            Input.Reason = decision.Reason;
        }

        return Page();
    }

    /// <summary>Records the decision.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.Decide, cancel) || !await LoadAsync(cancel))
        {
            return NotFound();
        }

        if (await TryChangeAsync(Input, validator, nameof(Input), () => record.HandleAsync(Me, TenderId, BidId, Input.ChosenOutcome(), Input.Reason, Input.Version, cancel), cancel))
        {
            Done = $"The decision on the price of {BidId} is saved.";
            return RedirectToPage("/Tenders/Moderate/Index", null, new { id = TenderId, lot = Lot.LotId }, "prices");
        }

        await LoadAsync(cancel);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        State = (await read.HandleAsync(Me, TenderId, cancel)).Value;
        var found = State.Lots.SelectMany(l => l.Prices.Select(p => (Lot: l, Price: p))).FirstOrDefault(x => x.Price.BidId == BidId);
        if (found.Price is null)
        {
            return false;
        }

        (Lot, Price) = found;
        return true;
    }
}
