using Commissioning.Application.Tenders;
using Commissioning.Core.Tenders;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Moderate;

/// <summary>
/// The decision on one gate for one bid, where the bid's declarations cannot decide it: what the
/// gate requires, what the bid declares, and pass or fail with the reason. The owner on any lot,
/// a moderator on the lots they moderate.
/// </summary>
[Authorize]
public sealed class GateModel(TenderPageServices pages, ReadModeration read, RecordGateDecision record, IValidator<GateDecisionInput> validator) : TenderPageModel(pages)
{
    /// <summary>The bid, from the address's query (ids keep their case there; the path is lower-cased).</summary>
    [BindProperty(SupportsGet = true, Name = "bid")]
    public string BidId { get; set; } = string.Empty;

    /// <summary>The gate, from the address's query.</summary>
    [BindProperty(SupportsGet = true, Name = "gate")]
    public string GateId { get; set; } = string.Empty;

    /// <summary>What moderation needs.</summary>
    public ModerationState State { get; private set; } = null!;

    /// <summary>The gate's lot.</summary>
    public LotModeration Lot { get; private set; } = null!;

    /// <summary>The gate of the bid.</summary>
    public GateToDecide Gate { get; private set; } = null!;

    /// <summary>The form.</summary>
    [BindProperty]
    public GateDecisionInput Input { get; set; } = new();

    /// <summary>A confirmation, shown on the lot's page after saving.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Shows the gate, with the decision as recorded in the form.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.Decide, cancel) || !await LoadAsync(cancel))
        {
            return NotFound();
        }

        if (Gate.Decision is { } decision)
        {
            Input.Outcome = decision.Passed ? "pass" : "fail";
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

        if (await TryChangeAsync(Input, validator, nameof(Input), () => record.HandleAsync(Me, TenderId,
                new GateDecision { BidId = BidId, GateId = GateId, Passed = Input.Passed(), Reason = Input.Reason!.Trim(), DecidedBy = Lot.DecideAs }, Input.Version, cancel), cancel))
        {
            Done = $"The decision on gate {GateId} for {BidId} is saved.";
            return RedirectToPage("/Tenders/Moderate/Index", null, new { id = TenderId, lot = Lot.LotId }, "gates");
        }

        await LoadAsync(cancel);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        State = (await read.HandleAsync(Me, TenderId, cancel)).Value;
        var found = State.Lots.SelectMany(l => l.Gates.Select(g => (Lot: l, Gate: g))).FirstOrDefault(x => x.Gate.BidId == BidId && x.Gate.GateId == GateId);
        if (found.Gate is null)
        {
            return false;
        }

        (Lot, Gate) = found;
        return true;
    }
}
