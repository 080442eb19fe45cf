using Commissioning.Application.Tenders;
using Commissioning.Documents.Evaluation;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Results;

/// <summary>
/// The files of a tender's results: the Excel matrix, the evaluation report and each bidder's
/// assessment summary (print-ready HTML or Markdown), the audit trail (CSV) and the tender as
/// evaluated. The application layer makes each file and decides who may have it
/// (<see cref="DownloadDocument"/>); this page only lists them and sends the bytes, as an
/// attachment under the name the application layer gives (letters, digits and hyphens).
/// </summary>
[Authorize]
public sealed class DownloadsModel(TenderPageServices pages, ListDownloads list, DownloadDocument download) : TenderPageModel(pages)
{
    /// <summary>What this person may download.</summary>
    public DownloadChoices Choices { get; private set; } = null!;

    /// <summary>Lists the files.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ViewResults, cancel))
        {
            return NotFound();
        }

        var choices = await list.HandleAsync(Me, TenderId, cancel);
        if (!choices.Succeeded)
        {
            return NotFound();
        }

        Choices = choices.Value;
        return Page();
    }

    /// <summary>The Excel evaluation matrix.</summary>
    public Task<IActionResult> OnGetMatrixAsync(CancellationToken cancel) => SendAsync(new DownloadRequest(DownloadKind.Matrix), cancel);

    /// <summary>The evaluation report, as HTML (<c>format=html</c>, the default) or Markdown (<c>format=md</c>).</summary>
    public Task<IActionResult> OnGetReportAsync(string? format, CancellationToken cancel) =>
        Format(format) is { } output ? SendAsync(new DownloadRequest(DownloadKind.Report, output), cancel) : Task.FromResult<IActionResult>(NotFound());

    /// <summary>A bidder's assessment summary (<c>bid=</c>), as HTML or Markdown.</summary>
    public Task<IActionResult> OnGetSummaryAsync(string? bid, string? format, CancellationToken cancel) =>
        Format(format) is { } output && !string.IsNullOrEmpty(bid)
            ? SendAsync(new DownloadRequest(DownloadKind.AssessmentSummary, output, bid), cancel)
            : Task.FromResult<IActionResult>(NotFound());

    /// <summary>The audit trail as CSV.</summary>
    public Task<IActionResult> OnGetAuditAsync(CancellationToken cancel) => SendAsync(new DownloadRequest(DownloadKind.AuditTrail), cancel);

    /// <summary>The tender as evaluated, as an <c>oh-tender</c> file.</summary>
    public Task<IActionResult> OnGetTenderAsync(CancellationToken cancel) => SendAsync(new DownloadRequest(DownloadKind.TenderFile), cancel);

    private static DocumentOutput? Format(string? format) => format switch
    {
        null or "html" => DocumentOutput.Html,
        "md" => DocumentOutput.Markdown,
        _ => null,
    };

    private async Task<IActionResult> SendAsync(DownloadRequest request, CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ViewResults, cancel))
        {
            return NotFound();
        }

        var file = await download.HandleAsync(Me, TenderId, request, cancel);
        if (!file.Succeeded)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
    }
}
