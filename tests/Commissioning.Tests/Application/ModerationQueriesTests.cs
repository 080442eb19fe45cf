using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Application;

/// <summary>What <see cref="ReadModeration"/> gives each person: their lots and sections only, bids in the order received, names not ids.</summary>
[NonParallelizable]
public sealed class ModerationQueriesTests
{
    [Test]
    public async Task ReadModeration_ModeratorOfOneSection_SeesThatSectionsQuestionsAndTheLotsDecisions()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        var calls = TenderCalls.Of(site.Services);
        var owner = await ModerationTender.UserAsync(site, ModerationTender.Owner);
        await TestAccounts.CreateAsync(site, "jo.section@example.nhs.uk", organisation: "North ICS", displayName: "Jo Section");
        var added = await calls.AddPersonAsync(owner, id, "jo.section@example.nhs.uk", TenderRole.Moderator, "m3", [new LotScope("lot-1", "s2")], "Social value moderator.");
        Assert.That(added.Succeeded, Is.True, string.Join(" ", added.Errors.Select(e => e.Message)));
        var jo = await ModerationTender.UserAsync(site, "jo.section@example.nhs.uk");

        var state = (await calls.ModerationAsync(jo, id)).Value;

        var lot = state.Lots.Single();
        Assert.That(lot.LotId, Is.EqualTo("lot-1"));
        Assert.That(lot.Items.Select(i => i.QuestionId).Distinct(), Is.EqualTo(new[] { "Q3" }), "section s2 only");
        Assert.That(lot.Items.Select(i => i.BidId), Is.EqualTo(new[] { "bid-a", "bid-b", "bid-c" }), "bids in the order received");
        Assert.That(lot.Items.All(i => i.ModeratorId == "m3"), Is.True);
        Assert.That(lot.Gates, Has.Count.EqualTo(3), "gates are the lot's, decided by any of its moderators");
        Assert.That(lot.DecideAs, Is.EqualTo("m3"));
        Assert.That(lot.Items[0].Scores.Select(s => s.EvaluatorName), Is.EqualTo(new[] { "Alex Morgan", "Sam Okonkwo" }), "account names, not ids");
    }

    [Test]
    public async Task ReadModeration_OwnerAndModerators_OthersNotFound()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site);
        var calls = TenderCalls.Of(site.Services);

        var owner = (await calls.ModerationAsync(await ModerationTender.UserAsync(site, ModerationTender.Owner), id)).Value;
        var lotTwo = (await calls.ModerationAsync(await ModerationTender.UserAsync(site, ModerationTender.ModeratorLotTwo), id)).Value;
        var evaluator = await calls.ModerationAsync(await ModerationTender.UserAsync(site, ModerationTender.EvaluatorOne), id);

        Assert.That(owner.Lots.Select(l => l.LotId), Is.EqualTo(new[] { "lot-1", "lot-2" }));
        Assert.That(owner.Lots.SelectMany(l => l.Items).All(i => i.ModeratorId is null), Is.True, "the owner reads; moderators record consensus");
        Assert.That(owner.Lots[0].DecideAs, Is.EqualTo("Olive Owner"));
        Assert.That(lotTwo.Lots.Select(l => l.LotId), Is.EqualTo(new[] { "lot-2" }));
        Assert.That(evaluator.Failure, Is.EqualTo(FailureKind.NotFound));
        Assert.That(owner.ConsensusRefusal, Is.Null);
        Assert.That(owner.Lots[0].Prices.Single().BidId, Is.EqualTo("bid-b"));
        Assert.That(owner.Lots[0].Prices.Single().Flagged, Is.True);
    }

    [Test]
    public async Task ReadModeration_ScoresNotYetSubmitted_AreNotShown()
    {
        using var site = new SiteFactory();
        var id = await ModerationTender.CreateAsync(site, stage: TenderStage.Evaluation);
        var calls = TenderCalls.Of(site.Services);
        var robin = await ModerationTender.UserAsync(site, ModerationTender.ModeratorLotOne);

        var state = (await calls.ModerationAsync(robin, id)).Value;

        Assert.That(state.ConsensusRefusal, Does.Contain("only be recorded during moderation"));
        Assert.That(state.DecisionRefusal, Is.Null, "gate and price decisions may be made in evaluation");
        var unscored = state.Lots[0].Items.Single(i => i.BidId == "bid-c" && i.QuestionId == "Q3");
        Assert.That(unscored.HasScores, Is.False);
        Assert.That(unscored.WaitingFor, Is.EqualTo(new[] { "Alex Morgan", "Sam Okonkwo" }));
    }
}
