using Commissioning.Application.Accounts;
using Commissioning.Application;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;
using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// The award in Chromium under the Procurement Act 2023, with the site's clock in the test's hands:
/// the owner recommends the complete result for award, records each lot's award decision, the day
/// the assessment summaries were given and the day the contract award notice was published; the
/// award is refused until the standstill period has passed; the clock moves on; the owner awards
/// and the tender is locked. Hostile text in the approver, the note and a cancellation reason is
/// shown as text and never runs. Every page state is screenshotted (at 1280 and 360 pixels wide)
/// and checked with axe.
/// </summary>
public sealed class AwardBrowserTests : BrowserTest
{
    private const string Owner = "olive@example.nhs.uk";
    private const string Hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(1)>";

    private readonly ShiftedClock _clock = new();

    private protected override TimeProvider? Clock => _clock;

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(BaseUrl + "/account/sign-in");
        await page.FillAsync("#email", Owner);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));
    }

    private async Task CheckAsync(IPage page, string name)
    {
        await AssertAccessibleAsync(page, "award-" + name);
        await page.SetViewportSizeAsync(360, 800);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("award-" + name + "-360"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 800);
    }

    private static async Task FillDateAsync(IPage page, string id, DateOnly day)
    {
        await page.FillAsync($"#{id}-day", day.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync($"#{id}-month", day.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync($"#{id}-year", day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task AwardUnderTheAct_FromRecommendationThroughStandstillToAward_WithTheClockMovedOn()
    {
        await TestAccounts.CreateAsync(Site, Owner, roles: [SiteRoles.Commissioner], organisation: "North ICS", displayName: "Olive Owner");
        var owner = await AwardReady.UserAsync(Site, Owner);
        var id = await AwardReady.TenderAsync(Site, owner, act: true, until: TenderStage.Moderation);
        var other = (await TenderCalls.Of(Site.Services).ImportAsync(owner, AwardReady.ExampleFile(act: true))).Value;
        var today = _clock.Today;

        var page = await NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await SignInAsync(page);
        var tender = $"{BaseUrl}/tenders/{id}";

        // Recommend for award: the confirmation says what it means; the move happens on Confirm.
        await page.GotoAsync(tender + "/stage/award-recommended");
        await Assertions.Expect(page.Locator("#meaning")).ToContainTextAsync("The result is final");
        await CheckAsync(page, "confirm-recommend");
        await page.ClickAsync("button:has-text('Confirm')");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The tender is now at the stage: Award recommended.");
        await CheckAsync(page, "recommended");

        // The award decision for each lot, the first with hostile text; one with its errors first.
        await page.ClickAsync("button:has-text('Record the award decision')");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter who approved the award");
        await CheckAsync(page, "decision-errors");
        await page.CheckAsync("input[name='Award.LotId'][value='lot-1']");
        await page.FillAsync("#award-approved-by", Hostile);
        await FillDateAsync(page, "award-approved-on", today);
        await page.FillAsync("#award-note", Hostile);
        await page.ClickAsync("button:has-text('Record the award decision')");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The award decision for lot-1 is recorded.");
        await page.CheckAsync("input[name='Award.LotId'][value='lot-2']");
        await page.FillAsync("#award-approved-by", "The ICS board");
        await FillDateAsync(page, "award-approved-on", today);
        await page.ClickAsync("button:has-text('Record the award decision')");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Approved by {Hostile} on {TenderLifecycle.Day(today)}");
        await CheckAsync(page, "decisions-recorded");

        // Standstill is refused until the assessment summaries were given.
        await page.GotoAsync(tender + "/stage/standstill");
        await Assertions.Expect(page.Locator("#refusals")).ToContainTextAsync("Record the day the assessment summaries were given");
        await CheckAsync(page, "confirm-standstill-refused");

        await page.GotoAsync(tender + "/award");
        await FillDateAsync(page, "summaries-day", today);
        await page.ClickAsync("#summaries ~ form button:has-text('Record the date')");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("assessment summaries were given is recorded");

        // The contract award notice, from the task list's link to the move's confirmation.
        await page.ClickAsync("a:has-text('Publish the contract award notice')");
        await Assertions.Expect(page.Locator("legend")).ToContainTextAsync("The date the contract award notice was published");
        await CheckAsync(page, "confirm-standstill");
        await FillDateAsync(page, "move-notices-sent-on", today);
        await page.ClickAsync("button:has-text('Confirm')");
        var period = Standstill.For(ProcurementRegime.ProcurementAct2023, today, Commissioning.Application.BankHolidays.ForWorkingDays(ProcurementRegime.ProcurementAct2023));
        await Assertions.Expect(page.Locator("#standstill-last-day")).ToHaveTextAsync(TenderLifecycle.Day(period.LastDay));
        await Assertions.Expect(page.Locator("#contract-from")).ToHaveTextAsync(TenderLifecycle.Day(period.ContractMayBeEnteredFrom));
        await CheckAsync(page, "standstill");

        // Too early to award.
        await page.GotoAsync(tender + "/stage/awarded");
        await Assertions.Expect(page.Locator("#refusals")).ToContainTextAsync($"The standstill period ends at the end of {TenderLifecycle.Day(period.LastDay)}.");
        Assert.That(await page.Locator("button:has-text('Confirm')").CountAsync(), Is.Zero);
        await CheckAsync(page, "confirm-award-too-early");

        // The clock moves on to the first day the contract may be entered into.
        _clock.Offset = TimeSpan.FromDays(period.ContractMayBeEnteredFrom.DayNumber - today.DayNumber);
        await page.GotoAsync(tender + "/stage/awarded");
        if (page.Url.Contains("sign-in", StringComparison.Ordinal))
        {
            await SignInAsync(page);
            await page.GotoAsync(tender + "/stage/awarded");
        }

        await CheckAsync(page, "confirm-award");
        await page.ClickAsync("button:has-text('Confirm')");
        await Assertions.Expect(page.Locator("#locked")).ToContainTextAsync("The tender is locked");
        Assert.That(await page.Locator("main form").CountAsync(), Is.Zero, "nothing to record once awarded");
        await Assertions.Expect(page.Locator("#contract-details-due")).ToContainTextAsync(TenderLifecycle.Day(Standstill.ContractDetailsNoticeDue(period.ContractMayBeEnteredFrom)));
        await CheckAsync(page, "awarded");

        await page.GotoAsync(tender + "/award/notices");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("reg. 27(2)(e)(i)");
        await CheckAsync(page, "notices");

        // A cancellation reason with hostile text, shown on the tender and in the audit trail.
        await page.GotoAsync($"{BaseUrl}/tenders/{other}/stage/cancelled");
        await page.FillAsync("#move-reason", Hostile);
        await CheckAsync(page, "confirm-cancel");
        await page.ClickAsync("button:has-text('Confirm')");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Hostile);
        await page.GotoAsync($"{BaseUrl}/tenders/{other}/audit");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Hostile);

        Assert.That(dialogs, Is.Empty, "no script from the hostile text ran");
        Assert.That(await page.EvaluateAsync<int>("document.querySelectorAll('main img[src=x], main script').length"), Is.Zero);
    }
}
