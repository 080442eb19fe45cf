using Commissioning.Application.Accounts;
using Commissioning.Core.Lifecycle;
using Commissioning.Tests.Support;
using Commissioning.Tests.Web.Tenders.Stage;

namespace Commissioning.Tests.Web.Tenders;

/// <summary>
/// A locked tender (awarded, closed or cancelled) offers its owner no form that the application
/// would only refuse: the tender page's settings and bid links and the people page's roles say
/// why they can no longer change instead.
/// </summary>
[NonParallelizable]
public sealed class LockedTenderPagesTests
{
    private const string Owner = "olive@example.nhs.uk";

    [Test]
    public async Task CancelledTender_TenderAndPeoplePages_ShowNoChangeFormsAndSayWhy()
    {
        using var site = new SiteFactory();
        await TestAccounts.CreateAsync(site, Owner, roles: [SiteRoles.Commissioner], organisation: "North ICS", displayName: "Olive Owner");
        await TestAccounts.CreateAsync(site, "alex@example.nhs.uk", organisation: "North ICS", displayName: "Alex Morgan");
        using var client = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(client, Owner);
        var owner = await AwardReady.UserAsync(site, Owner);
        var team = TenderCalls.Of(site.Services);
        var id = (await team.ImportAsync(owner, AwardReady.ExampleFile(act: false))).Value;
        Assert.That((await team.AddPersonAsync(owner, id, "alex@example.nhs.uk", TenderRole.Evaluator, "e1", [], null)).Succeeded, Is.True);

        var draft = await MovePageTests.GetAsync(client, $"/tenders/{id}");
        var draftPeople = await MovePageTests.GetAsync(client, $"/tenders/{id}/people");
        Assert.That(draft, Does.Contain("Save the setting").And.Contain("Link to a provider organisation"), "a draft's settings can change");
        var bid = (await team.BidsAsync(owner, id)).Value[0];
        Assert.That(await MovePageTests.GetAsync(client, $"/tenders/{id}/bids/{bid.RowId}/link"), Does.Contain("Save the link"));
        Assert.That(draftPeople, Does.Contain("Give the role").And.Contain("Take away"));

        await AwardReady.MoveAsync(team, owner, id, TenderStage.Cancelled, reason: "The members will buy together next year.");
        var cancelled = await MovePageTests.GetAsync(client, $"/tenders/{id}");
        var cancelledPeople = await MovePageTests.GetAsync(client, $"/tenders/{id}/people");
        var cancelledLink = await MovePageTests.GetAsync(client, $"/tenders/{id}/bids/{bid.RowId}/link");

        Assert.Multiple(() =>
        {
            Assert.That(cancelled, Does.Not.Contain("Save the setting").And.Not.Contain("Link to a provider organisation").And.Not.Contain("name=\"Prices."));
            Assert.That(cancelledLink, Does.Not.Contain("Save the link").And.Contain("The tender is cancelled, so nothing about it can be changed."));
            Assert.That(cancelled, Does.Contain("The tender is cancelled, so nothing about it can be changed."));
            Assert.That(cancelledPeople, Does.Not.Contain("Give the role").And.Not.Contain("Take away").And.Not.Contain("name=\"Remove."));
            Assert.That(cancelledPeople, Does.Contain("The tender is cancelled, so nothing about it can be changed.").And.Contain("Alex Morgan"));
        });
    }
}
