using System.Text.RegularExpressions;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Bids;

/// <summary>
/// A bid entered by hand for one lot (the owner): a response that came on paper or by email,
/// typed in with everything a response workbook holds. The same checks as a workbook; every
/// problem is shown on its field, and nothing is saved while any remains.
/// </summary>
[Authorize]
public sealed partial class NewModel(TenderPageServices pages, ReadBidsInbox inbox, EnterBid enter, IValidator<BidEntryInput> validator) : TenderPageModel(pages)
{
    /// <summary>The lot, from the address (<c>?lot=lot-1</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "lot")]
    public string? LotId { get; set; }

    /// <summary>The lots and whether bids can be received.</summary>
    public BidsInbox Inbox { get; private set; } = null!;

    /// <summary>The lot the bid is for.</summary>
    public Lot Lot { get; private set; } = null!;

    /// <summary>The form.</summary>
    [BindProperty]
    public BidEntryInput Entry { get; set; } = new();

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ReceiveBids, cancel) || !await LoadAsync(cancel))
        {
            return NotFound();
        }

        Entry = new BidEntryInput
        {
            Seqohs = "none",
            Esr = "none",
            ConsultantQualification = "none",
        };
        CompleteForm();
        return Page();
    }

    /// <summary>Checks and saves the bid.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ReceiveBids, cancel) || !await LoadAsync(cancel))
        {
            return NotFound();
        }

        CompleteForm();
        Bid? bid = null;
        if (await TryChangeAsync(Entry, validator, nameof(Entry), async () =>
            {
                bid = Entry.ToBid(Lot.Id);
                var saved = await enter.HandleAsync(Me, TenderId, bid, Entry.LateReason, cancel);
                return saved.Succeeded
                    ? saved
                    : Outcome<ReceivedBid>.Fail(saved.Failure!.Value, saved.Errors.Select(e => e with { Location = e.Location is FormFieldLocation field && FieldFor(field.Field, bid) is { Length: > 0 } where ? new FormFieldLocation(where) : null }));
            }, cancel))
        {
            TempData["Done"] = $"Bid {ShortText.Of(bid!.Id)} from {ShortText.Of(bid.Provider)} is saved.";
            return RedirectToPage("/Tenders/Bids/Index", new { id = TenderId });
        }

        return Page();
    }

    private void CompleteForm() =>
        Entry.Complete(DeclarationsFields.SubSpecialismsInOrder.Select(s => s.Key), Lot.Sections.SelectMany(s => s.Questions).Select(q => q.Id), Lot.Price.ContractYears, Lot.Price.ExtensionYears);

    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        var read = await inbox.HandleAsync(Me, TenderId, cancel);
        if (!read.Succeeded || read.Value.Definition.FindLot(LotId ?? string.Empty) is not { } lot)
        {
            return false;
        }

        Inbox = read.Value;
        Lot = lot;
        return true;
    }

    /// <summary>
    /// The form field a part of the bid is entered in: the application reports the tender's rules
    /// against the bid's own paths (<c>Price.AnnualPrices[1]</c>, <c>Answers[3]</c>).
    /// </summary>
    private string FieldFor(string path, Bid bid)
    {
        if (Indexed().Match(path) is { Success: true } indexed)
        {
            var i = int.Parse(indexed.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            switch (indexed.Groups["name"].Value)
            {
                case "Price.AnnualPrices":
                    return $"AnnualPrices[{i}]";
                case "Price.ExtensionPrices":
                    return $"ExtensionPrices[{i}]";
                case "Answers" when i < bid.Answers.Count:
                    return $"Answers[{bid.Answers[i].QuestionId}]";
            }
        }

        if (path.StartsWith("Declarations.", StringComparison.Ordinal))
        {
            return Entry.FieldFor(path["Declarations.".Length..]);
        }

        return path switch
        {
            "Id" => "BidId",
            "Provider" or "LateReason" => path,
            "Price.AnnualPrices" => "AnnualPrices[0]",
            "Price.ExtensionPrices" => "ExtensionPrices[0]",
            _ => string.Empty,
        };
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z.]+)\[(?<index>\d+)\]")]
    private static partial Regex Indexed();
}
