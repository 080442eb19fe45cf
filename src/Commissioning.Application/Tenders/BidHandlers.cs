using System.Security.Cryptography;
using System.Text.Json;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Validation;
using Commissioning.Data;
using Commissioning.Documents.Excel.Response;
using Commissioning.Documents.Evaluation;
using Commissioning.Documents.Questionnaire;
using Commissioning.Documents.Specification;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>
/// The key the site signs response workbooks with. With a secret from the site's configuration
/// (<c>ResponseWorkbooks:Secret</c>, at least 32 bytes, base64), only this site can make a
/// workbook that imports; without one it uses the key derived from the tender, as the command
/// line does, so that a workbook downloaded here also imports there (docs/response-workbook.md
/// says what each protects against).
/// </summary>
public sealed class ResponseWorkbookSigning
{
    private readonly ResponseWorkbookKey? _secret;

    private ResponseWorkbookSigning(ResponseWorkbookKey? secret) => _secret = secret;

    /// <summary>Signs with the key derived from each tender and lot.</summary>
    public static ResponseWorkbookSigning Derived { get; } = new(null);

    /// <summary>Signs with a key made from <paramref name="secret"/> (at least 32 bytes).</summary>
    public static ResponseWorkbookSigning FromSecret(byte[] secret) => new(ResponseWorkbookKey.FromSecret(secret));

    /// <summary>Whether workbooks are signed with the tender's own derived key.</summary>
    public bool IsDerived => _secret is null;

    /// <summary>The key for a lot's workbook.</summary>
    public ResponseWorkbookKey KeyFor(Tender tender, string lotId) => _secret ?? ResponseWorkbookKey.DerivedFrom(tender, lotId);

    /// <summary>The key the reader checks with: null for the key derived from the workbook's lot.</summary>
    internal ResponseWorkbookKey? ImportKey => _secret;
}

/// <summary>One workbook sent to be received as a bid.</summary>
/// <param name="FileName">The name it was uploaded with (shown back, never used as a path).</param>
/// <param name="Bytes">Its content.</param>
public sealed record WorkbookUpload(string FileName, byte[] Bytes);

/// <summary>What became of one workbook: the bid it gave, or every problem with its sheet and cell.</summary>
/// <param name="FileName">The name it was uploaded with.</param>
/// <param name="Sha256">The SHA-256 of the bytes received, as hex: the receipt's fingerprint.</param>
/// <param name="Size">How many bytes were received.</param>
/// <param name="Bid">The bid received; null when the workbook was refused.</param>
/// <param name="Problems">Why it was refused; empty when received.</param>
/// <param name="Warnings">Worth knowing but not stopping it, such as questions left unanswered.</param>
public sealed record WorkbookReceipt(string FileName, string Sha256, int Size, ReceivedBid? Bid, IReadOnlyList<WorkbookProblem> Problems, IReadOnlyList<WorkbookProblem> Warnings)
{
    /// <summary>Whether the workbook became a bid.</summary>
    public bool Received => Bid is not null;
}

/// <summary>A bid as received.</summary>
/// <param name="Id">The bid's reference.</param>
/// <param name="Provider">The provider's name.</param>
/// <param name="LotId">The lot.</param>
/// <param name="LotTitle">The lot's title.</param>
/// <param name="Answers">How many questions it answers.</param>
/// <param name="ReceivedAt">When it was saved.</param>
/// <param name="Late">True when it was received after the bid deadline (with the owner's reason).</param>
public sealed record ReceivedBid(string Id, string Provider, string LotId, string LotTitle, int Answers, DateTimeOffset ReceivedAt, bool Late);

