using Commissioning.Core.Lifecycle;
using System.Net;
using Commissioning.Application.Accounts;
using Commissioning.Data;
using Commissioning.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Web;

/// <summary>
/// The account pages through the real site: the setup page while there is no account and 404
/// after; sign-in, its messages and lockout; the accounts page for administrators only; and
/// antiforgery on every form the account pages add.
/// </summary>
[TestFixtureSource(typeof(SiteFactory), nameof(SiteFactory.Environments))]
public sealed class AccountPagesTests(string environment)
{
    private const string AdminEmail = "ada.admin@example.nhs.uk";

    private static KeyValuePair<string, string>[] SetupAnswers(string email = AdminEmail) =>
    [
        new("Input.DisplayName", "Ada Admin"),
        new("Input.Email", email),
        new("Input.Password", TestAccounts.Password),
        new("Input.ConfirmPassword", TestAccounts.Password),
    ];

    [Test]
    public async Task StartAndSetupPages_NoAccountYet_LinkToAndShowTheSetupForm()
    {
        using var site = new SiteFactory(environment);
        var client = site.CreateClient();

        var start = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var setup = await client.GetAsync(new Uri("/setup", UriKind.Relative));

        Assert.That(start, Does.Contain("<a href=\"/setup\">Set up the first administrator</a>"));
        Assert.That(setup.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await setup.Content.ReadAsStringAsync(), Does.Contain("<h1>Set up the first administrator</h1>"));
    }

    [Test]
    public async Task SetupPage_ValidForm_CreatesTheAdministratorSignsThemInAndThenIsGone()
    {
        using var site = new SiteFactory(environment);
        var client = site.CreateNonRedirectingClient();
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, "/setup");

        var created = await PostAsync(client, "/setup", token, SetupAnswers());

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(created.Headers.Location?.OriginalString, Is.EqualTo("/admin/accounts"));
        var accounts = await client.GetAsync(new Uri("/admin/accounts", UriKind.Relative));
        Assert.That(accounts.StatusCode, Is.EqualTo(HttpStatusCode.OK), "signed in as the new administrator");
        Assert.That(await accounts.Content.ReadAsStringAsync(), Does.Contain(AdminEmail));

