using Commissioning.Application.Tenders;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Bids;

/// <summary>
/// Receiving bids (the owner): each lot's response workbook to send to providers, the upload of
/// filled workbooks (several at once, each received or refused on its own with every problem
/// against its sheet and cell), and the bids received, each with a page to link it to its
/// provider organisation.
/// </summary>
[Authorize]
public sealed class IndexModel(TenderPageServices pages, ReadBidsInbox inbox, ListBids bids, DownloadResponseWorkbook workbook, DownloadQuestionnaire questionnaire, ReceiveBidWorkbooks receive,
    ListInvitations invitations, ChangeInvitation changeInvitation, IValidator<BidUploadInput> validator, IValidator<InviteInput> inviteValidator) : TenderPageModel(pages)
{
    /// <summary>The provider organisations invited, and those that could be.</summary>
    public Invitations Invitations { get; private set; } = new([], []);

    /// <summary>The invitation form.</summary>
    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    /// <summary>A confirmation after a change.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>The lots and whether bids can be received.</summary>
    public BidsInbox Inbox { get; private set; } = null!;

    /// <summary>The bids received so far.</summary>
    public IReadOnlyList<BidOnTender> Bids { get; private set; } = [];

    /// <summary>The upload.</summary>
    [BindProperty]
    public BidUploadInput Upload { get; set; } = new();

    /// <summary>What became of each workbook just uploaded.</summary>
    public IReadOnlyList<WorkbookReceipt> Receipts { get; private set; } = [];

    /// <summary>Shows the page.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ReceiveBids, cancel))
        {
            return NotFound();
        }

        await LoadAsync(cancel);
        return Page();
    }

    /// <summary>The response workbook for one lot.</summary>
    public async Task<IActionResult> OnGetWorkbookAsync(string? lot, CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ReceiveBids, cancel) || string.IsNullOrEmpty(lot))
        {
            return NotFound();
        }

        var file = await workbook.HandleAsync(Me, TenderId, lot, cancel);
        if (!file.Succeeded)
        {
            if (file.Failure == Commissioning.Application.FailureKind.NotFound)
            {
                return NotFound();
            }

            AddErrors(file.Errors, "Workbook");
            await LoadAsync(cancel);
            return Page();
        }

        return File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
    }

    /// <summary>The invitation-to-tender questionnaire, as HTML (the default) or Markdown (<c>format=md</c>).</summary>
    public async Task<IActionResult> OnGetQuestionnaireAsync(string? format, CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ReceiveBids, cancel))
        {
            return NotFound();
        }

        var file = await questionnaire.HandleAsync(Me, TenderId, format == "md" ? Commissioning.Documents.Evaluation.DocumentOutput.Markdown : Commissioning.Documents.Evaluation.DocumentOutput.Html, cancel);
        if (!file.Succeeded)
        {
            AddErrors(file.Errors, "Workbook");
            await LoadAsync(cancel);
            return Page();
        }

        return File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
    }

    /// <summary>Receives the workbooks chosen; shows what became of each. The body may be as large as <see cref="RequestLimits.MaxUploadBytes"/> here (<see cref="RequestLimits.BodyLimitFor"/>).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ReceiveBids, cancel))
        {
            return NotFound();
        }

        IReadOnlyList<WorkbookReceipt> receipts = [];
        if (await TryChangeAsync(Upload, validator, nameof(Upload), async () =>
            {
                var uploads = new List<WorkbookUpload>();
                foreach (var file in Upload.Files)
                {
                    uploads.Add(new WorkbookUpload(file.FileName, await UploadedFile.ReadAsync(file, cancel)));
                }

                var received = await receive.HandleAsync(Me, TenderId, uploads, Upload.LateReason, cancel);
                if (received.Succeeded)
                {
                    receipts = received.Value;
                }

                return received;
            }, cancel))
        {
            Receipts = receipts;
            var refused = receipts.Count(r => !r.Received);
            if (refused > 0)
            {
                var refusedName = receipts.First(r => !r.Received).FileName;
                ModelState.AddModelError("Upload.Files", (refused, receipts.Count) switch
                {
                    (1, 1) => $"{refusedName} was not received. Its problems are listed below; nothing from it was saved.",
                    (1, _) => $"1 of {receipts.Count} workbooks was not received: {refusedName}. Its problems are listed below; nothing from it was saved.",
                    _ => $"{refused} of {receipts.Count} workbooks were not received. Each one's problems are listed below; nothing from them was saved.",
                });
            }
        }

        await LoadAsync(cancel);
        return Page();
    }

    /// <summary>Invites a provider organisation to bid.</summary>
    public Task<IActionResult> OnPostInviteAsync(CancellationToken cancel) => ChangeInvitationAsync(invite: true, cancel);

    /// <summary>Withdraws a provider organisation's invitation.</summary>
    public Task<IActionResult> OnPostUninviteAsync(CancellationToken cancel) => ChangeInvitationAsync(invite: false, cancel);

    private async Task<IActionResult> ChangeInvitationAsync(bool invite, CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ReceiveBids, cancel))
        {
            return NotFound();
        }

        var name = string.Empty;
        if (await TryChangeAsync(Invite, inviteValidator, nameof(Invite), async () =>
            {
                var changed = await changeInvitation.HandleAsync(Me, TenderId, Guid.Parse(Invite.OrganisationId!), invite, cancel);
                name = changed.Succeeded ? changed.Value : name;
                return changed;
            }, cancel))
        {
            Done = invite ? $"{ShortText.Of(name)} is invited to bid." : $"{ShortText.Of(name)}'s invitation is withdrawn.";
            return RedirectToPage(new { id = TenderId });
        }

        await LoadAsync(cancel);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        Inbox = (await inbox.HandleAsync(Me, TenderId, cancel)).Value;
        Bids = (await bids.HandleAsync(Me, TenderId, cancel)).Value;
        Invitations = (await invitations.HandleAsync(Me, TenderId, cancel)).Value;
    }
}
