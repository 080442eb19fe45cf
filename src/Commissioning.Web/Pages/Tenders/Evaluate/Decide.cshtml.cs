using Commissioning.Application.Tenders;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Evaluate;

/// <summary>The owner decides on one evaluator's declared conflict of interest: they may continue (and how it is managed), or are stood down; with the reason.</summary>
[Authorize]
public sealed class DecideModel(TenderPageServices pages, ListConflictDeclarations declarations, DecideConflict decide, IValidator<ConflictDecisionInput> validator) : TenderPageModel(pages)
{
    /// <summary>The evaluator id, from the address (<c>?evaluator=e1</c>; their only one when not given).</summary>
    [BindProperty(SupportsGet = true, Name = "evaluator")]
    public string? Evaluator { get; set; }

    /// <summary>Their declaration.</summary>
    public ConflictDeclaration Declaration { get; private set; } = null!;

    /// <summary>The form.</summary>
    [BindProperty]
    public ConflictDecisionInput Input { get; set; } = new();

    /// <summary>Shows the declaration and the form, with any decision already made.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await ReadAsync(cancel))
        {
            return NotFound();
        }

        Input = new ConflictDecisionInput
        {
            Decision = Declaration.MayContinue switch { true => "continue", false => "stand-down", null => null },
            Reason = Declaration.DecisionReason,
        };
        return Page();
    }

    /// <summary>Records the decision.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await ReadAsync(cancel))
        {
            return NotFound();
        }

        if (await TryChangeAsync(Input, validator, nameof(Input), () => decide.HandleAsync(Me, TenderId, Evaluator!, Input.MayContinue, Input.Reason, Input.Version, cancel), cancel))
        {
            TempData["Done"] = Input.MayContinue
                ? $"Evaluator {Evaluator} may continue to score."
                : $"Evaluator {Evaluator} is stood down from scoring.";
            return RedirectToPage("/Tenders/Evaluate/Conflicts", new { id = TenderId });
        }

        return Page();
    }

    private async Task<bool> ReadAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ManagePeople, cancel))
        {
            return false;
        }

        var read = await declarations.HandleAsync(Me, TenderId, cancel);
        Declaration = read.Succeeded ? read.Value.FirstOrDefault(d => d.EvaluatorId == Evaluator && d.HasConflict)! : null!;
        return Declaration is not null;
    }
}
