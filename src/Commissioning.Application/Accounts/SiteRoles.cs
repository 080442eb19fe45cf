namespace Commissioning.Application.Accounts;

/// <summary>
/// The site-wide roles (ASP.NET Core Identity roles). What a person may do on one tender is a
/// separate matter: their <see cref="Commissioning.Core.Lifecycle.TenderRole"/> on that tender.
/// </summary>
public static class SiteRoles
{
    /// <summary>Manages accounts: creates them and unlocks locked ones.</summary>
    public const string Administrator = "Administrator";

    /// <summary>May create or import tenders.</summary>
    public const string Commissioner = "Commissioner";

    /// <summary>Every site role, in the order forms list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Administrator, Commissioner];

    /// <summary>What each role lets a person do, in words for forms and lists.</summary>
    public static string Describe(string role) => role switch
    {
        Administrator => "Administrator: creates accounts and unlocks locked ones",
        Commissioner => "Commissioner: creates and imports tenders",
        _ => role,
    };
}
