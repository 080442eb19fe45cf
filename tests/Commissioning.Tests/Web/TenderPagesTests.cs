using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Commissioning.Application.Accounts;
using Commissioning.Core.Files;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Web;

/// <summary>Moving a whole tender through the site: import and export over HTTP, and the upload limits.</summary>
[TestFixtureSource(typeof(SiteFactory), nameof(SiteFactory.Environments))]
[NonParallelizable]
public sealed class TenderPagesTests(string environment)
{
    private static async Task<HttpClient> CommissionerAsync(SiteFactory site)
    {
        await TestAccounts.CreateAsync(site, "priya@example.nhs.uk", roles: [SiteRoles.Commissioner], organisation: "North ICS");
        var client = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(client, "priya@example.nhs.uk");
        return client;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string name = "tender.json")
    {
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, "/tenders/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(content, "Input.File", name);
        return await client.PostAsync(new Uri("/tenders/import", UriKind.Relative), form);
    }

    [Test]
    public async Task ImportThenExport_ExampleTender_TheFileComesBackIdentical()
    {
        using var site = new SiteFactory(environment);
        using var client = await CommissionerAsync(site);
        var example = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "examples", "ics-tender.json"));
        var expected = TenderFile.Write(TenderFile.Read(example).Value);

        using var imported = await UploadAsync(client, Encoding.UTF8.GetBytes(example));
        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await imported.Content.ReadAsStringAsync());
        var tender = imported.Headers.Location!.OriginalString;
        using var exported = await client.GetAsync(new Uri(tender + "/export", UriKind.Relative));

        Assert.That(exported.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(exported.Content.Headers.ContentDisposition?.FileName, Does.EndWith(".json"));
        Assert.That(await exported.Content.ReadAsStringAsync(), Is.EqualTo(expected));
    }

    [Test]
    public async Task Import_AFileLargerThanAFormButUnderTheUploadLimit_IsAccepted()
    {
        using var site = new SiteFactory(environment);
        using var client = await CommissionerAsync(site);
        var example = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "examples", "ics-tender.json"));

        // Two megabytes of trailing spaces: still the same JSON, but twice a form's 1 MB limit.
        using var imported = await UploadAsync(client, Encoding.UTF8.GetBytes(example + new string(' ', 2 * 1024 * 1024)));

        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(imported.Headers.Location!.OriginalString, Does.StartWith("/tenders/"));
    }

    [Test]
    public async Task Import_AFileOverTheUploadLimit_Is413WithTheLimitInTheMessage()
    {
        using var site = new SiteFactory(environment);
        using var client = await CommissionerAsync(site);

        using var refused = await UploadAsync(client, new byte[31 * 1024 * 1024]);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("up to 30 MB"));
    }

    [TestCase("tender.txt", "{}", "The selected file must be a tender file ending in .json.")]
    [TestCase("tender.json", "", "The selected file is empty.")]
    [TestCase("tender.json", "not json", "could not be imported")]
    [TestCase("tender.json", "\u00ff\u00fe{", "could not be imported")]
    public async Task Import_ABadFile_SaysWhatIsWrongAndSavesNothing(string name, string text, string message)
    {
        using var site = new SiteFactory(environment);
        using var client = await CommissionerAsync(site);

        using var refused = await UploadAsync(client, name == "tender.json" && text.StartsWith('\u00ff') ? [0xFF, 0xFE, 0x7B] : Encoding.UTF8.GetBytes(text), name);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), Does.Contain(message));
        Assert.That(await client.GetStringAsync(new Uri("/tenders", UriKind.Relative)), Does.Contain("You have no role on any tender yet."));
    }

    [Test]
    public async Task Import_AnotherPageWithAFormOverOneMegabyte_IsStill413()
    {
        using var site = new SiteFactory(environment);
        using var client = await CommissionerAsync(site);
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, "/tenders");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(new byte[2 * 1024 * 1024]), "Input.File", "tender.json" } };

        using var refused = await client.PostAsync(new Uri("/specification/profile", UriKind.Relative), form);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("up to 1 MB"));
    }
}
