using Commissioning.Application;
using Commissioning.Application.Accounts;
using Commissioning.Application.Tenders;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Files;

namespace Commissioning.Tests.Support;

/// <summary>
/// A tender in moderation, set up through the handlers as its people would: two lots (lot-1 with
/// three bids, one priced far below the others; lot-2 with one), a gate the declarations cannot
/// decide (G2) beside one they can (G1, SEQOHS), two evaluators who score every question and
/// submit (they differ on Q1 of bid-a by 2 points, flagged, and on Q2 of bid-a by 1, not
/// flagged; on Q1 of bid-d by 3; nobody scores Q3 of bid-c), a moderator of each lot, and the owner.
/// </summary>
internal static class ModerationTender
{
    public const string Owner = "olive.owner@example.nhs.uk";
    public const string EvaluatorOne = "alex.morgan@example.nhs.uk";
    public const string EvaluatorTwo = "sam.okonkwo@example.nhs.uk";
    public const string ModeratorLotOne = "robin.hale@example.nhs.uk";
    public const string ModeratorLotTwo = "kim.patel@example.nhs.uk";

    /// <summary>The tender as imported: no scores, consensus or decisions yet.</summary>
    public static TenderPack Pack()
    {
        var sample = SamplePack.Create();
        var lotOne = sample.Tender.Lots[0] with
        {
            MinimumQualityPercent = null,
            Sections = [.. sample.Tender.Lots[0].Sections.Select(s => s with { MinimumPercent = null, Questions = [.. s.Questions.Select(q => q with { MinimumScore = null })] })],
        };
        var lotTwo = lotOne with { Id = "lot-2", Title = "Primary care" };
        var tender = sample.Tender with
        {
            Lots = [lotOne, lotTwo],
            Evaluators = [new() { Id = "e1", Name = "Alex" }, new() { Id = "e2", Name = "Sam" }, new() { Id = "m1", Name = "Robin" }, new() { Id = "m2", Name = "Kim" }, new() { Id = "m3", Name = "Jo" }],
            Assignments =
            [
                new() { EvaluatorId = "e1", LotId = "lot-1" },
                new() { EvaluatorId = "e2", LotId = "lot-1" },
                new() { EvaluatorId = "e1", LotId = "lot-2" },
                new() { EvaluatorId = "e2", LotId = "lot-2" },
            ],
        };
        Bid Priced(Bid bid, string id, string lot, decimal price) => bid with
        {
            Id = id,
            LotId = lot,
            Declarations = bid.Declarations with { Seqohs = SeqohsStatus.Accredited },
            Price = new() { AnnualPrices = [price, price + 10_000m], ExtensionPrices = [price + 20_000m] },
            Answers = [new() { QuestionId = "Q1", Text = "We run clinics.\nEvery week, on site." }, new() { QuestionId = "Q3", Text = "Two apprentices & a nurse." }],
        };
        var template = sample.Bids[0];
        return new TenderPack
        {
            Tender = tender,
            Bids =
            [
                Priced(template, "bid-a", "lot-1", 900_000m) with { Provider = "Alpha OH Ltd" },
                Priced(template, "bid-b", "lot-1", 300_000m) with { Provider = "Beta Health's OH" },
                Priced(template, "bid-c", "lot-1", 1_000_000m) with { Provider = "Gamma OH" },
                Priced(template, "bid-d", "lot-2", 500_000m) with { Provider = "Delta OH" },
            ],
        };
    }

