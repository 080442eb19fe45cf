using Commissioning.Core.Lifecycle;
using System.Net;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Application.Accounts;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Support;

/// <summary>
/// Accounts for page tests: created straight through Identity in a site's services (no pages),
/// and signed in through the real sign-in page, so the client carries the real cookie.
/// </summary>
internal static class TestAccounts
{
    /// <summary>A password that meets the policy, for accounts whose password does not matter to the test.</summary>
    public const string Password = "violet kettle harbour lantern";

    /// <summary>
    /// Creates an account in the site's database with the given site roles (from <see cref="SiteRoles"/>)
    /// and, when named, an organisation (created if no organisation has that name). Returns the
    /// account's id, which is the user id claim once signed in.
    /// </summary>
    public static async Task<string> CreateAsync(
        SiteFactory site,
        string email,
        string password = Password,
        IReadOnlyList<string>? roles = null,
        string? organisation = null,
        OrganisationKind organisationKind = OrganisationKind.Buyer,
        string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        using var scope = site.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CommissioningDbContext>();
        var users = services.GetRequiredService<UserManager<UserAccount>>();
        var roleManager = services.GetRequiredService<RoleManager<IdentityRole>>();
        var time = services.GetRequiredService<TimeProvider>();

        foreach (var role in SiteRoles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        Guid? organisationId = null;
        if (organisation is not null)
        {
            var existing = await db.Organisations.FirstOrDefaultAsync(o => o.Name == organisation);
            if (existing is null)
            {
                existing = new OrganisationRow { Name = organisation, Kind = organisationKind };
                db.Organisations.Add(existing);
                AuditTrail.Add(db, time, Actor.System, null, AccountService.OrganisationAuditEntity, organisation, "Created", null, null);
                await db.SaveChangesAsync();
            }

            organisationId = existing.Id;
        }

        var user = new UserAccount
        {
            UserName = email,
            Email = email,
            DisplayName = displayName ?? email.Split('@')[0],
            OrganisationId = organisationId,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, password), $"account {email}");
        if (roles is { Count: > 0 })
        {
            Check(await users.AddToRolesAsync(user, roles), $"roles of {email}");
        }

        return user.Id;
    }

    /// <summary>
    /// Signs in through the sign-in page (GET for the antiforgery token, then POST), so the client
    /// keeps the sign-in cookie. Fails the test if the sign-in is refused. The client must handle
    /// cookies (the default for <see cref="SiteFactory"/>'s clients).
    /// </summary>
    public static async Task SignInAsync(HttpClient client, string email, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await PostSignInAsync(client, email, password);
        var landed = response.RequestMessage?.RequestUri?.AbsolutePath;
        var refused = response.StatusCode == HttpStatusCode.OK && landed == "/account/sign-in";
        Assert.That(
            response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK && !refused,
            Is.True,
            $"Signing in as {email} failed: {(int)response.StatusCode} at {landed}");
    }

    /// <summary>Sends the sign-in form once (with its antiforgery token) and returns the response as the client got it.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var path = returnUrl is null ? "/account/sign-in" : "/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, path);
        using var form = new FormUrlEncodedContent(
        [
            new("Input.Email", email),
            new("Input.Password", password),
            new("__RequestVerificationToken", token),
        ]);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private static void Check(IdentityResult result, string what) =>
        Assert.That(result.Succeeded, Is.True, $"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
}
