using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Support;

/// <summary>
/// The real site in memory, reading the repository's standards folder. Page tests run it in both
/// environments: Development (what the README's run command uses, where the container validates
/// every registration at start-up) and Production. Each instance has an SQLite database of its own
/// (accounts and data-protection keys included), in a temporary folder deleted with it, unless it
/// is given a database file to share with another instance. A test that moves time on gives it a
/// clock of its own.
/// </summary>
internal sealed partial class SiteFactory(string environment = SiteFactory.Production, string? databaseFile = null, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    // Each site in memory has an SQLite database of its own, created and migrated at start-up.
    private readonly DirectoryInfo? _dataFolder = databaseFile is null ? Directory.CreateTempSubdirectory("site-data-") : null;

    /// <summary>The environment the README's run command uses (its launch profile).</summary>
    public const string Development = "Development";

    /// <summary>The environment of a deployment.</summary>
    public const string Production = "Production";

    /// <summary>Both environments, for fixtures that run in each.</summary>
    public static readonly string[] Environments = [Development, Production];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Standards:Path", Repository.StandardsFolder);
        builder.UseSetting("Database:SqliteFile", DatabaseFile);
        if (clock is not null)
        {
            // The site's one clock (the stage rules, the standstill, the audit trail) replaced by the test's.
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _dataFolder is not null && Directory.Exists(_dataFolder.FullName))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataFolder.FullName, recursive: true);
        }
    }

    /// <summary>The SQLite file this site keeps its data in.</summary>
    public string DatabaseFile => databaseFile ?? Path.Combine(_dataFolder!.FullName, "commissioning.db");

    /// <summary>A client that does not follow redirects, so tests can see them.</summary>
    public HttpClient CreateNonRedirectingClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>GETs a form page and returns its antiforgery token; the client keeps the cookie.</summary>
    public static async Task<string> GetAntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var match = TokenPattern().Match(html);
        Assert.That(match.Success, Is.True, $"No antiforgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
