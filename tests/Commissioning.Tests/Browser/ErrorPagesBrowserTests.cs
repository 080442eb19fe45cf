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
/// The error pages as a person sees them in headless Chromium: a form sent after its cookie was
/// lost (400), a form too large (413), a method the site does not answer (405; PUT, because
/// Chromium itself refuses to send TRACE) and a missing page (404). Each is checked with axe
/// against WCAG 2.2 AA and saved under TestResults/screenshots.
/// </summary>
[NonParallelizable]
public sealed class ErrorPagesBrowserTests
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
    public async Task FormSentAfterItsCookieWasLost_ShowsTheProblemWithYourRequestPage()
    {
        var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(_baseUrl + "/specification/profile");
        await context.ClearCookiesAsync();

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Show the specification" }).ClickAsync(),
            r => r.Url.EndsWith("/specification/profile", StringComparison.Ordinal) && r.Request.Method == "POST");

        Assert.That(response.Status, Is.EqualTo(400));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sorry, there was a problem with your request");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("your browser blocks cookies from this service");
        await AssertAccessibleAsync(page, "error-400");
        await context.CloseAsync();
    }

    [Test]
    public async Task FormTooLarge_ShowsTheTooLargePage()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_baseUrl + "/specification/profile");
        await page.GetByLabel("Name of your organisation").EvaluateAsync("(el, n) => el.value = 'a'.repeat(n)", 2 * 1024 * 1024);

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Show the specification" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.That(response.Status, Is.EqualTo(413));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sorry, what you sent was too large");
        await AssertAccessibleAsync(page, "error-413");
    }

    [Test]
    public async Task UnknownMethod_ShowsTheMethodNotAllowedPage()
    {
        var page = await _browser.NewPageAsync();
        await page.RouteAsync("**/standards", route => route.ContinueAsync(new RouteContinueOptions { Method = "PUT" }));

        var response = await page.GotoAsync(_baseUrl + "/standards");

        Assert.That(response!.Status, Is.EqualTo(405));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sorry, this page cannot be used in that way");
        await AssertAccessibleAsync(page, "error-405");
    }

    [Test]
    public async Task MissingPage_ShowsPageNotFound()
    {
        var page = await _browser.NewPageAsync();

        var response = await page.GotoAsync(_baseUrl + "/no-such-page");

        Assert.That(response!.Status, Is.EqualTo(404));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await page.GetByRole(AriaRole.Link, new() { Name = "browse the standards" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(_baseUrl + "/standards");
        await page.GoBackAsync();
        await AssertAccessibleAsync(page, "error-404");
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
