using System.Security.Claims;
using Commissioning.Application;
using Commissioning.Application.Accounts;
using Commissioning.Core.Lifecycle;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Commissioning.Tests.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Application;

/// <summary>
/// The sign-in service on both databases, registered as the site registers it, each call in a
/// request of its own: what each sign-in comes to, that an unknown address has a password hashed
/// all the same, lockout, signing in after setup, signing out, and the claims the cookie carries.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
[NonParallelizable]
public sealed class AccountSignInTests(DatabaseProvider provider)
{
    private const string GoodPassword = "violet kettle harbour lantern";
    private const string CookiePrefix = ".AspNetCore.Identity.Application=";

    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private readonly CountingHasher _hasher = new();

    [SetUp]
    public void CreateDatabase()
    {
        _database = TestDatabase.Create(provider);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCommissioningData(_database.Settings);
        services.AddSingleton(TimeProvider.System);
        services.AddCommissioningIdentity("Commissioning.Tests");
        services.AddSingleton<IPasswordHasher<UserAccount>>(_hasher);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    [TearDown]
    public void DropDatabase()
    {
        _services.Dispose();
        _database.Dispose();
    }

    [Test]
    public async Task RightPassword_SignsIn_AndTheResponseCarriesTheCookie()
    {
        await CreateAdministratorAsync();

        var (outcome, response) = await InRequestAsync(s => s.PasswordSignInAsync("ada@example.nhs.uk", GoodPassword));

        Assert.That(outcome, Is.EqualTo(SignInOutcome.SignedIn));
        Assert.That(SetCookies(response), Has.Some.StartsWith(CookiePrefix));
    }

    [Test]
    public async Task EmailWithSpacesAround_SignsIn()
    {
        await CreateAdministratorAsync();

        var (outcome, _) = await InRequestAsync(s => s.PasswordSignInAsync("  ada@example.nhs.uk ", GoodPassword));

        Assert.That(outcome, Is.EqualTo(SignInOutcome.SignedIn));
    }

    [Test]
    public async Task WrongPassword_IsWrongDetails_NoCookie_AndCountsTowardsLockout()
    {
        var admin = await CreateAdministratorAsync();

        var (outcome, response) = await InRequestAsync(s => s.PasswordSignInAsync("ada@example.nhs.uk", "not the right password"));

        Assert.That(outcome, Is.EqualTo(SignInOutcome.WrongDetails));
        Assert.That(SetCookies(response), Has.None.StartsWith(CookiePrefix));
        await using var db = _database.Context();
        Assert.That(await db.Users.Where(u => u.Id == admin).Select(u => u.AccessFailedCount).SingleAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task UnknownEmail_IsWrongDetails_NoCookie_AndThePasswordIsHashedAllTheSame()
    {
        await CreateAdministratorAsync();
        var before = _hasher.Verified;

        var (outcome, response) = await InRequestAsync(s => s.PasswordSignInAsync("nobody@example.nhs.uk", "not the right password"));

        Assert.That(outcome, Is.EqualTo(SignInOutcome.WrongDetails), "told exactly as a wrong password is");
        Assert.That(SetCookies(response), Has.None.StartsWith(CookiePrefix));
        Assert.That(_hasher.Verified - before, Is.EqualTo(1), "one password checked, as for an account that exists");
    }

    [Test]
    public async Task FiveWrongPasswords_LockTheAccount_AndThenTheRightOneIsRefused()
    {
        await CreateAdministratorAsync();
        var outcomes = new List<SignInOutcome>();
        for (var attempt = 1; attempt <= IdentitySettings.MaxFailedSignIns; attempt++)
        {
            outcomes.Add((await InRequestAsync(s => s.PasswordSignInAsync("ada@example.nhs.uk", "wrong password " + attempt))).Result);
        }

        var (withRightPassword, response) = await InRequestAsync(s => s.PasswordSignInAsync("ada@example.nhs.uk", GoodPassword));

        Assert.That(outcomes.Take(IdentitySettings.MaxFailedSignIns - 1), Is.All.EqualTo(SignInOutcome.WrongDetails), "attempts 1 to 4");
        Assert.That(outcomes[^1], Is.EqualTo(SignInOutcome.LockedOut), "the fifth attempt locks the account");
        Assert.That(withRightPassword, Is.EqualTo(SignInOutcome.LockedOut), "locked: the right password is refused too");
        Assert.That(SetCookies(response), Has.None.StartsWith(CookiePrefix));
    }

    [Test]
    public async Task SignInById_AfterSetup_SignsInWithoutThePassword()
    {
        var admin = await CreateAdministratorAsync();

        var (_, response) = await InRequestAsync(async s =>
        {
            await s.SignInAsync(admin);
            return true;
        });

        Assert.That(SetCookies(response), Has.Some.StartsWith(CookiePrefix));
    }

    [Test]
    public void SignInById_NoSuchAccount_Throws()
    {
        Assert.That(
            async () => await InRequestAsync(async s =>
            {
                await s.SignInAsync("no-such-account");
                return true;
            }),
            Throws.InvalidOperationException);
    }

    [Test]
    public async Task SignOut_RemovesTheCookie()
    {
        var (_, response) = await InRequestAsync(async s =>
        {
            await s.SignOutAsync();
            return true;
        });

        Assert.That(SetCookies(response).Where(c => c.StartsWith(CookiePrefix, StringComparison.Ordinal)), Has.Some.Contains("expires=Thu, 01 Jan 1970"));
    }

    [Test]
    public async Task Claims_CarryTheDisplayNameAndOrganisation()
    {
        var admin = await CreateAdministratorAsync();
        var provider = await CreateAsync(admin, new NewAccount("Priya Provider", "priya@acme-oh.example", GoodPassword, [], NewOrganisationName: "Acme OH", NewOrganisationKind: OrganisationKind.Provider));

        var (adminClaims, providerClaims, organisationId) = await WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<UserAccount>>();
            var factory = services.GetRequiredService<IUserClaimsPrincipalFactory<UserAccount>>();
            var organisation = await services.GetRequiredService<CommissioningDbContext>().Organisations.SingleAsync();
            return (await factory.CreateAsync((await users.FindByIdAsync(admin))!), await factory.CreateAsync((await users.FindByIdAsync(provider))!), organisation.Id);
        });

        Assert.That(adminClaims.FindFirstValue(ClaimTypes.NameIdentifier), Is.EqualTo(admin));
        Assert.That(adminClaims.FindFirstValue(AccountClaimTypes.DisplayName), Is.EqualTo("Ada Admin"));
        Assert.That(adminClaims.FindFirst(AccountClaimTypes.OrganisationId), Is.Null, "no organisation, no claim");
        Assert.That(adminClaims.IsInRole(SiteRoles.Administrator), Is.True);
        Assert.That(providerClaims.FindFirstValue(AccountClaimTypes.DisplayName), Is.EqualTo("Priya Provider"));
        Assert.That(providerClaims.FindFirstValue(AccountClaimTypes.OrganisationId), Is.EqualTo(organisationId.ToString()));
    }

    private async Task<string> CreateAdministratorAsync()
    {
        var created = await WithScopeAsync(s => s.GetRequiredService<AccountService>().CreateFirstAdministratorAsync("Ada Admin", "ada@example.nhs.uk", GoodPassword));
        Assert.That(created.Succeeded, Is.True);
        return created.Value.Id;
    }

    private async Task<string> CreateAsync(string adminId, NewAccount account)
    {
        var created = await WithScopeAsync(s => s.GetRequiredService<AccountService>().CreateAsync(new Actor(adminId, "Ada Admin"), account));
        Assert.That(created.Succeeded, Is.True);
        return created.Value.Id;
    }

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = _services.CreateAsyncScope();
        return await act(scope.ServiceProvider);
    }

    /// <summary>Runs the service in a request of its own (as a page would), and returns its result and the response.</summary>
    private async Task<(T Result, HttpResponse Response)> InRequestAsync<T>(Func<AccountSignIn, Task<T>> act)
    {
        await using var scope = _services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("commissioning.example");
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        var result = await act(scope.ServiceProvider.GetRequiredService<AccountSignIn>());
        return (result, http.Response);
    }

    private static string[] SetCookies(HttpResponse response) => [.. response.Headers.SetCookie.Select(c => c ?? string.Empty)];

    /// <summary>Identity's hasher, counting the passwords it checks.</summary>
    private sealed class CountingHasher : PasswordHasher<UserAccount>
    {
        private int _verified;

        public int Verified => Volatile.Read(ref _verified);

        public override PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
