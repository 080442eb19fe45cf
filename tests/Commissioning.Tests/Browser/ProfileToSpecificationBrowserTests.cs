using System.Net;
using Commissioning.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// A person's path through the site in headless Chromium (Debian's package, driven by
/// Playwright): start page, profile form with its errors, then the tailored specification. Each
/// page is checked with axe against WCAG 2.2 AA and saved as a screenshot under
/// TestResults/screenshots for a person to look at.
/// </summary>
[NonParallelizable]
public sealed class ProfileToSpecificationBrowserTests
{
    private SiteFactory _factory = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = null!;
    private string _screenshots = null!;

    [OneTimeSetUp]
    public async Task StartSiteAndBrowser()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        Assert.That(File.Exists(chromium), Is.True,
            $"Chromium was not found at {chromium}. The test command installs it (apt-get install chromium); or set CHROMIUM_PATH.");

        _factory = new SiteFactory();
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        _baseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
        });

        _screenshots = Path.Combine(Repository.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(_screenshots);
    }

    [OneTimeTearDown]
    public async Task StopSiteAndBrowser()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task PracticeManager_DescribesTheirOrganisation_AndGetsTheTailoredSpecification()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        await page.GotoAsync(_baseUrl + "/");
        await AssertAccessibleAsync(page, "start");
        await page.GetByRole(AriaRole.Link, new() { Name = "Buy OH for a GP practice or small organisation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Describe your organisation" })).ToBeVisibleAsync();

        // Submitting nothing shows the error summary, and the page title says there is an error.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the specification" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the name of the organisation");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await AssertAccessibleAsync(page, "profile-errors");

        // The error summary links to the field.
        await page.GetByRole(AriaRole.Link, new() { Name = "Enter the number of staff" }).ClickAsync();
        await Assertions.Expect(page.Locator("#headcount")).ToBeFocusedAsync();

        await page.GetByLabel("Name of your organisation").FillAsync("Riverside Surgery");
        await page.GetByLabel("GP practice or primary care network (PCN)").CheckAsync();
        await page.GetByLabel("How many staff does it employ?").FillAsync("45");
        await page.Locator("#trainees").CheckAsync();
        await page.GetByLabel("Ionising radiation (for example radiology, nuclear medicine, radiotherapy)").CheckAsync();
        await page.GetByLabel("Clinical contact with blood or body fluids").CheckAsync();
        await page.GetByLabel("An external provider").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the specification" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What an occupational health service for Riverside Surgery must provide");
        // A GP practice that hosts GP trainees gets no ESR gate: the guide makes the link essential for trusts only.
        await Assertions.Expect(page.Locator("#gates")).Not.ToContainTextAsync("INF-03");
        await Assertions.Expect(page.Locator("#req-inf-03")).ToContainTextAsync("It is not essential here because the organisation is a GP practice or PCN");
        await Assertions.Expect(page.Locator("#req-sub-06")).ToContainTextAsync("Applies because staff work with ionising radiation.");
        // The practice employs doctors whether or not the box was ticked.
        await Assertions.Expect(page.Locator("#exposures")).ToContainTextAsync("counted because every GP practice or PCN does");
        await Assertions.Expect(page.Locator("#req-sub-05")).ToContainTextAsync("as a GP practice or PCN always does");
        await AssertAccessibleAsync(page, "specification");

        // Changing answers returns to the form with them filled in.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change your answers", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Name of your organisation")).ToHaveValueAsync("Riverside Surgery");
    }

    [Test]
    public async Task RuleSetPage_WhenPrinted_KeepsItsKeyAndEveryToolkitJudgement()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 1200 } });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        await page.GotoAsync(_baseUrl + "/standards/information-exchange");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, "rule-set-print.png"), FullPage = true });

        await Assertions.Expect(page.Locator("#key")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#key")).ToContainTextAsync("the toolkit's mapping, not the roadmap's");
        await Assertions.Expect(page.Locator(".nhsuk-header")).ToBeHiddenAsync();
        var judgements = page.Locator(".app-judgement");
        var expected = Repository.Standards.FindRuleSet("information-exchange")!.Requirements.Count(r => r.Judgements.Count > 0);
        Assert.That(expected, Is.GreaterThan(0));
        await Assertions.Expect(judgements).ToHaveCountAsync(expected);
        for (var i = 0; i < expected; i++)
        {
            await Assertions.Expect(judgements.Nth(i)).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator(".app-mapping")).ToHaveCountAsync(Repository.Standards.FindRuleSet("information-exchange")!.Requirements.Count);
    }

    [TestCase("/standards/sub-specialisms", "rule-set-sub-specialisms")]
    [TestCase("/specification?name=Riverside+Surgery&type=gp-practice-or-pcn&headcount=45&hostsmedicaltrainees=yes&exposures=lasers&delivery=external", "specification-gp-trainees")]
    [TestCase("/specification/profile", "profile")]
    [TestCase("/standards", "standards")]
    [TestCase("/standards/information-exchange", "rule-set")]
    [TestCase("/standards/requirements/sub-06", "requirement")]
    [TestCase("/standards/glossary", "glossary")]
    public async Task StandardsPages_AreAccessible(string path, string name)
    {
        var page = await _browser.NewPageAsync();

        await page.GotoAsync(_baseUrl + path);

        await AssertAccessibleAsync(page, name);
    }

    private async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, name + ".png"), FullPage = true });
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
        Assert.That(violations, Is.Empty, $"Accessibility problems on {page.Url}");
    }
}