/// <summary>What the owner sees of receiving bids: the lots to download a workbook for, and whether bids can be received now.</summary>
/// <param name="Tender">The tender.</param>
/// <param name="Lots">Each lot, by id and title.</param>
/// <param name="Refusal">Why no bid can be received now (the stage); null when bids can be received.</param>
/// <param name="DeadlinePassed">True when the bid deadline has passed: a bid then needs a reason.</param>
/// <param name="WorkbooksRefusal">Why no workbook can be downloaded yet (the tender has problems to fix first); null when they can.</param>
/// <param name="Definition">The tender's definition: its lots' questions and price years, for a bid entered by hand.</param>
public sealed record BidsInbox(TenderSummary Tender, IReadOnlyList<(string Id, string Title)> Lots, string? Refusal, bool DeadlinePassed, string? WorkbooksRefusal, Tender Definition);

/// <summary>The rules of receiving bids that do not need the database.</summary>
public static class BidReceiving
{
    /// <summary>The most workbooks taken in one upload.</summary>
    public const int MaxWorkbooksAtOnce = 50;

    /// <summary>
    /// The day as it is in the United Kingdom, whose buyers use the toolkit: the bid deadline is a
    /// date, and a bid is on time until that day ends there (the toolkit's judgement: the tender
    /// holds a date, not a time, so the whole day is given).
    /// </summary>
    public static DateOnly UkToday(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var zone = UkZone.Value;
        return DateOnly.FromDateTime(zone is null ? now.UtcDateTime : TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    /// <summary>What a provider is told once the bid deadline has passed.</summary>
    public static string ProviderUploadClosed(DateOnly deadline) =>
        $"The bid deadline ({TenderLifecycle.Day(deadline)}) has passed, so the upload is closed. Only the buyer can add a late bid, with the reason recorded: contact them if yours could not be sent in time.";

    /// <summary>Whether a bid received today is late.</summary>
    public static bool IsLate(DateOnly? bidDeadline, DateOnly today) => bidDeadline is { } deadline && today > deadline;

    private static readonly Lazy<TimeZoneInfo?> UkZone = new(() =>
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
    });

    /// <summary>The position after the tender's last bid.</summary>
    internal static async Task<int> NextPositionAsync(CommissioningDbContext db, Guid tenderId, CancellationToken cancel) =>
        (await db.Bids.Where(b => b.TenderId == tenderId).Select(b => (int?)b.Position).MaxAsync(cancel).ConfigureAwait(false) ?? -1) + 1;

    /// <summary>A file name as it may be shown and recorded: control characters replaced, cut to 120 characters.</summary>
    public static string Shown(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var clean = new string([.. Path.GetFileName(fileName.Replace('\\', '/')).Select(c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' ? '?' : c)]);
        return clean.Length == 0 ? "(no name)" : clean.Length > 120 ? clean[..120] + "…" : clean;
    }
}

/// <summary>What the owner needs to receive bids; for the tender's owner only.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock, for the bid deadline.</param>
/// <param name="standards">The standards the tender's rules refer to.</param>
public sealed class ReadBidsInbox(ICommissioningContextFactory contexts, TimeProvider time, StandardsCatalogue standards)
{
    /// <summary>The lots and whether bids can be received now.</summary>
    public async Task<Outcome<BidsInbox>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ReceiveBids, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<BidsInbox>();
        }

        var tender = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
        var summary = access.Value.Tender;
        var stage = TenderLifecycle.Check(summary.Stage, TenderChange.Bid);
        var problems = new TenderValidator(standards).Validate(tender);
        return Outcome<BidsInbox>.Success(new BidsInbox(
            summary,
            [.. tender.Lots.Select(l => (l.Id, l.Title))],
            stage.Allowed ? null : stage.Refusal,
            BidReceiving.IsLate(tender.BidDeadline, BidReceiving.UkToday(time)),
            problems.IsValid ? null : "The tender still has problems to fix in its set-up, and the workbooks are made from its questions and prices. Fix them first.",
            tender));
    }
}

/// <summary>
/// The provider response workbook for one lot, signed so that it imports only into this lot of
/// this tender as it now is. For the owner, while the tender is a draft with no problems left or
/// open for bids; for a provider organisation invited to bid, while it is open for bids.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="standards">The standards the workbook's guidance and lists come from.</param>
/// <param name="signing">The key workbooks are signed with.</param>
public sealed class DownloadResponseWorkbook(ICommissioningContextFactory contexts, StandardsCatalogue standards, ResponseWorkbookSigning signing)
{
    /// <summary>The workbook, named after the tender's reference and the lot.</summary>
    public async Task<Outcome<DownloadFile>> HandleAsync(SiteUser user, Guid tenderId, string lotId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(lotId);
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ReceiveBids, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            // An invited provider may download it too, but only while the tender is open for bids.
            access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.SubmitBid, cancel).ConfigureAwait(false);
            if (!access.Succeeded || access.Value.Tender.Stage != TenderStage.OpenForBids)
            {
                return TenderChanges.NotFound<DownloadFile>();
            }
        }

        var tender = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender.FindLot(lotId) is not { } lot)
        {
            return Outcome<DownloadFile>.Fail(FailureKind.NotFound, $"The tender has no lot '{lotId}'.");
        }

