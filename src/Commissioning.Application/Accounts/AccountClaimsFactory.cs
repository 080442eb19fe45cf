using System.Globalization;
using System.Security.Claims;
using Commissioning.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Commissioning.Application.Accounts;

/// <summary>The claims the sign-in cookie carries beyond Identity's own (user id, email, roles).</summary>
public static class AccountClaimTypes
{
    /// <summary>The name shown to others and in the audit trail.</summary>
    public const string DisplayName = "oh:display_name";

    /// <summary>The account's organisation id, when it has one.</summary>
    public const string OrganisationId = "oh:organisation_id";
}

/// <summary>Adds the display name and organisation to the claims Identity puts in the cookie.</summary>
/// <param name="users">The user manager.</param>
/// <param name="roles">The role manager.</param>
/// <param name="options">Identity's options.</param>
internal sealed class AccountClaimsFactory(UserManager<UserAccount> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<UserAccount, IdentityRole>(users, roles, options)
{
    /// <inheritdoc />
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(AccountClaimTypes.DisplayName, user.DisplayName));
        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(AccountClaimTypes.OrganisationId, organisation.ToString("D", CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
