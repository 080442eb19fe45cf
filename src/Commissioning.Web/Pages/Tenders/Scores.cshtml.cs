using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders;

/// <summary>
/// The scores the signed-in person may see on a tender: an evaluator their own until they have
/// submitted them all; a moderator every score of the lots they moderate; owners and observers
/// every score. Scoring itself comes with the tender journey.
/// </summary>
[Authorize]
public sealed class ScoresModel(TenderPageServices pages, ListBids bids, ListScores scores) : TenderPageModel(pages)
{
    /// <summary>The scores of the bid shown.</summary>
    public IReadOnlyList<ScoreOnTender> Scores { get; private set; } = [];

    /// <summary>The bids this person may see, to choose from.</summary>
    public IReadOnlyList<BidOnTender> Bids { get; private set; } = [];

    /// <summary>The bid shown: the one asked for, or the first this person may see.</summary>
    [BindProperty(SupportsGet = true, Name = "bid")]
    public string? Bid { get; set; }

    /// <summary>
    /// Shows one bid's scores at a time (an ICS tender holds 80,000 scores; one bid has at most a
    /// few thousand). A bid this person may not see shows no scores, as for a bid that does not exist.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ViewScores, cancel))
        {
            return NotFound();
        }

        Bids = (await bids.HandleAsync(Me, TenderId, cancel)).Value;
        var shown = Bids.FirstOrDefault(b => b.Id == Bid) ?? (Bid is null && Bids.Count > 0 ? Bids[0] : null);
        if (Bid is not null && shown is null)
        {
            return NotFound();
        }

        Bid = shown?.Id;
        Scores = shown is null ? [] : (await scores.HandleAsync(Me, TenderId, shown.Id, cancel)).Value;
        return Page();
    }
}
