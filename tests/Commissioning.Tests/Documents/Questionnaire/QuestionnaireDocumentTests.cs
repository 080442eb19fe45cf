using Commissioning.Core.Tenders;
using Commissioning.Documents.Questionnaire;
using Commissioning.Documents.Specification;
using Commissioning.Documents.Templates;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Documents.Specification.DocumentFixtures;

namespace Commissioning.Tests.Documents.Questionnaire;

/// <summary>The invitation-to-tender questionnaire: golden files, escaping, and what it must hold for each lot.</summary>
public sealed class QuestionnaireDocumentTests
{
    private static string Render(Tender tender, string? lot, OutputFormat format) =>
        QuestionnaireDocuments.Render(TemplateSet.Shipped, Repository.Standards, tender, lot, format);

    [TestCase(OutputFormat.Html, "ics-tender.html")]
    [TestCase(OutputFormat.Markdown, "ics-tender.md")]
    public void Render_TheExampleTender_MatchesTheGoldenFile(OutputFormat format, string golden) =>
        AssertMatchesGolden("Questionnaire", golden, Render(Tender(), null, format));

    [Test]
    public void Render_EveryLot_HasEachGateSectionQuestionAndPriceYear()
    {
        var tender = Tender();
        var html = Render(tender, null, OutputFormat.Html);

        var checkedParts = 0;
        foreach (var lot in tender.Lots)
        {
            Assert.That(html, Does.Contain($"<h2 id=\"{lot.Id}\">"));
            foreach (var gate in lot.Gates)
            {
                Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode(gate.Description)), $"{lot.Id} {gate.Id}");
                checkedParts++;
            }

            foreach (var question in lot.Questions)
            {
                Assert.That(html, Does.Contain($"id=\"{lot.Id}-{question.Id}\""), $"{lot.Id} {question.Id}");
                Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode(question.Text)), $"{lot.Id} {question.Id}");
                checkedParts++;
            }
        }

        Assert.That(checkedParts, Is.EqualTo(tender.Lots.Sum(l => l.Gates.Count + l.Questions.Count())));
        Assert.That(checkedParts, Is.GreaterThan(20));
        Assert.That(html, Does.Contain("<td>Contract year 3</td>"));
    }

    [Test]
    public void Render_OneLot_HasOnlyThatLot()
    {
        var html = Render(Tender(), "lot-2", OutputFormat.Html);

        Assert.That(html, Does.Contain("<h2 id=\"lot-2\">").And.Not.Contain("<h2 id=\"lot-1\">"));
    }

    [Test]
    public void Render_QuestionShares_MultiplyOutToTheQualityShare()
    {
        var tender = Tender();
        var model = QuestionnaireDocuments.Model(Repository.Standards, tender, null);

        var lots = 0;
        foreach (var (lot, part) in tender.Lots.Zip(model.Lots))
        {
            var total = part.Sections.SelectMany(s => s.Questions).Sum(q => decimal.Parse(q.ShareOfTotal.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture));
            Assert.That(total, Is.EqualTo(lot.QualitySharePercent).Within(0.01m * lot.Questions.Count()), lot.Id);
            lots++;
        }

        Assert.That(lots, Is.EqualTo(2));
    }

    [Test]
    public void Render_HostileTenderText_IsEscapedInHtmlAndMarkdown()
    {
        var tender = Tender();
        var lot = tender.Lots[0];
        var section = lot.Sections[0];
        var hostile = tender with
        {
            Title = HostileName,
            Members = [.. tender.Members.Select((m, i) => i == 0 ? m with { Profile = m.Profile with { Name = HostileName } } : m)],
            Lots = [lot with
            {
                Gates = [.. lot.Gates.Select((g, i) => i == 0 ? g with { Description = HostileName } : g)],
                Sections = [section with { Questions = [.. section.Questions.Select((q, i) => i == 0 ? q with { Text = HostileName } : q)] }, .. lot.Sections.Skip(1)],
            }, .. tender.Lots.Skip(1)],
        };

        var html = Render(hostile, null, OutputFormat.Html);
        var viewed = MarkdownToHtml(Render(hostile, null, OutputFormat.Markdown));

        foreach (var output in new[] { html, viewed })
        {
            Assert.That(output, Does.Not.Contain("<script>").And.Not.Contain("<img"));
            Assert.That(output, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        }

        Assert.That(viewed, Does.Not.Contain("href=\"javascript"));
    }
}
