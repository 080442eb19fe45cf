using Commissioning.Core.Standards;
using Commissioning.Core.Text;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application;

/// <summary>A saved readiness check, as listed.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">The name the provider gave it.</param>
/// <param name="Provider">The provider's name in the declarations.</param>
/// <param name="CreatedAt">When it was saved.</param>
/// <param name="CreatedBy">Who saved it (display name).</param>
public sealed record ReadinessCheckSummary(Guid Id, string Title, string Provider, DateTimeOffset CreatedAt, string CreatedBy);

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
    public async Task<Outcome<Guid>> SaveAsync(SiteUser user, string title, string declarationsFile, StandardsCatalogue? standards, CancellationToken cancel = default)
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
            CreatedAt = time.GetUtcNow(),
            CreatedBy = user.UserId,
        };
        db.ReadinessChecks.Add(row);
        AuditTrail.Add(db, time, user.Actor, null, AuditEntity, row.Id.ToString(), "Created", null,
            System.Text.Json.JsonSerializer.Serialize(new { organisationId = row.OrganisationId, title = row.Title, provider = row.Provider }));
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        return Outcome<Guid>.Success(row.Id);
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
