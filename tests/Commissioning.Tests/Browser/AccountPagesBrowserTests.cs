using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// The setup page (the site in this fixture has no account) and the sign-in page with an error, as a
/// person sees them in headless Chromium; each checked with axe and saved under TestResults/screenshots.
/// </summary>
public sealed class AccountPagesBrowserTests : BrowserTest
{
    [Test]
    public async Task SetupPage_NoAccountYet_IsShownFromTheStartPage()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(BaseUrl + "/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Set up the first administrator" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Set up the first administrator");
        await Assertions.Expect(page.GetByLabel("Confirm password")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "setup");
    }

    [Test]
    public async Task SignInPage_WrongDetails_ShowsTheErrorSummary()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(BaseUrl + "/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("nobody@example.nhs.uk");
        await page.GetByLabel("Password").FillAsync("not the right password");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a correct email address and password");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: Sign in"));
        await AssertAccessibleAsync(page, "sign-in-error");
    }
}
