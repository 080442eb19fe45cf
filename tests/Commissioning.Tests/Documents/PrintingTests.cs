namespace Commissioning.Tests.Documents;

/// <summary>The print check used by the document tests finds a table too wide for an A4 page and passes one that fits.</summary>
[NonParallelizable]
public sealed class PrintingTests
{
    private const string Page = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>
        <style>@page { size: A4; margin: 20mm; } body { font-family: Arial, sans-serif; } table { border-collapse: collapse; }</style>
        </head><body><h1>Check</h1>{0}</body></html>
        """;

    [Test]
    public async Task PrintAsync_ATableWiderThanThePage_IsReported()
    {
        var cells = string.Concat(Enumerable.Range(1, 30).Select(i => $"<td>Column{i}-with-a-long-unbreakable-value</td>"));
        var result = await Printing.PrintAsync(Page.Replace("{0}", $"<table><caption>Too wide</caption><tr>{cells}</tr></table>", StringComparison.Ordinal), "printing-check-wide");

        Assert.That(result.TablesMeasured, Is.EqualTo(1));
        Assert.That(result.Overflowing, Has.Count.EqualTo(1));
        Assert.That(result.Overflowing[0], Does.StartWith("table \"Too wide"));
    }

    [Test]
    public async Task PrintAsync_ATableThatFits_IsNotReported_AndAPdfIsWritten()
    {
        var result = await Printing.PrintAsync(Page.Replace("{0}", "<table><caption>Fits</caption><tr><td>Quality</td><td>70%</td></tr></table>", StringComparison.Ordinal), "printing-check-fits");

        Assert.That(result.TablesMeasured, Is.EqualTo(1));
        Assert.That(result.Overflowing, Is.Empty);
        Assert.That(File.ReadAllBytes(result.PdfPath).Take(5), Is.EqualTo("%PDF-"u8.ToArray()));
    }
}
