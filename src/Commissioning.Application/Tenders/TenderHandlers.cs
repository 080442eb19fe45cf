using Commissioning.Application.Accounts;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>The signed-in account as the application sees it.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class FindUser(ICommissioningContextFactory contexts)
{
    /// <summary>The account with its site-wide roles and organisation; null when there is no such account.</summary>
    public async Task<SiteUser?> HandleAsync(string userId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        await using var db = contexts.Create();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.OrganisationId, Kind = u.Organisation == null ? (OrganisationKind?)null : u.Organisation.Kind })
            .SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        if (account is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name).ToListAsync(cancel).ConfigureAwait(false);
        var name = string.IsNullOrWhiteSpace(account.DisplayName) ? account.Email ?? account.Id : account.DisplayName;
        return new SiteUser(account.Id, name, roles.Contains(SiteRoles.Administrator), roles.Contains(SiteRoles.Commissioner), account.OrganisationId, account.Kind);
    }
}

/// <summary>The tenders a person has a role on, or that their provider organisation bid for.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class ListTenders(ICommissioningContextFactory contexts)
{
    /// <summary>Newest first, each with the person's roles on it in words.</summary>
    public async Task<IReadOnlyList<TenderListItem>> HandleAsync(SiteUser user, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = contexts.Create();
        var roles = await db.TenderMemberships.AsNoTracking().Where(m => m.UserId == user.UserId)
            .Select(m => new { m.TenderId, m.Role, m.EvaluatorKey }).ToListAsync(cancel).ConfigureAwait(false);
        var bidFor = user.IsProvider
            ? await db.Bids.AsNoTracking().Where(b => b.ProviderOrganisationId == user.OrganisationId).Select(b => b.TenderId).Distinct().ToListAsync(cancel).ConfigureAwait(false)
            : [];
        var invitedTo = user.IsProvider
            ? await db.TenderInvitations.AsNoTracking().Where(i => i.OrganisationId == user.OrganisationId).Select(i => i.TenderId).ToListAsync(cancel).ConfigureAwait(false)
            : [];
        var ids = roles.Select(r => r.TenderId).Concat(bidFor).Concat(invitedTo).ToHashSet();
        var tenders = await db.Tenders.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { Summary = new TenderSummary(t.Id, t.Title, t.Stage, t.Version, t.StandstillEndsOn, t.CancellationReason), t.Reference, t.CreatedAt })
            .ToListAsync(cancel).ConfigureAwait(false);
        return [.. tenders.OrderByDescending(t => t.Summary.Id).Select(t => new TenderListItem(t.Summary,
        [
            .. roles.Where(r => r.TenderId == t.Summary.Id).OrderBy(r => r.Role).Select(r => r.EvaluatorKey is null ? r.Role.ToString() : $"{r.Role} ({r.EvaluatorKey})"),
            .. bidFor.Contains(t.Summary.Id) ? ["Bidder"] : invitedTo.Contains(t.Summary.Id) ? ["Invited to bid"] : Array.Empty<string>(),
        ], t.Reference, t.CreatedAt))];
    }
}

/// <summary>What a person may do on one tender.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class OpenTender(ICommissioningContextFactory contexts)
{
    /// <summary>The person's permissions on the tender; null when there is no such tender or they have no role on it.</summary>
    public async Task<TenderPermissions?> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        return await TenderGate.PermissionsAsync(db, user, tenderId, cancel).ConfigureAwait(false);
    }

    /// <summary>The permissions when they cover <paramref name="operation"/>; otherwise not found, so nothing says the tender exists.</summary>
    public async Task<Outcome<TenderPermissions>> RequireAsync(SiteUser user, Guid tenderId, TenderOperation operation, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        return await TenderGate.RequireAsync(db, user, tenderId, operation, cancel).ConfigureAwait(false);
    }
}

