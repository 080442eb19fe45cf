using System.Security.Claims;
using Commissioning.Application;
using Commissioning.Application.Accounts;

namespace Commissioning.Web.Infrastructure;

/// <summary>
/// Reading the signed-in account from the sign-in cookie's claims. The application layer's
/// claims factory adds the display name and organisation to Identity's own (user id, email, roles).
/// </summary>
public static class AccountClaims
{
    /// <summary>The name shown to others and in the audit trail.</summary>
    public const string DisplayName = AccountClaimTypes.DisplayName;

    /// <summary>The account's organisation id, when it has one.</summary>
    public const string OrganisationId = AccountClaimTypes.OrganisationId;

    /// <summary>The signed-in account's id (<see cref="AccountSummary.Id"/>), or null when nobody is signed in.</summary>
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
