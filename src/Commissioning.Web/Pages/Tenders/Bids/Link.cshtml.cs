using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Bids;

/// <summary>
/// Which provider organisation on this site submitted one bid (the owner): its accounts then see
/// that bid and nothing else. One page a bid, addressed by the bid's row, so that a tender of any
/// size and a bid of any id can be linked.
/// </summary>
[Authorize]
public sealed class LinkModel(TenderPageServices pages, ListBids bids, ListProviderOrganisations providers, ReadBidsInbox inbox, LinkBid linkBid, IValidator<BidLinkInput> validator) : TenderPageModel(pages)
{
    /// <summary>The bid's row, from the address.</summary>
    [FromRoute(Name = "bid")]
    public Guid BidRowId { get; set; }

    /// <summary>The bid.</summary>
    public BidOnTender Bid { get; private set; } = null!;

    /// <summary>The title of the bid's lot.</summary>
    public string LotTitle { get; private set; } = string.Empty;

    /// <summary>The provider organisations to choose from.</summary>
    public IReadOnlyList<ProviderOrganisation> Providers { get; private set; } = [];

    /// <summary>The form.</summary>
    [BindProperty]
    public BidLinkInput Link { get; set; } = new();

    /// <summary>Why the link cannot be changed now (the stage); null when it can.</summary>
    public string? Closed => TenderLifecycle.Check(Access.Tender.Stage, TenderChange.People) is { Allowed: false } closed ? closed.Refusal : null;

    /// <summary>Whether a reason must be given (from evaluation on).</summary>
    public bool ReasonRequired => TenderLifecycle.Check(Access.Tender.Stage, TenderChange.People).ReasonRequired;

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ManagePeople, cancel) || !await LoadAsync(cancel))
        {
            return NotFound();
        }

        Link.OrganisationId = Bid.OrganisationId?.ToString();
        Link.Version = Bid.Version;
        return Page();
    }

    /// <summary>Saves the link.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ManagePeople, cancel) || !await LoadAsync(cancel))
        {
            return NotFound();
        }

        Guid? organisation = Guid.TryParse(Link.OrganisationId, out var id) ? id : null;
        if (await TryChangeAsync(Link, validator, nameof(Link), () => linkBid.HandleAsync(Me, TenderId, Bid.Id, organisation, Link.Version, Link.Reason, cancel), cancel))
        {
            TempData["Done"] = organisation is null ? $"Bid {ShortText.Of(Bid.Id)} is no longer linked to an organisation." : $"Bid {ShortText.Of(Bid.Id)} is linked to its provider organisation.";
            return RedirectToPage("/Tenders/Tender", new { id = TenderId });
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        var visible = await bids.HandleAsync(Me, TenderId, cancel);
        if (!visible.Succeeded || visible.Value.FirstOrDefault(b => b.RowId == BidRowId) is not { } bid)
        {
            return false;
        }

        Bid = bid;
        Providers = (await providers.HandleAsync(Me, TenderId, cancel)).Value;
        var lots = await inbox.HandleAsync(Me, TenderId, cancel);
        LotTitle = lots.Succeeded ? lots.Value.Definition.FindLot(bid.LotId)?.Title ?? bid.LotId : bid.LotId;
        return true;
    }
}
