using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Award;

/// <summary>
/// The award: each lot's most advantageous tender and its award decision, and the regime's steps
/// from award decision to award as a task list. Anyone who may see results reads it; the owner
/// records the award decisions, the day the assessment summaries were given (Procurement Act
/// 2023) and the day a further decision was notified (Provider Selection Regime). Once the tender
/// is awarded the page only shows what was recorded.
/// </summary>
[Authorize]
public sealed class IndexModel(TenderPageServices pages, ReadAwardOverview overview, RecordAward recordAward, RecordNoticeDate recordDate,
    IValidator<AwardInput> awardValidator, IValidator<NoticeDateInput> dateValidator) : TenderPageModel(pages)
{
    /// <summary>Where the award stands.</summary>
    public AwardOverview Overview { get; private set; } = null!;

    /// <summary>The award decision form.</summary>
    [BindProperty]
    public AwardInput Award { get; set; } = new();

    /// <summary>The assessment summaries form (Procurement Act 2023).</summary>
    [BindProperty]
    public NoticeDateInput Summaries { get; set; } = new();

    /// <summary>The further decision form (Provider Selection Regime).</summary>
    [BindProperty]
    public NoticeDateInput Further { get; set; } = new();

    /// <summary>A confirmation after a change.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>True when the signed-in person may record here (the owner).</summary>
    public bool MayRecord => Access.Allows(TenderOperation.ChangeStage);

    /// <summary>The words for the assessment summaries date.</summary>
    public const string SummariesDate = "the date the assessment summaries were given";

    /// <summary>The words for the further decision date.</summary>
    public const string FurtherDate = "the date the further decision was notified";

    /// <summary>Shows the award.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ViewResults, cancel) || !await LoadAsync(cancel))
        {
            return NotFound();
        }

        Award.LotId ??= Overview.Lots.FirstOrDefault(l => l.BidId is not null && l.Decision is null)?.LotId;
        return Page();
    }

    /// <summary>Records a lot's award decision.</summary>
    public async Task<IActionResult> OnPostAwardAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ChangeStage, cancel))
        {
            return NotFound();
        }

        if (await TryChangeAsync(Award, awardValidator, nameof(Award), () => recordAward.HandleAsync(Me, TenderId, Award.LotId!, Award.ApprovedBy, Award.ApprovedOn.ToDate(), Award.Note, cancel), cancel))
        {
            Done = $"The award decision for {Award.LotId} is recorded.";
            return RedirectToPage(new { id = TenderId });
        }

        return await RedisplayAsync(cancel);
    }

    /// <summary>Records the day the assessment summaries were given.</summary>
    public async Task<IActionResult> OnPostSummariesAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ChangeStage, cancel))
        {
            return NotFound();
        }

        Summaries.DateName = SummariesDate;
        if (await TryChangeAsync(Summaries, dateValidator, nameof(Summaries),
            () => recordDate.HandleAsync(Me, TenderId, RecordNoticeDate.Kind.AssessmentSummariesSent, Summaries.Day.ToDate(), Summaries.Version, cancel), cancel))
        {
            Done = "The day the assessment summaries were given is recorded.";
            return RedirectToPage(new { id = TenderId });
        }

        return await RedisplayAsync(cancel);
    }

    /// <summary>Records the day the further decision after representations was notified.</summary>
    public async Task<IActionResult> OnPostFurtherDecisionAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ChangeStage, cancel))
        {
            return NotFound();
        }

        Further.DateName = FurtherDate;
        if (await TryChangeAsync(Further, dateValidator, nameof(Further),
            () => recordDate.HandleAsync(Me, TenderId, RecordNoticeDate.Kind.FurtherDecision, Further.Day.ToDate(), Further.Version, cancel), cancel))
        {
            Done = "The day the further decision was notified is recorded. The standstill period now ends 5 working days after it.";
            return RedirectToPage(new { id = TenderId });
        }

        return await RedisplayAsync(cancel);
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancel)
    {
        return await LoadAsync(cancel) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        var read = await overview.HandleAsync(Me, TenderId, cancel);
        if (!read.Succeeded)
        {
            return false;
        }

        Overview = read.Value;
        Summaries.Version = Overview.Tender.Version;
        Further.Version = Overview.Tender.Version;
        return true;
    }

    /// <summary>True while the owner may record award decisions (the tender is recommended for award).</summary>
    public bool AwardsOpen => MayRecord && Overview.Tender.Stage == TenderStage.AwardRecommended;
}
