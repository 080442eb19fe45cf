using Commissioning.Tests.Support;
using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// The moderator's journey in Chromium: from the lot's overview, agree a consensus where the
/// evaluators' scores differ, decide a gate and a price that may be abnormally low, and see the
/// lot's progress move. An evaluator's rationale and every reason typed carry markup that would
/// run if it were not encoded; no dialog opens and no such element appears. Every page is checked
/// with axe, at 1280 and at 360 pixels wide.
/// </summary>
public sealed class ModerationBrowserTests : BrowserTest
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "\"><img src=x onerror=alert(1)>";

    private readonly List<string> _dialogs = [];

    private async Task<IPage> SignedInAsync(string email, int width = 1280)
    {
        var page = await NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        page.Dialog += async (_, dialog) =>
        {
            _dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await page.GotoAsync(BaseUrl + "/account/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));
        return page;
    }

    private async Task CheckedAsync(IPage page, string name)
    {
        Assert.That(await page.Locator("img[src='x']").CountAsync(), Is.Zero, $"{name}: markup from a free-text field became an element");
        await AssertAccessibleAsync(page, name);
    }

    [Test]
    public async Task Moderator_ResolvesASpreadAGateAndAPrice_NothingTypedRuns()
    {
        var id = await ModerationTender.CreateAsync(Site, rationale: Script + Image);
        var page = await SignedInAsync(ModerationTender.ModeratorLotOne);

        await page.GotoAsync($"{BaseUrl}/tenders/{id}/moderate");
        await Assertions.Expect(page.Locator("#progress-consensus")).ToContainTextAsync("0 of 2 agreed");
        await page.GetByText("Rationales").First.ClickAsync();
        await Assertions.Expect(page.Locator("#scores")).ToContainTextAsync(Script + Image);
        await CheckedAsync(page, "moderation-overview");

        // The flagged spread: the evaluators' scores side by side, then the consensus.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a consensus for Q1 of bid-a" }).ClickAsync();
        await Assertions.Expect(page.Locator("#independent-scores")).ToContainTextAsync("Alex Morgan");
        await Assertions.Expect(page.Locator("#independent-scores")).ToContainTextAsync(Script + Image);
        await Assertions.Expect(page.Locator("#spread")).ToContainTextAsync("Large spread");
        await CheckedAsync(page, "moderation-consensus");
        await page.ClickAsync("button:has-text('Save the consensus score')");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Select the consensus score.");
        await CheckedAsync(page, "moderation-consensus-errors");
        await page.GetByLabel("2: Satisfactory").CheckAsync();
        await page.FillAsync("#reason", "The panel met; " + Image + "\n" + Script);
        await page.ClickAsync("button:has-text('Save the consensus score')");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The consensus score for Q1 of bid-a is saved.");
        await Assertions.Expect(page.Locator("#progress-consensus")).ToContainTextAsync("1 of 2 agreed");

        // A gate the declarations cannot decide.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record the decision on gate G2 for bid-b" }).ClickAsync();
        await Assertions.Expect(page.Locator("#gate-requires")).ToContainTextAsync("Decided by the panel.");
        await CheckedAsync(page, "moderation-gate");
        await page.GetByLabel("Yes, it passes").CheckAsync();
        await page.FillAsync("#reason", "Framework seen " + Script + Image);
        await page.ClickAsync("button:has-text('Save the decision')");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The decision on gate G2 for bid-b is saved.");
        await Assertions.Expect(page.Locator("#progress-gates")).ToContainTextAsync("1 of 3 recorded");

        // A price that may be abnormally low.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record the decision on the price of bid-b" }).ClickAsync();
        await Assertions.Expect(page.Locator("#price-figures")).ToContainTextAsync("£930,000.00 over 3 years");
        await CheckedAsync(page, "moderation-price");
        await page.GetByLabel("Bid excluded").CheckAsync();
        await page.FillAsync("#reason", "Staff costs below the minimum wage " + Image);
        await page.ClickAsync("button:has-text('Save the decision')");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The decision on the price of bid-b is saved.");
        await Assertions.Expect(page.Locator("#progress-prices")).ToContainTextAsync("1 of 1 recorded");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Framework seen " + Script + Image);
        await CheckedAsync(page, "moderation-overview-progress");

        // Every reason shown where it is read again.
        await page.GotoAsync($"{BaseUrl}/tenders/{id}/moderate/consensus?bid=bid-a&question=Q1");
        await Assertions.Expect(page.Locator("#consensus-recorded")).ToContainTextAsync(Image);
        await CheckedAsync(page, "moderation-consensus-recorded");
        await page.GotoAsync($"{BaseUrl}/tenders/{id}/moderate/gate?bid=bid-b&gate=G2");
        await Assertions.Expect(page.Locator("#gate-decision")).ToContainTextAsync(Script + Image);
        await CheckedAsync(page, "moderation-gate-recorded");
        await page.GotoAsync($"{BaseUrl}/tenders/{id}/moderate/price?bid=bid-b");
        await Assertions.Expect(page.Locator("#price-decision")).ToContainTextAsync(Image);
        await CheckedAsync(page, "moderation-price-recorded");

        // At 360 pixels wide.
        var narrow = await SignedInAsync(ModerationTender.ModeratorLotOne, width: 360);
        foreach (var (path, name) in new[]
        {
            ($"/tenders/{id}/moderate", "moderation-overview-360"),
            ($"/tenders/{id}/moderate/consensus?bid=bid-a&question=Q1", "moderation-consensus-360"),
            ($"/tenders/{id}/moderate/gate?bid=bid-b&gate=G2", "moderation-gate-360"),
            ($"/tenders/{id}/moderate/price?bid=bid-b", "moderation-price-360"),
        })
        {
            await narrow.GotoAsync(BaseUrl + path);
            await CheckedAsync(narrow, name);
        }

        Assert.That(_dialogs, Is.Empty, "a dialog opened: markup typed into a field ran");
        Assert.That(await page.EvaluateAsync<bool>("() => typeof window.alertCalled !== 'undefined'"), Is.False);
    }

    [Test]
    public async Task ModeratorOfLotOne_LotTwosPages_AreNotFound()
    {
        var id = await ModerationTender.CreateAsync(Site);
        var page = await SignedInAsync(ModerationTender.ModeratorLotOne);

        var response = await page.GotoAsync($"{BaseUrl}/tenders/{id}/moderate/consensus?bid=bid-d&question=Q1");

        Assert.That(response!.Status, Is.EqualTo(404));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
    }
}
