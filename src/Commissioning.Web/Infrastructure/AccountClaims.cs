using System.Security.Claims;
using Commissioning.Application;
using Commissioning.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Infrastructure;

/// <summary>The claims the sign-in cookie carries beyond Identity's own (user id, email, roles).</summary>
public static class AccountClaims
{
    /// <summary>The name shown to others and in the audit trail.</summary>
    public const string DisplayName = "oh:display_name";

    /// <summary>The account's organisation id, when it has one.</summary>
    public const string OrganisationId = "oh:organisation_id";

    /// <summary>The signed-in account's id (<see cref="UserAccount"/>.Id), or null when nobody is signed in.</summary>
    public static string? UserId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }

    /// <summary>The name to show for the signed-in account: its display name, or its email address.</summary>
    public static string ShownName(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? string.Empty;
    }

    /// <summary>The signed-in account as the audit trail records it.</summary>
    /// <exception cref="InvalidOperationException">Nobody is signed in.</exception>
    public static Actor ToActor(this ClaimsPrincipal user) =>
        user.UserId() is { } id ? new Actor(id, user.ShownName()) : throw new InvalidOperationException("Nobody is signed in.");
}

/// <summary>Adds the display name and organisation to the claims Identity puts in the cookie.</summary>
/// <param name="users">The user manager.</param>
/// <param name="roles">The role manager.</param>
/// <param name="options">Identity's options.</param>
public sealed class AccountClaimsFactory(UserManager<UserAccount> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<UserAccount, IdentityRole>(users, roles, options)
{
    /// <inheritdoc />
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(AccountClaims.DisplayName, user.DisplayName));
        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(AccountClaims.OrganisationId, organisation.ToString()));
        }

        return identity;
    }
}
