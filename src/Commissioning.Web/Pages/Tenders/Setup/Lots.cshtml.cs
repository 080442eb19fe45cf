using Commissioning.Web.Infrastructure;
using Commissioning.Application.Tenders;
using Commissioning.Application;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Web.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Setup;

/// <summary>
/// The lots task: each lot's title and the members it serves, a new lot, and removing one. A new
/// lot, or one whose members change, has its award criteria and gates drafted from its members'
/// collaborative specification.
/// </summary>
[Authorize]
public sealed class LotsModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator, IValidator<LotsInput> validator) : SetupPageModel(pages, read, change, completeValidator)
{
    /// <inheritdoc />
    public override SetupTask Task => SetupTask.Lots;

    /// <summary>Marks the task complete or not.</summary>
    public Task<IActionResult> OnPostCompleteAsync(CancellationToken cancel) => CompleteAsync(cancel);

    /// <summary>The lots form.</summary>
    [BindProperty]
    public LotsInput Input { get; set; } = new();

    /// <summary>Shows the lots as stored, with an empty row for a new lot (the first lot serves every member when there is none yet).</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        Input = new LotsInput
        {
            Version = Setup.Version,
            Lots =
            [
                .. Definition.Lots.Select(l => new LotPlanInput { Id = l.Id, Title = l.Title, Members = [.. l.MemberIds] }),
                Definition.Lots.Count == 0
                    ? new LotPlanInput { Title = "All members", Members = [.. Definition.Members.Select(m => m.Id)] }
                    : new LotPlanInput(),
            ],
        };
        return Page();
    }

    /// <summary>Saves the lots.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        var plans = Input.Lots.Where(l => !l.IsEmptyNew && l.Remove != "yes")
            .Select(l => new LotPlan(string.IsNullOrEmpty(l.Id) ? null : l.Id, (l.Title ?? string.Empty).Trim(), [.. l.Members.Distinct(StringComparer.Ordinal)]))
            .ToList();
        if (await TryChangeAsync(Input, validator, nameof(Input), () => Services.Change.HandleAsync(Me, TenderId, Input.Version, Task, tender =>
            {
                var unknownLot = plans.FirstOrDefault(p => p.Id is not null && tender.FindLot(p.Id) is null);
                var unknownMember = plans.SelectMany(p => p.MemberIds).FirstOrDefault(id => tender.Members.All(m => m.Id != id));
                return unknownLot is not null || unknownMember is not null
                    ? Outcome<Tender>.Fail(FailureKind.Conflict, "The lots or members changed since this page was shown. Nothing was saved; the page now shows them as they are.")
                    : Outcome<Tender>.Success(TenderDrafts.SetLots(tender, Services.Change.Standards, plans));
            }, null, cancel), cancel))
        {
            Done = "Lots saved. Lots that are new, or serve different members, have award criteria and gates drafted from their members' needs.";
            return RedirectToPage(new { id = TenderId });
        }

        return Page();
    }
}
