using Commissioning.Core.Lifecycle;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Application.Accounts;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Commissioning.Tests.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Application;

/// <summary>
/// The account service on both databases: the first administrator is created once however many
/// ask at the same moment, and every change is saved with its audit entry or not at all.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
[NonParallelizable]
public sealed class AccountServiceTests(DatabaseProvider provider)
{
    private const string GoodPassword = "violet kettle harbour lantern";

    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private readonly TestClock _clock = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [SetUp]
    public void CreateDatabase()
    {
        _database = TestDatabase.Create(provider);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCommissioningData(_database.Settings);
        services.AddSingleton<TimeProvider>(_clock);
        services.AddIdentityCore<UserAccount>(IdentitySettings.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CommissioningDbContext>();
        services.AddAccountServices();
        _services = services.BuildServiceProvider();
    }

    [TearDown]
    public void DropDatabase()
    {
        _services.Dispose();
        _database.Dispose();
    }

    [Test]
    public async Task CreateFirstAdministrator_EightAtOnce_CreatesExactlyOne()
    {
        const int attempts = 8;
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(1, attempts).Select(i => Task.Run(async () =>
        {
            await using var scope = _services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<AccountService>();
            start.Wait();
            return await service.CreateFirstAdministratorAsync($"Admin {i}", $"admin{i}@example.nhs.uk", GoodPassword);
        })).ToList();
        start.Set();

        var outcomes = await Task.WhenAll(tasks);

        Assert.That(outcomes.Count(o => o.Succeeded), Is.EqualTo(1), "one administrator is created");
        Assert.That(outcomes.Count(o => o.Failure == FailureKind.NotFound), Is.EqualTo(attempts - 1), "every other attempt finds the setup already done");
        await using var db = _database.Context();
        Assert.That(await db.Users.CountAsync(), Is.EqualTo(1));
        Assert.That(await db.AuditEntries.CountAsync(a => a.Entity == AccountService.AuditEntity), Is.EqualTo(1));
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select r.Name).ToListAsync();
        Assert.That(roles.Order(StringComparer.Ordinal), Is.EqualTo(new[] { SiteRoles.Administrator, SiteRoles.Commissioner }), "the one account is an administrator and a commissioner");
    }

    [Test]
    public async Task CreateFirstAdministrator_WhenAnAccountExists_IsNotFoundAndSavesNothing()
    {
        await WithServiceAsync(s => s.CreateFirstAdministratorAsync("First", "first@example.nhs.uk", GoodPassword));

        var second = await WithServiceAsync(s => s.CreateFirstAdministratorAsync("Second", "second@example.nhs.uk", GoodPassword));

        Assert.That(second.Failure, Is.EqualTo(FailureKind.NotFound));
        await using var db = _database.Context();
        Assert.That(await db.Users.Select(u => u.Email).ToListAsync(), Is.EqualTo(new[] { "first@example.nhs.uk" }));
    }

    [Test]
    public async Task Create_WithANewOrganisation_SavesAccountRolesOrganisationAndAuditEntries()
    {
        var admin = await WithServiceAsync(s => s.CreateFirstAdministratorAsync("Ada Admin", "ada@example.nhs.uk", GoodPassword));
        var actor = new Actor(admin.Value.Id, admin.Value.DisplayName);

        var created = await WithServiceAsync(s => s.CreateAsync(actor, new NewAccount(
            "Priya Provider", "priya@provider.example", GoodPassword, [SiteRoles.Commissioner], NewOrganisationName: "Acme OH Ltd", NewOrganisationKind: OrganisationKind.Provider)));

        Assert.That(created.Succeeded, Is.True, () => string.Join(" ", created.Errors));
        Assert.That(created.Value.Organisation, Is.EqualTo("Acme OH Ltd"));
        Assert.That(created.Value.Roles, Is.EqualTo(new[] { SiteRoles.Commissioner }));
        await using var db = _database.Context();
        var organisation = await db.Organisations.SingleAsync();
        Assert.That(organisation.Kind, Is.EqualTo(OrganisationKind.Provider));
        var user = await db.Users.SingleAsync(u => u.Email == "priya@provider.example");
        Assert.That(user.OrganisationId, Is.EqualTo(organisation.Id));
        Assert.That(user.LockoutEnabled, Is.True, "lockout is on for every account");
        var audit = await db.AuditEntries.Where(a => a.UserId == admin.Value.Id && a.Entity != AccountService.AuditEntity || a.EntityKey == "priya@provider.example").OrderBy(a => a.Id).ToListAsync();
        Assert.That(audit.Select(a => (a.Entity, a.EntityKey, a.Action, a.UserName)), Is.EqualTo(new[]
        {
            (AccountService.OrganisationAuditEntity, "Acme OH Ltd", "Created", "Ada Admin"),
            (AccountService.AuditEntity, "priya@provider.example", "Created", "Ada Admin"),
        }));
        Assert.That(audit.All(a => a.TenderId is null && a.At == _clock.Now), Is.True);
    }

