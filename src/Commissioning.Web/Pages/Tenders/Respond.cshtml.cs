using Commissioning.Application.Tenders;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders;

/// <summary>
/// A provider invited to bid responds: downloads the response workbook for the lot it bids for,
/// uploads it filled in before the bid deadline, and gets a receipt (what was received, when, its
/// SHA-256). It sees its own organisation's bids and nothing of anyone else's.
/// </summary>
[Authorize]
public sealed class RespondModel(TenderPageServices pages, ReadResponse read, DownloadResponseWorkbook workbook, ReceiveBidWorkbooks receive, IValidator<BidUploadInput> validator) : TenderPageModel(pages)
{
    /// <summary>The lots, the deadline and the organisation's own bids.</summary>
    public Response Bid { get; private set; } = null!;

    /// <summary>The upload.</summary>
    [BindProperty]
    public BidUploadInput Upload { get; set; } = new();

    /// <summary>A confirmation after a withdrawal.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>What became of each workbook just uploaded.</summary>
    public IReadOnlyList<WorkbookReceipt> Receipts { get; private set; } = [];

    /// <summary>Shows the page.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.SubmitBid, cancel))
        {
            return NotFound();
        }

        Bid = (await read.HandleAsync(Me, TenderId, cancel)).Value;
        return Page();
    }

    /// <summary>The response workbook for one lot, while the tender is open for bids.</summary>
    public async Task<IActionResult> OnGetWorkbookAsync(string? lot, CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.SubmitBid, cancel) || string.IsNullOrEmpty(lot))
        {
            return NotFound();
        }

        var file = await workbook.HandleAsync(Me, TenderId, lot, cancel);
        return file.Succeeded ? File(file.Value.Content, file.Value.ContentType, file.Value.FileName) : NotFound();
    }

    /// <summary>Receives the organisation's workbooks; shows the receipt or every problem.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.SubmitBid, cancel))
        {
            return NotFound();
        }

        // A provider never gives a late reason: after the deadline only the buyer adds a bid.
        Upload.LateReason = null;
        IReadOnlyList<WorkbookReceipt> receipts = [];
        if (await TryChangeAsync(Upload, validator, nameof(Upload), async () =>
            {
                var uploads = new List<WorkbookUpload>();
                foreach (var file in Upload.Files)
                {
                    uploads.Add(new WorkbookUpload(file.FileName, await UploadedFile.ReadAsync(file, cancel)));
                }

                var received = await receive.HandleAsync(Me, TenderId, uploads, null, cancel);
                if (received.Succeeded)
                {
                    receipts = received.Value;
                }

                return received;
            }, cancel))
        {
            Receipts = receipts;
            var refused = receipts.Where(r => !r.Received).ToList();
            if (refused.Count > 0)
            {
                ModelState.AddModelError("Upload.Files", refused.Count == 1
                    ? $"{refused[0].FileName} was not received. Its problems are listed below; nothing from it was saved."
                    : $"{refused.Count} workbooks were not received. Each one's problems are listed below; nothing from them was saved.");
            }
        }

        Bid = (await read.HandleAsync(Me, TenderId, cancel)).Value;
        return Page();
    }
}