        var anonymous = site.CreateNonRedirectingClient();
        var getAfter = await anonymous.GetAsync(new Uri("/setup", UriKind.Relative));
        var anotherToken = await SiteFactory.GetAntiforgeryTokenAsync(anonymous, "/account/sign-in");
        var postAfter = await PostAsync(anonymous, "/setup", anotherToken, SetupAnswers("someone.else@example.nhs.uk"));
        var startAfter = await anonymous.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.That(getAfter.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(postAfter.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(startAfter, Does.Not.Contain("/setup"));
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDbContext>();
        Assert.That(await db.Users.Select(u => u.Email).ToListAsync(), Is.EqualTo(new[] { AdminEmail }));
    }

    [Test]
    public async Task SetupPage_TwoFormsSentAtOnce_CreateOneAdministrator()
    {
        using var site = new SiteFactory(environment);
        var first = site.CreateNonRedirectingClient();
        var second = site.CreateNonRedirectingClient();
        var firstToken = await SiteFactory.GetAntiforgeryTokenAsync(first, "/setup");
        var secondToken = await SiteFactory.GetAntiforgeryTokenAsync(second, "/setup");

        var responses = await Task.WhenAll(
            PostAsync(first, "/setup", firstToken, SetupAnswers("first@example.nhs.uk")),
            PostAsync(second, "/setup", secondToken, SetupAnswers("second@example.nhs.uk")));

        Assert.That(responses.Select(r => r.StatusCode).Order(), Is.EqualTo(new[] { HttpStatusCode.Redirect, HttpStatusCode.NotFound }.Order()));
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDbContext>();
        Assert.That(await db.Users.CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task SetupPage_EmptyForm_ShowsEachProblem()
    {
        using var site = new SiteFactory(environment);
        var client = site.CreateNonRedirectingClient();
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, "/setup");

        var response = await PostAsync(client, "/setup", token, []);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        string[] expected =
        [
            "<a href=\"#display-name\">Enter the person&#x27;s full name</a>",
            "<a href=\"#email\">Enter an email address</a>",
            "<a href=\"#password\">Enter a password</a>",
            "<a href=\"#confirm-password\">Enter the password again</a>",
        ];
        Assert.That(expected.Where(e => !html.Contains(e, StringComparison.Ordinal)), Is.Empty);
        Assert.That(expected, Has.Length.EqualTo(4));
    }

    [Test]
    public async Task SetupPage_CommonPasswordAndMismatch_ShowsBothAndKeepsNoPassword()
    {
        using var site = new SiteFactory(environment);
        var client = site.CreateNonRedirectingClient();
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, "/setup");

        var response = await PostAsync(client, "/setup", token,
        [
            new("Input.DisplayName", "Ada Admin"),
            new("Input.Email", AdminEmail),
            new("Input.Password", "password1234"),
            new("Input.ConfirmPassword", "password12345"),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("Password is too common and easy to guess"));
        Assert.That(html, Does.Contain("The passwords do not match"));
        Assert.That(html, Does.Not.Contain("password1234"), "passwords are never sent back");
        Assert.That(html, Does.Contain($"value=\"{AdminEmail}\""));
    }

    [Test]
    public async Task SignIn_CorrectDetails_GoesToALocalReturnAddressOnly()
    {
        using var site = new SiteFactory(environment);
        await TestAccounts.CreateAsync(site, AdminEmail, roles: [SiteRoles.Administrator]);

        var local = await TestAccounts.PostSignInAsync(site.CreateNonRedirectingClient(), AdminEmail, TestAccounts.Password, "/admin/accounts");
        var external = await TestAccounts.PostSignInAsync(site.CreateNonRedirectingClient(), AdminEmail, TestAccounts.Password, "https://attacker.example/phish");
        var protocolRelative = await TestAccounts.PostSignInAsync(site.CreateNonRedirectingClient(), AdminEmail, TestAccounts.Password, "//attacker.example/");

        Assert.That(local.Headers.Location?.OriginalString, Is.EqualTo("/admin/accounts"));
        Assert.That(external.Headers.Location?.OriginalString, Is.EqualTo("/"));
        Assert.That(protocolRelative.Headers.Location?.OriginalString, Is.EqualTo("/"));
        var cookie = local.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("oh-commissioning-auth=", StringComparison.Ordinal));
        Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=lax").IgnoreCase);
    }

    [Test]
    public async Task SignIn_WrongPasswordOrUnknownEmail_GiveTheSameMessage()
    {
        using var site = new SiteFactory(environment);
        await TestAccounts.CreateAsync(site, AdminEmail);

        var wrongPassword = await (await TestAccounts.PostSignInAsync(site.CreateNonRedirectingClient(), AdminEmail, "not the right password")).Content.ReadAsStringAsync();
        var unknownEmail = await (await TestAccounts.PostSignInAsync(site.CreateNonRedirectingClient(), "nobody@example.nhs.uk", "not the right password")).Content.ReadAsStringAsync();

        const string message = "<a href=\"#email\">Enter a correct email address and password</a>";
        Assert.That(wrongPassword, Does.Contain(message));
        Assert.That(unknownEmail, Does.Contain(message));
        Assert.That(wrongPassword, Does.Contain("<title>Error: Sign in"));
    }

    [Test]
    public async Task SignIn_EmptyForm_AsksForBothFields()
    {
        using var site = new SiteFactory(environment);

        var html = await (await TestAccounts.PostSignInAsync(site.CreateNonRedirectingClient(), "", "")).Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("<a href=\"#email\">Enter your email address</a>"));
        Assert.That(html, Does.Contain("<a href=\"#password\">Enter your password</a>"));
    }

