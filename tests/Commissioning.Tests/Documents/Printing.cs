using Commissioning.Tests.Support;
using Microsoft.Playwright;

namespace Commissioning.Tests.Documents;

/// <summary>
/// Prints an HTML document to PDF in headless Chromium (Debian's package, through Playwright) the
/// way a person would from the browser, and measures, under print media on an A4 page, every
/// table and preformatted block that is wider than its column. Used by the golden tests of each
/// HTML document; the PDFs are kept under TestResults/documents for a person to read.
/// </summary>
internal static class Printing
{
    /// <summary>What printing found.</summary>
    /// <param name="PdfPath">Where the PDF was written.</param>
    /// <param name="PdfBytes">Its size.</param>
    /// <param name="Overflowing">Each element wider than the page's text column, described by tag, caption or first words, and its widths.</param>
    /// <param name="TablesMeasured">How many tables were measured (so a check cannot pass by measuring none).</param>
    internal sealed record Result(string PdfPath, long PdfBytes, IReadOnlyList<string> Overflowing, int TablesMeasured);

    // Measures in print media: an element whose scroll width is more than its own or its parent's
    // client width spills past the page's text column.
    private const string MeasureScript = """
        () => {
          const out = [];
          let tables = 0;
          for (const el of document.querySelectorAll('table, pre')) {
            if (el.tagName === 'TABLE') tables++;
            const parent = el.parentElement;
            const limit = Math.min(el.clientWidth || Infinity, parent ? parent.clientWidth : Infinity, document.body.clientWidth);
            const wide = Math.max(el.scrollWidth, el.getBoundingClientRect().width);
            if (wide > limit + 1) {
              const label = (el.querySelector('caption')?.textContent || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
              out.push(`${el.tagName.toLowerCase()} "${label}" is ${Math.round(wide)}px wide in a ${Math.round(limit)}px column`);
            }
          }
          return { out, tables };
        }
        """;

    /// <summary>Prints <paramref name="html"/> to TestResults/documents/<paramref name="name"/>.pdf.</summary>
    internal static async Task<Result> PrintAsync(string html, string name)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        Assert.That(File.Exists(chromium), Is.True,
            $"Chromium was not found at {chromium}. The test command installs it (apt-get install chromium); or set CHROMIUM_PATH.");

        var folder = Path.Combine(Repository.Root, "TestResults", "documents");
        Directory.CreateDirectory(folder);
        var pdfPath = Path.Combine(folder, name + ".pdf");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });

        // A4 at 96 dpi is 794 px wide; the document's own print stylesheet sets the margins.
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 794, Height = 1123 } });
        await page.RouteAsync("**/*", route => route.Request.Url.StartsWith("data:", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        await page.SetContentAsync(html);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var measured = await page.EvaluateAsync<System.Text.Json.JsonElement>(MeasureScript);
        var overflowing = measured.GetProperty("out").EnumerateArray().Select(e => e.GetString()!).ToList();
        var tables = measured.GetProperty("tables").GetInt32();
        await page.PdfAsync(new PagePdfOptions { Path = pdfPath, Format = "A4", PrintBackground = true, PreferCSSPageSize = true });

        return new Result(pdfPath, new FileInfo(pdfPath).Length, overflowing, tables);
    }
}
