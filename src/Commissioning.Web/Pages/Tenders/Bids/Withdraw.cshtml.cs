using Commissioning.Application.Tenders;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Bids;

/// <summary>
/// Withdraws one bid before evaluation, after a confirmation: its provider (until the bid
/// deadline) or the tender's owner (while the tender is open for bids, with a reason). Addressed
/// by the bid's row, as the link page is.
/// </summary>
[Authorize]
public sealed class WithdrawModel(TenderPageServices pages, ListBids bids, WithdrawBid withdraw, ReadBidsInbox inbox, ReadResponse response, IValidator<WithdrawInput> validator) : TenderPageModel(pages)
{
    /// <summary>The bid's row, from the address.</summary>
    [FromRoute(Name = "bid")]
    public Guid BidRowId { get; set; }

    /// <summary>The bid.</summary>
    public BidOnTender Bid { get; private set; } = null!;

    /// <summary>The title of the bid's lot.</summary>
    public string LotTitle { get; private set; } = string.Empty;

    /// <summary>Whether the person is the owner (who must give a reason and returns to the bids page).</summary>
    public bool AsOwner { get; private set; }

    /// <summary>Why the bid cannot be withdrawn now; null when it can.</summary>
    public string? Closed { get; private set; }

    /// <summary>The form.</summary>
    [BindProperty]
    public WithdrawInput Input { get; set; } = new();

    /// <summary>Asks for confirmation.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel) ? Page() : NotFound();

    /// <summary>Withdraws the bid.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await LoadAsync(cancel))
        {
            return NotFound();
        }

        if (await TryChangeAsync(Input, validator, nameof(Input), () => withdraw.HandleAsync(Me, TenderId, BidRowId, Input.Reason, cancel), cancel))
        {
            TempData["Done"] = $"Bid {ShortText.Of(Bid.Id)} ({ShortText.Of(Bid.Provider)}) was withdrawn.";
            return AsOwner ? RedirectToPage("/Tenders/Bids/Index", new { id = TenderId }) : RedirectToPage("/Tenders/Respond", new { id = TenderId });
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        AsOwner = await OpenAsync(TenderOperation.ReceiveBids, cancel);
        if (!AsOwner && !await OpenAsync(TenderOperation.SubmitBid, cancel))
        {
            return false;
        }

        var visible = await bids.HandleAsync(Me, TenderId, cancel);
        var check = await withdraw.CheckAsync(Me, TenderId, BidRowId, cancel);
        if (!visible.Succeeded || visible.Value.FirstOrDefault(b => b.RowId == BidRowId) is not { } bid || !check.Succeeded)
        {
            return false;
        }

        Bid = bid;
        Closed = check.Value;
        var lots = AsOwner
            ? (await inbox.HandleAsync(Me, TenderId, cancel)) is { Succeeded: true } owned ? owned.Value.Lots : []
            : (await response.HandleAsync(Me, TenderId, cancel)) is { Succeeded: true } own ? own.Value.Lots : [];
        LotTitle = lots.FirstOrDefault(l => l.Id == bid.LotId).Title ?? bid.LotId;
        return true;
    }
}
