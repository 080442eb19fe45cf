using Commissioning.Application;
using Commissioning.Application.Accounts;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Data;
using Commissioning.Tests.Files;

namespace Commissioning.Tests.Support;

/// <summary>
/// A small tender for the evaluator's pages: lot 1 with two bids, each evaluator (e1 Alex, e2
/// Sam) assigned question Q1 only, so each has two items to score. Sam has already scored both,
/// declared no conflict and submitted, with a rationale no one else should see before they submit.
/// The tender is in evaluation.
/// </summary>
internal static class EvaluationTender
{
    public const string OwnerEmail = "priya@example.nhs.uk";
    public const string AlexEmail = "alex@example.nhs.uk";
    public const string SamEmail = "sam@example.nhs.uk";
    public const string ObserverEmail = "olu@example.nhs.uk";

    /// <summary>Sam's rationale, in both of Sam's submitted scores.</summary>
    public const string SamsRationale = "Sam-only reasoning 7f3a: the plan names no clinic times";

    /// <summary>Bid a's answer to Q1: two lines, then a second paragraph with markup that must show as text.</summary>
    public const string AnswerA = "We run clinics.\nEvery weekday from 8am.\n\nWe <b>never</b> miss & we report monthly.";

    public static TenderPack Pack()
    {
        var pack = StorageTests.ValidSample();
        var bidA = pack.Bids[0] with { Answers = [new() { QuestionId = "Q1", Text = AnswerA }] };
        return pack with
        {
            Tender = pack.Tender with
            {
                Evaluators = [.. pack.Tender.Evaluators, new() { Id = "e3", Name = "Casey" }],
                Assignments =
                [
                    new() { EvaluatorId = "e1", LotId = "lot-1", QuestionIds = ["Q1"] },
                    new() { EvaluatorId = "e2", LotId = "lot-1", QuestionIds = ["Q1"] },
                    new() { EvaluatorId = "e3", LotId = "lot-1", QuestionIds = ["Q2", "Q3"] },
                ],
            },
            Bids = [bidA, pack.Bids[1]],
            Scores =
            [
                new() { EvaluatorId = "e2", BidId = "bid-a", QuestionId = "Q1", Score = 3m, Rationale = SamsRationale },
                new() { EvaluatorId = "e2", BidId = "bid-b", QuestionId = "Q1", Score = 2m, Rationale = SamsRationale },
            ],
            Moderation = [],
            GateDecisions = [],
            LowPriceDecisions = [],
        };
    }

    /// <summary>The accounts, the tender with its people, moved to evaluation; Sam's scores submitted. The tender's id.</summary>
    public static async Task<Guid> ArrangeAsync(SiteFactory site)
    {
        // The accounts once per site: a browser fixture shares one site between its tests.
        if (await FindAsync(site, OwnerEmail) is null)
        {
            await TestAccounts.CreateAsync(site, OwnerEmail, roles: [SiteRoles.Commissioner], organisation: "North ICS", displayName: "Priya Shah");
            await TestAccounts.CreateAsync(site, AlexEmail, organisation: "North ICS", displayName: "Alex Evaluator");
            await TestAccounts.CreateAsync(site, SamEmail, organisation: "North ICS", displayName: "Sam Evaluator");
            await TestAccounts.CreateAsync(site, ObserverEmail, organisation: "North ICS", displayName: "Olu Observer");
        }

        var team = TenderCalls.Of(site.Services);
        var owner = await UserAsync(site, OwnerEmail);
        var imported = await team.ImportAsync(owner, TenderFile.Write(Pack()));
        Assert.That(imported.Errors.Select(e => e.Message), Is.Empty);
        var id = imported.Value;
        Assert.That((await team.AddPersonAsync(owner, id, AlexEmail, TenderRole.Evaluator, "e1", [], null)).Succeeded, Is.True);
        Assert.That((await team.AddPersonAsync(owner, id, SamEmail, TenderRole.Evaluator, "e2", [], null)).Succeeded, Is.True);
        Assert.That((await team.AddPersonAsync(owner, id, ObserverEmail, TenderRole.Observer, null, [], null)).Succeeded, Is.True);
        foreach (var stage in new[] { TenderStage.OpenForBids, TenderStage.Evaluation })
        {
            var version = (await team.OpenAsync(owner, id))!.Tender.Version;
            Assert.That((await team.ChangeStageAsync(owner, id, stage, null, version)).Succeeded, Is.True, $"moving to {stage}");
        }

        var sam = await UserAsync(site, SamEmail);
        Assert.That((await team.DeclareAsync(sam, id, "e2", hasConflict: false, details: null)).Succeeded, Is.True);
        Assert.That((await team.SubmitScoresAsync(sam, id, "e2")).Value, Is.EqualTo(2));
        return id;
    }

    /// <summary>The person behind an account, by email.</summary>
    public static async Task<SiteUser> UserAsync(SiteFactory site, string email) => (await FindAsync(site, email))!;

    private static async Task<SiteUser?> FindAsync(SiteFactory site, string email)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(site.Services);
        var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Commissioning.Data.Entities.UserAccount>>(scope.ServiceProvider);
        return await users.FindByEmailAsync(email) is { } account ? await TenderCalls.Of(site.Services).UserAsync(account.Id) : null;
    }
}
