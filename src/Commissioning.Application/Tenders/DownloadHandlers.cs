using System.Text;
using Commissioning.Core.Files;
using Commissioning.Data;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Evaluation;
using Commissioning.Documents.Excel.Matrix;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>A file of a tender's results to download.</summary>
public enum DownloadKind
{
    /// <summary>The Excel evaluation matrix, with live formulas.</summary>
    Matrix,
    /// <summary>The evaluation report and award recommendation.</summary>
    Report,
    /// <summary>One bidder's assessment summary.</summary>
    AssessmentSummary,
    /// <summary>The tender's audit trail as CSV.</summary>
    AuditTrail,
    /// <summary>The tender as evaluated (submitted scores only), as an <c>oh-tender</c> file.</summary>
    TenderFile,
}

/// <summary>What to download.</summary>
/// <param name="Kind">Which file.</param>
/// <param name="Format">HTML or Markdown, for the report and the summaries.</param>
/// <param name="BidId">The bid, for an assessment summary.</param>
public sealed record DownloadRequest(DownloadKind Kind, DocumentOutput Format = DocumentOutput.Html, string? BidId = null);

/// <summary>A file to send: its name (letters, digits, hyphens and one dot), content type and bytes.</summary>
/// <param name="FileName">The file's name.</param>
/// <param name="ContentType">Its content type.</param>
/// <param name="Content">Its bytes.</param>
public sealed record DownloadFile(string FileName, string ContentType, byte[] Content);

/// <summary>The standards files the site was started with, fingerprinted for the matrix's provenance sheet.</summary>
/// <param name="Files">Each file's name, rule set and hash.</param>
public sealed record DocumentStandards(IReadOnlyList<StandardsFingerprint> Files);

/// <summary>A bidder whose assessment summary can be downloaded.</summary>
/// <param name="BidId">The bid.</param>
/// <param name="Provider">The bidder's name.</param>
/// <param name="LotTitle">The lot it bid for.</param>
/// <param name="Standing">Where it stands, such as "Ranked 1: the most advantageous tender" or "Excluded: a gate was failed".</param>
public sealed record SummaryChoice(string BidId, string Provider, string LotTitle, string Standing);

/// <summary>What a person may download of a tender's results.</summary>
/// <param name="Tender">The tender.</param>
/// <param name="Complete">True when nothing is outstanding in any lot: until then every document says the result is provisional.</param>
/// <param name="MayDownloadDocuments">The matrix, the report and the summaries: for those who may see every bid and its price.</param>
/// <param name="MayDownloadAuditTrail">The audit trail (owners and observers).</param>
/// <param name="MayDownloadTenderFile">The tender file as evaluated (owners and observers).</param>
/// <param name="Summaries">Each bidder, for its assessment summary (empty when the documents may not be downloaded).</param>
public sealed record DownloadChoices(TenderSummary Tender, bool Complete, bool MayDownloadDocuments, bool MayDownloadAuditTrail, bool MayDownloadTenderFile, IReadOnlyList<SummaryChoice> Summaries);

/// <summary>The rules of who may download which file.</summary>
internal static class DownloadRules
{
    /// <summary>
    /// The matrix, the report and the summaries hold every bid of the tender, its price and every
    /// evaluator's scores: only for a person who may see every bid and its price.
    /// </summary>
    public static bool MayDownloadDocuments(TenderPermissions access, TenderPack pack) =>
        access.Allows(TenderOperation.ViewResults) && pack.Bids.All(b => access.MaySeeBid(b.Id, b.LotId) && access.MaySeePrices(b.Id, b.LotId));

    /// <summary>The start of each file's name: the tender's title made safe.</summary>
    public static string Stem(TenderSummary tender) => EvaluationDocumentFiles.SafeName(tender.Title, "tender");
}

/// <summary>
/// What a person may download of a tender's results, for the downloads page: the documents (for
/// those who may see every bid and price), the audit trail and the tender file (owners and
/// observers), and the bidders whose assessment summaries can be made.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="evaluate">The tender's evaluation, made once per version of its data.</param>
public sealed class ListDownloads(ICommissioningContextFactory contexts, EvaluateTender evaluate)
{
    /// <summary>The choices.</summary>
    public async Task<Outcome<DownloadChoices>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ViewResults, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<DownloadChoices>();
        }

        var evaluation = await evaluate.CurrentAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (evaluation is null)
        {
            return TenderChanges.NotFound<DownloadChoices>();
        }

        var permissions = access.Value;
        var documents = DownloadRules.MayDownloadDocuments(permissions, evaluation.Pack);
        var summaries = documents
            ? evaluation.Result.Lots.SelectMany(lot => lot.Bids.Select(b => new SummaryChoice(b.Bid.Id, b.Bid.Provider, lot.Lot.Title, Standing(lot, b)))).ToList()
            : [];
        return Outcome<DownloadChoices>.Success(new DownloadChoices(
            permissions.Tender,
            evaluation.Complete,
            documents,
            permissions.Allows(TenderOperation.ViewAudit),
            permissions.Allows(TenderOperation.Export),
            summaries));
    }

    private static string Standing(Core.Evaluation.LotResult lot, Core.Evaluation.BidResult bid) =>
        bid.Rank is not { } rank
            ? bid.Disqualified ? "Excluded: a gate was failed" : bid.ExcludedForLowPrice ? "Excluded: abnormally low price" : "Excluded: a minimum threshold was not met"
            : bid.MostAdvantageous ? $"Ranked {rank}: the most advantageous tender"
            : lot.Complete ? $"Ranked {rank}" : $"Ranked {rank} so far (provisional)";
}

