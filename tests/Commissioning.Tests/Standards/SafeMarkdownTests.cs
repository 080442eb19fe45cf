using Commissioning.Core.Standards;

namespace Commissioning.Tests.Standards;

/// <summary>Markdown is rendered with raw HTML off and unsafe link schemes removed.</summary>
public sealed class SafeMarkdownTests
{
    [TestCase("[x](javascript:alert(1))")]
    [TestCase("[x](JaVaScRiPt:alert(1))")]
    [TestCase("[x](java&#x09;script:alert(1))")]
    [TestCase("[x](<java\tscript:alert(1)>)")]
    [TestCase("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [TestCase("![x](javascript:alert(1))")]
    [TestCase("<javascript:alert(1)>")]
    [TestCase("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [TestCase("[x](vbscript:msgbox)")]
    public void UnsafeLinkSchemes_ArePointedAtHash(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.That(html, Does.Not.Contain("script:").IgnoreCase.And.Not.Contain("data:"));
        Assert.That(html, Does.Contain("\"#\""));
    }

    [TestCase("[NHS](https://www.nhs.uk)", "href=\"https://www.nhs.uk\"")]
    [TestCase("[mail](mailto:oh@example.nhs.uk)", "href=\"mailto:oh@example.nhs.uk\"")]
    [TestCase("[page](/standards/staffing)", "href=\"/standards/staffing\"")]
    [TestCase("[anchor](#gov-01)", "href=\"#gov-01\"")]
    public void SafeLinks_AreKept(string markdown, string expected)
    {
        Assert.That(SafeMarkdown.ToHtml(markdown), Does.Contain(expected));
    }

    [TestCase("<script>alert(1)</script>")]
    [TestCase("<img src=x onerror=alert(1)>")]
    [TestCase("<div onclick=\"alert(1)\">hi</div>")]
    public void RawHtml_IsEscaped(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<img").And.Not.Contain("<div"));
        Assert.That(html, Does.Contain("&lt;"));
    }

    [Test]
    public void GenericAttributes_AreNotEnabled()
    {
        var html = SafeMarkdown.ToHtml("# Title {onclick=\"alert(1)\"}");

        Assert.That(html, Does.Not.Contain("onclick=\""));
    }
}
