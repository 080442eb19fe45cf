using System.Text;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Award;

/// <summary>
/// What the regime's award notice needs from this tender, for the owner to copy into the notice
/// service (the toolkit does not publish): on the page, and as a Markdown or HTML document. For
/// the owner and observers, who may export the whole tender.
/// </summary>
[Authorize]
public sealed class NoticesModel(TenderPageServices pages, DraftAwardNotices notices) : TenderPageModel(pages)
{
    /// <summary>The draft.</summary>
    public AwardNoticeDraft Draft { get; private set; } = null!;

    /// <summary>Shows what the notice needs.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.Export, cancel))
        {
            return NotFound();
        }

        var draft = await notices.HandleAsync(Me, TenderId, cancel);
        if (!draft.Succeeded)
        {
            return NotFound();
        }

        Draft = draft.Value;
        return Page();
    }

    /// <summary>The same as a Markdown document.</summary>
    public Task<IActionResult> OnGetMarkdownAsync(CancellationToken cancel) => DocumentAsync(html: false, cancel);

    /// <summary>The same as a print-ready HTML document.</summary>
    public Task<IActionResult> OnGetHtmlAsync(CancellationToken cancel) => DocumentAsync(html: true, cancel);

    private async Task<IActionResult> DocumentAsync(bool html, CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.Export, cancel))
        {
            return NotFound();
        }

        var document = await notices.DocumentAsync(Me, TenderId, html, cancel);
        return document.Succeeded
            ? File(Encoding.UTF8.GetBytes(document.Value.Text), document.Value.ContentType, document.Value.FileName)
            : NotFound();
    }
}