        if (access.Value.Tender.Stage is not (TenderStage.Draft or TenderStage.OpenForBids))
        {
            return Outcome<DownloadFile>.Fail(FailureKind.Refused, "Bids are no longer being received, so the response workbook is not offered.");
        }

        if (!new TenderValidator(standards).Validate(tender).IsValid)
        {
            return Outcome<DownloadFile>.Fail(FailureKind.Refused, "The tender still has problems to fix in its set-up, and the workbook is made from its questions and prices. Fix them first.");
        }

        var bytes = ResponseWorkbookWriter.Write(tender, lot.Id, standards, signing.KeyFor(tender, lot.Id));
        var name = $"{DownloadRules.Stem(access.Value.Tender)}-{EvaluationDocumentFiles.SafeName(lot.Id, "lot")}-response-workbook.xlsx";
        return Outcome<DownloadFile>.Success(new DownloadFile(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes));
    }
}

/// <summary>
/// The invitation-to-tender questionnaire for every lot, as the command line's
/// <c>render questionnaire</c> makes it: HTML to print or Markdown. The same rules as the
/// response workbooks: the owner, a draft with no problems left or a tender open for bids.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="standards">The standards the questions' guidance comes from.</param>
public sealed class DownloadQuestionnaire(ICommissioningContextFactory contexts, StandardsCatalogue standards)
{
    /// <summary>The questionnaire, named after the tender.</summary>
    public async Task<Outcome<DownloadFile>> HandleAsync(SiteUser user, Guid tenderId, DocumentOutput format, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ReceiveBids, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<DownloadFile>();
        }

        var tender = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (access.Value.Tender.Stage is not (TenderStage.Draft or TenderStage.OpenForBids))
        {
            return Outcome<DownloadFile>.Fail(FailureKind.Refused, "Bids are no longer being received, so the questionnaire is not offered.");
        }

        if (!new TenderValidator(standards).Validate(tender).IsValid)
        {
            return Outcome<DownloadFile>.Fail(FailureKind.Refused, "The tender still has problems to fix in its set-up, and the questionnaire is made from its questions. Fix them first.");
        }

