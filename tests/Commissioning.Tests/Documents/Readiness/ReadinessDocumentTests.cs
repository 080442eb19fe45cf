using Commissioning.Core.Readiness;
using Commissioning.Documents.Readiness;
using Commissioning.Documents.Specification;
using Commissioning.Documents.Templates;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Documents.Specification.DocumentFixtures;

namespace Commissioning.Tests.Documents.Readiness;

/// <summary>The provider readiness report: golden files, escaping, and the gaps it must show.</summary>
public sealed class ReadinessDocumentTests
{
    [TestCase(OutputFormat.Html, "lot-1.html")]
    [TestCase(OutputFormat.Markdown, "lot-1.md")]
    public void Render_TheExampleDeclarationsAgainstLot1_MatchesTheGoldenFile(OutputFormat format, string golden) =>
        AssertMatchesGolden("Readiness", golden, ReadinessDocuments.Render(TemplateSet.Shipped, ExampleReadiness(), format));

    [Test]
    public void Render_Html_ShowsTheFailingGate_AndEveryMustAndShouldGapWithItsEvidence()
    {
        var report = ExampleReadiness();
        var html = ReadinessDocuments.Render(TemplateSet.Shipped, report, OutputFormat.Html);

        Assert.That(report.GatesFailed.Select(g => g.Id), Is.EqualTo(new[] { "G2" }), "the example's ESR interface is only planned");
        Assert.That(html, Does.Contain("<span class=\"tag tag-fail\">Would fail</span> <strong>G2</strong>"));
        var gaps = 0;
        foreach (var gap in report.MustGaps.Concat(report.ShouldGaps))
        {
            Assert.That(html, Does.Contain($"id=\"gap-{gap.Requirement.Id}\""), gap.Requirement.Id);
            Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode(string.Join("; ", gap.Requirement.Evidence))), gap.Requirement.Id);
            gaps++;
        }

        Assert.That(gaps, Is.EqualTo(report.MustGaps.Count() + report.ShouldGaps.Count()).And.GreaterThan(3));
    }

    [Test]
    public void Render_AHostileProviderNameAndEvidence_IsEscapedInHtmlAndMarkdown()
    {
        var (_, declarations) = Declarations();
        var hostile = declarations with { Evidence = new Dictionary<string, IReadOnlyList<string>>(declarations.Evidence) { ["INF-03"] = [HostileName] } };
        var report = ReadinessCheck.AgainstTender(Repository.Standards, Tender(), HostileName, hostile, "lot-1");

        var html = ReadinessDocuments.Render(TemplateSet.Shipped, report, OutputFormat.Html);
        var viewed = MarkdownToHtml(ReadinessDocuments.Render(TemplateSet.Shipped, report, OutputFormat.Markdown));

        foreach (var output in new[] { html, viewed })
        {
            Assert.That(output, Does.Not.Contain("<script>").And.Not.Contain("<img"));
            Assert.That(output.Split("&lt;script&gt;alert(1)&lt;/script&gt;").Length - 1, Is.GreaterThanOrEqualTo(2), "the name in the title and the evidence held");
        }

        Assert.That(viewed, Does.Not.Contain("href=\"javascript"));
    }
}
