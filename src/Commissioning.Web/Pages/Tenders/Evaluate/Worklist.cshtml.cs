using Commissioning.Application.Tenders;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Evaluate;

/// <summary>
/// The evaluator's queue on a tender: for each evaluator id they hold, their declaration, their
/// progress, what stops them scoring (and what to do about it), and every question of every bid
/// they score, in the order they choose. Only their own scores.
/// </summary>
[Authorize]
public sealed class WorklistModel(TenderPageServices pages, ReadWorklist worklist) : TenderPageModel(pages)
{
    /// <summary>One queue for each evaluator id they hold (normally one).</summary>
    public IReadOnlyList<EvaluatorWorklist> Queues { get; private set; } = [];

    /// <summary>The order chosen: <c>bid</c> or <c>question</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "order")]
    public string? Order { get; set; }

    /// <summary>Which part of a long worklist to show, from 1 (<see cref="ScoringOrder.Parts"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "part")]
    public int? Part { get; set; }

    /// <summary>A confirmation after a change.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Shows the queues.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.Score, cancel))
        {
            return NotFound();
        }

        Order = ScoringOrder.Normalise(Order);
        var read = await worklist.HandleAsync(Me, TenderId, cancel);
        if (!read.Succeeded)
        {
            return NotFound();
        }

        Queues = read.Value;
        return Page();
    }
}
