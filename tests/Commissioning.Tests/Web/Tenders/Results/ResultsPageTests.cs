using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Commissioning.Core.Lifecycle;
using Commissioning.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Web.Tenders.Results;

/// <summary>
/// The results page (<c>/tenders/{id}/results</c>) on the example tender imported into the site:
/// provisional until every evaluator has submitted, complete after; excluded bids with why; what
/// is outstanding, linked to where it is resolved for those who may resolve it; prices hidden
/// from evaluators who may not see them; who may see results at which stage; names escaped.
/// </summary>
[NonParallelizable]
public sealed partial class ResultsPageTests
{
    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>The page's text as a person reads it: tags (and the column names a responsive table repeats for small screens) dropped, entities decoded, white space collapsed.</summary>
    private static string Text(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(ColumnNames().Replace(html, string.Empty), " ")), " ").Replace(" ,", ",", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal);

    [Test]
    public async Task Provisional_ImportedExample_WarnsAndListsWhatIsOutstanding()
    {
        using var site = new SiteFactory();
        var tender = await ExampleTender.ImportAsync(site);
        using var owner = await ExampleTender.SignedInAsync(site, ExampleTender.OwnerEmail);

        var html = await PageAsync(owner, $"/tenders/{tender.Id}/results");
        var text = Text(html);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("nhsuk-card--warning"), "a warning callout");
            Assert.That(text, Does.Contain("This result is provisional"));
            Assert.That(text, Does.Contain("Waiting for evaluators' scores"), "imported scores are drafts until submitted");
            Assert.That(text, Does.Contain("Northgate Occupational Health Ltd: 7 questions have no submitted score yet (counted as 0 for now); 5 questions have a consensus score but no evaluator's own submitted score behind it; its minimum thresholds are applied once every score is in."));
            Assert.That(text, Does.Contain("Each evaluator scores their questions and submits their scores."));
            Assert.That(text, Does.Contain("Provisional").And.Contain("This is not a result until nothing is outstanding."));
            Assert.That(text, Does.Not.Contain("The result is complete"));
            Assert.That(html, Does.Not.Contain("Go to your scoring"), "the owner does not score, so there is no link to a scoring worklist");
        });
    }

    [Test]
    public async Task Complete_EveryScoreSubmitted_RanksEachLotWithChartsAndTables()
    {
        using var site = new SiteFactory();
        var tender = await ExampleTender.ImportAsync(site);
        await tender.CompleteAsync(TenderStage.Moderation);
        using var owner = await ExampleTender.SignedInAsync(site, ExampleTender.OwnerEmail);

        var html = await PageAsync(owner, $"/tenders/{tender.Id}/results");
        var text = Text(html);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("The result is complete: nothing is outstanding."));
            Assert.That(html, Does.Not.Contain("nhsuk-card--warning"));
            Assert.That(text, Does.Contain("The most advantageous tender is Northgate Occupational Health Ltd, with a total of 82.23 of 100."));
            Assert.That(text, Does.Contain("The most advantageous tender is Primacy Occupational Health CIC, with a total of 89.13 of 100."));
            Assert.That(text, Does.Contain("1 Northgate Occupational Health Ltd Most advantageous 57.4 24.83 82.23 £6,035,000.00 £151.25"));
            Assert.That(text, Does.Contain("3 Meridian Workplace Health LLP 42.26 30 72.26 £4,995,000.00"));
            Assert.That(Regex.Count(html, "<svg [^>]*aria-labelledby=\"chart-"), Is.EqualTo(10), "five charts a lot");
            Assert.That(Regex.Count(html, "Show the figures as a table"), Is.EqualTo(10));
            Assert.That(html, Does.Contain("id=\"chart-lot-1-price-quality\"").Or.Contain("chart-lot-1-price-quality-title"));
            Assert.That(text, Does.Contain("Northgate Occupational Health Ltd is first under 3 of 4 price methods; under linear to a ceiling Meridian Workplace Health LLP wins."));
            Assert.That(html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)], Does.Not.Contain("<script"), "no script in the page's content: the charts need none");
        });
    }

    [Test]
    public async Task ExcludedBids_AreListedWithWhy_GateThresholdAndAbnormallyLowPrice()
    {
        using var site = new SiteFactory();
        var json = ExampleTender.Json(file =>
        {
            file["tender"]!["lots"]![1]!["minimumQualityPercent"] = 75;
            file["lowPriceDecisions"] = new JsonArray(new JsonObject
            {
                ["bidId"] = "bid-b",
                ["outcome"] = "excluded",
                ["reason"] = "The bidder could not show how it would staff the service at this price.",
                ["decidedBy"] = "m1",
            });
        });
        var tender = await ExampleTender.ImportAsync(site, json);
        await tender.CompleteAsync(TenderStage.Moderation);
        using var owner = await ExampleTender.SignedInAsync(site, ExampleTender.OwnerEmail);

        var text = Text(await PageAsync(owner, $"/tenders/{tender.Id}/results"));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Bids not ranked"));
            Assert.That(text, Does.Contain("Northfield Staff Health Service (Northfield NHS Foundation Trust) A gate was failed. Failed gate G2 Two-way ESR interface: Two-way ESR interface planned for 30 June 2027, not live. (from the bid's declarations)"));
            Assert.That(text, Does.Contain("Meridian Workplace Health LLP Excluded for an abnormally low price. The bidder was asked to explain its abnormally low price and the bid was excluded: The bidder could not show how it would staff the service at this price."));
            Assert.That(text, Does.Contain("Northgate Occupational Health Ltd A minimum threshold was not met. Quality reached 69.5%, below the lot's minimum of 75%."));
        });
    }

    [Test]
    public async Task Outstanding_GatesNotDecided_LinkedToTheGateDecisionsForTheOwner_NotForTheObserver()
    {
        using var site = new SiteFactory();
        var tender = await ExampleTender.ImportAsync(site, ExampleTender.Json(file => file["gateDecisions"] = new JsonArray()));
        await tender.CompleteAsync(TenderStage.Moderation);
        using var owner = await ExampleTender.SignedInAsync(site, ExampleTender.OwnerEmail);
        using var observer = await ExampleTender.SignedInAsync(site, ExampleTender.ObserverEmail);
        var links = site.Services.GetRequiredService<LinkGenerator>();

        var ownerHtml = await PageAsync(owner, $"/tenders/{tender.Id}/results");
        var observerHtml = await PageAsync(observer, $"/tenders/{tender.Id}/results");
        var gates = links.GetPathByPage("/Tenders/Moderate/Index", handler: null, values: new { id = tender.Id, lot = "lot-1" }, fragment: new Microsoft.AspNetCore.Http.FragmentString("#gates"));

        Assert.Multiple(() =>
        {
            Assert.That(Text(ownerHtml), Does.Contain("Gates not yet decided (4)").And.Contain("Northgate Occupational Health Ltd: gate G4 (Clinical governance) has not been decided."));
            Assert.That(Text(ownerHtml), Does.Contain("The tender's owner or the lot's moderator records whether each bid passes the gate, with the reason."));
            Assert.That(Text(observerHtml), Does.Contain("Gates not yet decided (4)"));
            Assert.That(observerHtml, Does.Not.Contain("Record the gate decisions"), "an observer cannot record them");
            Assert.That(ownerHtml, Does.Not.Contain("href=\"\""), "no link to nowhere");
        });

        // The owner's page links to the gates of the lot's moderation overview.
        Assert.That(gates, Is.Not.Null);
        Assert.That(ownerHtml, Does.Contain($"href=\"{gates}\"").And.Contain("Record the gate decisions"));

        // The page is kept per version of the tender's data: a decision recorded gives a new page at once.
        var decision = new Commissioning.Core.Tenders.GateDecision { BidId = "bid-a", GateId = "G4", Passed = true, Reason = "Policy seen.", DecidedBy = "m1" };
        var recorded = await TenderCalls.Of(site.Services).RecordGateDecisionAsync(await tender.UserAsync(ExampleTender.OwnerEmail), tender.Id, decision, null);
        Assert.That(recorded.Errors, Is.Empty);
        Assert.That(Text(await PageAsync(owner, $"/tenders/{tender.Id}/results")), Does.Contain("Gates not yet decided (3)").And.Not.Contain("Gates not yet decided (4)"));
    }

    [Test]
    public async Task Prices_AnEvaluatorWhoMayNotSeePrices_SeesQualityOnly_AndAllPricesOnceAllowed()
    {
        using var site = new SiteFactory();
        var hidden = await ExampleTender.ImportAsync(site);
        await hidden.CompleteAsync();
        var shown = await ExampleTender.ImportAsync(site);
        await shown.EvaluatorsSeePricesAsync(true);
        await shown.CompleteAsync();
        using var evaluator = await ExampleTender.SignedInAsync(site, ExampleTender.Evaluators[0].Email);
        using var moderator = await ExampleTender.SignedInAsync(site, ExampleTender.ModeratorEmail);

        // The owner sees the page first, with every price: what the site keeps of it is never shown to those who may not see prices.
        using var owner = await ExampleTender.SignedInAsync(site, ExampleTender.OwnerEmail);
        Assert.That(Text(await PageAsync(owner, $"/tenders/{hidden.Id}/results")), Does.Contain("82.23"));

        foreach (var client in new[] { evaluator, moderator })
        {
            var html = await PageAsync(client, $"/tenders/{hidden.Id}/results");
            var text = Text(html);
            Assert.Multiple(() =>
            {
                Assert.That(text, Does.Contain("so the prices, price points and totals are not shown to you, nor the charts of price."));
                Assert.That(text, Does.Contain("The most advantageous tender is Northgate Occupational Health Ltd."));
                Assert.That(text, Does.Contain("1 Northgate Occupational Health Ltd Most advantageous 57.4"));
                Assert.That(text, Does.Not.Contain("£").And.Not.Contain("Price points").And.Not.Contain("82.23"), "no price, price points or total");
                Assert.That(html, Does.Not.Contain("price-quality").And.Not.Contain("price-methods"), "no chart of price");
                Assert.That(Regex.Count(html, "<svg [^>]*aria-labelledby=\"chart-"), Is.EqualTo(6), "the three charts of quality and weights, each lot");
                Assert.That(text, Does.Not.Contain("Download the evaluation matrix"), "the documents hold every price");
            });

            var allowed = Text(await PageAsync(client, $"/tenders/{shown.Id}/results"));
            Assert.That(allowed, Does.Contain("£6,035,000.00").And.Contain("82.23").And.Not.Contain("are not shown to you"));
        }
    }

    [Test]
    public async Task ViewResults_ByStage_EvaluatorsAndModeratorsOnlyOnceAwardIsRecommended()
    {
        using var site = new SiteFactory();
        var tender = await ExampleTender.ImportAsync(site);
        var people = new Dictionary<string, HttpClient>
        {
            ["owner"] = await ExampleTender.SignedInAsync(site, ExampleTender.OwnerEmail),
            ["observer"] = await ExampleTender.SignedInAsync(site, ExampleTender.ObserverEmail),
            ["evaluator"] = await ExampleTender.SignedInAsync(site, ExampleTender.Evaluators[1].Email),
            ["moderator"] = await ExampleTender.SignedInAsync(site, ExampleTender.ModeratorEmail),
        };
        var seen = new List<string>();

        async Task CheckAsync(TenderStage stage)
        {
            foreach (var (who, client) in people)
            {
                foreach (var path in new[] { "results", "results/downloads" })
                {
                    var status = await StatusAsync(client, $"/tenders/{tender.Id}/{path}");
                    seen.Add($"{stage} {who} {path}: {(int)status}");
                }
            }
        }

        await CheckAsync(TenderStage.Draft);
        await tender.MoveAsync(TenderStage.OpenForBids);
        await CheckAsync(TenderStage.OpenForBids);
        await tender.CompleteAsync(TenderStage.Evaluation);
        await CheckAsync(TenderStage.Evaluation);
        await tender.MoveAsync(TenderStage.Moderation);
        await CheckAsync(TenderStage.Moderation);
        await tender.MoveAsync(TenderStage.AwardRecommended);
        await CheckAsync(TenderStage.AwardRecommended);

        var expected = new List<string>();
        foreach (var stage in new[] { TenderStage.Draft, TenderStage.OpenForBids, TenderStage.Evaluation, TenderStage.Moderation, TenderStage.AwardRecommended })
        {
            foreach (var who in people.Keys)
            {
                foreach (var path in new[] { "results", "results/downloads" })
                {
                    var allowed = who is "owner" or "observer" || stage >= TenderStage.AwardRecommended;
                    expected.Add($"{stage} {who} {path}: {(allowed ? 200 : 404)}");
                }
            }
        }

        Assert.That(seen, Is.EqualTo(expected));
        foreach (var client in people.Values)
        {
            client.Dispose();
        }
    }

    [Test]
    public async Task Xss_ProviderNamesInAnImportedTender_AreShownEscapedEverywhere()
    {
        using var site = new SiteFactory();
        var json = ExampleTender.Json(file =>
        {
            file["bids"]![0]!["provider"] = "<script>alert(1)</script>";
            file["bids"]![3]!["provider"] = "\"><img src=x onerror=alert(1)>";
        });
        var tender = await ExampleTender.ImportAsync(site, json);
        await tender.CompleteAsync(TenderStage.Moderation);
        using var owner = await ExampleTender.SignedInAsync(site, ExampleTender.OwnerEmail);

        var html = await PageAsync(owner, $"/tenders/{tender.Id}/results");
        var downloads = await PageAsync(owner, $"/tenders/{tender.Id}/results/downloads");
        var report = await PageAsync(owner, $"/tenders/{tender.Id}/results/downloads?handler=Report&format=html");
        var summary = await PageAsync(owner, $"/tenders/{tender.Id}/results/downloads?handler=Summary&bid=bid-b&format=html");

        Assert.Multiple(() =>
        {
            foreach (var (name, page) in new[] { ("results", html), ("downloads", downloads), ("report", report), ("summary", summary) })
            {
                Assert.That(page, Does.Not.Contain("<script>alert(1)").And.Not.Contain("<img src=x"), name);
            }

            // The ranking, the most advantageous tender, each chart's SVG, summary and table, the downloads' list.
            Assert.That(Regex.Count(html, "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"), Is.GreaterThanOrEqualTo(12), "shown escaped in the ranking, the charts and their tables");
            Assert.That(Regex.Count(html, "&lt;img src=x onerror=alert\\(1\\)&gt;"), Is.GreaterThanOrEqualTo(8));
            Assert.That(Text(html), Does.Contain("The most advantageous tender is <script>alert(1)</script>, with a total of 82.23 of 100."));
            Assert.That(downloads, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        });
    }

    [GeneratedRegex("""<span class="nhsuk-table__heading" aria-hidden="true">[^<]*</span>""")]
    private static partial Regex ColumnNames();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
