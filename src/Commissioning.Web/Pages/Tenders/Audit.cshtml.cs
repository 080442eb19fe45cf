using System.Text;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders;

/// <summary>A tender's audit trail, oldest first, for its owner and observers; and the same as CSV.</summary>
[Authorize]
public sealed class AuditModel(TenderPageServices pages, ReadAuditTrail audit, ReadAuditStory story) : TenderPageModel(pages)
{
    /// <summary>The entries in plain English.</summary>
    public IReadOnlyList<ReadableAuditEntry> Entries { get; private set; } = [];

    /// <summary>Shows the trail.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ViewAudit, cancel))
        {
            return NotFound();
        }

        Entries = (await story.HandleAsync(Me, TenderId, cancel)).Value;
        return Page();
    }

    /// <summary>The trail as CSV (cells that a spreadsheet could run as a formula are neutralised).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ViewAudit, cancel))
        {
            return NotFound();
        }

        var entries = (await audit.HandleAsync(Me, TenderId, cancel)).Value;
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(AuditTrail.ToCsv(entries))).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"audit-{TenderId:N}.csv");
    }
}