        var html = format == DocumentOutput.Html;
        var text = QuestionnaireDocuments.Render(Commissioning.Documents.Templates.TemplateSet.Shipped, standards, tender, lotId: null, html ? OutputFormat.Html : OutputFormat.Markdown);
        return Outcome<DownloadFile>.Success(new DownloadFile(
            $"{DownloadRules.Stem(access.Value.Tender)}-questionnaire.{(html ? "html" : "md")}",
            html ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8",
            System.Text.Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>
/// Receives filled response workbooks as bids. Each workbook is checked exactly as the command
/// line's import checks it (the package, the signed identity, the structure, every cell, then
/// the tender's rules with the bid added) and is saved as one bid, with its audit entry, in one
/// transaction; a workbook with any problem saves nothing, and the others in the same upload are
/// received or refused on their own. The owner only, while the tender is open for bids; after the
/// bid deadline only with a reason, recorded as a late bid.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock, for the deadline and the audit trail.</param>
/// <param name="standards">The standards the tender's rules refer to.</param>
/// <param name="signing">The key workbooks are signed with.</param>
public sealed class ReceiveBidWorkbooks(ICommissioningContextFactory contexts, TimeProvider time, StandardsCatalogue standards, ResponseWorkbookSigning signing)
{
    /// <summary>A receipt for each workbook, in the order given; a failure only when none could be considered at all.</summary>
    public async Task<Outcome<IReadOnlyList<WorkbookReceipt>>> HandleAsync(SiteUser user, Guid tenderId, IReadOnlyList<WorkbookUpload> workbooks, string? lateReason, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(workbooks);
        lateReason = TenderGate.Blank(lateReason);
        if (workbooks.Count == 0)
        {
            return Outcome<IReadOnlyList<WorkbookReceipt>>.Fail(FailureKind.Invalid, "Choose one or more response workbooks (.xlsx) to upload.", new FormFieldLocation("Files"));
        }

        if (workbooks.Count > BidReceiving.MaxWorkbooksAtOnce)
        {
            return Outcome<IReadOnlyList<WorkbookReceipt>>.Fail(FailureKind.Invalid, $"Upload at most {BidReceiving.MaxWorkbooksAtOnce} workbooks at once; {workbooks.Count} were chosen.", new FormFieldLocation("Files"));
        }

        var receipts = new List<WorkbookReceipt>();
        foreach (var workbook in workbooks)
        {
            var receipt = await ReceiveAsync(user, tenderId, workbook, lateReason, cancel).ConfigureAwait(false);
            if (!receipt.Succeeded)
            {
                // The tender itself refuses (not found, not the owner, the stage, a late bid with no
                // reason): the same for every workbook, so say it once.
                return receipt.As<IReadOnlyList<WorkbookReceipt>>();
            }

            receipts.Add(receipt.Value);
        }

        return Outcome<IReadOnlyList<WorkbookReceipt>>.Success(receipts);
    }

    private async Task<Outcome<WorkbookReceipt>> ReceiveAsync(SiteUser user, Guid tenderId, WorkbookUpload workbook, string? lateReason, CancellationToken cancel)
    {
        var name = BidReceiving.Shown(workbook.FileName);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(workbook.Bytes));
        WorkbookReceipt Refused(IReadOnlyList<WorkbookProblem> problems, IReadOnlyList<WorkbookProblem>? warnings = null) =>
            new(name, sha256, workbook.Bytes.Length, null, problems, warnings ?? []);

        // Read and check the workbook first, outside any transaction: reading takes a while, and
        // on SQLite the transaction holds the database's one write lock. The lot cannot change
        // meanwhile (the set-up is locked once the tender is open for bids).
        TenderPack pack;
        await using (var read = contexts.Create())
        {
            var refused = await RefusedAsync(read, user, tenderId, lateReason, cancel).ConfigureAwait(false);
            if (refused is not null)
            {
                return refused;
            }

            // A provider's upload replaces its own organisation's bid for the lot, so its own bids
            // are left out of the check (their references may be used again).
            var own = (await TenderGate.PermissionsAsync(read, user, tenderId, cancel).ConfigureAwait(false))!.Allows(TenderOperation.ReceiveBids)
                ? []
                : await read.Bids.AsNoTracking().Where(b => b.TenderId == tenderId && b.ProviderOrganisationId == user.OrganisationId).Select(b => b.Key).ToListAsync(cancel).ConfigureAwait(false);
            pack = new TenderPack
            {
                Tender = await TenderLoader.DefinitionAsync(read, tenderId, cancel).ConfigureAwait(false),
                Bids = [.. (await BulkRead.BidsAsync(read, tenderId, cancel).ConfigureAwait(false)).Where(b => !own.Contains(b.Id))],
            };
        }

        var import = ResponseWorkbookReader.Read(pack, workbook.Bytes, TenderFiles.Rules(standards), new ResponseImportOptions
        {
            Key = signing.ImportKey,
            Standards = standards,
        });
        if (!import.Succeeded)
        {
            return Outcome<WorkbookReceipt>.Success(Refused(import.Problems, import.Warnings));
        }

        // Then save it with the stage held still, checking again what may have changed.
        await using var db = contexts.Create();
        if (await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false) is null)
        {
            return TenderChanges.NotFound<WorkbookReceipt>();
        }

        if (await RefusedAsync(db, user, tenderId, lateReason, cancel).ConfigureAwait(false) is { } now)
        {
            return now;
        }

        var bid = import.Bid!;
        var late = await IsLateAsync(db, tenderId, cancel).ConfigureAwait(false);
        var fromProvider = !(await TenderGate.PermissionsAsync(db, user, tenderId, cancel).ConfigureAwait(false))!.Allows(TenderOperation.ReceiveBids);
        var receivedAt = time.GetUtcNow();
        var row = TenderMapping.BidRow(tenderId, bid, await BidReceiving.NextPositionAsync(db, tenderId, cancel).ConfigureAwait(false));
        row.ReceivedAt = receivedAt;
        row.ReceivedFile = name;
        row.ReceivedSha256 = sha256;
        row.ReceivedBytes = workbook.Bytes.Length;
        row.ReceivedLate = late;
        if (fromProvider)
        {
            // A provider's own upload is theirs to see at once: it is linked to their organisation.
            row.ProviderOrganisationId = user.OrganisationId;
        }

        // Before the deadline a provider's new upload for a lot replaces its earlier bid for that lot.
        var replaced = fromProvider
            ? await db.Bids.Where(b => b.TenderId == tenderId && b.ProviderOrganisationId == user.OrganisationId && b.LotKey == bid.LotId).ToListAsync(cancel).ConfigureAwait(false)
            : [];
        foreach (var earlier in replaced)
        {
            db.Bids.Remove(earlier);
            AuditTrail.Add(db, time, user.Actor, tenderId, "Bid", earlier.Key, "Replaced",
                JsonSerializer.Serialize(new { provider = earlier.Provider, lot = earlier.LotKey, file = earlier.ReceivedFile, sha256 = earlier.ReceivedSha256, bytes = earlier.ReceivedBytes, receivedAt = earlier.ReceivedAt }),
                JsonSerializer.Serialize(new { bid = bid.Id, file = name, sha256 }), null);
        }

        if (replaced.Count > 0)
        {
            // The removal goes first, so that the new bid may keep the earlier one's reference.
            try
            {
                await db.SaveChangesAsync(cancel).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<WorkbookReceipt>.Success(Refused([new WorkbookProblem(ResponseLayout.DeclarationsSheet, null, "Your organisation's earlier bid for this lot changed while this workbook was being received. Nothing was saved; upload the workbook again.")]));
            }
        }

        db.Bids.Add(row);
        AuditTrail.Add(db, time, user.Actor, tenderId, "Bid", bid.Id, fromProvider ? "Submitted" : late ? "ReceivedLate" : "Received", null,
            JsonSerializer.Serialize(new { provider = bid.Provider, lot = bid.LotId, file = name, sha256, bytes = workbook.Bytes.Length, answers = bid.Answers.Count }), late ? lateReason : null);
        var saved = await TenderChanges.SaveAsync(db, tenderId, "Bid", bid.Id, expectedVersion: null, () => true, cancel).ConfigureAwait(false);
        if (!saved.Succeeded)
        {
            if (saved.Failure == FailureKind.Conflict)
            {
                // Another upload saved a bid with this reference first.
                return Outcome<WorkbookReceipt>.Success(Refused([new WorkbookProblem(ResponseLayout.DeclarationsSheet, null, $"The bid reference '{bid.Id}' is already in use on this tender. Each bid needs its own reference.")]));
            }

            return saved.As<WorkbookReceipt>();
        }

        var lotTitle = pack.Tender.FindLot(bid.LotId)?.Title ?? bid.LotId;
        return Outcome<WorkbookReceipt>.Success(new WorkbookReceipt(name, sha256, workbook.Bytes.Length,
            new ReceivedBid(bid.Id, bid.Provider, bid.LotId, lotTitle, bid.Answers.Count, receivedAt, late), [], import.Warnings));
    }

    /// <summary>
    /// Why no bid can be received now from this person (not the owner nor an invited provider,
    /// the stage, a late bid with no reason, or a provider's bid after the deadline); null when one can.
    /// </summary>
    private async Task<Outcome<WorkbookReceipt>?> RefusedAsync(CommissioningDbContext db, SiteUser user, Guid tenderId, string? lateReason, CancellationToken cancel)
    {
        var access = await TenderGate.PermissionsAsync(db, user, tenderId, cancel).ConfigureAwait(false);
        if (access is null || !(access.Allows(TenderOperation.ReceiveBids) || access.Allows(TenderOperation.SubmitBid)))
        {
            return TenderChanges.NotFound<WorkbookReceipt>();
        }

        var stage = TenderLifecycle.Check(access.Tender.Stage, TenderChange.Bid);
        if (!stage.Allowed)
        {
            return Outcome<WorkbookReceipt>.Fail(FailureKind.Refused, stage.Refusal!);
        }

        var deadline = await db.Tenders.Where(t => t.Id == tenderId).Select(t => t.BidDeadline).SingleAsync(cancel).ConfigureAwait(false);
        if (!BidReceiving.IsLate(deadline, BidReceiving.UkToday(time)))
        {
            return null;
        }

        if (!access.Allows(TenderOperation.ReceiveBids))
        {
            return Outcome<WorkbookReceipt>.Fail(FailureKind.Refused, BidReceiving.ProviderUploadClosed(deadline!.Value));
        }

        return lateReason is null
            ? Outcome<WorkbookReceipt>.Fail(FailureKind.Invalid, $"The bid deadline ({TenderLifecycle.Day(deadline!.Value)}) has passed. Enter why a late bid is being accepted; the reason is recorded with each bid.", new FormFieldLocation("LateReason"))
            : null;
    }

    private async Task<bool> IsLateAsync(CommissioningDbContext db, Guid tenderId, CancellationToken cancel)
    {
        var deadline = await db.Tenders.Where(t => t.Id == tenderId).Select(t => t.BidDeadline).SingleAsync(cancel).ConfigureAwait(false);
        return BidReceiving.IsLate(deadline, BidReceiving.UkToday(time));
    }
}

/// <summary>
/// Enters a bid by hand (a provider's response received on paper or by email, typed in by the
/// owner): the same rules as a workbook's bid, the tender's rules with the bid added, every problem
/// returned against the part of the bid it is about (a path such as <c>Price.AnnualPrices[1]</c>,
/// <c>Answers[3]</c> or <c>Declarations.SeqohsDate</c>) so the form can place it on its field. The
/// owner only, while the tender is open for bids; after the deadline only with a reason. Saved with
/// its audit entry in one transaction; nothing is saved while any problem remains.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock, for the deadline and the audit trail.</param>
/// <param name="standards">The standards the tender's rules refer to.</param>
public sealed class EnterBid(ICommissioningContextFactory contexts, TimeProvider time, StandardsCatalogue standards)
{
    /// <summary>The bid as saved, or every problem with where it is.</summary>
    public async Task<Outcome<ReceivedBid>> HandleAsync(SiteUser user, Guid tenderId, Bid bid, string? lateReason, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(bid);
        lateReason = TenderGate.Blank(lateReason);
        await using var db = contexts.Create();
        if (await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false) is not { } row)
        {
            return TenderChanges.NotFound<ReceivedBid>();
        }

        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ReceiveBids, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<ReceivedBid>();
        }

