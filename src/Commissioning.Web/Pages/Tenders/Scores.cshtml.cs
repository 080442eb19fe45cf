using Commissioning.Application;
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
public sealed class ScoresModel(TeamTenders team, IAuthorizationService authorization) : TenderPageModel(team, authorization)
{
    /// <summary>The scores.</summary>
    public IReadOnlyList<ScoreOnTender> Scores { get; private set; } = [];

    /// <summary>Shows them.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ViewScores, cancel))
        {
            return NotFound();
        }

        Scores = (await Team.ScoresAsync(Me, TenderId, null, cancel)).Value;
        return Page();
    }
}
