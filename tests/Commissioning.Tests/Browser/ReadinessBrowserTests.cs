using Commissioning.Application.Accounts;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Tests.Documents.Response;
using Commissioning.Tests.Support;
using Commissioning.Tests.Web.Tenders.Stage;
using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// A provider's bid manager, new to the site, in Chromium: from the start page's "Prepare a bid"
/// card through signing in to a self-assessment against the lot of the example tender their
/// organisation is invited to, the report, and the report downloaded. Hostile text in the check's
/// name and the provider's name is shown as text and never runs. Every state is checked with axe
/// and screenshotted at 1280 and 360 pixels wide.
/// </summary>
public sealed class ReadinessBrowserTests : BrowserTest
{
    private const string Owner = "olive@example.nhs.uk";
    private const string Pat = "pat@northgate.example";
    private const string Hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(1)>";

    private async Task CheckAsync(IPage page, string name)
    {
        await AssertAccessibleAsync(page, "readiness-" + name);
        await page.SetViewportSizeAsync(360, 800);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("readiness-" + name + "-360"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 800);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("readiness-" + name), FullPage = true });
    }

    [Test]
    public async Task AProviderNewToTheSite_ChecksItsReadinessAgainstAnInvitedTender_AndDownloadsTheReport()
    {
        await TestAccounts.CreateAsync(Site, Owner, roles: [SiteRoles.Commissioner], organisation: "North ICS", displayName: "Olive Owner");
        await TestAccounts.CreateAsync(Site, Pat, organisation: "Northgate OH", organisationKind: OrganisationKind.Provider, displayName: "Pat Provider");
        var owner = await AwardReady.UserAsync(Site, Owner);
        var calls = TenderCalls.Of(Site.Services);
        var tender = ResponseWorkbooks.ExamplePack.Tender;
        var id = (await calls.ImportAsync(owner, TenderFile.Write(new Commissioning.Core.Tenders.TenderPack { Tender = tender, Bids = [] }))).Value;
        var version = (await calls.OpenAsync(owner, id))!.Tender.Version;
        Assert.That((await calls.ChangeStageAsync(owner, id, TenderStage.OpenForBids, null, version)).Succeeded, Is.True);
        var northgate = (await calls.ProviderOrganisationsAsync(owner, id)).Value.Single(o => o.Name == "Northgate OH");
        Assert.That((await calls.InviteAsync(owner, id, northgate.Id)).Succeeded, Is.True);

        var page = await NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, AcceptDownloads = true });
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        // The start page's card for providers leads, through signing in, to the readiness checks.
        await page.GotoAsync(BaseUrl + "/");
        await CheckAsync(page, "start-page");
        await page.GetByRole(AriaRole.Link, new() { Name = "Prepare a bid as an OH provider" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sign-in", StringComparison.Ordinal));
        await page.FillAsync("#email", Pat);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your bid readiness");
        await CheckAsync(page, "list-empty");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start a readiness check" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Start a readiness check");
        await CheckAsync(page, "new");

        // Sent with nothing chosen: each problem in the summary, linked to its field.
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await CheckAsync(page, "new-errors");

        await page.FillAsync("#title", "Riverside " + Hostile);
        await page.GetByLabel(tender.Title + ": " + tender.Lots[0].Title).CheckAsync();
        await page.FillAsync("#provider", "Northgate " + Hostile);
        await page.GetByRole(AriaRole.Group, new() { Name = "SEQOHS accreditation" }).GetByLabel("Accredited").CheckAsync();
        await page.FillAsync("#seqohs-date-day", "14");
        await page.FillAsync("#seqohs-date-month", "3");
        await page.FillAsync("#seqohs-date-year", "2024");
        await page.GetByRole(AriaRole.Group, new() { Name = "ESR interface", Exact = true }).GetByLabel("Planned").CheckAsync();
        await page.FillAsync("#esr-date-day", "1");
        await page.FillAsync("#esr-date-month", "4");
        await page.FillAsync("#esr-date-year", "2027");
        await page.GetByRole(AriaRole.Group, new() { Name = "Consultants' qualification" }).GetByLabel("CCT", new() { Exact = true }).CheckAsync();
        await page.FillAsync("#occupational-physicians", "2");
        await page.ClickAsync("main button[type=submit]");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Riverside " + Hostile);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("ready");
        await CheckAsync(page, "report");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=The readiness report, ready to print (HTML)"));
        Assert.That(download.SuggestedFilename, Does.EndWith("-readiness.html"));
        var path = ScreenshotPath("readiness-report-download").Replace(".png", ".html", StringComparison.Ordinal);
        await download.SaveAsAsync(path);
        var report = await File.ReadAllTextAsync(path);
        Assert.That(report, Does.Contain("Northgate &lt;script&gt;"), "the provider's name as text in the document");

        var checklist = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=The evidence checklist, to share out the work (Excel)"));
        Assert.That(checklist.SuggestedFilename, Does.EndWith("-evidence-checklist.xlsx"));
        var workbookPath = path.Replace(".html", ".xlsx", StringComparison.Ordinal);
        await checklist.SaveAsAsync(workbookPath);
        using (var workbook = new ClosedXML.Excel.XLWorkbook(workbookPath))
        {
            Assert.That(workbook.Worksheet(Commissioning.Documents.Readiness.ReadinessChecklistWorkbook.ChecklistSheet).RowsUsed().Count(), Is.GreaterThan(1), "the checklist has its items");
        }

        // The downloaded report opened in the browser: readable, and nothing in it runs.
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("readiness-report-document"), FullPage = true });

        await page.GotoAsync(BaseUrl + "/readiness");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("Riverside " + Hostile);
        await CheckAsync(page, "list");
        Assert.That(dialogs, Is.Empty, "no script ran");
        Assert.That(PolicyViolations(page), Is.Empty);
    }
}
