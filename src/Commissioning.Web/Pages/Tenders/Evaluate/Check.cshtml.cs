using Commissioning.Application.Tenders;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Evaluate;

/// <summary>
/// Check your scores and submit: every item of the queue with the evaluator's score, anything
/// unscored or without a reason listed first and linked to its scoring page, and the submission
/// (which the application refuses while anything is missing). Once submitted the scores are locked.
/// </summary>
[Authorize]
public sealed class CheckModel(TenderPageServices pages, ReadWorklist worklist, SubmitScores submit) : TenderPageModel(pages)
{
    /// <summary>The evaluator id, from the address (<c>?evaluator=e1</c>; their only one when not given).</summary>
    [BindProperty(SupportsGet = true, Name = "evaluator")]
    public string? Evaluator { get; set; }

    /// <summary>The order they score in, kept in every link.</summary>
    [BindProperty(SupportsGet = true, Name = "order")]
    public string? Order { get; set; }

    /// <summary>Their queue.</summary>
    public EvaluatorWorklist Queue { get; private set; } = null!;

    /// <summary>Their queue in the order chosen.</summary>
    public IReadOnlyList<QueueItem> Ordered { get; private set; } = [];

    /// <summary>What is still to do: unscored, or scored without a reason, in the order chosen.</summary>
    public IReadOnlyList<QueueItem> Missing { get; private set; } = [];

    /// <summary>Which part of a long list of scores to show, from 1 (<see cref="ScoringOrder.Parts"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "part")]
    public int? Part { get; set; }

    /// <summary>At most this many of the answers still to do are listed one by one; the rest are counted.</summary>
    public const int MissingListed = 50;

    /// <summary>A confirmation after submitting.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Shows the scores.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel) => await ReadAsync(cancel) ? Page() : NotFound();

    /// <summary>Submits every score.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.Score, cancel))
        {
            return NotFound();
        }

        ModelState.Clear();
        Evaluator ??= Access.EvaluatorKeys.Count == 1 ? Access.EvaluatorKeys[0] : null;
        if (Evaluator is null)
        {
            return NotFound();
        }

        var submitted = await submit.HandleAsync(Me, TenderId, Evaluator, cancel);
        if (submitted.Succeeded)
        {
            Done = $"You submitted {submitted.Value} {(submitted.Value == 1 ? "score" : "scores")}.";
            return RedirectToPage(new { id = TenderId, evaluator = Evaluator, order = ScoringOrder.Normalise(Order) });
        }

        if (submitted.Failure == Commissioning.Application.FailureKind.NotFound)
        {
            return NotFound();
        }

        AddErrors(submitted.Errors, "Submit");
        return await ReadAsync(cancel) ? Page() : NotFound();
    }

    private async Task<bool> ReadAsync(CancellationToken cancel)
    {
        Order = ScoringOrder.Normalise(Order);
        if (Access is null && !await OpenAsync(TenderOperation.Score, cancel))
        {
            return false;
        }

        var read = await worklist.HandleAsync(Me, TenderId, cancel);
        var queue = read.Succeeded ? read.Value.FirstOrDefault(q => q.EvaluatorId == (Evaluator ?? (read.Value.Count == 1 ? read.Value[0].EvaluatorId : null))) : null;
        if (queue is null)
        {
            return false;
        }

        Evaluator = queue.EvaluatorId;
        Queue = queue;
        Ordered = ScoringOrder.Arrange(queue.Items, Order);
        Missing = [.. Ordered.Where(i => !i.Done && !i.Submitted)];
        return true;
    }
}
