using Commissioning.Application.Tenders;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Readiness;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Validation;
using Commissioning.Core.Text;
using Commissioning.Data;
using Commissioning.Documents.Specification;
using Commissioning.Documents.Evaluation;
using Commissioning.Documents.Readiness;
using Commissioning.Documents.Templates;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Readiness;

/// <summary>A saved readiness check, as listed.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">The name the provider gave it.</param>
/// <param name="Provider">The provider's name in the declarations.</param>
/// <param name="CreatedAt">When it was saved.</param>
/// <param name="CreatedBy">Who saved it (display name).</param>
public sealed record ReadinessCheckSummary(Guid Id, string Title, string Provider, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>
/// What a readiness check is checked against: the standards, one lot of a tender the organisation
/// is invited to, or an <c>oh-tender</c> file the provider was sent (one lot, or every lot).
/// </summary>
/// <param name="TenderId">The tender the organisation is invited to, or null.</param>
/// <param name="LotId">The lot; null for the standards, or for every lot of a tender file.</param>
/// <param name="TenderFile">The text of an uploaded tender file, or null.</param>
public sealed record ReadinessTarget(Guid? TenderId, string? LotId, string? TenderFile = null)
{
    /// <summary>The standards, for no buyer in particular.</summary>
    public static ReadinessTarget Standards { get; } = new(null, null);
}

/// <summary>A tender a provider organisation is invited to, with its lots, to check readiness against.</summary>
/// <param name="TenderId">The tender.</param>
/// <param name="Title">Its title.</param>
/// <param name="Reference">The buyer's reference, if any.</param>
/// <param name="Lots">Its lots: id and title, in order.</param>
public sealed record InvitedTender(Guid TenderId, string Title, string? Reference, IReadOnlyList<(string Id, string Title)> Lots);

/// <summary>A saved readiness check with its report, worked out when asked for.</summary>
/// <param name="Summary">The check as listed.</param>
/// <param name="Report">The report against the check's target as it stands now.</param>
/// <param name="Declarations">The declarations it was checked with.</param>
public sealed record ReadinessCheckView(ReadinessCheckSummary Summary, ReadinessReport Report, Declarations Declarations);

/// <summary>
/// Providers' saved readiness checks. Only an account of a provider organisation may save one,
/// and only accounts of the same organisation see it: to anyone else there is no such check.
/// Each save is audited in the same transaction.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock: when a check was saved, and today for the declarations' dates.</param>
public sealed class ReadinessChecks(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>What the audit trail calls a readiness check.</summary>
    public const string AuditEntity = "ReadinessCheck";

    /// <summary>
    /// Saves a provider's declarations (an <c>oh-declarations</c> file) under a title. The file is
    /// read and checked first; with any problem nothing is saved and every problem is listed.
    /// </summary>
    public Task<Outcome<Guid>> SaveAsync(SiteUser user, string title, string declarationsFile, StandardsCatalogue? standards, CancellationToken cancel = default) =>
        SaveAsync(user, title, declarationsFile, standards, ReadinessTarget.Standards, cancel);

    private async Task<Outcome<Guid>> SaveAsync(SiteUser user, string title, string declarationsFile, StandardsCatalogue? standards, ReadinessTarget target, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(declarationsFile);
        if (!user.IsProvider)
        {
            return Outcome<Guid>.Fail(FailureKind.Refused, "Only an account of a provider organisation can save a readiness check.");
        }

        if (string.IsNullOrWhiteSpace(title) || TextRules.Check(title, TextShape.OneLine) is not null || title.Length > 200)
        {
            return Outcome<Guid>.Fail(FailureKind.Invalid, "Enter a name for this readiness check, on one line and no longer than 200 characters.", new FormFieldLocation("Title"));
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var read = TenderFiles.ReadDeclarations(declarationsFile, standards, today);
        if (!read.Succeeded)
        {
            return read.As<Guid>();
        }

        await using var db = contexts.Create();
        var row = new ReadinessCheckRow
        {
            OrganisationId = user.OrganisationId!.Value,
            Title = title.Trim(),
            Provider = read.Value.Provider,
            DeclarationsJson = declarationsFile,
            TenderId = target.TenderId,
            LotKey = target.TenderId is null && target.TenderFile is null ? null : target.LotId,
            TenderFileJson = target.TenderFile,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = user.UserId,
        };
        db.ReadinessChecks.Add(row);
        AuditTrail.Add(db, time, user.Actor, null, AuditEntity, row.Id.ToString(), "Created", null,
            System.Text.Json.JsonSerializer.Serialize(new { organisationId = row.OrganisationId, title = row.Title, provider = row.Provider, tenderId = row.TenderId, lot = row.LotKey }));
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        return Outcome<Guid>.Success(row.Id);
    }

    /// <summary>
    /// Saves a self-assessment made in the site: the provider's declarations, checked against
    /// their rules (each problem against its field) and written as an <c>oh-declarations</c> file,
    /// against the standards, one lot of a tender the organisation is invited to, or an uploaded
    /// tender file (one lot or every lot). Nothing is saved with any problem.
    /// </summary>
    public async Task<Outcome<Guid>> SaveAsync(SiteUser user, string title, string provider, Declarations declarations, ReadinessTarget target, StandardsCatalogue standards, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(declarations);
        ArgumentNullException.ThrowIfNull(target);
        if (!user.IsProvider)
        {
            return Outcome<Guid>.Fail(FailureKind.Refused, "Only an account of a provider organisation can save a readiness check.");
        }

        // The declarations' own rules, each against its field (the provider's name heads the messages).
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var declared = new DeclarationsValidator(provider.Trim(), standards, today).Validate(declarations);
        if (!declared.IsValid)
        {
            return Outcome<Guid>.Fail(FailureKind.Invalid, [.. declared.Errors.Select(e => new AppError(e.ErrorMessage, new FormFieldLocation("Declarations." + e.PropertyName)))]);
        }

        if (target.TenderId is { } tenderId)
        {
            await using var db = contexts.Create();
            var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.SubmitBid, cancel).ConfigureAwait(false);
            if (!access.Succeeded)
            {
                return Outcome<Guid>.Fail(FailureKind.Invalid, "Choose a tender your organisation is invited to.", new FormFieldLocation("Target"));
            }

            var lotExists = await db.Lots.AsNoTracking().AnyAsync(l => l.TenderId == tenderId && l.Key == target.LotId, cancel).ConfigureAwait(false);
            if (!lotExists)
            {
                return Outcome<Guid>.Fail(FailureKind.Invalid, "Choose one of the tender's lots.", new FormFieldLocation("Target"));
            }
        }

        if (target.TenderFile is { } file)
        {
            var read = TenderFiles.ReadDefinition(file, standards);
            if (!read.Succeeded)
            {
                var more = read.Errors.Count - 1;
                return Outcome<Guid>.Fail(FailureKind.Invalid,
                    $"The tender file cannot be read: {read.Errors[0].Message}{(more > 0 ? $" (and {more} more {(more == 1 ? "problem" : "problems")})" : "")}",
                    new FormFieldLocation("TenderFile"));
            }

            var lots = read.Value.Tender.Lots;
            if (target.LotId is { } lotId && read.Value.Tender.FindLot(lotId) is null)
            {
                return Outcome<Guid>.Fail(FailureKind.Invalid,
                    $"The tender file has no lot '{lotId}'. Its lots are {string.Join(", ", lots.Select(l => $"{l.Id} ({l.Title})"))}; leave the lot empty to check against every lot.",
                    new FormFieldLocation("FileLot"));
            }
        }

        return await SaveAsync(user, title, DeclarationsFile.Write(provider, declarations), standards, target, cancel).ConfigureAwait(false);
    }

    /// <summary>The tenders this person's provider organisation is invited to and can see, newest first, with their lots.</summary>
    public async Task<IReadOnlyList<InvitedTender>> InvitedTendersAsync(SiteUser user, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsProvider || user.OrganisationId is not { } organisation)
        {
            return [];
        }

        await using var db = contexts.Create();
        var tenders = await (from i in db.TenderInvitations.AsNoTracking()
                             join t in db.Tenders on i.TenderId equals t.Id
                             where i.OrganisationId == organisation && t.Stage != TenderStage.Draft
                             select new { t.Id, t.Title, t.Reference, i.InvitedAt }).ToListAsync(cancel).ConfigureAwait(false);
        var ids = tenders.Select(t => t.Id).ToList();
        var lots = await db.Lots.AsNoTracking().Where(l => ids.Contains(l.TenderId)).Select(l => new { l.TenderId, l.Position, l.Key, l.Title }).ToListAsync(cancel).ConfigureAwait(false);
        return [.. tenders.OrderByDescending(t => t.InvitedAt).ThenBy(t => t.Id).Select(t => new InvitedTender(t.Id, t.Title, t.Reference,
            [.. lots.Where(l => l.TenderId == t.Id).OrderBy(l => l.Position).Select(l => (l.Key, l.Title))]))];
    }

    /// <summary>
    /// One of this person's organisation's readiness checks with its report against its target as
    /// it stands now; not found for anyone else, and refused when the organisation is no longer
    /// invited to the tender it was checked against.
    /// </summary>
    public async Task<Outcome<ReadinessCheckView>> ReportAsync(SiteUser user, Guid id, StandardsCatalogue standards, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(standards);
        await using var db = contexts.Create();
        var row = user.IsProvider
            ? await (from r in db.ReadinessChecks.AsNoTracking()
                     join u in db.Users on r.CreatedBy equals u.Id
                     where r.Id == id && r.OrganisationId == user.OrganisationId
                     select new { r.Id, r.Title, r.Provider, r.CreatedAt, u.DisplayName, r.DeclarationsJson, r.TenderId, r.LotKey, r.TenderFileJson }).SingleOrDefaultAsync(cancel).ConfigureAwait(false)
            : null;
        if (row is null)
        {
            return Outcome<ReadinessCheckView>.Fail(FailureKind.NotFound, "There is no such readiness check.");
        }

        var read = TenderFiles.ReadDeclarations(row.DeclarationsJson, standards, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (!read.Succeeded)
        {
            return read.As<ReadinessCheckView>();
        }

        var (provider, declared) = read.Value;
        ReadinessReport report;
        if (row.TenderId is { } tenderId)
        {
            var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.SubmitBid, cancel).ConfigureAwait(false);
            if (!access.Succeeded)
            {
                return Outcome<ReadinessCheckView>.Fail(FailureKind.Refused, "Your organisation is no longer invited to the tender this check was made against, so it cannot be shown against it. Start a new check against the standards or another tender.");
            }

            var tender = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
            report = ReadinessCheck.AgainstTender(standards, tender, provider, declared, tender.FindLot(row.LotKey ?? string.Empty) is null ? null : row.LotKey);
        }
        else if (row.TenderFileJson is { } file)
        {
            var tender = TenderFiles.ReadDefinition(file, standards);
            if (!tender.Succeeded)
            {
                return Outcome<ReadinessCheckView>.Fail(FailureKind.Refused, "The tender file this check was made against no longer reads with the current standards, so it cannot be shown against it. Start a new check with the file.");
            }

            report = ReadinessCheck.AgainstTender(standards, tender.Value.Tender, provider, declared, row.LotKey);
        }
        else
        {
            report = ReadinessCheck.AgainstStandards(standards, provider, declared);
        }

        return Outcome<ReadinessCheckView>.Success(new ReadinessCheckView(new ReadinessCheckSummary(row.Id, row.Title, row.Provider, row.CreatedAt, row.DisplayName), report, declared));
    }

    /// <summary>
    /// One of this person's organisation's readiness checks as a document: the report as
    /// print-ready HTML or Markdown, as the command line's <c>render readiness</c> makes it.
    /// </summary>
    public async Task<Outcome<DownloadFile>> DownloadAsync(SiteUser user, Guid id, DocumentOutput format, StandardsCatalogue standards, CancellationToken cancel = default)
    {
        var view = await ReportAsync(user, id, standards, cancel).ConfigureAwait(false);
        if (!view.Succeeded)
        {
            return view.As<DownloadFile>();
        }

        var html = format == DocumentOutput.Html;
        var text = ReadinessDocuments.Render(TemplateSet.Shipped, view.Value.Report, html ? OutputFormat.Html : OutputFormat.Markdown);
        return Outcome<DownloadFile>.Success(new DownloadFile(
            $"{EvaluationDocumentFiles.SafeName(view.Value.Summary.Title, "readiness")}-readiness.{(html ? "html" : "md")}",
            html ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8",
            System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>One of this person's organisation's readiness checks as the evidence checklist workbook, as <c>render readiness … -o file.xlsx</c> makes it.</summary>
    public async Task<Outcome<DownloadFile>> ChecklistAsync(SiteUser user, Guid id, StandardsCatalogue standards, CancellationToken cancel = default)
    {
        var view = await ReportAsync(user, id, standards, cancel).ConfigureAwait(false);
        return view.Succeeded
            ? Outcome<DownloadFile>.Success(new DownloadFile(
                $"{EvaluationDocumentFiles.SafeName(view.Value.Summary.Title, "readiness")}-evidence-checklist.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ReadinessChecklistWorkbook.Write(view.Value.Report, standards)))
            : view.As<DownloadFile>();
    }

    /// <summary>This person's organisation's readiness checks, newest first; none for anyone who is not a provider.</summary>
    public async Task<IReadOnlyList<ReadinessCheckSummary>> ListAsync(SiteUser user, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsProvider)
        {
            return [];
        }

        await using var db = contexts.Create();
        var rows = await (from r in db.ReadinessChecks.AsNoTracking()
                          join u in db.Users on r.CreatedBy equals u.Id
                          where r.OrganisationId == user.OrganisationId
                          select new { r.Id, r.Title, r.Provider, r.CreatedAt, u.DisplayName }).ToListAsync(cancel).ConfigureAwait(false);
        return [.. rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => new ReadinessCheckSummary(r.Id, r.Title, r.Provider, r.CreatedAt, r.DisplayName))];
    }

    /// <summary>One readiness check's declarations file, or not found when it is not this person's organisation's.</summary>
    public async Task<Outcome<string>> FindAsync(SiteUser user, Guid id, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = contexts.Create();
        var file = user.IsProvider
            ? await db.ReadinessChecks.AsNoTracking().Where(r => r.Id == id && r.OrganisationId == user.OrganisationId).Select(r => r.DeclarationsJson).SingleOrDefaultAsync(cancel).ConfigureAwait(false)
            : null;
        return file is null ? Outcome<string>.Fail(FailureKind.NotFound, "There is no such readiness check.") : Outcome<string>.Success(file);
    }
}
