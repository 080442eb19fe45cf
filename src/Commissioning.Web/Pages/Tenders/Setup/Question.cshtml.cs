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
/// One question of a lot, worded as bidders will read it (<c>?lot=&amp;question=</c>), or a custom
/// question added at the end of a section (<c>?lot=&amp;section=</c>). Part of the award criteria task.
/// </summary>
[Authorize]
public sealed class QuestionModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator,
    IValidator<QuestionWordingInput> validator) : LotTaskModel(pages, read, change, completeValidator)
{
    /// <inheritdoc />
    public override SetupTask Task => SetupTask.AwardCriteria;

    /// <summary>The question named in the address, for a change.</summary>
    [FromQuery(Name = "question")]
    public string? QuestionId { get; set; }

    /// <summary>The section named in the address, for a new question.</summary>
    [FromQuery(Name = "section")]
    public string? SectionId { get; set; }

    /// <summary>The question's wording.</summary>
    [BindProperty]
    public QuestionWordingInput Input { get; set; } = new();

    /// <summary>The section the question is in, or goes in.</summary>
    public Section? Section { get; private set; }

    /// <summary>The question changed, or null for a new one.</summary>
    public Question? Question { get; private set; }

    /// <summary>Shows the question's wording, or an empty form for a new one.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel) || !FindLot(LotId) || Lot is null || !Find(QuestionId, SectionId))
        {
            return NotFound();
        }

        Input = new QuestionWordingInput { LotId = Lot.Id, SectionId = Section!.Id, QuestionId = Question?.Id, Title = Question?.Title, Text = Question?.Text, Version = Setup.Version };
        return Page();
    }

    /// <summary>Saves the wording, or adds the question; back to the sections and questions.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        var questionId = string.IsNullOrEmpty(Input.QuestionId) ? null : Input.QuestionId;
        if (!await OpenSetupAsync(cancel) || !FindLot(Input.LotId) || Lot is null || !Find(questionId, Input.SectionId))
        {
            return NotFound();
        }

        var (lotId, sectionId) = (Lot.Id, Section!.Id);
        var (title, text) = ((Input.Title ?? string.Empty).Trim(), (Input.Text ?? string.Empty).Trim());
        if (await TryChangeAsync(Input, validator, nameof(Input), () => Services.Change.HandleAsync(Me, TenderId, Input.Version, Task,
                tender => TenderDrafts.WordQuestion(tender, lotId, sectionId, questionId, title, text) is { } changed
                    ? Outcome<Tender>.Success(changed)
                    : Outcome<Tender>.Fail(FailureKind.Conflict, "The lot or its questions changed since this page was shown. Nothing was saved."),
                null, cancel), cancel))
        {
            Done = questionId is null ? $"Question added to section {sectionId}. Give it a weight on the award criteria page." : $"Question {questionId} saved.";
            return RedirectToPage("/Tenders/Setup/Questions", new { id = TenderId, lot = lotId });
        }

        return Page();
    }

    private bool Find(string? questionId, string? sectionId)
    {
        if (questionId is not null)
        {
            Section = Lot!.Sections.FirstOrDefault(s => s.Questions.Any(q => q.Id == questionId));
            Question = Section?.Questions.First(q => q.Id == questionId);
            return Question is not null;
        }

        Section = Lot!.Sections.FirstOrDefault(s => s.Id == sectionId);
        return Section is not null;
    }
}