    /// <summary>
    /// Creates the accounts, imports the tender as the owner, gives the roles, has both evaluators
    /// score and submit, and moves the tender to <paramref name="stage"/> (moderation by default;
    /// evaluation leaves the scores submitted but moderation not begun).
    /// </summary>
    /// <param name="site">The site.</param>
    /// <param name="rationale">Alex's rationale for Q1 of bid-a (the flagged spread).</param>
    /// <param name="stage">Where to leave the tender.</param>
    public static async Task<Guid> CreateAsync(SiteFactory site, string rationale = "Clear plan for prevention.", TenderStage stage = TenderStage.Moderation)
    {
        var owner = await AccountAsync(site, Owner, "Olive Owner", [SiteRoles.Commissioner]);
        var one = await AccountAsync(site, EvaluatorOne, "Alex Morgan");
        var two = await AccountAsync(site, EvaluatorTwo, "Sam Okonkwo");
        await AccountAsync(site, ModeratorLotOne, "Robin Hale");
        await AccountAsync(site, ModeratorLotTwo, "Kim Patel");

        var calls = TenderCalls.Of(site.Services);
        var me = (await calls.UserAsync(owner))!;
        var imported = await calls.ImportAsync(me, TenderFile.Write(Pack()));
        Assert.That(imported.Errors.Select(e => e.Message), Is.Empty, "the tender imports");
        var id = imported.Value;
        Succeeds(await calls.AddPersonAsync(me, id, EvaluatorOne, TenderRole.Evaluator, "e1", [], null), "e1");
        Succeeds(await calls.AddPersonAsync(me, id, EvaluatorTwo, TenderRole.Evaluator, "e2", [], null), "e2");
        Succeeds(await calls.AddPersonAsync(me, id, ModeratorLotOne, TenderRole.Moderator, "m1", [new LotScope("lot-1", null)], null), "m1");
        Succeeds(await calls.AddPersonAsync(me, id, ModeratorLotTwo, TenderRole.Moderator, "m2", [new LotScope("lot-2", null)], null), "m2");
        await MoveAsync(calls, me, id, TenderStage.OpenForBids);
        await MoveAsync(calls, me, id, TenderStage.Evaluation);

        var alex = (await calls.UserAsync(one))!;
        var sam = (await calls.UserAsync(two))!;
        foreach (var (bid, question) in new[] { ("bid-a", "Q1"), ("bid-a", "Q2"), ("bid-a", "Q3"), ("bid-b", "Q1"), ("bid-b", "Q2"), ("bid-b", "Q3"), ("bid-c", "Q1"), ("bid-c", "Q2"), ("bid-d", "Q1"), ("bid-d", "Q2"), ("bid-d", "Q3") })
        {
            var (first, second) = (bid, question) switch
            {
                ("bid-a", "Q1") => (3m, 1m),
                ("bid-a", "Q2") => (2m, 3m),
                ("bid-d", "Q1") => (4m, 1m),
                _ => (2m, 2m),
            };
            Succeeds(await calls.SaveScoreAsync(alex, id, new EvaluatorScore { EvaluatorId = "e1", BidId = bid, QuestionId = question, Score = first, Rationale = (bid, question) == ("bid-a", "Q1") ? rationale : $"Alex on {question} of {bid}." }, null), $"e1 {bid} {question}");
            Succeeds(await calls.SaveScoreAsync(sam, id, new EvaluatorScore { EvaluatorId = "e2", BidId = bid, QuestionId = question, Score = second, Rationale = $"Sam on {question} of {bid}." }, null), $"e2 {bid} {question}");
        }

        // Left in evaluation, nobody has submitted (bid-c's Q3 is not yet scored). For moderation the
        // rest of each queue is scored too: a queue is submitted only when nothing in it is missing.
        if (stage == TenderStage.Moderation)
        {
            await calls.ScoreTheRestAsync(alex, id, "e1");
            await calls.ScoreTheRestAsync(sam, id, "e2");
            Succeeds(await calls.SubmitScoresAsync(alex, id, "e1"), "e1 submits");
            Succeeds(await calls.SubmitScoresAsync(sam, id, "e2"), "e2 submits");
            await MoveAsync(calls, me, id, TenderStage.Moderation);
        }

        return id;
    }

    /// <summary>The signed-in person of an account, by email, for calling handlers as them.</summary>
    public static async Task<SiteUser> UserAsync(SiteFactory site, string email)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(site.Services);
        var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Commissioning.Data.Entities.UserAccount>>(scope.ServiceProvider);
        var account = await users.FindByEmailAsync(email);
        return (await TenderCalls.Of(site.Services).UserAsync(account!.Id))!;
    }

    /// <summary>The account with this email, made on first use (a site may hold several of these tenders).</summary>
    private static async Task<string> AccountAsync(SiteFactory site, string email, string name, IReadOnlyList<string>? roles = null)
    {
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(site.Services))
        {
            var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Commissioning.Data.Entities.UserAccount>>(scope.ServiceProvider);
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                return existing.Id;
            }
        }

        return await TestAccounts.CreateAsync(site, email, roles: roles, organisation: "North ICS", displayName: name);
    }

    private static async Task MoveAsync(TenderCalls calls, SiteUser owner, Guid id, TenderStage to)
    {
        var version = (await calls.OpenAsync(owner, id))!.Tender.Version;
        Succeeds(await calls.ChangeStageAsync(owner, id, to, null, version), $"moving to {to}");
    }

    private static void Succeeds<T>(Outcome<T> outcome, string what) =>
        Assert.That(outcome.Succeeded, Is.True, $"{what}: {string.Join(" ", outcome.Errors.Select(e => e.Message))}");
}
