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
/// What every browser test shares: the site on a real loopback port, headless Chromium
/// (Debian's package, driven by Playwright), and a check that saves a screenshot under
/// TestResults/screenshots for a person to look at and runs axe against WCAG 2.2 AA.
/// </summary>
[NonParallelizable]
public abstract class BrowserTest
{
    private SiteFactory _factory = null!;
    private IPlaywright _playwright = null!;
    private string _screenshots = null!;

    /// <summary>The browser, started once for the fixture.</summary>
    protected IBrowser Browser { get; private set; } = null!;

    /// <summary>The site, for arranging data (accounts, tenders) through its services.</summary>
    private protected SiteFactory Site => _factory;

    /// <summary>The site's address, such as http://127.0.0.1:41234.</summary>
    protected string BaseUrl { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartSiteAndBrowser()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        Assert.That(File.Exists(chromium), Is.True,
            $"Chromium was not found at {chromium}. The test command installs it (apt-get install chromium); or set CHROMIUM_PATH.");

        _factory = new SiteFactory();
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
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
        await Browser.DisposeAsync();
        _playwright.Dispose();
        _factory.Dispose();
    }

    /// <summary>Saves the page as TestResults/screenshots/<paramref name="name"/>.png and fails on any WCAG 2.2 AA problem axe finds.</summary>
    protected async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(name), FullPage = true });
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
        Assert.That(violations, Is.Empty, $"Accessibility problems on {page.Url}");
    }

    /// <summary>Where a screenshot by this name is saved.</summary>
    protected string ScreenshotPath(string name) => Path.Combine(_screenshots, name + ".png");
}
