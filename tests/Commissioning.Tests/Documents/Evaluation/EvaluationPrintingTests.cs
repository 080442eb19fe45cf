using Commissioning.Documents.Evaluation;

namespace Commissioning.Tests.Documents.Evaluation;

/// <summary>The example tender's HTML documents, printed to A4 in Chromium: no table spills past the page.</summary>
[NonParallelizable]
public sealed class EvaluationPrintingTests
{
    [Test]
    public async Task EveryHtmlDocumentOfTheExampleTender_PrintsWithNoOverflowingTable()
    {
        var (result, robustness) = DocumentCases.Evaluate(DocumentCases.Example());
        var documents = new List<(string Name, string Html)>
        {
            ("evaluation-report", EvaluationDocuments.Report(result, robustness, [], DocumentOutput.Html, DocumentCases.Prepared)),
        };

        // Chromium is slow to start, so the summaries printed are one of each kind: a winner's,
        // an unsuccessful bidder's (with the winner's scores) and an excluded bidder's.
        string[] bids = ["bid-a", "bid-b", "bid-c"];
        documents.AddRange(bids.Select(b => ($"assessment-summary-{b}", EvaluationDocuments.AssessmentSummary(result, b, DocumentOutput.Html, DocumentCases.Prepared))));

        var measured = 0;
        foreach (var (name, html) in documents)
        {
            var printed = await Printing.PrintAsync(html, name);

            Assert.That(printed.Overflowing, Is.Empty, name);
            Assert.That(printed.TablesMeasured, Is.GreaterThanOrEqualTo(1), name);
            Assert.That(printed.PdfBytes, Is.GreaterThan(10_000), name);
            measured += printed.TablesMeasured;
        }

        // The report: per lot, weights, ranking and price methods, and gate outcomes and moderation
        // where there are any; each summary: its own scores and, but for the winner's, the winner's.
        Assert.That(result.Lots[0].Bids.Single(b => b.Bid.Id == "bid-c").Eligible, Is.False, "bid-c is the excluded one");
        Assert.That(documents, Has.Count.EqualTo(4));
        Assert.That(measured, Is.GreaterThanOrEqualTo(6 + 1 + 2 + 2));
    }
}
