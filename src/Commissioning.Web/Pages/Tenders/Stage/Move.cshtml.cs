using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Stage;

/// <summary>
/// The confirmation of one stage move (owner only): what the move means, what stands in its way
/// or is still outstanding, the reason or notice date it needs, and a button that makes it.
/// Every stage move goes through this page.
/// </summary>
[Authorize]
public sealed class MoveModel(TenderPageServices pages, CheckStageMove check, ReadAwardState award, ChangeStage change, IValidator<StageMoveInput> validator) : TenderPageModel(pages)
{
    /// <summary>The stage asked for, as the address names it (such as <c>award-recommended</c>).</summary>
    [FromRoute(Name = "to")]
    public string? To { get; set; }

    /// <summary>The stage asked for.</summary>
    public TenderStage Target { get; private set; }

    /// <summary>What the move means and what stands in its way.</summary>
    public StageMoveCheck Check { get; private set; } = null!;

    /// <summary>The tender's regime, for the notice's name.</summary>
    public ProcurementRegime Regime { get; private set; }

    /// <summary>The confirmation form.</summary>
    [BindProperty]
    public StageMoveInput Move { get; set; } = new();

    /// <summary>A confirmation after the move, shown on the page the owner lands on.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>The notice whose publication starts the standstill period, by regime.</summary>
    public string NoticeName => Regime == ProcurementRegime.ProcurementAct2023 ? "contract award notice" : "notice of intention to award";

    /// <summary>Shows what the move means.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ChangeStage, cancel) || !StageSlugs.TryParse(To, out var target))
        {
            return NotFound();
        }

        Target = target;
        if (!await LoadAsync(cancel))
        {
            return NotFound();
        }

        Move.Version = Access.Tender.Version;
        return Page();
    }

    /// <summary>Makes the move.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ChangeStage, cancel) || !StageSlugs.TryParse(To, out var target))
        {
            return NotFound();
        }

        Target = target;
        if (!await LoadAsync(cancel))
        {
            return NotFound();
        }

        Move.NeedsDate = Check.NeedsNoticeDate;
        Move.DateName = $"the date the {NoticeName} was published";
        if (await TryChangeAsync(Move, validator, nameof(Move),
            () => change.HandleAsync(Me, TenderId, Target, Check.ReasonRequired ? Move.Reason : null, Move.Version, Check.NeedsNoticeDate ? Move.NoticesSentOn.ToDate() : null, cancel), cancel))
        {
            Done = $"The tender is now at the stage: {StageNames.Of(Target)}.";
            return Target is TenderStage.AwardRecommended or TenderStage.Standstill or TenderStage.Awarded
                ? RedirectToPage("/Tenders/Award/Index", new { id = TenderId })
                : RedirectToPage("/Tenders/Tender", new { id = TenderId });
        }

        // A refusal names the move as a whole: it belongs to the form, not to a field of its own.
        var stageKey = $"{nameof(Move)}.Stage";
        if (ModelState.TryGetValue(stageKey, out var refused))
        {
            var messages = refused.Errors.Select(e => e.ErrorMessage).ToList();
            ModelState.Remove(stageKey);
            foreach (var message in messages)
            {
                ModelState.AddModelError(nameof(Move), message);
            }
        }

        // What stands in the way may have changed since the page was shown.
        await LoadAsync(cancel);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        var checkedMove = await check.HandleAsync(Me, TenderId, Target, cancel);
        var state = await award.HandleAsync(Me, TenderId, cancel);
        if (!checkedMove.Succeeded || !state.Succeeded)
        {
            return false;
        }

        Check = checkedMove.Value;
        Regime = state.Value.Regime;
        return true;
    }
}