    [Test]
    public async Task Create_WithACommonPassword_SavesNeitherAccountNorOrganisationNorAuditEntry()
    {
        var admin = await WithServiceAsync(s => s.CreateFirstAdministratorAsync("Ada Admin", "ada@example.nhs.uk", GoodPassword));
        var auditBefore = await CountAuditAsync();

        var created = await WithServiceAsync(s => s.CreateAsync(new Actor(admin.Value.Id, "Ada Admin"), new NewAccount(
            "Bob", "bob@example.nhs.uk", "qwerty123456", [], NewOrganisationName: "Riverside ICB")));

        Assert.That(created.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(created.Errors.Select(e => e.Location), Is.EqualTo(new[] { new FormFieldLocation(AccountService.Fields.Password) }));
        await using var db = _database.Context();
        Assert.That(await db.Users.CountAsync(), Is.EqualTo(1));
        Assert.That(await db.Organisations.CountAsync(), Is.Zero, "the new organisation is not half-saved");
        Assert.That(await CountAuditAsync(), Is.EqualTo(auditBefore));
    }

    [Test]
    public async Task Create_WithAnEmailAlreadyUsed_IsRefusedOnTheEmailField()
    {
        var admin = await WithServiceAsync(s => s.CreateFirstAdministratorAsync("Ada Admin", "ada@example.nhs.uk", GoodPassword));

        var created = await WithServiceAsync(s => s.CreateAsync(new Actor(admin.Value.Id, "Ada Admin"), new NewAccount(
            "Ada Again", "ADA@example.nhs.uk", GoodPassword, [])));

        Assert.That(created.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(created.Errors, Is.EqualTo(new[] { new AppError("An account with this email address already exists", new FormFieldLocation(AccountService.Fields.Email)) }));
    }

    [Test]
    public async Task Unlock_LockedAccount_EndsTheLockoutWithAnAuditEntry()
    {
        var admin = await WithServiceAsync(s => s.CreateFirstAdministratorAsync("Ada Admin", "ada@example.nhs.uk", GoodPassword));
        var bob = await WithServiceAsync(s => s.CreateAsync(new Actor(admin.Value.Id, "Ada Admin"), new NewAccount("Bob", "bob@example.nhs.uk", GoodPassword, [])));
        await using (var scope = _services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            var user = await users.FindByIdAsync(bob.Value.Id);
            await users.SetLockoutEndDateAsync(user!, _clock.Now.AddMinutes(15));
        }

        var listed = await WithServiceAsync(s => s.ListAsync());
        Assert.That(listed.Single(a => a.Id == bob.Value.Id).LockedUntil, Is.EqualTo(_clock.Now.AddMinutes(15)), "listed as locked");

        var unlocked = await WithServiceAsync(s => s.UnlockAsync(new Actor(admin.Value.Id, "Ada Admin"), bob.Value.Id));

        Assert.That(unlocked.Succeeded, Is.True);
        Assert.That(unlocked.Value.LockedUntil, Is.Null);
        await using var db = _database.Context();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).LastAsync();
        Assert.That((entry.Entity, entry.EntityKey, entry.Action), Is.EqualTo((AccountService.AuditEntity, "bob@example.nhs.uk", "Unlocked")));
    }

    [Test]
    public async Task Unlock_UnknownAccount_IsNotFound()
    {
        var outcome = await WithServiceAsync(s => s.UnlockAsync(Actor.System, "no-such-id"));

        Assert.That(outcome.Failure, Is.EqualTo(FailureKind.NotFound));
    }

    private async Task<T> WithServiceAsync<T>(Func<AccountService, Task<T>> act)
    {
        await using var scope = _services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<AccountService>());
    }

    private async Task<int> CountAuditAsync()
    {
        await using var db = _database.Context();
        return await db.AuditEntries.CountAsync();
    }
}
