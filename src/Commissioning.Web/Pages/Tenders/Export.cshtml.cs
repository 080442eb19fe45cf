using System.Text;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders;

/// <summary>Downloads the whole tender as an <c>oh-tender</c> file, for its owner and observers (a backup, or to move it).</summary>
[Authorize]
public sealed class ExportModel(TenderPageServices pages, ExportTender export) : TenderPageModel(pages)
{
    /// <summary>The file.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.Export, cancel))
        {
            return NotFound();
        }

        var exported = await export.HandleAsync(Me, TenderId, cancel);
        if (!exported.Succeeded)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetBytes(exported.Value), "application/json", $"tender-{TenderId:N}.json");
    }
}
