using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// The error pages as a person sees them in headless Chromium: a form sent after its cookie was
/// lost (400), a form too large (413), a method the site does not answer (405; PUT, because
/// Chromium itself refuses to send TRACE) and a missing page (404). Each is checked with axe
/// against WCAG 2.2 AA and saved under TestResults/screenshots.
/// </summary>
public sealed class ErrorPagesBrowserTests : BrowserTest
{
    [Test]
    public async Task FormSentAfterItsCookieWasLost_ShowsTheProblemWithYourRequestPage()
    {
        var page = await NewPageAsync();
        var context = page.Context;
        await page.GotoAsync(BaseUrl + "/specification/profile");
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
        var page = await NewPageAsync();
        await page.GotoAsync(BaseUrl + "/specification/profile");
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
        var page = await NewPageAsync();
        await page.RouteAsync("**/standards", route => route.ContinueAsync(new RouteContinueOptions { Method = "PUT" }));

        var response = await page.GotoAsync(BaseUrl + "/standards");

        Assert.That(response!.Status, Is.EqualTo(405));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sorry, this page cannot be used in that way");
        await AssertAccessibleAsync(page, "error-405");
    }

    [Test]
    public async Task MissingPage_ShowsPageNotFound()
    {
        var page = await NewPageAsync();

        var response = await page.GotoAsync(BaseUrl + "/no-such-page");

        Assert.That(response!.Status, Is.EqualTo(404));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await page.GetByRole(AriaRole.Link, new() { Name = "browse the standards" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(BaseUrl + "/standards");
        await page.GoBackAsync();
        await AssertAccessibleAsync(page, "error-404");
    }
}
