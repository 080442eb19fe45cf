using Commissioning.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Commissioning.Application.Accounts;

/// <summary>
/// Identity's settings for the toolkit, in one place for the site and the tests: sign-in by email
/// address, the password policy instead of Identity's composition rules, and lockout on for every account.
/// </summary>
public static class IdentitySettings
{
    /// <summary>Wrong passwords in a row that lock an account.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>Sets the user, password and lockout options.</summary>
    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Sign-in is by email address, which is also the user name; any character an email
        // address may have is allowed.
        options.User.RequireUniqueEmail = true;
        options.User.AllowedUserNameCharacters = string.Empty;
        options.SignIn.RequireConfirmedAccount = false;

        // Length over complexity: PasswordPolicy replaces Identity's own validator; these say the same.
        options.Password.RequiredLength = PasswordPolicy.MinimumLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;

        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
    }

    /// <summary>Replaces Identity's password validator (composition rules) with <see cref="PasswordPolicy"/>, and adds <see cref="AccountService"/>.</summary>
    public static IServiceCollection AddAccountServices(this IServiceCollection services)
    {
        services.RemoveAll<IPasswordValidator<UserAccount>>();
        services.AddScoped<IPasswordValidator<UserAccount>, PasswordPolicy>();
        services.AddScoped<AccountService>();
        return services;
    }
}
