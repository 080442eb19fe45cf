using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// The NHS fonts and the content security policy in a real browser. The frontend's stylesheet
/// loads Frutiger from the NHS font host; the policy allows exactly that host, so the fonts load
/// without a violation. The host cannot be reached from the test machine, so a stand-in font is
/// served at the same addresses (<see cref="BrowserTest.NewPageAsync"/>): what is tested is that
/// the browser asks for them, the policy lets it, and the page then draws in the face the
/// stylesheet names.
/// </summary>
public sealed class FontsAndPolicyBrowserTests : BrowserTest
{
    [TestCase("/", TestName = "NhsFonts_StartPage_LoadFromTheFontHostWithNoPolicyViolation")]
    [TestCase("/specification/profile", TestName = "NhsFonts_AFormPage_LoadFromTheFontHostWithNoPolicyViolation")]
    public async Task NhsFonts(string path)
    {
        var page = await NewPageAsync();
        var before = FontRequests;
        await page.GotoAsync(BaseUrl + path);
        await page.EvaluateAsync("() => document.fonts.ready");

        var family = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        var loaded = await page.EvaluateAsync<string[]>("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('\"', '') + ' ' + f.weight)");
        Assert.Multiple(() =>
        {
            Assert.That(family.Replace("\"", string.Empty, StringComparison.Ordinal), Does.StartWith("Frutiger W01,"), "the page asks for Frutiger first");
            Assert.That(loaded, Does.Contain("Frutiger W01 400"), "the regular weight loaded");
            Assert.That(FontRequests - before, Is.GreaterThan(0), "the browser asked the NHS font host");
            Assert.That(PolicyViolations(page), Is.Empty, "no content security policy violation");
        });
        await AssertAccessibleAsync(page, "fonts" + path.Replace('/', '-').TrimEnd('-'));
    }

    [Test]
    public async Task PolicyViolations_AFontTheDocumentsPolicyBlocks_AreCaught()
    {
        // A page of its own whose policy allows no fonts: the check must see Chromium's report.
        var page = await NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="font-src 'none'">
            <style>@font-face { font-family: Blocked; src: url(https://assets.nhs.uk/fonts/blocked.woff2) format("woff2"); } p { font-family: Blocked; }</style>
            </head><body><p>Text</p></body></html>
            """);
        await page.EvaluateAsync("() => document.fonts.ready");
        for (var wait = 0; wait < 50 && PolicyViolations(page).Count == 0; wait++)
        {
            await Task.Delay(100);
        }

        Assert.That(PolicyViolations(page), Has.Some.Contains("font-src"));
    }
}
