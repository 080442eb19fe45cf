using FluentValidation;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using Commissioning.Application.Tenders;
using Commissioning.Core.Tenders.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Setup;

/// <summary>
/// The set-up task list of a draft tender (owner only): each task with its status, the problems
/// that stop publication listed against their tasks, and the way to publish.
/// </summary>
[Authorize]
public sealed class IndexModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator) : SetupPageModel(pages, read, change, completeValidator)
{
    /// <inheritdoc />
    public override SetupTask Task => SetupTask.Details;

    /// <summary>Shows the task list.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel) =>
        await OpenSetupAsync(cancel) ? Page() : NotFound();

    /// <summary>The page that sets a task.</summary>
    public static string PageOf(SetupTask task) => task switch
    {
        SetupTask.Details => "/Tenders/Setup/Details",
        SetupTask.Members => "/Tenders/Setup/Members",
        SetupTask.Lots => "/Tenders/Setup/Lots",
        SetupTask.AwardCriteria => "/Tenders/Setup/Criteria",
        SetupTask.Gates => "/Tenders/Setup/Gates",
        SetupTask.ScaleAndThresholds => "/Tenders/Setup/Scale",
        SetupTask.PriceAndScoring => "/Tenders/Setup/Price",
        SetupTask.KeyDates => "/Tenders/Setup/Dates",
        SetupTask.People => "/Tenders/Setup/People",
        _ => string.Empty,
    };
}
