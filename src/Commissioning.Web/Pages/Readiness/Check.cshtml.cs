using Commissioning.Application.Readiness;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Readiness;
using Commissioning.Core.Standards;
using Commissioning.Documents.Evaluation;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Readiness;

/// <summary>
/// One readiness check's report: the gates the provider would fail first, then the must and
/// should gaps, readiness by area, and the evidence to prepare; with the report to download. Only
/// accounts of the organisation that saved it; to anyone else there is no such check (404).
/// </summary>
[Authorize]
public sealed class CheckModel(FindUser users, ReadinessChecks checks, StandardsCatalogue standards) : PageModel
{
    /// <summary>The check, from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The check and its report.</summary>
    public ReadinessCheckView View { get; private set; } = null!;

    /// <summary>The report.</summary>
    public ReadinessReport Report => View.Report;

    /// <summary>Why the report cannot be shown (the organisation is no longer invited to the tender), or null.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Shows the report.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (await users.UserAsync(User, cancel) is not { } me)
        {
            return Challenge();
        }

        var view = await checks.ReportAsync(me, Id, standards, cancel);
        if (view.Failure == FailureKind.NotFound)
        {
            return NotFound();
        }

        if (!view.Succeeded)
        {
            Refusal = view.Errors[0].Message;
            return Page();
        }

        View = view.Value;
        return Page();
    }

    /// <summary>The report as print-ready HTML (<c>?format=html</c>) or Markdown (<c>?format=md</c>), or the evidence checklist as a workbook (<c>?format=xlsx</c>).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken cancel)
    {
        if (await users.UserAsync(User, cancel) is not { } me)
        {
            return Challenge();
        }

        var file = format switch
        {
            "html" => await checks.DownloadAsync(me, Id, DocumentOutput.Html, standards, cancel),
            "md" => await checks.DownloadAsync(me, Id, DocumentOutput.Markdown, standards, cancel),
            "xlsx" => await checks.ChecklistAsync(me, Id, standards, cancel),
            _ => null,
        };
        if (file is null)
        {
            return NotFound();
        }

        return file.Succeeded ? File(file.Value.Content, file.Value.ContentType, file.Value.FileName) : NotFound();
    }
}
