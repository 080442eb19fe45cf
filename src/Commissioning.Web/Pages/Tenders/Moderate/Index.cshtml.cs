using Commissioning.Application.Tenders;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Moderate;

/// <summary>
/// Moderation of one lot at a time: progress across the lot, every question of every bid with the
/// evaluators' submitted scores, the spread and whether the consensus is recorded (those needing
/// one first), and the gates and prices that need a decision. For moderators on the lots they
/// moderate, and the owner on every lot; nothing that says where a bid stands.
/// </summary>
[Authorize]
public sealed class IndexModel(TenderPageServices pages, ReadModeration moderation) : TenderPageModel(pages)
{
    /// <summary>What moderation needs of the lots this person moderates.</summary>
    public ModerationState State { get; private set; } = null!;

    /// <summary>The lot shown.</summary>
    public LotModeration? Lot { get; private set; }

    /// <summary>The lot asked for by id; the first lot this person moderates when none is.</summary>
    [BindProperty(SupportsGet = true, Name = "lot")]
    public string? LotId { get; set; }

    /// <summary>A confirmation after a change on another moderation page.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>
    /// The items of the lot, those that need a consensus first (flagged spreads before others), then
    /// those agreed, then those where the evaluators agree, then those without scores; otherwise in
    /// section, question and bid order.
    /// </summary>
    public IReadOnlyList<ModerationItem> Items => Lot is null ? [] :
        [.. Lot.Items.Select((item, index) => (item, index))
            .OrderBy(x => x.item.NeedsConsensus ? (x.item.SpreadFlagged ? 0 : 1) : x.item.Disagree ? 2 : x.item.HasScores ? 3 : 4)
            .ThenBy(x => x.index).Select(x => x.item)];

    /// <summary>Shows the lot.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.Decide, cancel))
        {
            return NotFound();
        }

        State = (await moderation.HandleAsync(Me, TenderId, cancel)).Value;
        Lot = LotId is null ? (State.Lots.Count > 0 ? State.Lots[0] : null) : State.Lots.FirstOrDefault(l => l.LotId == LotId);
        if (LotId is not null && Lot is null)
        {
            return NotFound();
        }

        return Page();
    }
}
