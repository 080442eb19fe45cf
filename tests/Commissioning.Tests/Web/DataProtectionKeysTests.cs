using Commissioning.Data;
using Commissioning.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Tests.Web;

/// <summary>
/// The keys that sign antiforgery tokens and the sign-in cookie are kept in the database, so a form
/// opened on one instance (or before a restart) can be sent to another sharing the database, and a
/// person signed in on one is signed in on every other.
/// </summary>
[TestFixtureSource(typeof(SiteFactory), nameof(SiteFactory.Environments))]
public sealed class DataProtectionKeysTests(string environment)
{
    private static KeyValuePair<string, string>[] ValidAnswers() =>
    [
        new("Input.Name", "Riverside Surgery"),
        new("Input.Type", "gp-practice-or-pcn"),
        new("Input.Headcount", "45"),
        new("Input.HostsMedicalTrainees", "no"),
        new("Input.Delivery", "external"),
    ];

    [Test]
    public async Task FormFromOneSite_PostedToAnotherSharingTheDatabase_IsAccepted()
    {
        using var first = new SiteFactory(environment);
        using var second = new SiteFactory(environment, first.DatabaseFile);
        var token = await RawRequests.GetFormTokenAsync(first.Server, "/specification/profile");

        var response = await RawRequests.SendAsync(second.Server, "POST", "/specification/profile", RawRequests.Form(token, ValidAnswers()));

        Assert.That(response.Status, Is.EqualTo(302), "the form opened on one instance is accepted by the other");
        await using var db = CommissioningDatabase.CreateContext(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={first.DatabaseFile}"));
        Assert.That(await db.DataProtectionKeys.CountAsync(), Is.EqualTo(1), "one key, in the database, shared by both");
    }

    [Test]
    public async Task SignInCookieFromOneSite_SentToAnotherSharingTheDatabase_IsAccepted()
    {
        using var first = new SiteFactory(environment);
        using var second = new SiteFactory(environment, first.DatabaseFile);
        await TestAccounts.CreateAsync(first, "admin@example.nhs.uk", roles: [Commissioning.Application.Accounts.SiteRoles.Administrator]);
        var authCookie = await AuthCookieAsync(first, "admin@example.nhs.uk");

        var response = await RawRequests.SendAsync(second.Server, "GET", "/admin/accounts", r => r.Headers.Cookie = authCookie);

        Assert.That(response.Status, Is.EqualTo(200), "the second instance reads the first one's cookie");
        Assert.That(response.Body, Does.Contain("admin@example.nhs.uk"));
    }

    [Test]
    public async Task FormFromOneSite_PostedToAnotherWithItsOwnDatabase_IsRefused()
    {
        using var first = new SiteFactory(environment);
        using var second = new SiteFactory(environment);
        var token = await RawRequests.GetFormTokenAsync(first.Server, "/specification/profile");

        var response = await RawRequests.SendAsync(second.Server, "POST", "/specification/profile", RawRequests.Form(token, ValidAnswers()));

        Assert.That(response.Status, Is.EqualTo(400), "without the first site's keys the token cannot be checked");
        Assert.That(response.Body, Does.Contain("The form could not be sent safely"));
    }

    /// <summary>Signs in with raw requests and returns the sign-in cookie as a Cookie header value.</summary>
    private static async Task<string> AuthCookieAsync(SiteFactory site, string email)
    {
        var token = await RawRequests.GetFormTokenAsync(site.Server, "/account/sign-in");
        var response = await RawRequests.SendAsync(site.Server, "POST", "/account/sign-in", RawRequests.Form(token,
        [
            new("Input.Email", email),
            new("Input.Password", TestAccounts.Password),
        ]));
        Assert.That(response.Status, Is.EqualTo(302), "signed in");
        var cookie = response.Cookies.Single(c => c.StartsWith("oh-commissioning-auth=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }
}
