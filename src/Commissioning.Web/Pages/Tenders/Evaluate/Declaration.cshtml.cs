using Commissioning.Application.Tenders;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Evaluate;

/// <summary>
/// Before their first score, the evaluator declares that they have no conflict of interest with
/// any of the bidders named, or declares one (which pauses their scoring until the owner decides).
/// </summary>
[Authorize]
public sealed class DeclarationModel(TenderPageServices pages, ReadWorklist worklist, DeclareConflicts declare, IValidator<DeclarationInput> validator) : TenderPageModel(pages)
{
    /// <summary>The evaluator id they declare as, from the address (<c>?evaluator=e1</c>; their only one when not given).</summary>
    [BindProperty(SupportsGet = true, Name = "evaluator")]
    public string? Evaluator { get; set; }

    /// <summary>The order they score in, kept for the way back.</summary>
    [BindProperty(SupportsGet = true, Name = "order")]
    public string? Order { get; set; }

    /// <summary>Their queue: the bidders to name, and any declaration already made.</summary>
    public EvaluatorWorklist Queue { get; private set; } = null!;

    /// <summary>The form.</summary>
    [BindProperty]
    public DeclarationInput Input { get; set; } = new();

    /// <summary>Shows the form, with their declaration as it stands.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await ReadAsync(cancel))
        {
            return NotFound();
        }

        if (Queue.Declaration is { } made)
        {
            Input = new DeclarationInput { HasConflict = made.HasConflict ? "yes" : "no", Details = made.Details };
        }

        return Page();
    }

    /// <summary>Records the declaration.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await ReadAsync(cancel))
        {
            return NotFound();
        }

        if (await TryChangeAsync(Input, validator, nameof(Input), () => declare.HandleAsync(Me, TenderId, Evaluator!, Input.Conflict, Input.Conflict ? Input.Details : null, cancel), cancel))
        {
            TempData["Done"] = Input.Conflict
                ? "You declared a conflict of interest. Your scoring is paused until the tender's owner decides whether you may continue."
                : "You declared no conflict of interest. You can now score.";
            return RedirectToPage("/Tenders/Evaluate/Worklist", new { id = TenderId, order = ScoringOrder.Normalise(Order) });
        }

        return Page();
    }

    private async Task<bool> ReadAsync(CancellationToken cancel)
    {
        Order = ScoringOrder.Normalise(Order);
        if (!await OpenAsync(TenderOperation.Score, cancel))
        {
            return false;
        }

        var read = await worklist.HandleAsync(Me, TenderId, cancel);
        var queue = read.Succeeded ? read.Value.FirstOrDefault(q => q.EvaluatorId == (Evaluator ?? (read.Value.Count == 1 ? read.Value[0].EvaluatorId : null))) : null;
        if (queue is null)
        {
            return false;
        }

        Queue = queue;
        Evaluator = queue.EvaluatorId;
        return true;
    }
}
