using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Files;
using Commissioning.Data;
using Commissioning.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Commissioning.Tests.Application;

/// <summary>Where the database is, what bad settings say, the first run of the site, and where file problems are.</summary>
public sealed class SettingsAndFilesTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Test]
    public void From_NothingSet_IsSqliteInAppDataUnderTheSite()
    {
        var settings = DatabaseSettings.From(Settings(), "/srv/site");

        Assert.That(settings, Is.EqualTo(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=/srv/site/App_Data/commissioning.db")));
    }

    [Test]
    public void From_PostgreSqlWithAConnectionString_UsesIt()
    {
        var settings = DatabaseSettings.From(Settings(("Database:Provider", "postgresql"), ("ConnectionStrings:Commissioning", "Host=db;Database=oh")), "/srv/site");

        Assert.That(settings, Is.EqualTo(new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=db;Database=oh")));
    }

    [TestCase("PostgreSql", "Database:Provider is PostgreSql but ConnectionStrings:Commissioning is empty. Set it to the database's connection string.")]
    [TestCase("Oracle", "Database:Provider is 'Oracle'. Set it to Sqlite or PostgreSql.")]
    [TestCase("7", "Database:Provider is '7'. Set it to Sqlite or PostgreSql.")]
    public void From_BadSettings_SaysWhatToSet(string provider, string message)
    {
        Assert.That(() => DatabaseSettings.From(Settings(("Database:Provider", provider)), "/srv/site"),
            Throws.InvalidOperationException.With.Message.EqualTo(message));
    }

    [Test]
    public async Task SiteStart_OnAFreshFolder_CreatesAndMigratesTheSqliteDatabase()
    {
        var folder = Directory.CreateTempSubdirectory("site-first-run-");
        var file = Path.Combine(folder.FullName, "data", "commissioning.db");
        try
        {
            using (var site = new SiteFactory().WithWebHostBuilder(b => b.UseSetting("Database:SqliteFile", file)))
            {
                using var client = site.CreateClient();
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
                Assert.That((int)response.StatusCode, Is.EqualTo(200));
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using var db = CommissioningDatabase.CreateContext(new(DatabaseProvider.Sqlite, $"Data Source={file}"));
            Assert.That(File.Exists(file), Is.True);
            Assert.That(await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database), Is.Empty);
            Assert.That(await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetAppliedMigrationsAsync(db.Database), Is.Not.Empty);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void ReadPack_RulesBroken_EachErrorHasItsJsonPath()
    {
        var pack = Commissioning.Tests.Data.StorageTests.ValidSample();
        var broken = pack with { Scores = [pack.Scores[0] with { Score = 9m }] };

        var read = TenderFiles.ReadPack(TenderFile.Write(broken), Repository.Standards);

        Assert.That(read.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(read.Errors.Single().Location, Is.EqualTo(new JsonPathLocation("$.scores[0].score")));
    }

    [Test]
    public void ReadDeclarations_ProviderNameWithAControlCharacter_IsPlacedAtTheProviderField()
    {
        var file = DeclarationsFile.Write("Alpha\u0007 OH", new Commissioning.Core.Tenders.Declarations());

        var read = TenderFiles.ReadDeclarations(file, null, new DateOnly(2026, 3, 2));

        Assert.That(read.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(read.Errors.Select(e => e.Location), Has.Member(new JsonPathLocation("$.provider")));
    }

    [Test]
    public void ErrorLocations_DescribeTheirPlace()
    {
        Assert.That(new ErrorLocation[] { new JsonPathLocation("$.bids[2]"), new FormFieldLocation("Input.Score"), new CellLocation("Scores", "C7") }.Select(l => l.Describe()),
            Is.EqualTo(new[] { "$.bids[2]", "Input.Score", "Scores!C7" }));
    }
}