        var stage = TenderLifecycle.Check(row.Stage, TenderChange.Bid);
        if (!stage.Allowed)
        {
            return Outcome<ReceivedBid>.Fail(FailureKind.Refused, stage.Refusal!);
        }

        var late = BidReceiving.IsLate(row.BidDeadline, BidReceiving.UkToday(time));
        if (late && lateReason is null)
        {
            return Outcome<ReceivedBid>.Fail(FailureKind.Invalid, $"The bid deadline ({TenderLifecycle.Day(row.BidDeadline!.Value)}) has passed. Enter why a late bid is being accepted; the reason is recorded with the bid.", new FormFieldLocation("LateReason"));
        }

        var tender = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender.FindLot(bid.LotId) is not { } lot)
        {
            return Outcome<ReceivedBid>.Fail(FailureKind.NotFound, $"The tender has no lot '{bid.LotId}'.");
        }

        var bids = await BulkRead.BidsAsync(db, tenderId, cancel).ConfigureAwait(false);
        var prefix = $"Bids[{bids.Count}]";
        var breaches = TenderFiles.Rules(standards)(new TenderPack { Tender = tender, Bids = [.. bids, bid] })
            .Where(b => b.Path == "Bids" || b.Path.StartsWith(prefix, StringComparison.Ordinal))
            .Select(b => b.Path == "Bids"
                ? new AppError("The tender already has a bid with this reference. Give this bid its own reference.", new FormFieldLocation("Id"))
                : new AppError(b.Message, new FormFieldLocation(b.Path[prefix.Length..].TrimStart('.'))))
            .ToList();
        if (breaches.Count > 0)
        {
            return Outcome<ReceivedBid>.Fail(FailureKind.Invalid, breaches);
        }

        var receivedAt = time.GetUtcNow();
        var saved = TenderMapping.BidRow(tenderId, bid, await BidReceiving.NextPositionAsync(db, tenderId, cancel).ConfigureAwait(false));
        saved.ReceivedAt = receivedAt;
        saved.ReceivedLate = late;
        db.Bids.Add(saved);
        AuditTrail.Add(db, time, user.Actor, tenderId, "Bid", bid.Id, late ? "EnteredLate" : "Entered", null,
            JsonSerializer.Serialize(new { provider = bid.Provider, lot = bid.LotId, answers = bid.Answers.Count }), late ? lateReason : null);
        var outcome = await TenderChanges.SaveAsync(db, tenderId, "Bid", bid.Id, expectedVersion: null, () => true, cancel).ConfigureAwait(false);
        return outcome.Succeeded
            ? Outcome<ReceivedBid>.Success(new ReceivedBid(bid.Id, bid.Provider, bid.LotId, lot.Title, bid.Answers.Count, receivedAt, late))
            : outcome.Failure == FailureKind.Conflict
                ? Outcome<ReceivedBid>.Fail(FailureKind.Invalid, "The tender already has a bid with this reference. Give this bid its own reference.", new FormFieldLocation("Id"))
                : outcome.As<ReceivedBid>();
    }
}

