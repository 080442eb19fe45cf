using Commissioning.Core.Tailoring;
using Commissioning.Documents.Specification;
using Commissioning.Documents.Templates;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Documents.Specification.DocumentFixtures;

namespace Commissioning.Tests.Documents.Specification;

/// <summary>The tailored specification document: golden files, escaping, and what it must say.</summary>
public sealed class SpecificationDocumentTests
{
    private static string Collaborative(OutputFormat format) =>
        SpecificationDocuments.Render(TemplateSet.Shipped, Repository.Standards, Tailor.ForGroup(Repository.Standards, Members()), format);

    private static string Single(OutputFormat format) =>
        SpecificationDocuments.Render(TemplateSet.Shipped, Repository.Standards, Tailor.For(Repository.Standards, Profiles.GpPractice()), format);

    [TestCase(OutputFormat.Html, "collaborative.html")]
    [TestCase(OutputFormat.Markdown, "collaborative.md")]
    public void Render_TheExampleMembers_MatchesTheGoldenFile(OutputFormat format, string golden) =>
        AssertMatchesGolden("Specification", golden, Collaborative(format));

    [TestCase(OutputFormat.Html, "gp-practice.html")]
    [TestCase(OutputFormat.Markdown, "gp-practice.md")]
    public void Render_OneGpPractice_MatchesTheGoldenFile(OutputFormat format, string golden) =>
        AssertMatchesGolden("Specification", golden, Single(format));

    [Test]
    public void Render_Html_HasTheKpiScheduleWithEveryMeasureAndItsJudgements()
    {
        var html = Collaborative(OutputFormat.Html);

        var checkedMeasures = 0;
        foreach (var measure in KpiSchedule.Measures)
        {
            Assert.That(html, Does.Contain($"<tr id=\"{measure.Id}\">"), measure.Id);
            Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode(measure.Definition)), measure.Id);
            Assert.That(html, Does.Contain("Toolkit judgement: " + System.Net.WebUtility.HtmlEncode(char.ToUpperInvariant(measure.TargetReason[0]) + measure.TargetReason[1..])), measure.Id);
            checkedMeasures++;
        }

        Assert.That(checkedMeasures, Is.EqualTo(11));
    }

    [Test]
    public void Render_Html_MarksEveryToolkitJudgementOfAnApplyingRequirement_ButNotMaturity()
    {
        var specification = Tailor.For(Repository.Standards, Profiles.AcuteTrust());
        var html = SpecificationDocuments.Render(TemplateSet.Shipped, Repository.Standards, specification, OutputFormat.Html);

        var marks = 0;
        foreach (var item in specification.Applicable)
        {
            foreach (var judgement in item.Requirement.Judgements.Where(j => j.Field != Core.Standards.JudgedField.Maturity))
            {
                Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode(judgement.Reason) + "</p>"), $"{item.Requirement.Id} {judgement.Field}");
                marks++;
            }
        }

        Assert.That(html, Does.Not.Contain("Toolkit judgement, maturity"));
        Assert.That(marks, Is.GreaterThan(20), "judgements checked");
    }

    [Test]
    public void Render_AHostileOrganisationName_IsEscapedInHtml()
    {
        var html = SpecificationDocuments.Render(TemplateSet.Shipped, Repository.Standards, Tailor.For(Repository.Standards, Profiles.GpPractice(HostileName)), OutputFormat.Html);

        Assert.That(html, Does.Not.Contain("<script>").And.Not.Contain("<img src=x"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    [Test]
    public void Render_AHostileOrganisationName_IsEscapedInMarkdown()
    {
        var markdown = SpecificationDocuments.Render(TemplateSet.Shipped, Repository.Standards, Tailor.ForGroup(Repository.Standards, [Profiles.GpPractice(HostileName), Profiles.Hospice()]), OutputFormat.Markdown);
        var viewed = MarkdownToHtml(markdown);

        Assert.That(viewed, Does.Not.Contain("<script>").And.Not.Contain("<img").And.Not.Contain("javascript:alert(2)\""));
        Assert.That(viewed, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // The name's bar did not split the members table: every row of it has the table's five cells.
        var membersTable = viewed[viewed.IndexOf("<table>", StringComparison.Ordinal)..viewed.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.That(membersTable.Split("<tr>").Skip(1).Select(row => row.Split("<td").Length - 1 + row.Split("<th").Length - 1), Is.All.EqualTo(5));
    }
}
