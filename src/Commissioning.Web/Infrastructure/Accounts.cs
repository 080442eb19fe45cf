using Commissioning.Application.Accounts;

namespace Commissioning.Web.Infrastructure;

/// <summary>
/// Accounts and sign-in: ASP.NET Core Identity over the site's database and the data-protection
/// keys (which sign the cookie and the antiforgery tokens) kept in the same database so that every
/// instance shares them, both registered by the application layer; and here, the sign-in cookie.
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

    /// <summary>Registers Identity, the cookie, the password policy, lockout, the account services and the keys.</summary>
    public static IServiceCollection AddCommissioningAccounts(this IServiceCollection services)
    {
        services.AddCommissioningIdentity(ApplicationName);

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
        return services;
    }
}