/// <summary>
/// Withdraws a bid before evaluation: the provider who submitted it (its organisation's accounts)
/// until the bid deadline, or the owner while the tender is open for bids, with a reason (a
/// withdrawal the provider asked for by letter, say). The bid and its answers and prices are
/// removed in one transaction with an audit entry that keeps its receipt (file, size, SHA-256,
/// when received), so the trail still shows what was received and when it went.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock, for the deadline and the audit trail.</param>
public sealed class WithdrawBid(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Why this person cannot withdraw the bid now (null when they can), or a failure when the bid is not theirs to see.</summary>
    public async Task<Outcome<string?>> CheckAsync(SiteUser user, Guid tenderId, Guid bidRowId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = contexts.Create();
        var row = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        if (row is null)
        {
            return TenderChanges.NotFound<string?>();
        }

        var refused = await RefusedAsync(db, user, row, bidRowId, cancel).ConfigureAwait(false);
        return refused is { Succeeded: false, Failure: FailureKind.NotFound } ? refused.As<string?>() : Outcome<string?>.Success(refused?.Errors[0].Message);
    }

    /// <summary>Removes the bid; the bid's reference on success.</summary>
    public async Task<Outcome<string>> HandleAsync(SiteUser user, Guid tenderId, Guid bidRowId, string? reason, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        reason = TenderGate.Blank(reason);
        await using var db = contexts.Create();
        if (await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false) is not { } tender)
        {
            return TenderChanges.NotFound<string>();
        }

        if (await RefusedAsync(db, user, tender, bidRowId, cancel).ConfigureAwait(false) is { } refused)
        {
            return refused.As<string>();
        }

        var owner = (await TenderGate.PermissionsAsync(db, user, tenderId, cancel).ConfigureAwait(false))!.Allows(TenderOperation.ReceiveBids);
        if (owner && reason is null)
        {
            return Outcome<string>.Fail(FailureKind.Invalid, "Enter why the bid is being withdrawn, such as the provider's letter asking for it; the reason is recorded in the audit trail.", new FormFieldLocation("Reason"));
        }

        if (await db.Bids.SingleOrDefaultAsync(b => b.Id == bidRowId, cancel).ConfigureAwait(false) is not { } bid)
        {
            return Outcome<string>.Fail(FailureKind.Conflict, "The bid was withdrawn or replaced by someone else a moment ago. Nothing more was changed.");
        }

        db.Bids.Remove(bid);
        AuditTrail.Add(db, time, user.Actor, tenderId, "Bid", bid.Key, "Withdrawn",
            JsonSerializer.Serialize(new { provider = bid.Provider, lot = bid.LotKey, file = bid.ReceivedFile, sha256 = bid.ReceivedSha256, bytes = bid.ReceivedBytes, receivedAt = bid.ReceivedAt }), null, reason);
        return await TenderChanges.SaveAsync(db, tenderId, "Bid", bid.Key, expectedVersion: null, () => bid.Key, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Why not (a failure), or null: the bid must be this tender's and visible to the person as the
    /// owner or as its provider; the tender open for bids; a provider only until the deadline.
    /// </summary>
    private async Task<Outcome<string>?> RefusedAsync(CommissioningDbContext db, SiteUser user, Data.Entities.TenderRow tender, Guid bidRowId, CancellationToken cancel)
    {
        var access = await TenderGate.PermissionsAsync(db, user, tender.Id, cancel).ConfigureAwait(false);
        var bid = await db.Bids.AsNoTracking().Where(b => b.Id == bidRowId && b.TenderId == tender.Id).Select(b => new { b.ProviderOrganisationId }).SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        var owner = access?.Allows(TenderOperation.ReceiveBids) == true;
        var provider = access?.Allows(TenderOperation.SubmitBid) == true && bid?.ProviderOrganisationId is { } organisation && organisation == user.OrganisationId;
        if (bid is null || !(owner || provider))
        {
            return TenderChanges.NotFound<string>();
        }

        var stage = TenderLifecycle.Check(tender.Stage, TenderChange.Bid);
        if (!stage.Allowed)
        {
            return Outcome<string>.Fail(FailureKind.Refused, stage.Refusal!);
        }

        return !owner && BidReceiving.IsLate(tender.BidDeadline, BidReceiving.UkToday(time))
            ? Outcome<string>.Fail(FailureKind.Refused, $"The bid deadline ({TenderLifecycle.Day(tender.BidDeadline!.Value)}) has passed, so the bid can no longer be withdrawn here. To withdraw it now, write to the buyer.")
            : null;
    }
}
