using Commissioning.Core.Lifecycle;
using Commissioning.Tests.Support;
using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// The results pages in Chromium: the charts drawn on the server show with no script and no
/// content security policy violation (the site allows <c>style-src 'self'</c> only), at a desktop
/// and a phone's width; the provisional and complete states and an evaluator's view without
/// prices pass axe; and provider names written to run script are shown as text.
/// </summary>
public sealed class ResultsBrowserTests : BrowserTest
{
    private static readonly BrowserNewPageOptions Desktop = new() { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } };
    private static readonly BrowserNewPageOptions Phone = new() { ViewportSize = new ViewportSize { Width = 360, Height = 780 } };

    private async Task<IPage> SignedInAsync(string email, BrowserNewPageOptions size)
    {
        var page = await NewPageAsync(size);
        await page.GotoAsync(BaseUrl + "/account/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Opens every "Show the figures as a table", so the screenshot and axe see the tables too.</summary>
    private static async Task OpenTablesAsync(IPage page)
    {
        foreach (var summary in await page.Locator("main details > summary").AllAsync())
        {
            await summary.ClickAsync();
        }
    }

    [Test]
    public async Task Charts_ShowWithNoScriptAndNoPolicyViolation_OnADesktopAndAPhone()
    {
        var tender = await ExampleTender.ImportAsync(Site);
        await tender.CompleteAsync(TenderStage.Moderation);

        foreach (var (size, name) in new[] { (Desktop, "1280"), (Phone, "360") })
        {
            var page = await SignedInAsync(ExampleTender.OwnerEmail, size);
            await page.GotoAsync($"{BaseUrl}/tenders/{tender.Id}/results");
            var charts = page.Locator("main svg[role=img][aria-labelledby^='chart-']");

            await Assertions.Expect(charts).ToHaveCountAsync(10);
            foreach (var chart in await charts.AllAsync())
            {
                await chart.ScrollIntoViewIfNeededAsync();
                var box = await chart.BoundingBoxAsync();
                Assert.That(box, Is.Not.Null);
                Assert.That(box!.Width, Is.GreaterThan(size == Phone ? 250 : 400), "the chart fills its column");
                Assert.That(box.Height, Is.GreaterThan(100));
            }

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(await page.Locator("main script, main svg script, main [style], main style").CountAsync(), Is.Zero, "no script and no style in the charts");
                Assert.That(await page.Locator("main svg [onload], main svg [onclick], main svg a").CountAsync(), Is.Zero);
                Assert.That(await page.Locator("main svg image, main svg use, main svg foreignObject").CountAsync(), Is.Zero, "no external reference");
            });
            await AssertAccessibleAsync(page, $"results-complete-{name}");
            await OpenTablesAsync(page);
            await AssertAccessibleAsync(page, $"results-complete-tables-{name}");
            Assert.That(PolicyViolations(page), Is.Empty);
        }
    }

    [Test]
    public async Task Provisional_AndDownloads_PassAxe_OnADesktopAndAPhone()
    {
        var tender = await ExampleTender.ImportAsync(Site);
        foreach (var (size, name) in new[] { (Desktop, "1280"), (Phone, "360") })
        {
            var page = await SignedInAsync(ExampleTender.OwnerEmail, size);
            await page.GotoAsync($"{BaseUrl}/tenders/{tender.Id}/results");
            await Assertions.Expect(page.Locator("main .nhsuk-card--warning")).ToContainTextAsync("This result is provisional");
            await AssertAccessibleAsync(page, $"results-provisional-{name}");
            await page.ClickAsync("text=Download the evaluation matrix, the report and the assessment summaries");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Download the results");
            await AssertAccessibleAsync(page, $"results-downloads-{name}");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Download the evaluation report (HTML, ready to print)"));
            Assert.That(download.SuggestedFilename, Is.EqualTo("occupational-health-services-for-riverside-and-vale-ics-evaluation-report.html"));
        }
    }

    [Test]
    public async Task Evaluator_AfterAwardRecommended_SeesQualityWithoutPrices_PassesAxe()
    {
        var tender = await ExampleTender.ImportAsync(Site);
        await tender.CompleteAsync();
        var page = await SignedInAsync(ExampleTender.Evaluators[0].Email, Desktop);

        await page.GotoAsync($"{BaseUrl}/tenders/{tender.Id}/results");

        await Assertions.Expect(page.Locator("main svg[role=img][aria-labelledby^='chart-']")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("£");
        await AssertAccessibleAsync(page, "results-evaluator-1280");
        await page.GotoAsync($"{BaseUrl}/tenders/{tender.Id}/results/downloads");
        await AssertAccessibleAsync(page, "results-downloads-evaluator-1280");
    }

    [Test]
    public async Task Xss_ProviderNamesFromAnImportedTender_AreShownAsText_AndNothingRuns()
    {
        var json = ExampleTender.Json(file =>
        {
            file["bids"]![0]!["provider"] = "<script>alert(1)</script>";
            file["bids"]![3]!["provider"] = "\"><img src=x onerror=alert(1)>";
        });
        var tender = await ExampleTender.ImportAsync(Site, json);
        await tender.CompleteAsync(TenderStage.Moderation);
        var page = await SignedInAsync(ExampleTender.OwnerEmail, Desktop);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync($"{BaseUrl}/tenders/{tender.Id}/results");
        await OpenTablesAsync(page);
        await AssertAccessibleAsync(page, "results-xss");
        var shown = await page.Locator("main").InnerTextAsync();
        await page.GotoAsync($"{BaseUrl}/tenders/{tender.Id}/results/downloads");
        var listed = await page.Locator("main").InnerTextAsync();

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(dialogs, Is.Empty, "no script ran");
            Assert.That(await page.EvaluateAsync<int>("document.querySelectorAll('main img').length"), Is.Zero);
            Assert.That(shown, Does.Contain("The most advantageous tender is <script>alert(1)</script>"));
            Assert.That(shown, Does.Contain("\"><img src=x onerror=alert(1)>"));
            Assert.That(listed, Does.Contain("<script>alert(1)</script>"));
        });

        await page.GotoAsync($"{BaseUrl}/tenders/{tender.Id}/results");
        var svgText = await page.Locator("main svg[aria-labelledby^='chart-lot-1-section-points']").InnerHTMLAsync();
        Assert.That(svgText, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"), "the chart holds the name as text");
        Assert.That(dialogs, Is.Empty);
    }
}
