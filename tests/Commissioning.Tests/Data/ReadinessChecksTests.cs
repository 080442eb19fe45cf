using Commissioning.Application.Readiness;
using Commissioning.Core.Lifecycle;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Commissioning.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Tests.Data;

/// <summary>
/// Providers' readiness checks on both databases: only a provider's account saves one, only its
/// own organisation's accounts see it, a broken file saves nothing, and every save is audited.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
[NonParallelizable]
public sealed class ReadinessChecksTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;
    private TestClock _clock = null!;
    private SiteUser _pat = null!;   // Harbourside
    private SiteUser _pia = null!;   // Harbourside, a colleague
    private SiteUser _quinn = null!; // another provider
    private SiteUser _priya = null!; // a buyer
    private string _file = null!;

    [SetUp]
    public async Task SetUp()
    {
        _database = TestDatabase.Create(provider);
        _clock = new TestClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        _file = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "examples", "provider-declarations.json"));
        await using var db = _database.Context();
        var harbourside = new OrganisationRow { Name = "Harbourside Occupational Health Ltd", Kind = OrganisationKind.Provider };
        var other = new OrganisationRow { Name = "Delta OH", Kind = OrganisationKind.Provider };
        var buyer = new OrganisationRow { Name = "North ICS", Kind = OrganisationKind.Buyer };
        db.Organisations.AddRange(harbourside, other, buyer);
        foreach (var (id, organisation) in new[] { ("pat", harbourside), ("pia", harbourside), ("quinn", other), ("priya", buyer) })
        {
            db.Users.Add(new UserAccount { Id = id, DisplayName = id, UserName = id, Email = id + "@example.org", OrganisationId = organisation.Id });
        }

        AuditTrail.Add(db, _clock, Actor.System, null, "Account", "setup", "Created", null, null);
        await db.SaveChangesAsync();
        var team = TenderCalls.Over(_database.Settings, _clock);
        _pat = (await team.UserAsync("pat"))!;
        _pia = (await team.UserAsync("pia"))!;
        _quinn = (await team.UserAsync("quinn"))!;
        _priya = (await team.UserAsync("priya"))!;
    }

    [TearDown]
    public void TearDown() => _database.Dispose();

    private ReadinessChecks Checks() => new(new CommissioningContextFactory(_database.Settings), _clock);

    [Test]
    public async Task Save_ByAProvider_SeenByItsOwnOrganisationOnly()
    {
        var saved = await Checks().SaveAsync(_pat, "North ICS tender, lot 1", _file, Repository.Standards);
        Assert.That(saved.Errors.Select(e => e.Message), Is.Empty);

        Assert.That((await Checks().ListAsync(_pia)).Select(c => $"{c.Title} by {c.CreatedBy}"), Is.EqualTo(new[] { "North ICS tender, lot 1 by pat" }));
        Assert.That((await Checks().FindAsync(_pia, saved.Value)).Value, Is.EqualTo(_file));
        Assert.That(await Checks().ListAsync(_quinn), Is.Empty);
        Assert.That((await Checks().FindAsync(_quinn, saved.Value)).Failure, Is.EqualTo(FailureKind.NotFound));
        Assert.That(await Checks().ListAsync(_priya), Is.Empty);
        Assert.That((await Checks().FindAsync(_priya, saved.Value)).Failure, Is.EqualTo(FailureKind.NotFound));
        await using var db = _database.Context();
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == ReadinessChecks.AuditEntity);
        Assert.That((audit.UserId, audit.Action, audit.At), Is.EqualTo(("pat", "Created", _clock.Now)));
    }

    [Test]
    public async Task Save_ByABuyer_IsRefusedAndSavesNothing()
    {
        var refused = await Checks().SaveAsync(_priya, "Mine", _file, Repository.Standards);

        Assert.That(refused.Failure, Is.EqualTo(FailureKind.Refused));
        await using var db = _database.Context();
        Assert.That(await db.ReadinessChecks.CountAsync(), Is.Zero);
    }

    [TestCase("", "\"provider\"", FailureKind.Invalid, "Title")]
    [TestCase("Lot 1", "\"supplier\"", FailureKind.Unreadable, "$")]
    public async Task Save_ABadTitleOrFile_SaysWhereAndSavesNothing(string title, string providerField, FailureKind failure, string where)
    {
        var refused = await Checks().SaveAsync(_pat, title, _file.Replace("\"provider\"", providerField, StringComparison.Ordinal), Repository.Standards);

        Assert.That(refused.Failure, Is.EqualTo(failure));
        Assert.That(refused.Errors[0].Location!.Describe(), Does.StartWith(where));
        await using var db = _database.Context();
        Assert.That(await db.ReadinessChecks.CountAsync(), Is.Zero);
        Assert.That(await db.AuditEntries.CountAsync(a => a.Entity == ReadinessChecks.AuditEntity), Is.Zero);
    }
}
