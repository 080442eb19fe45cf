using Commissioning.Tests.Support;
using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// A person's path through the site in headless Chromium (Debian's package, driven by
/// Playwright): start page, profile form with its errors, then the tailored specification. Each
/// page is checked with axe against WCAG 2.2 AA and saved as a screenshot under
/// TestResults/screenshots for a person to look at.
/// </summary>
public sealed class ProfileToSpecificationBrowserTests : BrowserTest
{
    [Test]
    public async Task PracticeManager_DescribesTheirOrganisation_AndGetsTheTailoredSpecification()
    {
        var page = await NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        await page.GotoAsync(BaseUrl + "/");
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
        await page.Locator("#hosts-medical-trainees").CheckAsync();
        await page.GetByLabel("Ionising radiation (for example radiology, nuclear medicine, radiotherapy)").CheckAsync();
        await page.GetByLabel("Clinical contact with blood or body fluids").CheckAsync();
        await page.GetByLabel("An external provider").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the specification" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What an occupational health service for Riverside Surgery must provide");
        // A GP practice that hosts GP trainees gets no ESR gate: the guide makes the link essential for trusts only.
        await Assertions.Expect(page.Locator("#gates")).Not.ToContainTextAsync("INF-03");
        await Assertions.Expect(page.Locator("tr", new() { Has = page.Locator("#req-inf-03") })).ToContainTextAsync("It is not essential here because the organisation is a GP practice or PCN");
        await Assertions.Expect(page.Locator("tr", new() { Has = page.Locator("#req-sub-06") })).ToContainTextAsync("Applies because staff work with ionising radiation.");
        // The practice employs doctors whether or not the box was ticked.
        await Assertions.Expect(page.Locator("#exposures")).ToContainTextAsync("counted because every GP practice or PCN does");
        await Assertions.Expect(page.Locator("tr", new() { Has = page.Locator("#req-sub-05") })).ToContainTextAsync("as a GP practice or PCN always does");
        await AssertAccessibleAsync(page, "specification");

        // Changing answers returns to the form with them filled in.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change your answers", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Name of your organisation")).ToHaveValueAsync("Riverside Surgery");
    }

    [Test]
    public async Task RuleSetPage_WhenPrinted_KeepsItsKeyAndEveryToolkitJudgement()
    {
        var page = await NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 1200 } });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        await page.GotoAsync(BaseUrl + "/standards/information-exchange");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("rule-set-print"), FullPage = true });

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
        var page = await NewPageAsync();

        await page.GotoAsync(BaseUrl + path);

        await AssertAccessibleAsync(page, name);
    }
}
