using System.Text.RegularExpressions;
using System.Net;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;
using static Commissioning.Tests.Web.Tenders.Moderate.ModerationPages;

namespace Commissioning.Tests.Web.Tenders.Moderate;

/// <summary>The moderation overview of a lot: progress, every question of every bid, those needing a consensus first, and what is left out.</summary>
[NonParallelizable]
public sealed class OverviewPageTests
{
    [Test]
    public async Task Overview_ForTheOwner_ALotWithNoPriceToDecide_SaysNoneNeeded_NotYet()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.Owner);

        var html = await PageAsync(client, $"/tenders/{id}/moderate");
        var row = Regex.Matches(html, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).Single(r => r.Contains("Primary care", StringComparison.Ordinal));
        var primaryCare = Regex.Replace(Regex.Replace(row, "<[^>]+>", " "), @"\s+", " ").Trim();

        // Gate and price decisions depend on the bids alone, so "none needed" is final; only a
        // consensus can become needed later, as more scores are submitted.
        Assert.That(primaryCare, Does.EndWith("Price decisions None needed"), "lot-2's one bid has no price to decide");
        Assert.That(html, Does.Not.Contain("None needed yet</td>"));
    }

    [Test]
    public async Task Overview_ModeratorOfLotOne_SeesProgressAndTheFlaggedSpreadFirst()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        var html = await PageAsync(client, $"/tenders/{id}/moderate");
        var text = Read(html);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("0 of 2 agreed where the evaluators' scores differ"), "bid-a differs on Q1 and Q2");
            Assert.That(text, Does.Contain("0 of 3 recorded"), "G2 for each of the three bids");
            Assert.That(text, Does.Contain("0 of 1 recorded"), "bid-b's price");
            Assert.That(text, Does.Contain("Alex Morgan: 3, Sam Okonkwo: 1"), "the evaluators by name");
            Assert.That(text, Does.Contain("Clear plan for prevention."), "the rationale");
            Assert.That(text, Does.Contain("Large spread"));
            Assert.That(text, Does.Contain("Gates decided by the bids' declarations (3)"));
            Assert.That(text, Does.Not.Contain("Primary care").And.Not.Contain("bid-d"), "lot-2 is not theirs");
            Assert.That(text, Does.Not.Contain("£"), "no prices on the overview");
            Assert.That(text, Does.Not.Contain("Rank").And.Not.Contain("Total"), "nothing that says where a bid stands");
        });

        // The first row of the scores table is the flagged spread; then the unflagged one; the row with no score last.
        var table = html[html.IndexOf("id=\"scores\"", StringComparison.Ordinal)..html.IndexOf("id=\"gates\"", StringComparison.Ordinal)];
        var rows = table.Split("<tr", StringSplitOptions.None).Skip(2).Select(Read).ToList();
        Assert.That(rows, Has.Count.EqualTo(9), "three questions of three bids");
        Assert.That(rows[0], Does.Contain("Q1 Prevention").And.Contain("bid-a").And.Contain("Large spread"));
        Assert.That(rows[1], Does.Contain("Q2 Access").And.Contain("bid-a").And.Contain("To agree").And.Not.Contain("Large spread"));
        Assert.That(rows[^1], Does.Contain("Evaluators agree"), "items the evaluators agree on come after those that need a consensus");
    }

    [Test]
    public async Task Overview_ModeratorOfLotOne_AskingForLotTwo_Is404()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        Assert.That(await StatusAsync(client, $"/tenders/{id}/moderate?lot=lot-2"), Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await StatusAsync(client, $"/tenders/{id}/moderate?lot=lot-9"), Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Overview_Owner_SeesEveryLotAndChoosesOne()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.Owner);

        var first = Read(await PageAsync(client, $"/tenders/{id}/moderate"));
        var second = Read(await PageAsync(client, $"/tenders/{id}/moderate?lot=lot-2"));

        Assert.That(first, Does.Contain("Lots you moderate").And.Contain("All members (shown below)").And.Contain("Primary care"));
        Assert.That(second, Does.Contain("Delta OH (bid-d)").And.Contain("Alex Morgan: 4, Sam Okonkwo: 1").And.Not.Contain("Alpha OH Ltd (bid-a)"));
        Assert.That(second, Does.Contain("See the scores"), "the owner reads the consensus pages; moderators record them");
    }

    [Test]
    public async Task Overview_EvaluatorsAndObserversOfTheTender_Get404()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        using var client = await SignedInAsync(site, ModerationTender.EvaluatorOne);

        Assert.That(await StatusAsync(client, $"/tenders/{id}/moderate"), Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Overview_RationaleWithMarkup_IsShownAsText()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site, rationale: Script + Image);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        var html = await PageAsync(client, $"/tenders/{id}/moderate");

        Assert.That(html, Does.Not.Contain(Script).And.Not.Contain("<img src=x"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        Assert.That(Read(html), Does.Contain(Script + Image));
    }

    [Test]
    public async Task Overview_AfterAConsensusAndDecisions_ProgressCountsThem()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        var calls = TenderCalls.Of(site.Services);
        var robin = await ModerationTender.UserAsync(site, ModerationTender.ModeratorLotOne);
        Assert.That((await calls.ModerateAsync(robin, id, new ModeratedScore { BidId = "bid-a", QuestionId = "Q1", Score = 2m, Reason = "Agreed after discussion.", ModeratorId = "m1" }, null)).Succeeded, Is.True);
        Assert.That((await calls.RecordGateDecisionAsync(robin, id, new GateDecision { BidId = "bid-a", GateId = "G2", Passed = true, Reason = "Framework seen.", DecidedBy = "m1" }, null)).Succeeded, Is.True);
        Assert.That((await calls.RecordLowPriceDecisionAsync(robin, id, "bid-b", LowPriceOutcome.Accepted, "Staffing plan costs out.", null)).Succeeded, Is.True);
        using var client = await SignedInAsync(site, ModerationTender.ModeratorLotOne);

        var text = Read(await PageAsync(client, $"/tenders/{id}/moderate"));

        Assert.That(text, Does.Contain("1 of 2 agreed where the evaluators' scores differ"));
        Assert.That(text, Does.Contain("1 of 3 recorded").And.Contain("1 of 1 recorded"));
        Assert.That(text, Does.Contain("Agreed: 2").And.Contain("Agreed after discussion.").And.Contain("Framework seen. (Robin Hale)").And.Contain("Explanation accepted"));
    }
}
