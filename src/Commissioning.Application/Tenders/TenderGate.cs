using Commissioning.Data;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>
/// The one door into a tender: works out what a person may do on it from their roles, and refuses
/// an operation their roles do not cover as if the tender did not exist, so a guessed address or
/// id shows nothing. Every handler passes through it before reading or changing anything.
/// </summary>
internal static class TenderGate
{
    public const string NoSuchTender = "There is no such tender.";

    /// <summary>What this person may do on a tender; null when there is no such tender or they have no role on it.</summary>
    public static async Task<TenderPermissions?> PermissionsAsync(CommissioningDbContext db, SiteUser user, Guid tenderId, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(user);
        var tender = await db.Tenders.AsNoTracking().Where(t => t.Id == tenderId)
            .Select(t => new { Summary = new TenderSummary(t.Id, t.Title, t.Stage, t.Version, t.StandstillEndsOn, t.CancellationReason), t.EvaluatorsSeePrices })
            .SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return null;
        }

        var rows = await db.TenderMemberships.AsNoTracking().Include(m => m.Scope)
            .Where(m => m.TenderId == tenderId && m.UserId == user.UserId).ToListAsync(cancel).ConfigureAwait(false);
        var roles = rows.Select(r => new RoleOnTender(r.Role, r.EvaluatorKey, [.. r.Scope.Select(s => new LotScope(s.LotKey, s.SectionKey))])).ToList();
        var ownBids = user.IsProvider
            ? await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId && b.ProviderOrganisationId == user.OrganisationId).Select(b => b.Key).ToListAsync(cancel).ConfigureAwait(false)
            : [];
        var invited = user.IsProvider && user.OrganisationId is { } organisation
            && await db.TenderInvitations.AsNoTracking().AnyAsync(i => i.TenderId == tenderId && i.OrganisationId == organisation, cancel).ConfigureAwait(false);
        var permissions = new TenderPermissions(tender.Summary, user, roles, ownBids.ToHashSet(StringComparer.Ordinal), tender.EvaluatorsSeePrices, invited);
        return permissions.Allows(TenderOperation.View) ? permissions : null;
    }

    /// <summary>Opens the tender for one operation: not found when the person has no role on it, or their roles do not cover the operation.</summary>
    public static async Task<Outcome<TenderPermissions>> RequireAsync(CommissioningDbContext db, SiteUser user, Guid tenderId, TenderOperation operation, CancellationToken cancel)
    {
        var permissions = await PermissionsAsync(db, user, tenderId, cancel).ConfigureAwait(false);
        return permissions is not null && permissions.Allows(operation)
            ? Outcome<TenderPermissions>.Success(permissions)
            : Outcome<TenderPermissions>.Fail(FailureKind.NotFound, NoSuchTender);
    }

    /// <summary>Text a person typed, trimmed; null when blank.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
