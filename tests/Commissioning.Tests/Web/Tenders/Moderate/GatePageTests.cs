using System.Net;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Web.Tenders.Moderate.ModerationPages;

namespace Commissioning.Tests.Web.Tenders.Moderate;

/// <summary>The decision on a gate the bid's declarations cannot decide.</summary>
[NonParallelizable]
public sealed class GatePageTests
{
    private static string Path(Guid id, string bid = "bid-b", string gate = "G2") => $"/tenders/{id}/moderate/gate?bid={bid}&gate={gate}";

    [Test]
    public async Task Gate_Page_ShowsWhatItRequiresAndWhatTheBidDeclares()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        var text = Read(await PageAsync(client, Path(id)));

        Assert.That(text, Does.Contain("Gate G2: Clinical governance").And.Contain("Decided by the panel.").And.Contain("Nothing the toolkit can check for this gate."));
        Assert.That(text, Does.Contain("Does the bid pass this gate?").And.Contain("Beta Health's OH (bid-b)"));
    }

    [Test]
    public async Task Gate_Decided_RedirectsToTheLotAndCounts()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        using var saved = await PostAsync(client, Path(id), [("Input.Outcome", "fail"), ("Input.Reason", "No governance framework was supplied."), ("Input.Version", "")]);

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(saved.Headers.Location!.OriginalString, Is.EqualTo($"/tenders/{id}/moderate?lot=lot-1#gates"));
        var overview = Read(await PageAsync(client, $"/tenders/{id}/moderate"));
        Assert.That(overview, Does.Contain("The decision on gate G2 for bid-b is saved.").And.Contain("1 of 3 recorded").And.Contain("No governance framework was supplied. (Robin Hale)"));
        var page = Read(await PageAsync(client, Path(id)));
        Assert.That(page, Does.Contain("Failed (Robin Hale)"));
    }

    [Test]
    public async Task Gate_EmptyForm_SaysWhatIsMissing()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        using var refused = await PostAsync(client, Path(id), [("Input.Version", "")]);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Read(await refused.Content.ReadAsStringAsync()), Does.Contain("Select whether the bid passes or fails this gate.").And.Contain("Enter the reason for this decision, with reference to what the bid shows."));
    }

    [Test]
    public async Task Gate_DecidedByDeclarationsOrAnotherLot_Is404()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        Assert.That(await StatusAsync(client, Path(id, "bid-b", "G1")), Is.EqualTo(HttpStatusCode.NotFound), "SEQOHS is decided by the declarations");
        Assert.That(await StatusAsync(client, Path(id, "bid-d", "G2")), Is.EqualTo(HttpStatusCode.NotFound), "lot-2 is not theirs");
        using var post = await PostAsync(client, Path(id, "bid-d", "G2"), [("Input.Outcome", "pass"), ("Input.Reason", "Seen."), ("Input.Version", "")], tokenFrom: Path(id));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Gate_SomeoneElseDecidedFirst_ShowsTheConflict()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, Path(id));
        var owner = await ModerationTender.UserAsync(site, ModerationTender.Owner);
        Assert.That((await TenderCalls.Of(site.Services).RecordGateDecisionAsync(owner, id, new GateDecision { BidId = "bid-b", GateId = "G2", Passed = true, Reason = "The owner saw the framework.", DecidedBy = owner.Name }, null)).Succeeded, Is.True);

        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Outcome", "fail"), new("Input.Reason", "Mine."), new("Input.Version", "")]);
        using var conflict = await client.PostAsync(new Uri(Path(id), UriKind.Relative), form);

        Assert.That(conflict.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var text = Read(await conflict.Content.ReadAsStringAsync());
        Assert.That(text, Does.Contain("Olive Owner saved this at").And.Contain("nothing was overwritten").And.Contain("The owner saw the framework."));
    }

    [Test]
    public async Task Gate_Owner_RecordsADecision()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.Owner);

        using var saved = await PostAsync(client, Path(id, "bid-a"), [("Input.Outcome", "pass"), ("Input.Reason", Script + Image), ("Input.Version", "")]);

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var page = await PageAsync(client, Path(id, "bid-a"));
        var overview = await PageAsync(client, $"/tenders/{id}/moderate");
        foreach (var html in new[] { page, overview })
        {
            Assert.That(html, Does.Not.Contain(Script).And.Not.Contain("<img src=x"));
        }

        Assert.That(Read(page), Does.Contain("Passed (Olive Owner)<br>" + Script + Image));
        Assert.That(Read(overview), Does.Contain(Script + Image + " (Olive Owner)"));
    }
}
