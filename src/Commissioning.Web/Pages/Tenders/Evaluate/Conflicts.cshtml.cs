using Commissioning.Application.Tenders;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Evaluate;

/// <summary>Every evaluator's declaration on conflicts of interest and the owner's decisions: seen by the owner and observers; decided by the owner.</summary>
[Authorize]
public sealed class ConflictsModel(TenderPageServices pages, ListConflictDeclarations declarations) : TenderPageModel(pages)
{
    /// <summary>The declarations, by evaluator id.</summary>
    public IReadOnlyList<ConflictDeclaration> Declarations { get; private set; } = [];

    /// <summary>A confirmation after a decision.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Shows the declarations.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ViewPeople, cancel))
        {
            return NotFound();
        }

        var read = await declarations.HandleAsync(Me, TenderId, cancel);
        if (!read.Succeeded)
        {
            return NotFound();
        }

        Declarations = read.Value;
        return Page();
    }
}