    [Test]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountUntilAnAdministratorUnlocksIt()
    {
        using var site = new SiteFactory(environment);
        await TestAccounts.CreateAsync(site, AdminEmail, roles: [SiteRoles.Administrator]);
        var userId = await TestAccounts.CreateAsync(site, "bob@example.nhs.uk");
        var bob = site.CreateNonRedirectingClient();
        var pages = new List<string>();
        for (var attempt = 1; attempt <= IdentitySettings.MaxFailedSignIns; attempt++)
        {
            pages.Add(await (await TestAccounts.PostSignInAsync(bob, "bob@example.nhs.uk", "wrong password " + attempt)).Content.ReadAsStringAsync());
        }

        var withRightPassword = await TestAccounts.PostSignInAsync(bob, "bob@example.nhs.uk", TestAccounts.Password);

        Assert.That(pages, Has.Count.EqualTo(5));
        Assert.That(pages.Take(4).All(p => p.Contains("Enter a correct email address and password", StringComparison.Ordinal)), Is.True, "attempts 1 to 4");
        const string locked = "Your account is locked because the wrong password was entered 5 times. Try again in 15 minutes, or ask an administrator to unlock it";
        Assert.That(pages[4], Does.Contain(locked), "the fifth attempt locks the account");
        Assert.That(withRightPassword.StatusCode, Is.EqualTo(HttpStatusCode.OK), "locked: the right password is refused too");
        Assert.That(await withRightPassword.Content.ReadAsStringAsync(), Does.Contain(locked));

        var admin = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(admin, AdminEmail);
        var list = await admin.GetStringAsync(new Uri("/admin/accounts", UriKind.Relative));
        Assert.That(list, Does.Contain("Locked"));
        var token = await SiteFactory.GetAntiforgeryTokenAsync(admin, "/admin/accounts");
        var unlock = await PostAsync(admin, $"/admin/accounts?handler=Unlock&id={userId}", token, []);
        Assert.That(unlock.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var afterUnlock = await TestAccounts.PostSignInAsync(bob, "bob@example.nhs.uk", TestAccounts.Password);
        Assert.That(afterUnlock.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "unlocked: signs in");
    }

    [Test]
    public async Task SignOut_Post_EndsTheSession()
    {
        using var site = new SiteFactory(environment);
        await TestAccounts.CreateAsync(site, AdminEmail, roles: [SiteRoles.Administrator]);
        var client = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(client, AdminEmail);
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, "/account/sign-out");

        var signOut = await PostAsync(client, "/account/sign-out", token, []);
        var after = await client.GetAsync(new Uri("/admin/accounts", UriKind.Relative));

        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "sent to sign in again");
    }

    [TestCase("/admin/accounts")]
    [TestCase("/admin/accounts/create")]
    public async Task AccountsPages_Anonymous_AreSentToSignIn(string path)
    {
        using var site = new SiteFactory(environment);

        var response = await site.CreateNonRedirectingClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.PathAndQuery, Is.EqualTo("/account/sign-in?returnUrl=" + Uri.EscapeDataString(path)));
    }

    [Test]
    public async Task SignIn_ReachedWithAReturnAddress_TheFormSendsItBackAndSignsInToIt()
    {
        using var site = new SiteFactory(environment);
        await TestAccounts.CreateAsync(site, "dana@example.nhs.uk", roles: [SiteRoles.Commissioner]);
        var client = site.CreateNonRedirectingClient();

        var page = await client.GetStringAsync(new Uri("/account/sign-in?returnUrl=%2Ftenders", UriKind.Relative));
        var action = System.Text.RegularExpressions.Regex.Match(page, "<main[\\s\\S]*<form [^>]*\\baction=\"([^\"]+)\"").Groups[1].Value;
        Assert.That(WebUtility.HtmlDecode(action), Is.EqualTo("/account/sign-in?returnUrl=%2Ftenders"), "the form posts to its own address, without a fragment, keeping the return address");

        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, "/account/sign-in?returnUrl=%2Ftenders");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Email"] = "dana@example.nhs.uk", ["Input.Password"] = TestAccounts.Password });
        var signedIn = await client.PostAsync(new Uri(WebUtility.HtmlDecode(action), UriKind.Relative), form);
        Assert.That(signedIn.Headers.Location?.OriginalString, Is.EqualTo("/tenders"));
    }

    [TestCase("/admin/accounts")]
    [TestCase("/admin/accounts/create")]
    public async Task AccountsPages_SignedInWithoutAdministratorRole_Are403WithTheErrorPage(string path)
    {
        using var site = new SiteFactory(environment);
        await TestAccounts.CreateAsync(site, "carol@example.nhs.uk", roles: [SiteRoles.Commissioner]);
        var client = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(client, "carol@example.nhs.uk");

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<h1>You do not have access to this page</h1>"));
    }

    [Test]
    public async Task CreateAccountPage_ValidForm_CreatesTheAccountWithItsOrganisationAndAudit()
    {
        using var site = new SiteFactory(environment);
        await TestAccounts.CreateAsync(site, AdminEmail, roles: [SiteRoles.Administrator], displayName: "Ada Admin");
        var admin = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(admin, AdminEmail);
        var token = await SiteFactory.GetAntiforgeryTokenAsync(admin, "/admin/accounts/create");

        var response = await PostAsync(admin, "/admin/accounts/create", token,
        [
            new("Input.DisplayName", "Priya Patel"),
            new("Input.Email", "priya@acme-oh.example"),
            new("Input.OrganisationChoice", "new"),
            new("Input.NewOrganisationName", "Acme OH Ltd"),
            new("Input.NewOrganisationKind", "provider"),
            new("Input.Password", TestAccounts.Password),
            new("Input.ConfirmPassword", TestAccounts.Password),
        ]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var list = await admin.GetStringAsync(new Uri("/admin/accounts", UriKind.Relative));
        Assert.That(list, Does.Contain("Account created for Priya Patel"));
        Assert.That(list, Does.Contain("priya@acme-oh.example").And.Contain("Acme OH Ltd"));
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDbContext>();
        var audit = await db.AuditEntries.Where(a => a.UserName == "Ada Admin").OrderBy(a => a.Id).Select(a => a.Entity + " " + a.EntityKey).ToListAsync();
        Assert.That(audit, Is.EqualTo(new[] { "Organisation Acme OH Ltd", "Account priya@acme-oh.example" }));
        var priya = new Uri("/", UriKind.Relative);
        var signIn = await TestAccounts.PostSignInAsync(site.CreateNonRedirectingClient(), "priya@acme-oh.example", TestAccounts.Password);
        Assert.That(signIn.Headers.Location, Is.EqualTo(priya), "the new account can sign in");
    }

    [Test]
    public async Task CreateAccountPage_MissingChoices_ShowsEachProblemAndCreatesNothing()
    {
        using var site = new SiteFactory(environment);
        await TestAccounts.CreateAsync(site, AdminEmail, roles: [SiteRoles.Administrator]);
        var admin = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(admin, AdminEmail);
        var token = await SiteFactory.GetAntiforgeryTokenAsync(admin, "/admin/accounts/create");

        var response = await PostAsync(admin, "/admin/accounts/create", token,
        [
            new("Input.DisplayName", "Priya Patel"),
            new("Input.Email", "priya@"),
            new("Input.Roles", "Superuser"),
            new("Input.OrganisationChoice", "new"),
            new("Input.Password", "short"),
            new("Input.ConfirmPassword", "short"),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        string[] expected =
        [
            "<a href=\"#email\">Enter an email address in the correct format, like name@example.com</a>",
            "<a href=\"#roles\">Select roles from the list</a>",
            "<a href=\"#new-organisation-name\">Enter the organisation&#x27;s name</a>",
            "<a href=\"#new-organisation-kind\">Select whether the organisation buys or provides occupational health services</a>",
            "<a href=\"#password\">Password must be 12 characters or more.",
        ];
        Assert.That(expected.Where(e => !html.Contains(e, StringComparison.Ordinal)), Is.Empty);
        Assert.That(expected, Has.Length.EqualTo(5));
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDbContext>();
        Assert.That(await db.Users.CountAsync(), Is.EqualTo(1));
    }

    /// <summary>Every form the account pages add refuses a POST without its antiforgery token.</summary>
    [Test]
    public async Task EveryAccountForm_PostedWithoutAntiforgeryToken_IsRefused()
    {
        using var site = new SiteFactory(environment);
        var anonymousForms = new[] { "/account/sign-in", "/setup", "/account/sign-out" };
        var adminForms = new[] { "/admin/accounts/create", "/admin/accounts?handler=Unlock&id=x" };
        var refused = 0;
        foreach (var path in anonymousForms)
        {
            var response = await PostAsync(site.CreateNonRedirectingClient(), path, null, SetupAnswers());
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), path);
            refused++;
        }

        await TestAccounts.CreateAsync(site, AdminEmail, roles: [SiteRoles.Administrator]);
        var admin = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(admin, AdminEmail);
        foreach (var path in adminForms)
        {
            var response = await PostAsync(admin, path, null, SetupAnswers());
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), path);
            refused++;
        }

        Assert.That(refused, Is.EqualTo(5));
        using var scope = site.Services.CreateScope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<CommissioningDbContext>().Users.CountAsync(), Is.EqualTo(1), "nothing was created");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.ToList();
        if (token is not null)
        {
            all.Add(new("__RequestVerificationToken", token));
        }

        using var form = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }
}