/// <summary>
/// One file of a tender's results: the Excel matrix, the evaluation report or a bidder's
/// assessment summary (HTML or Markdown), the audit trail (CSV) or the tender as evaluated
/// (an <c>oh-tender</c> file holding the submitted scores the evaluation counted). The documents
/// are made by the same code as the command line's (<see cref="EvaluationDocumentFiles"/>) from
/// the evaluation the results page shows, dated by the injected clock; the command line given
/// the tender file from here makes the same documents. Who may download what:
/// <see cref="DownloadRules"/>; the audit trail needs <see cref="TenderOperation.ViewAudit"/>
/// and the tender file <see cref="TenderOperation.Export"/>.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="evaluate">The tender's evaluation, made once per version of its data.</param>
/// <param name="time">The clock: the documents' date and the matrix's time of making.</param>
/// <param name="standards">The standards files the site runs with, for the matrix's provenance; none recorded if null.</param>
public sealed class DownloadDocument(ICommissioningContextFactory contexts, EvaluateTender evaluate, TimeProvider time, DocumentStandards? standards = null)
{
    /// <summary>The file; not found when there is no such tender, bid or file for this person.</summary>
    public async Task<Outcome<DownloadFile>> HandleAsync(SiteUser user, Guid tenderId, DownloadRequest request, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ViewResults, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<DownloadFile>();
        }

        var permissions = access.Value;
        var stem = DownloadRules.Stem(permissions.Tender);
        if (request.Kind == DownloadKind.AuditTrail)
        {
            return permissions.Allows(TenderOperation.ViewAudit)
                ? Outcome<DownloadFile>.Success(await AuditTrailAsync(db, tenderId, stem, cancel).ConfigureAwait(false))
                : TenderChanges.NotFound<DownloadFile>();
        }

        var evaluation = await evaluate.CurrentAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (evaluation is null)
        {
            return TenderChanges.NotFound<DownloadFile>();
        }

        if (request.Kind == DownloadKind.TenderFile)
        {
            return permissions.Allows(TenderOperation.Export)
                ? Outcome<DownloadFile>.Success(new DownloadFile($"{stem}-as-evaluated.json", "application/json", EvaluationDocumentFiles.Utf8(TenderFile.Write(evaluation.Pack))))
                : TenderChanges.NotFound<DownloadFile>();
        }

        if (!DownloadRules.MayDownloadDocuments(permissions, evaluation.Pack))
        {
            return TenderChanges.NotFound<DownloadFile>();
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var extension = EvaluationDocumentFiles.Extension(request.Format);
        var contentType = EvaluationDocumentFiles.ContentType(request.Format);
        if (request.Kind == DownloadKind.Report)
        {
            return Outcome<DownloadFile>.Success(new DownloadFile(
                $"{stem}-evaluation-report.{extension}",
                contentType,
                EvaluationDocumentFiles.Utf8(EvaluationDocumentFiles.Report(evaluation.Pack, evaluation.Result, evaluation.Robustness, request.Format, today))));
        }

        if (request.Kind == DownloadKind.AssessmentSummary)
        {
            return request.BidId is { } bidId && evaluation.Pack.Bids.Any(b => b.Id == bidId)
                ? Outcome<DownloadFile>.Success(new DownloadFile(
                    $"{stem}-assessment-summary-{EvaluationDocumentFiles.SafeName(bidId, "bid")}.{extension}",
                    contentType,
                    EvaluationDocumentFiles.Utf8(EvaluationDocumentFiles.AssessmentSummary(evaluation.Result, bidId, request.Format, today))))
                : Outcome<DownloadFile>.Fail(FailureKind.NotFound, "There is no such bid.");
        }

        var provenance = new MatrixProvenance
        {
            GeneratedAt = time.GetUtcNow(),
            ToolkitVersion = MatrixProvenance.AssemblyVersion(),
            Standards = standards?.Files ?? [],
            Source = $"The tender stored in this toolkit: {permissions.Tender.Title} (id {permissions.Tender.Id})",
        };
        return Outcome<DownloadFile>.Success(new DownloadFile(
            $"{stem}-evaluation-matrix.xlsx",
            EvaluationDocumentFiles.WorkbookContentType,
            EvaluationDocumentFiles.Matrix(evaluation.Pack, evaluation.Result, evaluation.Robustness, provenance)));
    }

    private static async Task<DownloadFile> AuditTrailAsync(CommissioningDbContext db, Guid tenderId, string stem, CancellationToken cancel)
    {
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.TenderId == tenderId).OrderBy(a => a.Id).ToListAsync(cancel).ConfigureAwait(false);

        // With a byte order mark, so that Excel reads the names as UTF-8 (as the audit page's own download).
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        var bytes = utf8.GetPreamble().Concat(utf8.GetBytes(AuditTrail.ToCsv(rows.Select(AuditTrail.ToRecord)))).ToArray();
        return new DownloadFile($"{stem}-audit-trail.csv", "text/csv; charset=utf-8", bytes);
    }
}
