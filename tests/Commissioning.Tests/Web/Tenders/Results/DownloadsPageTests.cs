using System.Net;
using System.Text;
using ClosedXML.Excel;
using Commissioning.Core.Lifecycle;
using Commissioning.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Web.Tenders.Results;

/// <summary>
/// The downloads of a tender's results (<c>/tenders/{id}/results/downloads</c>): each file with
/// its content type and a safe attachment name; who may have which; and each document the same
/// as the command line's for the same tender state (the tender file downloaded from the site,
/// given to the command line with the same clock).
/// </summary>
[NonParallelizable]
public sealed class DownloadsPageTests
{
    /// <summary>Noon today (UTC), so the date is the same in the machine's time zone as in UTC.</summary>
    private static readonly DateTimeOffset Now = new(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero);

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, Guid id, string query) =>
        await client.GetAsync(new Uri($"/tenders/{id}/results/downloads{query}", UriKind.Relative));

    [Test]
    public async Task Owner_EveryFile_AsAnAttachmentWithItsTypeAndASafeName()
    {
        using var site = new SiteFactory();
        var tender = await ExampleTender.ImportAsync(site);
        await tender.CompleteAsync(TenderStage.Moderation);
        using var owner = await ExampleTender.SignedInAsync(site, ExampleTender.OwnerEmail);
        const string Stem = "occupational-health-services-for-riverside-and-vale-ics";
        var files = new[]
        {
            ("?handler=Matrix", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{Stem}-evaluation-matrix.xlsx"),
            ("?handler=Report&format=html", "text/html; charset=utf-8", $"{Stem}-evaluation-report.html"),
            ("?handler=Report&format=md", "text/markdown; charset=utf-8", $"{Stem}-evaluation-report.md"),
            ("?handler=Summary&bid=bid-c&format=html", "text/html; charset=utf-8", $"{Stem}-assessment-summary-bid-c.html"),
            ("?handler=Summary&bid=bid-c&format=md", "text/markdown; charset=utf-8", $"{Stem}-assessment-summary-bid-c.md"),
            ("?handler=Audit", "text/csv; charset=utf-8", $"{Stem}-audit-trail.csv"),
            ("?handler=Tender", "application/json", $"{Stem}-as-evaluated.json"),
        };

        var page = WebUtility.HtmlDecode(await owner.GetStringAsync(new Uri($"/tenders/{tender.Id}/results/downloads", UriKind.Relative)));
        Assert.That(page, Does.Contain("Download the evaluation matrix (Excel)").And.Contain("Northfield Staff Health Service (Northfield NHS Foundation Trust)").And.Contain("Excluded: a gate was failed"));

        foreach (var (query, type, name) in files)
        {
            using var response = await GetAsync(owner, tender.Id, query);
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), query);
                Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo(type), query);
                Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"), query);
                Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo(name), query);
                Assert.That(response.Headers.CacheControl?.NoStore, Is.True, query);
            });
        }
    }

    [Test]
    public async Task Matrix_OpensInClosedXml_WithTheRankingAndWhereItCameFrom()
    {
        using var site = new SiteFactory();
        var tender = await ExampleTender.ImportAsync(site);
        await tender.CompleteAsync(TenderStage.Moderation);
        using var owner = await ExampleTender.SignedInAsync(site, ExampleTender.OwnerEmail);

        using var response = await GetAsync(owner, tender.Id, "?handler=Matrix");
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var summary = workbook.Worksheet("Summary").CellsUsed().Select(c => c.GetString()).ToList();
        var provenance = workbook.Worksheet("Provenance").CellsUsed().Select(c => c.GetString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(workbook.Worksheets.Select(w => w.Name), Does.Contain("L1 Quality").And.Contain("L2 Price").And.Contain("Robustness"));
            Assert.That(summary, Does.Contain("Northgate Occupational Health Ltd").And.Contain("Primacy Occupational Health CIC"));
            Assert.That(provenance, Does.Contain("Made from").And.Contain($"The tender stored in this toolkit: Occupational health services for Riverside and Vale ICS members 2027-2030 (id {tender.Id})"));
            Assert.That(provenance.Count(c => c.Length == 64 && c.All(char.IsAsciiHexDigitLower)), Is.EqualTo(Directory.GetFiles(Repository.StandardsFolder, "*.md").Length + 1), "each standards file's hash and one of them all");
        });
    }

    [Test]
    public async Task WhoMayHaveWhat_EvaluatorWithoutPrices_GetsNoDocument_ObserverGetsEverything()
    {
        using var site = new SiteFactory();
        var tender = await ExampleTender.ImportAsync(site);
        await tender.CompleteAsync();
        using var evaluator = await ExampleTender.SignedInAsync(site, ExampleTender.Evaluators[2].Email);
        using var observer = await ExampleTender.SignedInAsync(site, ExampleTender.ObserverEmail);
        var queries = new[] { "?handler=Matrix", "?handler=Report", "?handler=Summary&bid=bid-a", "?handler=Audit", "?handler=Tender" };

        var page = WebUtility.HtmlDecode(await evaluator.GetStringAsync(new Uri($"/tenders/{tender.Id}/results/downloads", UriKind.Relative)));
        var evaluatorGets = new List<HttpStatusCode>();
        var observerGets = new List<HttpStatusCode>();
        foreach (var query in queries)
        {
            using var refused = await GetAsync(evaluator, tender.Id, query);
            evaluatorGets.Add(refused.StatusCode);
            using var given = await GetAsync(observer, tender.Id, query);
            observerGets.Add(given.StatusCode);
        }

        using var noBid = await GetAsync(observer, tender.Id, "?handler=Summary&bid=bid-z");
        using var noFormat = await GetAsync(observer, tender.Id, "?handler=Report&format=pdf");

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("Your roles on this tender do not let you see all of them, so they cannot be downloaded here."));
            Assert.That(page, Does.Not.Contain("Download the evaluation matrix").And.Not.Contain("Audit trail"));
            Assert.That(evaluatorGets, Is.All.EqualTo(HttpStatusCode.NotFound));
            Assert.That(observerGets, Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(noBid.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(noFormat.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    /// <summary>
    /// The site's documents and the command line's, for the same tender state and the same clock:
    /// the tender file as evaluated is downloaded from the site and given to the command line.
    /// Documents are compared as text, whole; the workbooks cell by cell (value, formula and
    /// number format), except the one cell that says where each came from (the site's stored
    /// tender, the command line's file).
    /// </summary>
    [TestCase(TenderStage.Evaluation, TestName = "DownloadsEqualTheCommandLine_Provisional")]
    [TestCase(TenderStage.Moderation, TestName = "DownloadsEqualTheCommandLine_Complete")]
    public async Task DownloadsEqualTheCommandLine(TenderStage stage)
    {
        using var site = new SiteFactory();
        var tender = await ExampleTender.ImportAsync(site);
        if (stage == TenderStage.Evaluation)
        {
            // Two of three evaluators submit: the result is provisional.
            await tender.MoveAsync(TenderStage.OpenForBids, TenderStage.Evaluation);
            foreach (var (evaluatorId, email, _) in ExampleTender.Evaluators.Take(2))
            {
                var evaluator = await tender.UserAsync(email);
                await site.Services.GetRequiredService<Commissioning.Application.Tenders.DeclareConflicts>().HandleAsync(evaluator, tender.Id, evaluatorId, false, null);
                Assert.That((await TenderCalls.Of(site.Services).SubmitScoresAsync(evaluator, tender.Id, evaluatorId)).Succeeded, Is.True);
            }
        }
        else
        {
            await tender.CompleteAsync(stage);
        }

        using var clocked = site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(Now))));
        using var owner = clocked.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestAccounts.SignInAsync(owner, ExampleTender.OwnerEmail);
        var folder = Directory.CreateTempSubdirectory("downloads-cli-").FullName;
        try
        {
            async Task<byte[]> DownloadAsync(string query)
            {
                using var response = await GetAsync(owner, tender.Id, query);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), query);
                return await response.Content.ReadAsByteArrayAsync();
            }

            await File.WriteAllBytesAsync(Path.Combine(folder, "tender.json"), await DownloadAsync("?handler=Tender"));
            var compared = new List<string>();
            foreach (var format in new[] { "html", "md" })
            {
                var site_ = Encoding.UTF8.GetString(await DownloadAsync($"?handler=Report&format={format}"));
                Assert.That(site_, Is.EqualTo(Cli("render", "evaluation-report", "tender.json", "-o", $"report.{format}")), $"report.{format}");
                Assert.That(site_, Does.Contain("Evaluator e1, ").And.Contain("declared no conflict of interest with any of the"),
                    "the evaluators' declarations made in the site are in the report, and in the tender file the command line reads");
                compared.Add($"report.{format}");
                foreach (var bid in new[] { "bid-a", "bid-b", "bid-c", "bid-d", "bid-e", "bid-f" })
                {
                    var summary = Encoding.UTF8.GetString(await DownloadAsync($"?handler=Summary&bid={bid}&format={format}"));
                    Assert.That(summary, Is.EqualTo(Cli("render", "assessment-summary", "tender.json", "--bid", bid, "-o", $"{bid}.{format}")), $"{bid}.{format}");
                    compared.Add($"{bid}.{format}");
                }
            }

            using var siteMatrix = new XLWorkbook(new MemoryStream(await DownloadAsync("?handler=Matrix")));
            Cli("export", "matrix", "tender.json", "-o", "matrix.xlsx");
            using var cliMatrix = new XLWorkbook(Path.Combine(folder, "matrix.xlsx"));
            var cells = CompareWorkbooks(siteMatrix, cliMatrix);

            TestContext.Out.WriteLine($"{stage}: {compared.Count} documents and {cells:N0} cells compared");
            Assert.That(compared, Has.Count.EqualTo(14));
            Assert.That(cells, Is.GreaterThan(1000));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        string Cli(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = Commissioning.Cli.CommandLine.Run([.. args, "--standards", Repository.StandardsFolder], output, error, folder, new FixedClock(Now));
            Assert.That(code, Is.Zero, $"{string.Join(' ', args)}: {output}{error}");
            var written = args[^1];
            return written.EndsWith(".xlsx", StringComparison.Ordinal) ? string.Empty : File.ReadAllText(Path.Combine(folder, written));
        }
    }

    /// <summary>Every sheet, every cell used in either: value, formula and number format; returns how many cells were compared.</summary>
    private static int CompareWorkbooks(XLWorkbook site, XLWorkbook cli)
    {
        Assert.That(site.Worksheets.Select(w => w.Name), Is.EqualTo(cli.Worksheets.Select(w => w.Name)));
        var compared = 0;
        var differences = new List<string>();
        foreach (var sheet in site.Worksheets)
        {
            var other = cli.Worksheet(sheet.Name);
            var addresses = sheet.CellsUsed().Select(c => c.Address.ToString()!).Union(other.CellsUsed().Select(c => c.Address.ToString()!)).ToList();
            foreach (var address in addresses)
            {
                var a = sheet.Cell(address);
                var b = other.Cell(address);

                // Where each came from: the one cell that differs by design.
                if (sheet.Name == "Provenance" && a.Address.ColumnNumber == 2 && a.CellLeft().GetString() == "Made from")
                {
                    Assert.That(b.CellLeft().GetString(), Is.EqualTo("Made from"));
                    Assert.That(b.GetString(), Is.EqualTo("The tender file tender.json"));
                    continue;
                }

                var left = (a.HasFormula ? "=" + a.FormulaA1 : a.GetString()) + " | " + a.Style.NumberFormat.Format;
                var right = (b.HasFormula ? "=" + b.FormulaA1 : b.GetString()) + " | " + b.Style.NumberFormat.Format;
                if (left != right)
                {
                    differences.Add($"{sheet.Name}!{address}: site '{left}', command line '{right}'");
                }

                compared++;
            }
        }

        Assert.That(differences, Is.Empty);
        return compared;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
