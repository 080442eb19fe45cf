using Commissioning.Application.Accounts;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Web.Infrastructure;

/// <summary>
/// Accounts and sign-in: ASP.NET Core Identity over the site's database, the sign-in cookie, the
/// password policy and lockout, and the data-protection keys (which sign the cookie and the
/// antiforgery tokens) kept in the same database so that every instance shares them.
/// </summary>
public static class Accounts
{
    /// <summary>The sign-in cookie's name.</summary>
    public const string CookieName = "oh-commissioning-auth";

    /// <summary>The sign-in page's address.</summary>
    public const string SignInPath = "/account/sign-in";

    /// <summary>
    /// The application name that keys are isolated by. Fixed, so that the keys still apply when the
    /// site is moved or published to another folder (the default is the content root path).
    /// </summary>
    public const string ApplicationName = "Commissioning.Web";

    /// <summary>Registers Identity, the cookie, the password policy, lockout, the account service and the keys.</summary>
    public static IServiceCollection AddCommissioningAccounts(this IServiceCollection services)
    {
        services.AddIdentity<UserAccount, IdentityRole>(IdentitySettings.Apply)
            .AddEntityFrameworkStores<CommissioningDbContext>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
        services.AddAccountServices();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            // Secure whenever the request came over TLS (directly, or through a trusted proxy).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = SignInPath;
            options.ReturnUrlParameter = "returnUrl";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);

            // A signed-in person without the role gets 403 and the site's error page, not a
            // redirect (which would send them to sign in again, round and round).
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // Keys in the database: every instance that shares the database accepts the others'
        // cookies and antiforgery tokens, and a restart keeps them.
        services.AddDataProtection()
            .PersistKeysToDbContext<CommissioningDbContext>()
            .SetApplicationName(ApplicationName);
        return services;
    }
}
