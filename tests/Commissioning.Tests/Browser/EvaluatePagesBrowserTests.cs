using Commissioning.Tests.Support;
using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// The evaluator's journey in Chromium: Alex declares no conflict, scores both answers in the
/// queue with "Save and next", checks and submits, all with the keyboard alone; Sam's submitted
/// rationale never appears on Alex's pages. Then the conflict journey: Alex declares a conflict
/// (hostile text in the details and the rationale), the owner decides with a hostile reason;
/// every page that shows the text is opened, at desktop and phone widths, and no script runs.
/// Every page state is checked with axe and screenshotted.
/// </summary>
public sealed class EvaluatePagesBrowserTests : BrowserTest
{
    private const string Hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(1)>";

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

    private static async Task<string> FocusedAsync(IPage page) =>
        await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? ((e.id || '') + '|' + (e.textContent || '').trim().replace(/\\s+/g, ' ')) : ''; }");

    /// <summary>Presses Tab until the focused element's id is <paramref name="id"/>, or its text starts with <paramref name="text"/>.</summary>
    private static async Task TabToAsync(IPage page, string? id = null, string? text = null, int most = 60)
    {
        for (var presses = 0; presses <= most; presses++)
        {
            var focused = await FocusedAsync(page);
            var (focusedId, focusedText) = (focused.Split('|', 2)[0], focused.Split('|', 2)[1]);
            if ((id is not null && focusedId == id) || (text is not null && focusedText.StartsWith(text, StringComparison.Ordinal)))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {id ?? text} (focus ended on {await FocusedAsync(page)})");
    }

    [Test]
    public async Task DeclareScoreCheckSubmit_WithTheKeyboardOnly_ScoresAreSubmittedAndOthersStayHidden()
    {
        var id = await EvaluationTender.ArrangeAsync(Site);
        var tender = $"{BaseUrl}/tenders/{id}";
        var page = await SignedInAsync(EvaluationTender.AlexEmail);

        // The queue: scoring waits for the declaration.
        await page.GotoAsync(tender + "/evaluate");
        await Assertions.Expect(page.Locator(".nhsuk-card--warning")).ToContainTextAsync("Declare whether you have a conflict of interest");
        await AssertAccessibleAsync(page, "evaluate-worklist-undeclared");
        await TabToAsync(page, text: "Declare conflicts of interest");
        await page.Keyboard.PressAsync("Enter");

        // The declaration: the bidders named; sent empty first, then "no conflict" with Space.
        await Assertions.Expect(page.Locator("#bidders")).ToContainTextAsync("Alpha OH Ltd");
        await Assertions.Expect(page.Locator("#bidders")).ToContainTextAsync("Beta Health's OH");
        await AssertAccessibleAsync(page, "evaluate-declaration");
        await TabToAsync(page, text: "Save your declaration");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Select whether you have a conflict of interest with any of these bidders");
        await AssertAccessibleAsync(page, "evaluate-declaration-errors");
        await TabToAsync(page, id: "has-conflict");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#has-conflict")).ToBeCheckedAsync();
        await TabToAsync(page, text: "Save your declaration");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("You declared no conflict of interest");
        await Assertions.Expect(page.Locator("#progress")).ToHaveTextAsync("0 of 2 scored, 2 left");
        await AssertAccessibleAsync(page, "evaluate-worklist-declared");

        // The first answer: the score with the arrow keys in its group, the reason typed, "Save and next".
        await TabToAsync(page, text: "Q1: Prevention");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Q1: Prevention");
        var answer = System.Text.RegularExpressions.Regex.Replace(await page.InnerHTMLAsync("#answer"), @"\s+", " ");
        Assert.That(answer, Does.Contain("<p> We run clinics. <br> Every weekday from 8am. </p> <p> We &lt;b&gt;never&lt;/b&gt; miss &amp; we report monthly. </p>"), "line breaks kept, markup shown as text");
        Assert.That(await page.Locator("main .nhsuk-radios__input").CountAsync(), Is.EqualTo(5), "0 to 4");
        Assert.That(await page.InnerTextAsync("main"), Does.Contain("3: Good").And.Contain("Meets the requirement fully, with clear evidence").And.Not.Contain("£"));
        await AssertAccessibleAsync(page, "evaluate-score");
        await TabToAsync(page, id: "score");
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await Assertions.Expect(page.Locator("input[name='Input.Score'][value='3']")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.That((await FocusedAsync(page)).Split('|')[0], Is.EqualTo("rationale"));
        await page.Keyboard.TypeAsync("Clinics every weekday; monthly reports. " + Hostile);
        await TabToAsync(page, text: "Save and next");
        await page.Keyboard.PressAsync("Enter");

        // The second: "Save and next" from the last goes to the check page.
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your draft score for Q1 of Alpha OH Ltd's bid is saved");
        await Assertions.Expect(page.Locator(".nhsuk-caption-l")).ToContainTextAsync("Beta Health's OH");
        await TabToAsync(page, id: "score");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Meets it with some evidence.");
        await TabToAsync(page, text: "Save and next");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your scores before you submit");
        await Assertions.Expect(page.Locator("#progress")).ToHaveTextAsync("2 of 2 scored, 0 left.");
        await AssertAccessibleAsync(page, "evaluate-check");

        // Before submitting, none of Alex's pages shows Sam's submitted rationale.
        var html = await page.ContentAsync();
        await page.GotoAsync(tender + "/evaluate");
        html += await page.ContentAsync();
        await page.GotoAsync(tender + "/evaluate/score?evaluator=e1&bid=bid-a&question=Q1");
        html += await page.ContentAsync();
        Assert.That(html, Does.Not.Contain("Sam-only reasoning"));
        Assert.That(await page.InputValueAsync("#rationale"), Does.EndWith(Hostile), "the hostile rationale comes back as text");
        Assert.That(await page.InnerHTMLAsync("main"), Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));

        await page.GotoAsync(tender + "/evaluate/check?evaluator=e1");
        await TabToAsync(page, text: "Submit your scores");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".nhsuk-panel")).ToContainTextAsync("Scores submitted");
        await Assertions.Expect(page.Locator(".nhsuk-panel")).ToContainTextAsync("You submitted 2 scores.");
        await AssertAccessibleAsync(page, "evaluate-submitted");

        // Locked: the scoring page shows the score, with no form.
        await page.GotoAsync(tender + "/evaluate/score?evaluator=e1&bid=bid-a&question=Q1");
        Assert.That(await page.Locator("main form[method='post']").CountAsync(), Is.Zero);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("You have submitted your scores.");
        await AssertAccessibleAsync(page, "evaluate-score-submitted");
        Assert.That(_dialogs, Is.Empty, "no script from the text ran");
    }

    [Test]
    public async Task ConflictDeclaredAndDecided_HostileTextEverywhereItShows_NothingRunsAtEitherWidth()
    {
        var id = await EvaluationTender.ArrangeAsync(Site);
        var tender = $"{BaseUrl}/tenders/{id}";
        foreach (var width in new[] { 1280, 360 })
        {
            var alex = await SignedInAsync(EvaluationTender.AlexEmail, width);
            await alex.GotoAsync(tender + "/evaluate/declaration?evaluator=e1");
            await alex.CheckAsync("input[name='Input.HasConflict'][value='yes']");
            await alex.FillAsync("#details", $"My sister works for Beta ({width}). {Hostile}");
            await alex.ClickAsync("button:has-text('Save your declaration')");
            await Assertions.Expect(alex.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your scoring is paused");
            await Assertions.Expect(alex.Locator(".nhsuk-card--warning")).ToContainTextAsync("The tender's owner must decide whether you may score");
            await Assertions.Expect(alex.Locator("main")).ToContainTextAsync(Hostile);
            await AssertAccessibleAsync(alex, $"evaluate-worklist-paused-{width}");
            await alex.GotoAsync(tender + "/evaluate/score?evaluator=e1&bid=bid-a&question=Q1");
            await Assertions.Expect(alex.Locator(".nhsuk-card--warning")).ToContainTextAsync("owner must decide");
            Assert.That(await alex.Locator("#answer").CountAsync(), Is.Zero, "the bid is not shown while scoring is paused");

            var owner = await SignedInAsync(EvaluationTender.OwnerEmail, width);
            await owner.GotoAsync(tender + "/conflicts");
            await Assertions.Expect(owner.Locator("main")).ToContainTextAsync(Hostile);
            await Assertions.Expect(owner.Locator("main")).ToContainTextAsync("Waiting for a decision");
            await AssertAccessibleAsync(owner, $"evaluate-conflicts-waiting-{width}");
            await owner.ClickAsync("a:has-text('Decide')");
            await Assertions.Expect(owner.Locator("#details")).ToContainTextAsync(Hostile);
            await AssertAccessibleAsync(owner, $"evaluate-decide-{width}");
            await owner.ClickAsync("button:has-text('Save the decision')");
            await Assertions.Expect(owner.Locator(".nhsuk-error-summary")).ToContainTextAsync("Select whether this evaluator may continue to score");
            await AssertAccessibleAsync(owner, $"evaluate-decide-errors-{width}");
            await owner.CheckAsync("input[name='Input.Decision'][value='continue']");
            await owner.FillAsync("#reason", "Alex will not score Beta alone; the moderator reviews. " + Hostile);
            await owner.ClickAsync("button:has-text('Save the decision')");
            await Assertions.Expect(owner.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Evaluator e1 may continue to score.");
            await Assertions.Expect(owner.Locator("main")).ToContainTextAsync("May continue to score");
            await AssertAccessibleAsync(owner, $"evaluate-conflicts-decided-{width}");

            await alex.GotoAsync(tender + "/evaluate");
            await Assertions.Expect(alex.Locator("main")).ToContainTextAsync("decided you may score: Alex will not score Beta alone");
            await AssertAccessibleAsync(alex, $"evaluate-worklist-may-continue-{width}");

            // A score with a hostile reason, then the same draft saved from an older tab: the conflict is explained.
            await alex.GotoAsync(tender + "/evaluate/score?evaluator=e1&bid=bid-b&question=Q1&order=question");
            var older = await SignedInAsync(EvaluationTender.AlexEmail, width);
            await older.GotoAsync(tender + "/evaluate/score?evaluator=e1&bid=bid-b&question=Q1&order=question");
            await alex.CheckAsync("input[name='Input.Score'][value='2']");
            await alex.FillAsync("#rationale", $"Some evidence ({width}). {Hostile}");
            await alex.ClickAsync("button[value='save']");
            await Assertions.Expect(alex.Locator(".nhsuk-notification-banner")).ToContainTextAsync("is saved");
            if (width == 1280)
            {
                await older.CheckAsync("input[name='Input.Score'][value='4']");
                await older.FillAsync("#rationale", "From the older tab.");
                await older.ClickAsync("button[value='save']");
                await Assertions.Expect(older.Locator(".nhsuk-error-summary")).ToContainTextAsync("saved in another tab or window after you opened this page");
                await Assertions.Expect(older.Locator("#saved-since")).ToContainTextAsync(Hostile);
                await AssertAccessibleAsync(older, "evaluate-score-saved-since");
            }

            await alex.SetViewportSizeAsync(width, 900);
            await AssertAccessibleAsync(alex, $"evaluate-score-hostile-{width}");
            await alex.GotoAsync(tender + "/evaluate?order=question");
            await AssertAccessibleAsync(alex, $"evaluate-worklist-by-question-{width}");
            await alex.GotoAsync(tender + "/evaluate/check?evaluator=e1&order=question");
            await Assertions.Expect(alex.Locator("#missing")).ToContainTextAsync("Score Q1 (Prevention) for Alpha OH Ltd");
            await AssertAccessibleAsync(alex, $"evaluate-check-missing-{width}");
            await alex.CloseAsync();
            await owner.CloseAsync();
            await older.CloseAsync();
        }

        Assert.That(_dialogs, Is.Empty, "no script from the text ran");
    }
}
