using Commissioning.Core.Tailoring;
using Commissioning.Documents.Questionnaire;
using Commissioning.Documents.Readiness;
using Commissioning.Documents.Specification;
using Commissioning.Documents.Templates;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Documents.Specification.DocumentFixtures;

namespace Commissioning.Tests.Documents.Specification;

/// <summary>
/// Each HTML document for the example files, printed to A4 in Chromium: no table is wider than
/// the page, and every table was measured. The PDFs are kept in TestResults/documents to read.
/// </summary>
[NonParallelizable]
public sealed class DocumentPrintingTests
{
    private static async Task AssertPrintsWithinThePage(string html, string name)
    {
        var tables = html.Split("<table").Length - 1;

        var result = await Printing.PrintAsync(html, name);

        Assert.That(tables, Is.GreaterThan(1));
        Assert.That(result.TablesMeasured, Is.EqualTo(tables));
        Assert.That(result.Overflowing, Is.Empty);
        Assert.That(result.PdfBytes, Is.GreaterThan(10_000));
    }

    [Test]
    public Task PrintAsync_TheCombinedSpecificationForTheExampleMembers_FitsTheTablesOnThePage() =>
        AssertPrintsWithinThePage(SpecificationDocuments.Render(TemplateSet.Shipped, Repository.Standards, Tailor.ForGroup(Repository.Standards, Members()), OutputFormat.Html), "specification-riverside-members");

    [Test]
    public Task PrintAsync_TheQuestionnaireForTheExampleTender_FitsTheTablesOnThePage() =>
        AssertPrintsWithinThePage(QuestionnaireDocuments.Render(TemplateSet.Shipped, Repository.Standards, Tender(), null, OutputFormat.Html), "questionnaire-ics-tender");

    [Test]
    public Task PrintAsync_TheReadinessReportForTheExampleDeclarations_FitsTheTablesOnThePage() =>
        AssertPrintsWithinThePage(ReadinessDocuments.Render(TemplateSet.Shipped, ExampleReadiness(), OutputFormat.Html), "readiness-provider-declarations");
}
