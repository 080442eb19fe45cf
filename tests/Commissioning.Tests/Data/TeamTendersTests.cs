using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Application.Accounts;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

using Commissioning.Tests.Support;

namespace Commissioning.Tests.Data;

/// <summary>
/// A team on one tender at the data level, on both databases: an owner, two evaluators on
/// lot 1 (one on one section only), an evaluator on lot 2, a moderator, an observer, a provider
/// whose bid is linked to its organisation, and two accounts with no role (an administrator and
/// another buyer). Every boundary of <see cref="TeamTenders"/> is tried by each of them.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
[NonParallelizable]
public sealed class TeamTendersTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;
    private TestClock _clock = null!;
    private Guid _providerOrganisation;
    private Guid _otherProviderOrganisation;

    private SiteUser _priya = null!;  // commissioner, owner
    private SiteUser _alex = null!;   // evaluator e1, lot-1
    private SiteUser _sam = null!;    // evaluator e2, lot-1 section s1 only
    private SiteUser _casey = null!;  // evaluator e3, lot-2
    private SiteUser _robin = null!;  // moderator m1, lot-1
    private SiteUser _olu = null!;    // observer
    private SiteUser _pat = null!;    // provider: Alpha OH Ltd (bid-a)
    private SiteUser _quinn = null!;  // provider: another organisation, no bid
    private SiteUser _ada = null!;    // administrator, no role on the tender
    private SiteUser _noel = null!;   // buyer, no role on the tender

    [SetUp]
    public async Task SetUp()
    {
        _database = TestDatabase.Create(provider);
        _clock = new TestClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var db = _database.Context();
        var buyer = new OrganisationRow { Name = "North ICS", Kind = OrganisationKind.Buyer };
        var alpha = new OrganisationRow { Name = "Alpha OH Ltd", Kind = OrganisationKind.Provider };
        var other = new OrganisationRow { Name = "Delta OH", Kind = OrganisationKind.Provider };
        db.Organisations.AddRange(buyer, alpha, other);
        _providerOrganisation = alpha.Id;
        _otherProviderOrganisation = other.Id;
        var commissioner = new Microsoft.AspNetCore.Identity.IdentityRole(SiteRoles.Commissioner) { NormalizedName = SiteRoles.Commissioner.ToUpperInvariant() };
        var administrator = new Microsoft.AspNetCore.Identity.IdentityRole(SiteRoles.Administrator) { NormalizedName = SiteRoles.Administrator.ToUpperInvariant() };
        db.Roles.AddRange(commissioner, administrator);
        UserAccount Account(string id, string name, OrganisationRow organisation)
        {
            var account = new UserAccount { Id = id, DisplayName = name, UserName = id + "@example.nhs.uk", NormalizedUserName = (id + "@example.nhs.uk").ToUpperInvariant(), Email = id + "@example.nhs.uk", NormalizedEmail = (id + "@example.nhs.uk").ToUpperInvariant(), OrganisationId = organisation.Id };
            db.Users.Add(account);
            return account;
        }

        Account("priya", "Priya Shah", buyer);
        foreach (var (id, name) in new[] { ("alex", "Alex Evaluator"), ("sam", "Sam Evaluator"), ("casey", "Casey Evaluator"), ("robin", "Robin Moderator"), ("olu", "Olu Observer"), ("ada", "Ada Administrator"), ("noel", "Noel Buyer") })
        {
            Account(id, name, buyer);
        }

        Account("pat", "Pat Provider", alpha);
        Account("quinn", "Quinn Provider", other);
        db.UserRoles.Add(new() { UserId = "priya", RoleId = commissioner.Id });
        db.UserRoles.Add(new() { UserId = "ada", RoleId = administrator.Id });
        AuditTrail.Add(db, _clock, Actor.System, null, "Account", "team", "Created", null, null);
        await db.SaveChangesAsync();

        var team = Team();
        _priya = (await team.UserAsync("priya"))!;
        _alex = (await team.UserAsync("alex"))!;
        _sam = (await team.UserAsync("sam"))!;
        _casey = (await team.UserAsync("casey"))!;
        _robin = (await team.UserAsync("robin"))!;
        _olu = (await team.UserAsync("olu"))!;
        _pat = (await team.UserAsync("pat"))!;
        _quinn = (await team.UserAsync("quinn"))!;
        _ada = (await team.UserAsync("ada"))!;
        _noel = (await team.UserAsync("noel"))!;
    }

    [TearDown]
    public void TearDown() => _database.Dispose();

    private TenderCalls Team() => TenderCalls.Over(_database.Settings, _clock);

    /// <summary>The sample tender with a second lot (one bid), a third evaluator on it, and no scores yet.</summary>
    private static TenderPack TwoLotPack()
    {
        var pack = StorageTests.ValidSample();
        var lot1 = pack.Tender.Lots[0];
        var lot2 = lot1 with { Id = "lot-2", Title = "The hospital", MemberIds = ["hospital"] };
        return pack with
        {
            Tender = pack.Tender with
            {
                Lots = [lot1, lot2],
                Evaluators = [.. pack.Tender.Evaluators, new() { Id = "e3", Name = "Casey" }],
                Assignments = [.. pack.Tender.Assignments, new() { EvaluatorId = "e3", LotId = "lot-2" }],
            },
            Bids = [.. pack.Bids, pack.Bids[0] with { Id = "bid-d", LotId = "lot-2", Provider = "Epsilon OH" }],
            Scores = [],
            Moderation = [],
            GateDecisions = [],
            LowPriceDecisions = [],
        };
    }

    /// <summary>Imports the tender as Priya and gives everyone their role; moves it to evaluation.</summary>
    private async Task<Guid> TenderWithTeamAsync()
    {
        var team = Team();
        var imported = await team.ImportAsync(_priya, TenderFile.Write(TwoLotPack()));
        Assert.That(imported.Errors.Select(e => e.Message), Is.Empty);
        var id = imported.Value;
        async Task Add(SiteUser who, TenderRole role, string? evaluator, params LotScope[] scope)
        {
            var added = await team.AddPersonAsync(_priya, id, who.UserId + "@example.nhs.uk", role, evaluator, scope, null);
            Assert.That(added.Errors.Select(e => e.Message), Is.Empty, $"Adding {who.Name}");
        }

        await Add(_alex, TenderRole.Evaluator, "e1", new LotScope("lot-1", null));
        await Add(_sam, TenderRole.Evaluator, "e2", new LotScope("lot-1", "s1"));
        await Add(_casey, TenderRole.Evaluator, "e3", new LotScope("lot-2", null));
        await Add(_robin, TenderRole.Moderator, "m1", new LotScope("lot-1", null));
        await Add(_olu, TenderRole.Observer, null);
        var bidA = (await team.BidsAsync(_priya, id)).Value.Single(b => b.Id == "bid-a");
        var linked = await team.LinkBidAsync(_priya, id, "bid-a", _providerOrganisation, bidA.Version, null);
        Assert.That(linked.Errors.Select(e => e.Message), Is.Empty);
        await MoveAsync(id, TenderStage.OpenForBids, TenderStage.Evaluation);
        return id;
    }

    private async Task MoveAsync(Guid id, params TenderStage[] stages)
    {
        foreach (var stage in stages)
        {
            var tender = (await Team().OpenAsync(_priya, id))!.Tender;
            var moved = await Team().ChangeStageAsync(_priya, id, stage, "Test", tender.Version);
            Assert.That(moved.Errors.Select(e => e.Message), Is.Empty, $"Moving to {stage}");
        }
    }

    private static EvaluatorScore Score(string evaluator, string bid, string question, decimal score = 3m) =>
        new() { EvaluatorId = evaluator, BidId = bid, QuestionId = question, Score = score, Rationale = $"{evaluator} on {bid} {question}." };

    private async Task<int> StoredScoresAsync(Guid id)
    {
        await using var db = _database.Context();
        return await db.EvaluatorScores.CountAsync(s => s.TenderId == id);
    }

    private async Task SaveAsync(SiteUser who, EvaluatorScore score)
    {
        var saved = await Team().SaveScoreAsync(who, _tender, score, null);
        Assert.That(saved.Errors.Select(e => e.Message), Is.Empty, $"{who.Name} saving {score.EvaluatorId}/{score.BidId}/{score.QuestionId}");
    }

    private Guid _tender;

    private async Task<IReadOnlyList<string>> VisibleScoresAsync(SiteUser who)
    {
        var scores = await Team().ScoresAsync(who, _tender);
        Assert.That(scores.Succeeded, Is.True, $"{who.Name} reading scores: {string.Join(" ", scores.Errors.Select(e => e.Message))}");
        return [.. scores.Value.Select(s => $"{s.Score.EvaluatorId}/{s.Score.BidId}/{s.Score.QuestionId}").Order(StringComparer.Ordinal)];
    }

    [Test]
    public async Task Operations_EachPersonOnTheTeam_AllowedExactlyByTheirRoles()
    {
        _tender = await TenderWithTeamAsync();
        var o = TenderOperation.View;
        // Expected: which operations each person may do. Anyone not allowed View is told there is no such tender.
        var expected = new Dictionary<string, TenderOperation[]>
        {
            ["priya"] = [o, TenderOperation.ViewPeople, TenderOperation.ManagePeople, TenderOperation.ChangeStage, TenderOperation.ViewAudit, TenderOperation.Export, TenderOperation.ViewScores, TenderOperation.Decide, TenderOperation.ViewResults, TenderOperation.SetUp, TenderOperation.ReceiveBids],
            ["alex"] = [o, TenderOperation.ViewScores, TenderOperation.Score],
            ["sam"] = [o, TenderOperation.ViewScores, TenderOperation.Score],
            ["casey"] = [o, TenderOperation.ViewScores, TenderOperation.Score],
            ["robin"] = [o, TenderOperation.ViewScores, TenderOperation.Moderate, TenderOperation.Decide],
            ["olu"] = [o, TenderOperation.ViewPeople, TenderOperation.ViewAudit, TenderOperation.Export, TenderOperation.ViewScores, TenderOperation.ViewResults],
            ["pat"] = [o],
            ["quinn"] = [],
            ["ada"] = [],
            ["noel"] = [],
        };
        var people = new[] { _priya, _alex, _sam, _casey, _robin, _olu, _pat, _quinn, _ada, _noel };
        var checkedPairs = 0;
        foreach (var person in people)
        {
            foreach (var operation in Enum.GetValues<TenderOperation>())
            {
                var required = await Team().RequireAsync(person, _tender, operation);
                var allowed = expected[person.UserId].Contains(operation);
                Assert.That(required.Succeeded, Is.EqualTo(allowed), $"{person.Name}: {operation}");
                if (!allowed)
                {
                    Assert.That(required.Failure, Is.EqualTo(FailureKind.NotFound), $"{person.Name}: {operation} must look like no such tender");
                }

                checkedPairs++;
            }
        }

        Assert.That(checkedPairs, Is.EqualTo(people.Length * Enum.GetValues<TenderOperation>().Length));
        Assert.That(await Team().OpenAsync(_noel, Guid.NewGuid()), Is.Null);
    }

    [Test]
    public async Task List_EachPerson_SeesOnlyTendersTheyAreOnOrBidFor()
    {
        _tender = await TenderWithTeamAsync();
        var second = (await Team().ImportAsync(_priya, TenderFile.Write(TwoLotPack() with { Tender = TwoLotPack().Tender with { Title = "Second tender" } }))).Value;

        async Task<string[]> Titles(SiteUser who) => [.. (await Team().ListAsync(who)).Select(t => $"{t.Tender.Title}: {string.Join(", ", t.Roles)}")];

        Assert.That(await Titles(_priya), Is.EqualTo(new[] { "Second tender: Owner", "Sample tender: Owner" }));
        Assert.That(await Titles(_alex), Is.EqualTo(new[] { "Sample tender: Evaluator (e1)" }));
        Assert.That(await Titles(_olu), Is.EqualTo(new[] { "Sample tender: Observer" }));
        Assert.That(await Titles(_pat), Is.EqualTo(new[] { "Sample tender: Bidder" }));
        Assert.That(await Titles(_quinn), Is.Empty);
        Assert.That(await Titles(_ada), Is.Empty);
        Assert.That(await Titles(_noel), Is.Empty);
        Assert.That(second, Is.Not.EqualTo(_tender));
    }

    [Test]
    public async Task Import_ByANonCommissioner_IsRefusedAndSavesNothing()
    {
        var refused = await Team().ImportAsync(_alex, TenderFile.Write(TwoLotPack()));

        Assert.That(refused.Failure, Is.EqualTo(FailureKind.Refused));
        Assert.That(refused.Errors[0].Message, Does.StartWith("Only a commissioner can import a tender."));
        await using var db = _database.Context();
        Assert.That(await db.Tenders.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Import_ByACommissioner_MakesThemOwnerInTheSameAuditedSave()
    {
        var id = (await Team().ImportAsync(_priya, TenderFile.Write(TwoLotPack()))).Value;

        await using var db = _database.Context();
        var owner = await db.TenderMemberships.SingleAsync(m => m.TenderId == id);
        Assert.That((owner.UserId, owner.Role), Is.EqualTo(("priya", TenderRole.Owner)));
        var audit = await db.AuditEntries.Where(a => a.TenderId == id).OrderBy(a => a.Id).Select(a => a.Entity + " " + a.Action + " by " + a.UserName).ToListAsync();
        Assert.That(audit, Is.EqualTo(new[] { "Tender Imported by Priya Shah", "TenderMembership Created by Priya Shah" }));
    }

    [Test]
    public async Task Scores_BeforeAndAfterSubmission_EvaluatorsScoreBlind()
    {
        _tender = await TenderWithTeamAsync();
        await SaveAsync(_alex, Score("e1", "bid-a", "Q1"));
        await SaveAsync(_alex, Score("e1", "bid-a", "Q3"));
        await SaveAsync(_sam, Score("e2", "bid-a", "Q1"));
        await SaveAsync(_sam, Score("e2", "bid-a", "Q2"));
        await SaveAsync(_casey, Score("e3", "bid-d", "Q1"));
        string[] all = ["e1/bid-a/Q1", "e1/bid-a/Q3", "e2/bid-a/Q1", "e2/bid-a/Q2", "e3/bid-d/Q1"];
        string[] lot1 = ["e1/bid-a/Q1", "e1/bid-a/Q3", "e2/bid-a/Q1", "e2/bid-a/Q2"];

        // Before anyone submits: each evaluator sees only their own; the moderator sees every
        // score of lot 1 (submitted or not); the owner and the observer see everything.
        Assert.That(await VisibleScoresAsync(_alex), Is.EqualTo(new[] { "e1/bid-a/Q1", "e1/bid-a/Q3" }));
        Assert.That(await VisibleScoresAsync(_sam), Is.EqualTo(new[] { "e2/bid-a/Q1", "e2/bid-a/Q2" }));
        Assert.That(await VisibleScoresAsync(_casey), Is.EqualTo(new[] { "e3/bid-d/Q1" }));
        Assert.That(await VisibleScoresAsync(_robin), Is.EqualTo(lot1));
        Assert.That(await VisibleScoresAsync(_priya), Is.EqualTo(all));
        Assert.That(await VisibleScoresAsync(_olu), Is.EqualTo(all));

        // Alex cannot submit with most of their queue unscored; they score the rest (nine: three
        // bids, three questions) and submit. Sam has not, so Alex still sees only their own, and
        // Sam sees nothing of Alex's.
        Assert.That((await Team().SubmitScoresAsync(_alex, _tender, "e1")).Failure, Is.EqualTo(FailureKind.Refused));
        Assert.That(await Team().ScoreTheRestAsync(_alex, _tender, "e1"), Is.EqualTo(7));
        var alexOwn = await VisibleScoresAsync(_alex);
        Assert.That((await Team().SubmitScoresAsync(_alex, _tender, "e1")).Value, Is.EqualTo(9));
        Assert.That(await VisibleScoresAsync(_alex), Is.EqualTo(alexOwn));
        Assert.That(alexOwn, Has.Count.EqualTo(9).And.All.StartsWith("e1/"));
        Assert.That(await VisibleScoresAsync(_sam), Is.EqualTo(new[] { "e2/bid-a/Q1", "e2/bid-a/Q2" }));

        // Sam scores the rest of theirs (six: three bids, Q1 and Q2) and submits: now each sees the
        // other's submitted scores on what they cover; Sam covers section s1 only, so not Alex's
        // Q3 (section s2). Casey, on lot 2, sees none of lot 1.
        Assert.That(await Team().ScoreTheRestAsync(_sam, _tender, "e2"), Is.EqualTo(4));
        var samOwn = await VisibleScoresAsync(_sam);
        Assert.That((await Team().SubmitScoresAsync(_sam, _tender, "e2")).Value, Is.EqualTo(6));
        Assert.That(await VisibleScoresAsync(_alex), Is.EqualTo(alexOwn.Concat(samOwn).Order(StringComparer.Ordinal)));
        Assert.That(await VisibleScoresAsync(_sam), Is.EqualTo(alexOwn.Where(s => !s.EndsWith("/Q3", StringComparison.Ordinal)).Concat(samOwn).Order(StringComparer.Ordinal)));
        Assert.That(await VisibleScoresAsync(_casey), Is.EqualTo(new[] { "e3/bid-d/Q1" }));

        // Providers and people with no role are told there is no such tender.
        foreach (var outsider in new[] { _pat, _quinn, _ada, _noel })
        {
            Assert.That((await Team().ScoresAsync(outsider, _tender)).Failure, Is.EqualTo(FailureKind.NotFound), outsider.Name);
        }
    }

    [Test]
    public async Task SubmitScores_AnythingUnscoredOrWithoutARationale_IsRefusedListingEachAndSubmitsNothing()
    {
        _tender = await TenderWithTeamAsync();
        await SaveAsync(_sam, Score("e2", "bid-a", "Q1"));
        await SaveAsync(_sam, Score("e2", "bid-a", "Q2"));
        await SaveAsync(_sam, Score("e2", "bid-b", "Q1"));

        // Three of Sam's six are left: each named, with its bidder.
        var unscored = await Team().SubmitScoresAsync(_sam, _tender, "e2");
        Assert.That(unscored.Failure, Is.EqualTo(FailureKind.Refused));
        Assert.That(unscored.Errors.Select(e => e.Message), Is.EqualTo(new[]
        {
            "Score Q2 (Access) for Beta Health's OH (bid bid-b) before you submit.",
            "Score Q1 (Prevention) for Gamma OH (bid bid-c) before you submit.",
            "Score Q2 (Access) for Gamma OH (bid bid-c) before you submit.",
        }));

        // Everything scored, but one rationale is blank (as storage could hold it): still refused.
        await Team().ScoreTheRestAsync(_sam, _tender, "e2");
        await using (var db = _database.Context())
        {
            var row = await db.EvaluatorScores.SingleAsync(s => s.TenderId == _tender && s.EvaluatorKey == "e2" && s.BidKey == "bid-a" && s.QuestionKey == "Q2");
            row.Rationale = " ";
            AuditTrail.Add(db, _clock, Actor.System, _tender, "EvaluatorScore", "e2/bid-a/Q2", "Changed", null, null);
            await db.SaveChangesAsync();
        }

        var noRationale = await Team().SubmitScoresAsync(_sam, _tender, "e2");
        Assert.That(noRationale.Errors.Select(e => e.Message), Is.EqualTo(new[] { "Enter why you gave your score for Q2 (Access) for Alpha OH Ltd (bid bid-a) before you submit." }));
        await using (var db = _database.Context())
        {
            Assert.That(await db.EvaluatorScores.CountAsync(s => s.TenderId == _tender && s.Submitted), Is.Zero, "nothing was submitted");
            Assert.That(await db.AuditEntries.CountAsync(a => a.TenderId == _tender && a.Action == "Submitted"), Is.Zero);
        }

        // With the rationale given, everything is submitted at once.
        var queued = (await Team().WorklistAsync(_sam, _tender)).Value.Single().Items.Count;
        await Team().ScoreTheRestAsync(_sam, _tender, "e2");
        Assert.That((await Team().SubmitScoresAsync(_sam, _tender, "e2")).Value, Is.EqualTo(queued));
    }

    [Test]
    public async Task SaveScore_OutsideTheirOwnAssignment_IsRefusedAndSavesNothing()
    {
        _tender = await TenderWithTeamAsync();
        var attempts = new (SiteUser Who, EvaluatorScore Score, FailureKind Failure)[]
        {
            (_alex, Score("e2", "bid-a", "Q1"), FailureKind.Refused),   // as another evaluator
            (_sam, Score("e2", "bid-a", "Q3"), FailureKind.Refused),    // a section Sam does not cover
            (_casey, Score("e3", "bid-a", "Q1"), FailureKind.Refused),  // a lot Casey does not cover
            (_robin, Score("m1", "bid-a", "Q1"), FailureKind.NotFound), // a moderator does not score
            (_olu, Score("e1", "bid-a", "Q1"), FailureKind.NotFound),   // an observer changes nothing
            (_priya, Score("e1", "bid-a", "Q1"), FailureKind.NotFound), // nor does the owner score as an evaluator
            (_pat, Score("e1", "bid-a", "Q1"), FailureKind.NotFound),
            (_noel, Score("e1", "bid-a", "Q1"), FailureKind.NotFound),
        };

        foreach (var (who, score, failure) in attempts)
        {
            var saved = await Team().SaveScoreAsync(who, _tender, score, null);
            Assert.That(saved.Failure, Is.EqualTo(failure), $"{who.Name} saving {score.EvaluatorId}/{score.BidId}/{score.QuestionId}");
        }

        Assert.That(await StoredScoresAsync(_tender), Is.Zero);
        Assert.That((await Team().SubmitScoresAsync(_alex, _tender, "e2")).Failure, Is.EqualTo(FailureKind.Refused));
    }

    [Test]
    public async Task Moderate_OnlyTheModeratorOnTheirOwnLots()
    {
        _tender = await TenderWithTeamAsync();
        await SaveAsync(_alex, Score("e1", "bid-a", "Q1"));
        await Team().ScoreTheRestAsync(_alex, _tender, "e1");
        Assert.That((await Team().SubmitScoresAsync(_alex, _tender, "e1")).Succeeded, Is.True);
        await MoveAsync(_tender, TenderStage.Moderation);
        ModeratedScore Consensus(string bid, string moderator = "m1") => new() { BidId = bid, QuestionId = "Q1", Score = 2m, Reason = "Agreed at the panel.", ModeratorId = moderator };

        Assert.That((await Team().ModerateAsync(_robin, _tender, Consensus("bid-d"), null)).Failure, Is.EqualTo(FailureKind.Refused), "a lot Robin does not moderate");
        Assert.That((await Team().ModerateAsync(_robin, _tender, Consensus("bid-a", "e1"), null)).Failure, Is.EqualTo(FailureKind.Refused), "as someone else");
        Assert.That((await Team().ModerateAsync(_alex, _tender, Consensus("bid-a"), null)).Failure, Is.EqualTo(FailureKind.NotFound), "an evaluator");
        Assert.That((await Team().ModerateAsync(_priya, _tender, Consensus("bid-a"), null)).Failure, Is.EqualTo(FailureKind.NotFound), "the owner");
        await using (var db = _database.Context())
        {
            Assert.That(await db.ModeratedScores.CountAsync(m => m.TenderId == _tender), Is.Zero);
        }

        var recorded = await Team().ModerateAsync(_robin, _tender, Consensus("bid-a"), null);
        Assert.That(recorded.Errors.Select(e => e.Message), Is.Empty);
    }

    [Test]
    public async Task Bids_PricesHiddenFromEvaluatorsUntilTheOwnerAllowsThem()
    {
        _tender = await TenderWithTeamAsync();
        async Task<string[]> Bids(SiteUser who) =>
            [.. (await Team().BidsAsync(who, _tender)).Value.Select(b => b.Id + (b.Price is null ? " (no price)" : $" {b.Price.AnnualPrices[0]:0.##}"))];

        Assert.That(await Bids(_priya), Is.EqualTo(new[] { "bid-a 900000", "bid-b 850000.5", "bid-c 1000000", "bid-d 900000" }));
        Assert.That(await Bids(_olu), Is.EqualTo(await Bids(_priya)));
        Assert.That(await Bids(_alex), Is.EqualTo(new[] { "bid-a (no price)", "bid-b (no price)", "bid-c (no price)" }));
        Assert.That(await Bids(_robin), Is.EqualTo(new[] { "bid-a (no price)", "bid-b (no price)", "bid-c (no price)" }));
        Assert.That(await Bids(_casey), Is.EqualTo(new[] { "bid-d (no price)" }));
        Assert.That(await Bids(_pat), Is.EqualTo(new[] { "bid-a 900000" }), "a provider sees its own bid, with its prices, and no other");
        Assert.That((await Team().BidsAsync(_quinn, _tender)).Failure, Is.EqualTo(FailureKind.NotFound));

        var version = (await Team().OpenAsync(_priya, _tender))!.Tender.Version;
        Assert.That((await Team().SetEvaluatorsSeePricesAsync(_alex, _tender, true, version, "Because")).Failure, Is.EqualTo(FailureKind.NotFound), "only the owner");
        var set = await Team().SetEvaluatorsSeePricesAsync(_priya, _tender, true, version, "The panel scores price and quality together.");
        Assert.That(set.Errors.Select(e => e.Message), Is.Empty);
        Assert.That(await Bids(_alex), Is.EqualTo(new[] { "bid-a 900000", "bid-b 850000.5", "bid-c 1000000" }));
        var stale = await Team().SetEvaluatorsSeePricesAsync(_priya, _tender, false, version, "Back again.");
        Assert.That(stale.Failure, Is.EqualTo(FailureKind.Conflict), "the version the owner saw is no longer stored");
        Assert.That(stale.Errors[0].Message, Does.StartWith("Priya Shah saved this"));
        Assert.That(await Bids(_alex), Has.All.Not.Contains("no price"));
    }

    [Test]
    public async Task People_OnlyTheOwnerChangesThemAndTheLastOwnerStays()
    {
        _tender = await TenderWithTeamAsync();

        Assert.That((await Team().AddPersonAsync(_alex, _tender, "noel@example.nhs.uk", TenderRole.Observer, null, [], "Needed")).Failure, Is.EqualTo(FailureKind.NotFound));
        Assert.That((await Team().PeopleAsync(_alex, _tender)).Failure, Is.EqualTo(FailureKind.NotFound));
        var provider = await Team().AddPersonAsync(_priya, _tender, "pat@example.nhs.uk", TenderRole.Observer, null, [], "Needed");
        Assert.That(provider.Errors[0].Message, Does.StartWith("This account belongs to a provider."));
        var unknown = await Team().AddPersonAsync(_priya, _tender, "nobody@example.nhs.uk", TenderRole.Observer, null, [], "Needed");
        Assert.That(unknown.Errors[0].Location, Is.EqualTo(new FormFieldLocation("Email")));

        var people = (await Team().PeopleAsync(_olu, _tender)).Value;
        Assert.That(people.Select(p => $"{p.Role} {p.Name} {string.Join(";", p.Scope)}"), Is.EqualTo(new[]
        {
            "Owner Priya Shah ", "Evaluator Alex Evaluator lot-1", "Evaluator Casey Evaluator lot-2",
            "Evaluator Sam Evaluator lot-1, section s1", "Moderator Robin Moderator lot-1", "Observer Olu Observer ",
        }));
        var owner = people.Single(p => p.Role == TenderRole.Owner);
        var removed = await Team().RemovePersonAsync(_priya, _tender, owner.MembershipId, owner.Version, "Leaving");
        Assert.That(removed.Failure, Is.EqualTo(FailureKind.Refused));
        Assert.That(removed.Errors[0].Message, Does.StartWith("This is the tender's only owner."));
    }

    [Test]
    public async Task AuditAndExport_OnlyOwnerAndObserver()
    {
        _tender = await TenderWithTeamAsync();
        var checkedPeople = 0;
        foreach (var (who, allowed) in new[] { (_priya, true), (_olu, true), (_alex, false), (_robin, false), (_pat, false), (_ada, false), (_noel, false) })
        {
            Assert.That((await Team().AuditAsync(who, _tender)).Succeeded, Is.EqualTo(allowed), $"{who.Name} audit");
            Assert.That((await Team().ExportAsync(who, _tender)).Succeeded, Is.EqualTo(allowed), $"{who.Name} export");
            checkedPeople++;
        }

        Assert.That(checkedPeople, Is.EqualTo(7));
        Assert.That((await Team().AuditAsync(_olu, _tender)).Value.Select(a => a.Action), Does.Contain("OrganisationLinked"));
    }

    [Test]
    public async Task LinkBid_ToABuyerOrganisationOrByANonOwner_IsRefused()
    {
        _tender = await TenderWithTeamAsync();
        var bid = (await Team().BidsAsync(_priya, _tender)).Value.Single(b => b.Id == "bid-b");
        Guid buyer;
        await using (var db = _database.Context())
        {
            buyer = await db.Organisations.Where(o => o.Kind == OrganisationKind.Buyer).Select(o => o.Id).SingleAsync();
        }

        Assert.That((await Team().LinkBidAsync(_priya, _tender, "bid-b", buyer, bid.Version, "Linking")).Errors[0].Location, Is.EqualTo(new FormFieldLocation("OrganisationId")));
        Assert.That((await Team().LinkBidAsync(_alex, _tender, "bid-b", _otherProviderOrganisation, bid.Version, "Linking")).Failure, Is.EqualTo(FailureKind.NotFound));
        var linked = await Team().LinkBidAsync(_priya, _tender, "bid-b", _otherProviderOrganisation, bid.Version, "Delta bid for lot 1.");
        Assert.That(linked.Errors.Select(e => e.Message), Is.Empty);
        Assert.That((await Team().BidsAsync(_quinn, _tender)).Value.Select(b => b.Id), Is.EqualTo(new[] { "bid-b" }));
        var stale = await Team().LinkBidAsync(_priya, _tender, "bid-b", null, bid.Version, "Again");
        Assert.That(stale.Failure, Is.EqualTo(FailureKind.Conflict));
    }

    [Test]
    public async Task AuditTrail_TeamChanges_AreRecordedWithWhoAndReason()
    {
        _tender = await TenderWithTeamAsync();
        var version = (await Team().OpenAsync(_priya, _tender))!.Tender.Version;
        await Team().SetEvaluatorsSeePricesAsync(_priya, _tender, true, version, "Price and quality scored together.");
        var olu = (await Team().PeopleAsync(_priya, _tender)).Value.Single(p => p.Role == TenderRole.Observer);
        Assert.That((await Team().RemovePersonAsync(_priya, _tender, olu.MembershipId, olu.Version, "Audit finished.")).Succeeded, Is.True);

        var trail = (await Team().AuditAsync(_priya, _tender)).Value.Select(e => $"{e.Entity} {e.Action} by {e.UserName}{(e.Reason is null ? "" : ": " + e.Reason)}").ToList();

        Assert.That(trail, Is.EqualTo(new[]
        {
            "Tender Imported by Priya Shah",
            "TenderMembership Created by Priya Shah",
            "TenderMembership Created by Priya Shah",
            "TenderMembership Created by Priya Shah",
            "TenderMembership Created by Priya Shah",
            "TenderMembership Created by Priya Shah",
            "TenderMembership Created by Priya Shah",
            "Bid OrganisationLinked by Priya Shah",
            "Tender StageChanged by Priya Shah: Test",
            "Tender StageChanged by Priya Shah: Test",
            "Tender SettingChanged by Priya Shah: Price and quality scored together.",
            "TenderMembership Removed by Priya Shah: Audit finished.",
        }));
    }
}
