using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Tenders;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Evaluate;

/// <summary>
/// One question of one bid, as the evaluator scores it: the question as put to bidders, the bid's
/// answer and evidence, the scale with every level's descriptor, their own draft score and
/// rationale; save, save and go to the next, or move to the previous or next without saving.
/// Saves are drafts until they submit. Never a price, never another evaluator's score.
/// </summary>
[Authorize]
public sealed class ScoreModel(TenderPageServices pages, ReadScoringItem read, SaveScore save, IValidator<ScoreInput> validator) : TenderPageModel(pages)
{
    /// <summary>The largest scale shown as radios; a longer one (0 to 100) takes a number.</summary>
    public const int MostRadios = 10;

    /// <summary>The evaluator id they score as, from the address (<c>?evaluator=e1</c>; their only one when not given).</summary>
    [BindProperty(SupportsGet = true, Name = "evaluator")]
    public string? Evaluator { get; set; }

    /// <summary>The bid, from the address.</summary>
    [BindProperty(SupportsGet = true, Name = "bid")]
    public string? BidId { get; set; }

    /// <summary>The question, from the address.</summary>
    [BindProperty(SupportsGet = true, Name = "question")]
    public string? QuestionId { get; set; }

    /// <summary>The order they score in: previous and next follow it.</summary>
    [BindProperty(SupportsGet = true, Name = "order")]
    public string? Order { get; set; }

    /// <summary>The item.</summary>
    public ScoringItem Item { get; private set; } = null!;

    /// <summary>Their queue in the order chosen.</summary>
    public IReadOnlyList<QueueItem> Ordered { get; private set; } = [];

    /// <summary>The form.</summary>
    [BindProperty]
    public ScoreInput Input { get; set; } = new();

    /// <summary>The version the form sends back: the one shown, or (after someone saved since) the one now stored, so saving again replaces it knowingly.</summary>
    public long? FormVersion { get; private set; }

    /// <summary>True when the save was refused because the draft was saved since the page was shown (in another tab or window).</summary>
    public bool SavedSince { get; private set; }

    /// <summary>A confirmation after a save.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Shows the item with their draft.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await ReadAsync(cancel))
        {
            return NotFound();
        }

        Input = new ScoreInput
        {
            Score = Item.Score?.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
            Rationale = Item.Rationale,
        };
        FormVersion = Item.Version;
        return Page();
    }

    /// <summary>Saves the draft; then stays, or goes to the next item in the order (or, after the last, to the check page).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await ReadAsync(cancel))
        {
            return NotFound();
        }

        Outcome<Saved>? outcome = null;
        var saved = await TryChangeAsync(Input, validator, nameof(Input), async () => outcome = await save.HandleAsync(Me, TenderId, new EvaluatorScore
        {
            EvaluatorId = Item.Queue.EvaluatorId,
            BidId = Item.BidId,
            QuestionId = Item.Question.Id,
            Score = Input.ChosenScore(),
            Rationale = Input.Rationale!,
        }, Input.Version, cancel), cancel);
        if (saved)
        {
            Done = $"Your draft score for {Item.Question.Id} of {Item.Provider}'s bid is saved. It is final only when you submit your scores.";
            var next = Item.Next(Ordered);
            if (Input.Action == "next")
            {
                return next is null
                    ? RedirectToPage("/Tenders/Evaluate/Check", new { id = TenderId, evaluator = Evaluator, order = Order })
                    : RedirectToPage(new { id = TenderId, evaluator = Evaluator, bid = next.BidId, question = next.QuestionId, order = Order });
            }

            return RedirectToPage(new { id = TenderId, evaluator = Evaluator, bid = BidId, question = QuestionId, order = Order });
        }

        SavedSince = outcome?.Failure == FailureKind.Conflict;
        if (SavedSince)
        {
            // The application's message records the stored values as data; the page shows them as the draft below.
            ModelState.Clear();
            ModelState.AddModelError(nameof(Input), "Your draft of this score was saved in another tab or window after you opened this page, so your change was not saved. Check the saved draft below, then save again to replace it with yours.");
            if (!await ReadAsync(cancel))
            {
                return NotFound();
            }
        }

        FormVersion = SavedSince ? Item.Version : Input.Version;
        return Page();
    }

    private async Task<bool> ReadAsync(CancellationToken cancel)
    {
        Order = ScoringOrder.Normalise(Order);
        if (!await OpenAsync(TenderOperation.Score, cancel))
        {
            return false;
        }

        Evaluator ??= Access.EvaluatorKeys.Count == 1 ? Access.EvaluatorKeys[0] : null;
        if (Evaluator is null || BidId is null || QuestionId is null)
        {
            return false;
        }

        var item = await read.HandleAsync(Me, TenderId, Evaluator, BidId, QuestionId, cancel);
        if (!item.Succeeded)
        {
            return false;
        }

        Item = item.Value;
        Ordered = ScoringOrder.Arrange(Item.Queue.Items, Order);
        return true;
    }
}
