using Commissioning.Tests.Support;
using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// The setup, import and people pages with the keyboard alone, as someone who does not use a
/// mouse would: the skip link, Tab from field to field, the error summary taking focus and its
/// links moving focus to the field, the file chooser asked for from the keyboard, an option chosen
/// by typing. Screenshots before, during (focus visible) and after are saved for a person to look at.
/// </summary>
public sealed class KeyboardBrowserTests : BrowserTest
{
    private const string Email = "alex@example.nhs.uk";

    private IPage _page = null!;
    private string _tender = null!;

    /// <summary>The three pages in the order a new service meets them: setup, then import, then people.</summary>
    [Test]
    public async Task SetupImportPeople_WithTheKeyboardOnly_EachFormDoesItsJob()
    {
        await SetupAsync();
        await ImportAsync();
        await PeopleAsync();
    }

    private static async Task<string> FocusedAsync(IPage page) =>
        await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? (e.id || e.className || e.tagName) : ''; }");

    /// <summary>Presses Tab until the element with this id has focus, and says how many presses it took.</summary>
    private static async Task<int> TabToAsync(IPage page, string id, int most = 40)
    {
        for (var presses = 0; presses <= most; presses++)
        {
            if (await FocusedAsync(page) == id)
            {
                return presses;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached #{id} (focus ended on {await FocusedAsync(page)})");
        return -1;
    }

    private async Task ShotAsync(string name) =>
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("keyboard-" + name), FullPage = true });

    /// <summary>Setup: errors first, then the first administrator.</summary>
    private async Task SetupAsync()
    {
        _page = await NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 900 } });
        await _page.GotoAsync(BaseUrl + "/setup");
        await ShotAsync("setup-before");

        // The skip link is the first stop, and takes focus past the header.
        await _page.Keyboard.PressAsync("Tab");
        Assert.That(await FocusedAsync(_page), Does.Contain("nhsuk-skip-link"));
        await ShotAsync("setup-skip-link");
        await _page.Keyboard.PressAsync("Enter");
        await TabToAsync(_page, "display-name", most: 1);

        // Sent empty: the error summary takes focus; its first link moves focus to the field.
        await TabToAsync(_page, "nhsuk-button", most: 5);
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page.Locator(".nhsuk-error-summary")).ToBeFocusedAsync();
        await ShotAsync("setup-errors");
        await _page.Keyboard.PressAsync("Tab");
        await _page.Keyboard.PressAsync("Enter");
        Assert.That(await FocusedAsync(_page), Is.EqualTo("display-name"), "the summary's link took focus to the field");

        await _page.Keyboard.TypeAsync("Alex Admin");
        await _page.Keyboard.PressAsync("Tab");
        await _page.Keyboard.TypeAsync(Email);
        await _page.Keyboard.PressAsync("Tab");
        await _page.Keyboard.TypeAsync(TestAccounts.Password);
        await _page.Keyboard.PressAsync("Tab");
        await _page.Keyboard.TypeAsync(TestAccounts.Password);
        await _page.Keyboard.PressAsync("Tab");
        Assert.That(await FocusedAsync(_page), Does.Contain("nhsuk-button"));
        await ShotAsync("setup-button-focused");
        await _page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Accounts");
        await ShotAsync("setup-after");
    }

    /// <summary>Import: the file chooser asked for from the keyboard.</summary>
    private async Task ImportAsync()
    {
        await _page.GotoAsync(BaseUrl + "/tenders/import");
        await ShotAsync("import-before");
        await TabToAsync(_page, "file");
        await ShotAsync("import-file-focused");

        // Enter on the drop zone's button must reach the file input, which opens the system's file
        // chooser. The chooser itself is the operating system's, so the test notes the input's click
        // (and stops the chooser opening), then gives the file as the chooser would.
        const string input = "input[type=file][name='Input.File']";
        await _page.EvalOnSelectorAsync(input, "input => { window.chooserAsked = false; input.addEventListener('click', e => { window.chooserAsked = true; e.preventDefault(); }); }");
        await _page.Keyboard.PressAsync("Enter");
        await _page.WaitForFunctionAsync("() => window.chooserAsked === true");
        await _page.SetInputFilesAsync(input, Path.Combine(Repository.Root, "examples", "ics-tender.json"));
        await Assertions.Expect(_page.Locator(".nhsuk-file-upload__status")).ToContainTextAsync("ics-tender.json");
        await ShotAsync("import-file-chosen");

        await _page.Keyboard.PressAsync("Tab");
        Assert.That(await FocusedAsync(_page), Does.Contain("nhsuk-button"));
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page.Locator("#stage-now")).ToHaveTextAsync("Draft");
        _tender = _page.Url;
        await ShotAsync("import-after");
    }

    /// <summary>People: give a role, then take it away from its own row.</summary>
    private async Task PeopleAsync()
    {
        await TestAccounts.CreateAsync(Site, "sam@example.nhs.uk", displayName: "Sam Evaluator");
        await _page.GotoAsync(_tender + "/people");
        await ShotAsync("people-before");

        await TabToAsync(_page, "person-email");
        await _page.Keyboard.TypeAsync("sam@example.nhs.uk");
        await _page.Keyboard.PressAsync("Tab");
        Assert.That(await FocusedAsync(_page), Is.EqualTo("person-role"));
        await _page.Keyboard.TypeAsync("Ev");
        await Assertions.Expect(_page.Locator("#person-role")).ToHaveValueAsync("Evaluator");
        await _page.Keyboard.PressAsync("Tab");
        await _page.Keyboard.TypeAsync("e1");
        await _page.Keyboard.PressAsync("Tab");
        await _page.Keyboard.TypeAsync("lot-1");
        await _page.Keyboard.PressAsync("Tab");
        Assert.That(await FocusedAsync(_page), Is.EqualTo("person-reason"));
        await _page.Keyboard.PressAsync("Tab");
        await ShotAsync("people-button-focused");
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("sam@example.nhs.uk is now an evaluator");
        await ShotAsync("people-added");

        // Take the role away from its own row: the row's reason box, then its button.
        var reason = await _page.Locator("input[name^='Remove.Reasons[']").Last.GetAttributeAsync("id");
        await TabToAsync(_page, reason!, most: 80);
        await _page.Keyboard.TypeAsync("Joined by mistake");
        await _page.Keyboard.PressAsync("Tab");
        Assert.That(await FocusedAsync(_page), Does.Contain("nhsuk-button"));
        await ShotAsync("people-remove-focused");
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The role was taken away.");
        await Assertions.Expect(_page.Locator("main table")).Not.ToContainTextAsync("Sam Evaluator");
        await ShotAsync("people-after");
    }
}
