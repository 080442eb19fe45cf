using Commissioning.Application;
using Commissioning.Application.Accounts;
using Commissioning.Core.Lifecycle;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Benchmarks;

/// <summary>
/// Accounts and tender roles written straight into the database, for benchmarks and storage tests
/// that go through the application's handlers (which check every caller's roles) without pages.
/// </summary>
public static class SeededAccounts
{
    /// <summary>An account (created when there is none with this id), with the commissioner role when asked.</summary>
    public static async Task<SiteUser> AccountAsync(DatabaseSettings settings, string id, string name, bool commissioner = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var db = CommissioningDatabase.CreateContext(settings);
        if (!await db.Users.AnyAsync(u => u.Id == id))
        {
            var email = id + "@example.nhs.uk";
            db.Users.Add(new UserAccount { Id = id, DisplayName = name, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant() });
            if (commissioner)
            {
                var role = await db.Roles.FirstOrDefaultAsync(r => r.Name == SiteRoles.Commissioner);
                if (role is null)
                {
                    role = new IdentityRole(SiteRoles.Commissioner) { NormalizedName = SiteRoles.Commissioner.ToUpperInvariant() };
                    db.Roles.Add(role);
                }

                db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = role.Id });
            }

            await db.SaveChangesAsync();
        }

        return new SiteUser(id, name, IsAdministrator: false, IsCommissioner: commissioner, OrganisationId: null, OrganisationKind: null);
    }

    /// <summary>Gives an account a role on a tender (for an evaluator or moderator, as that id in the tender, on every lot).</summary>
    public static async Task GrantAsync(DatabaseSettings settings, Guid tenderId, string userId, TenderRole role, string? evaluatorId = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var db = CommissioningDatabase.CreateContext(settings);
        db.TenderMemberships.Add(new TenderMembershipRow { TenderId = tenderId, UserId = userId, Role = role, EvaluatorKey = evaluatorId });
        AuditTrail.Add(db, TimeProvider.System, Actor.System, tenderId, "TenderMembership", $"{userId}/{role}", "Created", null,
            System.Text.Json.JsonSerializer.Serialize(new { userId, role = role.ToString(), evaluatorId }));
        await db.SaveChangesAsync();
    }
}
