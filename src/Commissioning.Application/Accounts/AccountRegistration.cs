using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Application.Accounts;

/// <summary>Registers accounts for a site: ASP.NET Core Identity over the toolkit's database, and the data-protection keys in the same database.</summary>
public static class AccountRegistration
{
    /// <summary>
    /// Registers Identity (accounts and roles in the database, <see cref="IdentitySettings"/>, the
    /// password policy, the claims the cookie carries), <see cref="AccountService"/> and
    /// <see cref="AccountSignIn"/>; and data protection with its keys in the database, so that every
    /// instance sharing the database accepts the others' cookies and antiforgery tokens. The
    /// database must be registered too (<see cref="StorageRegistration.AddCommissioningDatabase"/>).
    /// The sign-in cookie's own settings (name, paths, events) are the site's to configure.
    /// </summary>
    /// <param name="services">The site's services.</param>
    /// <param name="keysApplicationName">
    /// The application name that data-protection keys are isolated by. Keep it fixed: keys made
    /// under another name do not read cookies and tokens made under this one.
    /// </param>
    public static IServiceCollection AddCommissioningIdentity(this IServiceCollection services, string keysApplicationName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keysApplicationName);
        services.AddIdentity<UserAccount, IdentityRole>(IdentitySettings.Apply)
            .AddEntityFrameworkStores<CommissioningDbContext>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
        services.AddAccountServices();
        services.AddScoped<AccountSignIn>();

        services.AddDataProtection()
            .PersistKeysToDbContext<CommissioningDbContext>()
            .SetApplicationName(keysApplicationName);
        return services;
    }
}