/// <summary>
/// Imports an <c>oh-tender</c> file as a new draft tender that the importer owns. Only a
/// commissioner may. The file is read and every problem listed (nothing saved), or the whole
/// tender, its owner's role and the audit entries are saved in one transaction.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail.</param>
/// <param name="standards">The standards the file's requirement references are checked against; null only where a test stores a tender without them.</param>
public sealed class ImportTender(ICommissioningContextFactory contexts, TimeProvider time, StandardsCatalogue? standards = null)
{
    /// <summary>Imports the file's text.</summary>
    public async Task<Outcome<Guid>> HandleAsync(SiteUser user, string json, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(json);
        if (!user.IsCommissioner)
        {
            return Outcome<Guid>.Fail(FailureKind.Refused, "Only a commissioner can import a tender. Ask an administrator to give your account the commissioner role.");
        }

        var read = TenderFiles.ReadPack(json, standards);
        return read.Succeeded
            ? await SaveNewAsync(contexts, time, read.Value, user.Actor, "Imported", TenderChanges.Summary(json), user.UserId, setUpInSite: false, cancel).ConfigureAwait(false)
            : read.As<Guid>();
    }

    /// <summary>
    /// Saves a new tender, its owner's role and the audit entries in one transaction. A tender
    /// being set up in the site starts with no set-up task marked complete; one from a file has no
    /// task list (its file was checked whole).
    /// </summary>
    internal static async Task<Outcome<Guid>> SaveNewAsync(ICommissioningContextFactory contexts, TimeProvider time, TenderPack pack, Actor actor, string action, string after, string owner, bool setUpInSite, CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        var rows = TenderMapping.ToRows(pack, now);
        rows.Tender.SetupCompletedJson = setUpInSite ? "[]" : null;

        // A file's scores come in as the evaluators' drafts: each evaluator holding the id checks
        // and submits them, and only submitted scores count in the site's evaluation.
        await using var db = contexts.Create();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // One transaction: the whole tender, or (on any failure, or a crash) none of it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        db.Tenders.Add(rows.Tender);
        db.GateDecisions.AddRange(rows.GateDecisions);
        db.LowPriceDecisions.AddRange(rows.LowPriceDecisions);
        db.ConflictDeclarations.AddRange(rows.ConflictDeclarations);
        AuditTrail.Add(db, time, actor, rows.Tender.Id, "Tender", rows.Tender.Id.ToString(), action, null, after);
        db.TenderMemberships.Add(new TenderMembershipRow { TenderId = rows.Tender.Id, UserId = owner, Role = TenderRole.Owner });
        AuditTrail.Add(db, time, actor, rows.Tender.Id, "TenderMembership", $"{owner}/{TenderRole.Owner}", "Created", null,
            System.Text.Json.JsonSerializer.Serialize(new { userId = owner, role = TenderRole.Owner.ToString() }));
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);

        // The many score rows go in as multi-row INSERTs in the same transaction (80,000 in an ICS tender).
        await BulkInsert.ScoresAsync(db, rows.Scores, cancel).ConfigureAwait(false);
        await BulkInsert.ModerationAsync(db, rows.Moderation, cancel).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return Outcome<Guid>.Success(rows.Tender.Id);
    }
}

/// <summary>The whole stored tender as an <c>oh-tender</c> file, drafts included (a backup), for its owner and observers.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class ExportTender(ICommissioningContextFactory contexts)
{
    /// <summary>The file's text.</summary>
    public async Task<Outcome<string>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using (var db = contexts.Create())
        {
            var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.Export, cancel).ConfigureAwait(false);
            if (!access.Succeeded)
            {
                return access.As<string>();
            }
        }

        // A backup: every score, drafts included (the results' downloads give the tender as evaluated, submitted scores only).
        var pack = await TenderLoader.LoadPackAsync(contexts, tenderId, cancel).ConfigureAwait(false);
        return pack is null ? TenderChanges.NotFound<string>() : Outcome<string>.Success(TenderFile.Write(pack));
    }
}

/// <summary>The tender's audit trail, oldest first, for its owner and observers.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class ReadAuditTrail(ICommissioningContextFactory contexts)
{
    /// <summary>Every entry recorded against the tender.</summary>
    public async Task<Outcome<IReadOnlyList<AuditRecord>>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ViewAudit, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<IReadOnlyList<AuditRecord>>();
        }

        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.TenderId == tenderId).OrderBy(a => a.Id).ToListAsync(cancel).ConfigureAwait(false);
        return Outcome<IReadOnlyList<AuditRecord>>.Success([.. rows.Select(AuditTrail.ToRecord)]);
    }
}
