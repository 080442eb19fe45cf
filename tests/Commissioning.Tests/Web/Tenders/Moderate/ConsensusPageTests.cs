using System.Net;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Web.Tenders.Moderate.ModerationPages;

namespace Commissioning.Tests.Web.Tenders.Moderate;

/// <summary>The consensus for one question of one bid.</summary>
[NonParallelizable]
public sealed class ConsensusPageTests
{
    private static string Path(Guid id, string bid = "bid-a", string question = "Q1") => $"/tenders/{id}/moderate/consensus?bid={bid}&question={question}";

    [Test]
    public async Task Consensus_Page_ShowsTheQuestionAnswerAndScoresSideBySide()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        var html = await PageAsync(client, Path(id));
        var text = Read(html);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("How will you prevent ill health?"), "the question as put to bidders");
            Assert.That(html, Does.Contain("We run clinics.<br>Every week, on site."), "the answer with its line break");
            Assert.That(text, Does.Contain("Alex Morgan").And.Contain("3: Good").And.Contain("Clear plan for prevention."));
            Assert.That(text, Does.Contain("Sam Okonkwo").And.Contain("1: Poor").And.Contain("Sam on Q1 of bid-a."));
            Assert.That(text, Does.Contain("Spread: 2 points. The tender flags a spread of 1.5 points or more.").And.Contain("Large spread"));
            Assert.That(text, Does.Contain("The evaluators' own scores stay as they are"));
            Assert.That(html, Does.Contain("name=\"Input.Score\"").And.Contain("Meets the requirement fully, with clear evidence"), "radios labelled with the scale's descriptors");
            Assert.That(text, Does.Not.Contain("£"));
        });
    }

    [Test]
    public async Task Consensus_Saved_RedirectsToTheLotWithTheOriginalsKept()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        using var saved = await PostAsync(client, Path(id), [("Input.Score", "2"), ("Input.Reason", "The panel agreed the plan is sound but thin on evidence."), ("Input.Version", "")]);

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(saved.Headers.Location!.OriginalString, Is.EqualTo($"/tenders/{id}/moderate?lot=lot-1"));
        var overview = Read(await PageAsync(client, saved.Headers.Location.OriginalString));
        Assert.That(overview, Does.Contain("The consensus score for Q1 of bid-a is saved.").And.Contain("1 of 2 agreed").And.Contain("Agreed: 2"));
        var owner = await ModerationTender.UserAsync(site, ModerationTender.Owner);
        var scores = (await TenderCalls.Of(site.Services).ScoresAsync(owner, id, "bid-a")).Value.Where(s => s.Score.QuestionId == "Q1").Select(s => (s.Score.EvaluatorId, s.Score.Score));
        Assert.That(scores, Is.EquivalentTo(new[] { ("e1", 3m), ("e2", 1m) }), "the evaluators' own scores are kept");
        var again = Read(await PageAsync(client, Path(id)));
        Assert.That(again, Does.Contain("The consensus recorded").And.Contain("The panel agreed the plan is sound but thin on evidence.").And.Contain("Robin Hale"));
    }

    [Test]
    public async Task Consensus_EmptyForm_SaysWhatIsMissing()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        using var refused = await PostAsync(client, Path(id), [("Input.Version", "")]);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var text = Read(await refused.Content.ReadAsStringAsync());
        Assert.That(text, Does.Contain("Select the consensus score.").And.Contain("Enter why the panel agreed this score, with reference to the bid's answer."));
    }

    [Test]
    public async Task Consensus_OutsideModeration_IsNotOfferedAndIsRefused()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site, stage: TenderStage.Evaluation);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        var page = Read(await PageAsync(client, Path(id)));
        using var refused = await PostAsync(client, Path(id), [("Input.Score", "2"), ("Input.Reason", "Agreed."), ("Input.Version", "")]);

        Assert.That(page, Does.Contain("Consensus scores can only be recorded during moderation.").And.Not.Contain("Save the consensus score"));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Read(await refused.Content.ReadAsStringAsync()), Does.Contain("There is a problem").And.Contain("Consensus scores can only be recorded during moderation."));
    }

    [Test]
    public async Task Consensus_SomeoneElseSavedFirst_ShowsTheConflictAndOverwritesNothing()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, Path(id));
        var robin = await ModerationTender.UserAsync(site, ModerationTender.ModeratorLotOne);
        Assert.That((await TenderCalls.Of(site.Services).ModerateAsync(robin, id, new ModeratedScore { BidId = "bid-a", QuestionId = "Q1", Score = 3m, Reason = "Saved in another window.", ModeratorId = "m1" }, null)).Succeeded, Is.True);

        // The form as it was shown before that save: no version.
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Score", "1"), new("Input.Reason", "Mine."), new("Input.Version", "")]);
        using var conflict = await client.PostAsync(new Uri(Path(id), UriKind.Relative), form);

        Assert.That(conflict.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var text = Read(await conflict.Content.ReadAsStringAsync());
        Assert.That(text, Does.Contain("Robin Hale saved this at").And.Contain("Your change was not saved, so nothing was overwritten."));
        Assert.That(text, Does.Contain("Saved in another window."), "the page now shows what is stored");
        var stored = (await TenderCalls.Of(site.Services).ModerationAsync(robin, id)).Value.Lots[0].Items.Single(i => i.BidId == "bid-a" && i.QuestionId == "Q1").Consensus!;
        Assert.That((stored.Score, stored.Reason), Is.EqualTo((3m, "Saved in another window.")));
    }

    [Test]
    public async Task Consensus_ModeratorOfLotOne_CannotOpenOrSaveLotTwosItems()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        Assert.That(await StatusAsync(client, Path(id, "bid-d", "Q1")), Is.EqualTo(HttpStatusCode.NotFound));
        using var post = await PostAsync(client, Path(id, "bid-d", "Q1"), [("Input.Score", "2"), ("Input.Reason", "Agreed."), ("Input.Version", "")], tokenFrom: Path(id));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await StatusAsync(client, Path(id, "bid-a", "Q9")), Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Consensus_Owner_ReadsButDoesNotRecord()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.Owner);

        var page = Read(await PageAsync(client, Path(id)));
        using var post = await PostAsync(client, Path(id), [("Input.Score", "2"), ("Input.Reason", "Agreed."), ("Input.Version", "")]);

        Assert.That(page, Does.Contain("A moderator of this lot records the consensus score.").And.Not.Contain("Save the consensus score"));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Consensus_ReasonAndRationalesWithMarkup_AreShownAsText()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site, rationale: Script);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        using var saved = await PostAsync(client, Path(id), [("Input.Score", "2"), ("Input.Reason", Image + "\n" + Script), ("Input.Version", "")]);
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var consensus = await PageAsync(client, Path(id));
        var overview = await PageAsync(client, $"/tenders/{id}/moderate");

        foreach (var html in new[] { consensus, overview })
        {
            Assert.That(html, Does.Not.Contain(Script).And.Not.Contain("<img src=x"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Contain("&lt;img src=x onerror=alert(1)&gt;"));
        }
    }
}
