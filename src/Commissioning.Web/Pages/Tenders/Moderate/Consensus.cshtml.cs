using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Tenders;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Moderate;

/// <summary>
/// The consensus for one question of one bid: the question, the bid's answer, the evaluators'
/// scores and rationales side by side with their names, the spread; and the form that records the
/// consensus score with its reason. The evaluators' own scores are kept. The owner sees the page;
/// only a moderator of the question's lot and section records the consensus.
/// </summary>
[Authorize]
public sealed class ConsensusModel(TenderPageServices pages, ReadModerationItem read, RecordConsensus record, IValidator<ConsensusInput> validator) : TenderPageModel(pages)
{
    /// <summary>The bid, from the address's query (ids keep their case there; the path is lower-cased).</summary>
    [BindProperty(SupportsGet = true, Name = "bid")]
    public string BidId { get; set; } = string.Empty;

    /// <summary>The question, from the address's query.</summary>
    [BindProperty(SupportsGet = true, Name = "question")]
    public string QuestionId { get; set; } = string.Empty;

    /// <summary>The item with what moderation needs.</summary>
    public ModerationItemView View { get; private set; } = null!;

    /// <summary>The form.</summary>
    [BindProperty]
    public ConsensusInput Input { get; set; } = new();

    /// <summary>A confirmation, shown on the lot's page after saving.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Shows the item, with the consensus as recorded in the form.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.Decide, cancel) || !await LoadAsync(cancel))
        {
            return NotFound();
        }

        if (View.Item.Consensus is { } consensus)
        {
            Input.Score = ModerationForms.Number(consensus.Score);
            Input.Reason = consensus.Reason;
        }

        return Page();
    }

    /// <summary>Records the consensus (a moderator of the item's lot and section).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.Moderate, cancel) || !await LoadAsync(cancel) || View.Item.ModeratorId is not { } moderatorId)
        {
            return NotFound();
        }

        if (await TryChangeAsync(Input, validator, nameof(Input), () => record.HandleAsync(Me, TenderId,
                new ModeratedScore { BidId = BidId, QuestionId = QuestionId, Score = Input.ChosenScore(), Reason = Input.Reason!.Trim(), ModeratorId = moderatorId }, Input.Version, cancel), cancel))
        {
            Done = $"The consensus score for {QuestionId} of {BidId} is saved.";
            return RedirectToPage("/Tenders/Moderate/Index", new { id = TenderId, lot = View.Lot.LotId });
        }

        // Shown again with what is stored now (someone else's consensus after a conflict), so a
        // save from here is made knowingly over it.
        await LoadAsync(cancel);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        var found = await read.HandleAsync(Me, TenderId, BidId, QuestionId, cancel);
        if (!found.Succeeded)
        {
            return false;
        }

        View = found.Value;
        return true;
    }
}
