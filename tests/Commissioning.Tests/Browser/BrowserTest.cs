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
/// TestResults/screenshots for a person to look at, runs axe against WCAG 2.2 A and AA (and its
/// "region" rule: all content in landmarks), and fails on any content security policy violation
/// the page has logged. The NHS fonts' host (https://assets.nhs.uk) cannot be reached from here,
/// so pages made with <see cref="NewPageAsync"/> get a stand-in font at the same addresses: the
/// browser still asks for the fonts the frontend's stylesheet names, and the policy still decides
/// whether it may.
/// </summary>
[NonParallelizable]
public abstract class BrowserTest
{
    private readonly Dictionary<IPage, List<string>> _policyViolations = [];
    private SiteFactory _factory = null!;
    private IPlaywright _playwright = null!;
    private string _screenshots = null!;
    private byte[] _standInRegular = null!;
    private byte[] _standInBold = null!;

    /// <summary>The browser, started once for the fixture.</summary>
    protected IBrowser Browser { get; private set; } = null!;

    /// <summary>The site, for arranging data (accounts, tenders) through its services.</summary>
    private protected SiteFactory Site => _factory;

    /// <summary>The site's clock, for a fixture that moves time on; null for the system clock.</summary>
    private protected virtual TimeProvider? Clock => null;

    /// <summary>The site's address, such as http://127.0.0.1:41234.</summary>
    protected string BaseUrl { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartSiteAndBrowser()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        Assert.That(File.Exists(chromium), Is.True,
            $"Chromium was not found at {chromium}. The test command installs it (apt-get install chromium); or set CHROMIUM_PATH.");

        _factory = new SiteFactory(clock: Clock);
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

        // A sans-serif of the machine's stands in for Frutiger (Chromium's own dependencies bring
        // one): Liberation Sans, which has Arial's measures (the frontend's fallback), or DejaVu Sans.
        var fonts = Directory.Exists("/usr/share/fonts") ? Directory.EnumerateFiles("/usr/share/fonts", "*.ttf", SearchOption.AllDirectories).ToList() : [];
        string? Find(params string[] names) => names.Select(n => fonts.FirstOrDefault(f => Path.GetFileName(f) == n)).FirstOrDefault(f => f is not null);
        var regular = Find("LiberationSans-Regular.ttf", "DejaVuSans.ttf") ?? fonts.Order(StringComparer.Ordinal).FirstOrDefault();
        var bold = Find("LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf") ?? regular;
        Assert.That(regular, Is.Not.Null, "No TrueType font under /usr/share/fonts to stand in for the NHS fonts.");
        _standInRegular = await File.ReadAllBytesAsync(regular!);
        _standInBold = await File.ReadAllBytesAsync(bold!);
    }

    /// <summary>The NHS fonts' host, as the site's content security policy allows it.</summary>
    protected const string NhsFontHost = "https://assets.nhs.uk";

    /// <summary>How many font requests to the NHS fonts' host the stand-in has answered.</summary>
    protected int FontRequests { get; private set; }

    /// <summary>
    /// A new page in a context of its own that records content security policy violations (as
    /// Chromium reports them on the console) and answers the NHS fonts' requests with the stand-in.
    /// </summary>
    protected async Task<IPage> NewPageAsync(BrowserNewPageOptions? options = null) => await WatchedAsync(await Browser.NewPageAsync(options));

    /// <summary>
    /// A new page in a browser context the test made (one person's own cookies, for a journey
    /// where several people work side by side), watched as <see cref="NewPageAsync(BrowserNewPageOptions?)"/> watches its pages.
    /// </summary>
    protected async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await WatchedAsync(await context.NewPageAsync());
    }

    private async Task<IPage> WatchedAsync(IPage page)
    {
        var violations = new List<string>();
        _policyViolations[page] = violations;
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await page.RouteAsync(NhsFontHost + "/fonts/**", async route =>
        {
            FontRequests++;
            var bold = route.Request.Url.Contains("Bold", StringComparison.Ordinal);
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "font/woff2", BodyBytes = bold ? _standInBold : _standInRegular });
        });
        return page;
    }

    /// <summary>The content security policy violations a page made with <see cref="NewPageAsync"/> has logged.</summary>
    protected IReadOnlyList<string> PolicyViolations(IPage page) => _policyViolations.TryGetValue(page, out var found) ? found : [];

    [OneTimeTearDown]
    public async Task StopSiteAndBrowser()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        _factory.Dispose();
    }

    /// <summary>
    /// Saves the page as TestResults/screenshots/<paramref name="name"/>.png; fails on any WCAG 2.2
    /// A or AA problem axe finds, on content outside every landmark (axe's "region"), on any
    /// serious or critical best-practice finding, and on any content security policy violation.
    /// </summary>
    protected async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(name), FullPage = true });
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"] },
        });
        var violations = result.Violations
            .Where(v => !v.Tags.Contains("best-practice") || v.Id == "region" || v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
        Assert.That(violations, Is.Empty, $"Accessibility problems on {page.Url}");
        Assert.That(PolicyViolations(page), Is.Empty, $"Content security policy violations on {page.Url}");
        AccessibilityChecks++;
    }

    /// <summary>How many page states this fixture has checked.</summary>
    protected int AccessibilityChecks { get; private set; }

    /// <summary>Where a screenshot by this name is saved.</summary>
    protected string ScreenshotPath(string name) => Path.Combine(_screenshots, name + ".png");
}
