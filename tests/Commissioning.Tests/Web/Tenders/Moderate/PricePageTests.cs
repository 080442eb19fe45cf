using System.Net;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Web.Tenders.Moderate.ModerationPages;

namespace Commissioning.Tests.Web.Tenders.Moderate;

/// <summary>The decision on a price that may be abnormally low.</summary>
[NonParallelizable]
public sealed class PricePageTests
{
    private static string Path(Guid id, string bid = "bid-b") => $"/tenders/{id}/moderate/price?bid={bid}";

    [Test]
    public async Task Price_Page_ShowsThePriceTheMedianAndTheRule_ThoughPricesAreKeptFromModerators()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        var text = Read(await PageAsync(client, Path(id)));
        var tender = Read(await PageAsync(client, $"/tenders/{id}"));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("£930,000.00 over 3 years"), "300,000 + 310,000 + 320,000");
            Assert.That(text, Does.Contain("£2,730,000.00"), "the median of 930,000, 2,730,000 and 3,030,000");
            Assert.That(text, Does.Contain("A price below 65% of the median (£1,774,500.00) may be abnormally low. This price is below it."));
            Assert.That(text, Does.Contain("section 19(3)(c), (4) and (5)"));
            Assert.That(text, Does.Contain("The bidder was asked to explain the price. What was decided on its explanation?"));
            Assert.That(text, Does.Contain("Explanation accepted").And.Contain("Bid excluded"));
            Assert.That(tender, Does.Contain("Not shown to you"), "the tender page still keeps prices from the moderator");
        });
    }

    [Test]
    public async Task Price_Decided_RedirectsToTheLotAndCounts()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        using var saved = await PostAsync(client, Path(id), [("Input.Outcome", "Excluded"), ("Input.Reason", "The explanation left staff costs below the minimum wage."), ("Input.Version", "")]);

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(saved.Headers.Location!.OriginalString, Is.EqualTo($"/tenders/{id}/moderate?lot=lot-1#prices"));
        var overview = Read(await PageAsync(client, $"/tenders/{id}/moderate"));
        Assert.That(overview, Does.Contain("The decision on the price of bid-b is saved.").And.Contain("Bid excluded").And.Contain("1 of 1 recorded"));
    }

    [Test]
    public async Task Price_EmptyForm_SaysWhatIsMissing()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        using var refused = await PostAsync(client, Path(id), [("Input.Version", "")]);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Read(await refused.Content.ReadAsStringAsync()), Does.Contain("Select whether the bidder's explanation was accepted or the bid is excluded.").And.Contain("Enter why, with reference to the bidder's explanation of the price."));
    }

    [Test]
    public async Task Price_NotFlaggedOrAnotherLot_Is404()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var moderator = await SignedInAsync(site, ModerationTender.ModeratorLotTwo);
        using var lotOne = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        Assert.That(await StatusAsync(lotOne, Path(id, "bid-a")), Is.EqualTo(HttpStatusCode.NotFound), "bid-a's price is not flagged");
        Assert.That(await StatusAsync(moderator, Path(id)), Is.EqualTo(HttpStatusCode.NotFound), "bid-b is lot-1's");
    }

    [Test]
    public async Task Price_SomeoneElseDecidedFirst_ShowsTheConflict()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, Path(id));
        var owner = await ModerationTender.UserAsync(site, ModerationTender.Owner);
        Assert.That((await TenderCalls.Of(site.Services).RecordLowPriceDecisionAsync(owner, id, "bid-b", LowPriceOutcome.Accepted, "The owner accepted it.", null)).Succeeded, Is.True);

        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Outcome", "Excluded"), new("Input.Reason", "Mine."), new("Input.Version", "")]);
        using var conflict = await client.PostAsync(new Uri(Path(id), UriKind.Relative), form);

        Assert.That(conflict.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Read(await conflict.Content.ReadAsStringAsync()), Does.Contain("Olive Owner saved this at").And.Contain("nothing was overwritten").And.Contain("The owner accepted it."));
    }

    [Test]
    public async Task Price_Owner_RecordsADecision_ReasonShownAsText()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.Owner);

        using var saved = await PostAsync(client, Path(id), [("Input.Outcome", "Accepted"), ("Input.Reason", Script + Image), ("Input.Version", "")]);

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var page = await PageAsync(client, Path(id));
        var overview = await PageAsync(client, $"/tenders/{id}/moderate");
        foreach (var html in new[] { page, overview })
        {
            Assert.That(html, Does.Not.Contain(Script).And.Not.Contain("<img src=x"));
        }

        Assert.That(Read(page), Does.Contain("Explanation accepted (Olive Owner)<br>" + Script + Image));
        Assert.That(Read(overview), Does.Contain(Script + Image + " (Olive Owner)"));
    }
}
