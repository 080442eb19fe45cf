using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Setup;

/// <summary>
/// Part of the award criteria task, one lot at a time: the lot's sections and questions in outline,
/// to put in order, remove, retitle a section, or add a section (such as social value and net zero)
/// with its first question. Each question is worded, or a custom one added, on its own page
/// (<see cref="QuestionModel"/>). The weights stay on the criteria page, which lists a new
/// question until it has one.
/// </summary>
[Authorize]
public sealed class QuestionsModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator,
    IValidator<QuestionsInput> validator) : LotTaskModel(pages, read, change, completeValidator)
{
    /// <inheritdoc />
    public override SetupTask Task => SetupTask.AwardCriteria;

    /// <summary>The questions form.</summary>
    [BindProperty]
    public QuestionsInput Input { get; set; } = new();

    /// <summary>Shows the lot's sections and questions.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel) || !FindLot(LotId))
        {
            return NotFound();
        }

        if (Lot is not null)
        {
            Input = FromLot(Lot, Setup.Version);
        }

        return Page();
    }

    /// <summary>Saves the lot's sections and questions, or shows the form with its problems.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel) || !FindLot(Input.LotId) || Lot is null)
        {
            return NotFound();
        }

        var lotId = Lot.Id;
        var added = Input.NewSection.IsEmpty ? 0 : 1;
        var plans = Input.ToPlans(Lot);
        if (await TryChangeAsync(Input, validator, nameof(Input), () => Services.Change.HandleAsync(Me, TenderId, Input.Version, Task,
                tender => tender.FindLot(lotId) is { } lot && TenderDrafts.PlanFits(lot, plans)
                    ? Outcome<Tender>.Success(TenderDrafts.SetQuestions(tender, lotId, plans))
                    : Outcome<Tender>.Fail(FailureKind.Conflict, "The lot or its questions changed since this page was shown. Nothing was saved."),
                null, cancel), cancel))
        {
            Done = added == 0 ? $"Questions for {Lot.Title} saved." : $"Questions for {Lot.Title} saved. Give the new section a weight below.";
            return RedirectToPage("/Tenders/Setup/Criteria", new { id = TenderId, lot = lotId });
        }

        return Page();
    }

    private static QuestionsInput FromLot(Lot lot, long version) => new()
    {
        LotId = lot.Id,
        Version = version,
        Sections =
        [
            .. lot.Sections.Select(s => new SectionInput
            {
                Id = s.Id,
                Title = s.Title,
                SocialValue = s.SocialValue ? "yes" : null,
                Questions = [.. s.Questions.Select(q => new QuestionOrderInput { Id = q.Id })],
            }),
        ],
    };
}
