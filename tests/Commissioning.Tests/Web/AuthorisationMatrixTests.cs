using Commissioning.Application.Readiness;
using Commissioning.Core.Lifecycle;
using System.Net;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Application.Accounts;
using Commissioning.Core.Files;
using Commissioning.Core.Standards;
using Commissioning.Data.Entities;
using Commissioning.Tests.Data;
using Commissioning.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Web;

/// <summary>
/// Every page and every handler of the site, tried by every kind of person: anonymous, an account
/// with no role on the tender, an administrator, the tender's owner, an evaluator, a moderator, an
/// observer, the provider whose bid is linked, and another provider. The list of pages and
/// handlers comes from the running site, so a new page or handler without a row here fails.
/// </summary>
[NonParallelizable]
public sealed class AuthorisationMatrixTests
{
    /// <summary>The people who try each page.</summary>
    public enum Persona
    {
        Anonymous,
        NoRole,
        Administrator,
        Owner,
        Evaluator,
        Moderator,
        Observer,
        Provider,
        OtherProvider,
    }

    private static readonly Persona[] Everyone = Enum.GetValues<Persona>();
    private static readonly Persona[] SignedIn = [.. Everyone.Where(p => p != Persona.Anonymous)];

    /// <summary>What a person gets: a status code, or (302 to sign in) <see cref="SignIn"/>.</summary>
    private const int SignIn = 1;

    private static Dictionary<Persona, int> Same(int status) => Everyone.ToDictionary(p => p, _ => status);

    /// <summary>A page for anyone signed in; anonymous people are sent to sign in.</summary>
    private static Dictionary<Persona, int> AnySignedIn() => Everyone.ToDictionary(p => p, p => p == Persona.Anonymous ? SignIn : 200);

    /// <summary>A page about the tender: the allowed get it; everyone else signed in gets 404, as for no such tender.</summary>
    private static Dictionary<Persona, int> OnTender(params Persona[] allowed) =>
        Everyone.ToDictionary(p => p, p => p == Persona.Anonymous ? SignIn : allowed.Contains(p) ? 200 : 404);

    /// <summary>A page for a site-wide role: the allowed get it; everyone else signed in gets 403.</summary>
    private static Dictionary<Persona, int> ForRole(params Persona[] allowed) =>
        Everyone.ToDictionary(p => p, p => p == Persona.Anonymous ? SignIn : allowed.Contains(p) ? 200 : 403);

    /// <summary>
    /// The expected answer for each page and handler, by route template. A POST that is allowed
    /// is sent with an empty form, so it answers 200 with the form's errors and changes nothing.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<Persona, int>> Expected = new()
    {
        ["GET "] = Same(200),
        ["GET error/{code:int?}"] = Same(404),
        ["GET setup"] = Same(404),
        ["POST setup"] = Same(404),
        ["GET account/sign-in"] = Same(200),
        ["POST account/sign-in"] = Same(200),
        ["GET account/sign-out"] = Same(200),
        ["POST account/sign-out"] = Same(302),
        ["GET Standards"] = Same(200),
        ["GET standards/{id}"] = Same(200),
        ["GET standards/requirements/{id}"] = Same(200),
        ["GET standards/guide-questions"] = Same(200),
        ["GET Standards/Glossary"] = Same(200),
        ["GET Standards/Sources"] = Same(200),
        ["GET Specification"] = Same(302), // with no answers it sends you to the profile form
        ["GET Specification/Profile"] = Same(200),
        ["POST Specification/Profile"] = Same(200),
        ["GET admin/accounts"] = ForRole(Persona.Administrator),
        ["POST admin/accounts?handler=Unlock"] = ForRole(Persona.Administrator).With(Persona.Administrator, 404), // no such account to unlock
        ["GET admin/accounts/create"] = ForRole(Persona.Administrator),
        ["POST admin/accounts/create"] = ForRole(Persona.Administrator),
        ["GET Tenders"] = AnySignedIn(),
        ["GET Tenders/Import"] = ForRole(Persona.Owner),
        ["POST Tenders/Import"] = ForRole(Persona.Owner),
        ["GET tenders/{id:guid}"] = OnTender(Persona.Owner, Persona.Evaluator, Persona.Moderator, Persona.Observer, Persona.Provider),
        ["POST tenders/{id:guid}?handler=Prices"] = OnTender(Persona.Owner),
        ["GET tenders/{id:guid}/bids"] = OnTender(Persona.Owner),
        ["GET tenders/{id:guid}/bids?handler=Workbook"] = OnTender(Persona.Owner),
        ["GET tenders/{id:guid}/bids?handler=Questionnaire"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/bids"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/bids?handler=Invite"] = OnTender(Persona.Owner),
        ["GET tenders/{id:guid}/bids/new"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/bids/new"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/bids?handler=Uninvite"] = OnTender(Persona.Owner),
        // The tender here is a draft: an invitation shows a tender to a provider only once it is published.
        ["GET tenders/{id:guid}/respond"] = OnTender(),
        ["GET tenders/{id:guid}/respond?handler=Workbook"] = OnTender(),
        ["POST tenders/{id:guid}/respond"] = OnTender(),
        ["GET tenders/{id:guid}/bids/{bid:guid}/link"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/bids/{bid:guid}/link"] = OnTender(Persona.Owner),
        ["GET tenders/{id:guid}/bids/{bid:guid}/withdraw"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/bids/{bid:guid}/withdraw"] = OnTender(Persona.Owner), // refused by the stage, on the page
        ["GET tenders/{id:guid}/people"] = OnTender(Persona.Owner, Persona.Observer),
        ["POST tenders/{id:guid}/people?handler=Add"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/people?handler=Remove"] = OnTender(Persona.Owner),
        ["GET tenders/{id:guid}/audit"] = OnTender(Persona.Owner, Persona.Observer),
        ["GET tenders/{id:guid}/audit?handler=Csv"] = OnTender(Persona.Owner, Persona.Observer),
        ["GET tenders/{id:guid}/export"] = OnTender(Persona.Owner, Persona.Observer),
        ["GET tenders/{id:guid}/scores"] = OnTender(Persona.Owner, Persona.Evaluator, Persona.Moderator, Persona.Observer),

        // Results: owners and observers at any stage; evaluators and moderators once award is
        // recommended (ResultsPageTests checks each stage). The tender here is a draft.
        ["GET tenders/{id:guid}/results"] = OnTender(Persona.Owner, Persona.Observer),
        ["GET tenders/{id:guid}/results/downloads"] = OnTender(Persona.Owner, Persona.Observer),
        ["GET tenders/{id:guid}/results/downloads?handler=Matrix"] = OnTender(Persona.Owner, Persona.Observer),
        ["GET tenders/{id:guid}/results/downloads?handler=Report"] = OnTender(Persona.Owner, Persona.Observer),
        ["GET tenders/{id:guid}/results/downloads?handler=Summary"] = OnTender(), // no bid named: 404 even for those who may download summaries
        ["GET tenders/{id:guid}/results/downloads?handler=Audit"] = OnTender(Persona.Owner, Persona.Observer),
        ["GET tenders/{id:guid}/results/downloads?handler=Tender"] = OnTender(Persona.Owner, Persona.Observer),

        // Moderation: the owner and moderators (on their lots); only a moderator records a consensus.
        ["GET tenders/{id:guid}/moderate"] = OnTender(Persona.Owner, Persona.Moderator),
        ["GET tenders/{id:guid}/moderate/consensus"] = OnTender(Persona.Owner, Persona.Moderator),
        ["POST tenders/{id:guid}/moderate/consensus"] = OnTender(Persona.Moderator),
        ["GET tenders/{id:guid}/moderate/gate"] = OnTender(Persona.Owner, Persona.Moderator),
        ["POST tenders/{id:guid}/moderate/gate"] = OnTender(Persona.Owner, Persona.Moderator),
        ["GET tenders/{id:guid}/moderate/price"] = OnTender(Persona.Owner, Persona.Moderator),
        ["POST tenders/{id:guid}/moderate/price"] = OnTender(Persona.Owner, Persona.Moderator),

        // Stage moves and the award.
        ["GET tenders/{id:guid}/stage/{to}"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/stage/{to}"] = OnTender(Persona.Owner), // an empty form carries no version: refused as a conflict, nothing moves
        ["GET tenders/{id:guid}/award"] = OnTender(Persona.Owner, Persona.Observer), // evaluators and moderators too, from award recommended on
        ["POST tenders/{id:guid}/award?handler=Award"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/award?handler=Summaries"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/award?handler=FurtherDecision"] = OnTender(Persona.Owner),
        ["GET tenders/{id:guid}/award/notices"] = OnTender(Persona.Owner, Persona.Observer),
        ["GET tenders/{id:guid}/award/notices?handler=Markdown"] = OnTender(Persona.Owner, Persona.Observer),
        ["GET tenders/{id:guid}/award/notices?handler=Html"] = OnTender(Persona.Owner, Persona.Observer),

        // The evaluator's pages (the tender is a draft: they open, showing why scoring waits; a form sent empty shows its errors).
        ["GET tenders/{id:guid}/evaluate"] = OnTender(Persona.Evaluator),
        ["GET tenders/{id:guid}/evaluate/declaration"] = OnTender(Persona.Evaluator),
        ["POST tenders/{id:guid}/evaluate/declaration"] = OnTender(Persona.Evaluator),
        ["GET tenders/{id:guid}/evaluate/score"] = OnTender(Persona.Evaluator),
        ["POST tenders/{id:guid}/evaluate/score"] = OnTender(Persona.Evaluator),
        ["GET tenders/{id:guid}/evaluate/check"] = OnTender(Persona.Evaluator),
        ["POST tenders/{id:guid}/evaluate/check"] = OnTender(Persona.Evaluator), // refused: the tender is not in evaluation
        ["GET tenders/{id:guid}/conflicts"] = OnTender(Persona.Owner, Persona.Observer),

        // Creating and setting up a tender: commissioners create; only the owner sets up (the tender
        // here came with bids in its file, so every change is refused with a message, and nothing changes).
        ["GET tenders/new"] = ForRole(Persona.Owner),
        ["POST tenders/new"] = ForRole(Persona.Owner),
        ["GET tenders/{id:guid}/setup"] = OnTender(Persona.Owner),
        ["GET tenders/{id:guid}/setup/details"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/details"] = OnTender(Persona.Owner),
        ["GET tenders/{id:guid}/setup/members"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/members?handler=Upload"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/members?handler=Remove"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/members?handler=Complete"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/members?handler=Saved"] = OnTender(Persona.Owner),
        ["GET tenders/{id:guid}/setup/members/add"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/members/add"] = OnTender(Persona.Owner),
        ["GET tenders/{id:guid}/setup/lots"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/lots"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/lots?handler=Complete"] = OnTender(Persona.Owner),
        ["GET tenders/{id:guid}/setup/criteria"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/criteria"] = OnTender(Persona.Owner).With(Persona.Owner, 404), // no lot named
        ["GET tenders/{id:guid}/setup/criteria/questions"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/criteria/questions"] = OnTender(Persona.Owner), // the first lot when none is named
        ["GET tenders/{id:guid}/setup/question"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/question"] = OnTender(Persona.Owner).With(Persona.Owner, 404), // no section or question named
        ["GET tenders/{id:guid}/setup/gates"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/gates"] = OnTender(Persona.Owner), // the first lot when none is named
        ["GET tenders/{id:guid}/setup/price"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/price"] = OnTender(Persona.Owner), // the first lot when none is named
        ["GET tenders/{id:guid}/setup/scale"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/scale"] = OnTender(Persona.Owner),
        ["GET tenders/{id:guid}/setup/dates"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/dates"] = OnTender(Persona.Owner),
        ["GET tenders/{id:guid}/setup/people"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/people"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/people?handler=Remove"] = OnTender(Persona.Owner),
        ["POST tenders/{id:guid}/setup/people?handler=Complete"] = OnTender(Persona.Owner),
        ["GET readiness"] = AnySignedIn(),
        ["GET readiness/new"] = OnTender(Persona.Provider, Persona.OtherProvider), // providers' accounts only
        ["POST readiness/new"] = OnTender(Persona.Provider, Persona.OtherProvider),
        ["GET readiness/{id:guid}"] = OnTender(Persona.Provider), // the provider's organisation's own check only
        ["GET readiness/{id:guid}?handler=Download"] = OnTender(Persona.Provider),
        ["GET tenders/{id:guid}/conflicts/decide"] = OnTender(Persona.Owner).With(Persona.Owner, 404), // no declared conflict to decide on
        ["POST tenders/{id:guid}/conflicts/decide"] = OnTender(Persona.Owner).With(Persona.Owner, 404),
    };

    [Test]
    public async Task EveryPageAndHandler_EveryPersona_GetsWhatTheirRolesAllow()
    {
        using var site = new SiteFactory();
        var handlers = await HandlersAsync(site);
        Assert.That(handlers.Except(Expected.Keys), Is.Empty, "Pages or handlers with no row in the authorisation matrix: add one");
        Assert.That(Expected.Keys.Except(handlers), Is.Empty, "Rows in the authorisation matrix for pages or handlers that no longer exist");

        var tender = await TeamAsync(site);
        var catalogue = site.Services.GetRequiredService<StandardsCatalogue>();
        var firstBid = (await TenderCalls.Of(site.Services).BidsAsync((await OwnerAsync(site))!, tender)).Value[0];
        var check = await ReadinessCheckAsync(site);
        var values = new Dictionary<string, string>
        {
            // Before "{id:guid}", which every tender page's address shares.
            ["readiness/{id:guid}?handler=Download"] = $"readiness/{check}?handler=Download&format=html",
            ["readiness/{id:guid}"] = $"readiness/{check}",
            ["{id:guid}"] = tender.ToString(),
            ["{bid:guid}"] = firstBid.RowId.ToString(),
            ["bids?handler=Workbook"] = $"bids?handler=Workbook&lot={firstBid.LotId}",
            ["respond?handler=Workbook"] = $"respond?handler=Workbook&lot={firstBid.LotId}",
            ["bids/new"] = $"bids/new?lot={firstBid.LotId}",
            ["setup/question"] = $"setup/question?lot={firstBid.LotId}&question=Q1",
            ["{code:int?}"] = "404",
            ["{to}"] = "open-for-bids",
            ["standards/{id}"] = "standards/" + catalogue.RuleSets[0].Id,
            ["requirements/{id}"] = "requirements/" + catalogue.RuleSets[0].Requirements[0].Id,
            ["moderate/consensus"] = "moderate/consensus?bid=bid-a&question=Q1",
            ["moderate/gate"] = "moderate/gate?bid=bid-a&gate=G2",
            ["moderate/price"] = "moderate/price?bid=bid-b",

            ["evaluate/score"] = "evaluate/score?bid=bid-a&question=Q1",
            ["conflicts/decide"] = "conflicts/decide?evaluator=e1",
        };

        var mismatches = new List<string>();
        var tried = 0;
        foreach (var persona in Everyone)
        {
            using var signedIn = site.CreateNonRedirectingClient();
            await SignInAsync(signedIn, persona);
            foreach (var key in handlers)
            {
                // Signing out gets a client of its own, so it does not sign the other requests out.
                using var own = key == "POST account/sign-out" ? site.CreateNonRedirectingClient() : null;
                if (own is not null)
                {
                    await SignInAsync(own, persona);
                }

                var status = await SendAsync(own ?? signedIn, key, values);
                tried++;
                if (status != Expected[key][persona])
                {
                    mismatches.Add($"{persona} {key}: expected {Describe(Expected[key][persona])}, got {Describe(status)}");
                }
            }
        }

        Assert.That(mismatches, Is.Empty);
        Assert.That(tried, Is.EqualTo(Everyone.Length * handlers.Count));
    }

    [Test]
    public async Task TenderPages_AGuessedTenderAddress_Is404EvenForACommissioner()
    {
        using var site = new SiteFactory();
        await TeamAsync(site);
        using var client = site.CreateNonRedirectingClient();
        await SignInAsync(client, Persona.Owner);
        var guessed = Guid.NewGuid();
        var checkedPages = 0;
        foreach (var path in new[] { "", "/people", "/audit", "/audit?handler=Csv", "/export", "/scores", "/results", "/results/downloads", "/results/downloads?handler=Matrix", "/results/downloads?handler=Tender", "/moderate", "/moderate/consensus?bid=bid-a&question=Q1", "/moderate/gate?bid=bid-a&gate=G2", "/moderate/price?bid=bid-b", "/stage/open-for-bids", "/award", "/award/notices", "/award/notices?handler=Html", "/evaluate", "/evaluate/declaration", "/evaluate/score?bid=bid-a&question=Q1", "/evaluate/check", "/conflicts", "/conflicts/decide?evaluator=e1", "/setup", "/setup/details", "/setup/members", "/setup/members/add", "/setup/lots", "/setup/criteria", "/setup/criteria/questions", "/setup/question?lot=lot-1&question=Q1", "/setup/gates", "/setup/price", "/setup/scale", "/setup/dates", "/setup/people", "/bids", "/bids?handler=Workbook&lot=lot-1", "/bids?handler=Questionnaire", "/respond", "/respond?handler=Workbook&lot=lot-1", "/bids/new?lot=lot-1", $"/bids/{Guid.NewGuid()}/link", $"/bids/{Guid.NewGuid()}/withdraw" })
        {
            using var response = await client.GetAsync(new Uri($"/tenders/{guessed}{path}", UriKind.Relative));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
            checkedPages++;
        }

        Assert.That(checkedPages, Is.EqualTo(45));
    }

    [Test]
    public async Task ScoresPage_OneBidAtATime_ShowsOnlyWhatThePersonMaySee()
    {
        using var site = new SiteFactory();
        var id = await TeamAsync(site);
        var team = TenderCalls.Of(site.Services);
        var owner = (await OwnerAsync(site))!;
        foreach (var stage in new[] { Commissioning.Core.Lifecycle.TenderStage.OpenForBids, Commissioning.Core.Lifecycle.TenderStage.Evaluation })
        {
            var version = (await team.OpenAsync(owner, id))!.Tender.Version;
            Assert.That((await team.ChangeStageAsync(owner, id, stage, null, version)).Succeeded, Is.True, $"moving to {stage}");
        }

        var evaluator = (await team.UserAsync((await team.PeopleAsync(owner, id)).Value.Single(p => p.Role == TenderRole.Evaluator).UserId))!;
        var score = new Commissioning.Core.Tenders.EvaluatorScore { EvaluatorId = "e1", BidId = "bid-b", QuestionId = "Q1", Score = 3m, Rationale = "Clear plan for prevention." };
        Assert.That((await team.SaveScoreAsync(evaluator, id, score, null)).Succeeded, Is.True);

        using var client = site.CreateNonRedirectingClient();
        await SignInAsync(client, Persona.Evaluator);
        var first = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/tenders/{id}/scores", UriKind.Relative)));
        var chosen = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/tenders/{id}/scores?bid=bid-b", UriKind.Relative)));
        using var unknown = await client.GetAsync(new Uri($"/tenders/{id}/scores?bid=bid-z", UriKind.Relative));

        // The sample tender's file holds e1's two scores for bid-a and e2's one ("Thin."), not yet submitted.
        Assert.That(first, Does.Contain("Bid bid-a: 2 scores you can see.").And.Not.Contain("Thin."), "the first bid by default, without e2's score");
        Assert.That(chosen, Does.Contain("Bid bid-b: 1 score you can see.").And.Contain("Clear plan for prevention."));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<SiteUser?> OwnerAsync(SiteFactory site)
    {
        var team = TenderCalls.Of(site.Services);
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<UserAccount>>();
        var account = await users.FindByEmailAsync(Email(Persona.Owner));
        return account is null ? null : await team.UserAsync(account.Id);
    }

    private static string Describe(int status) => status == SignIn ? "302 to sign in" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every page's route template and handler, as "METHOD template[?handler=Name]", from the running site.</summary>
    private static async Task<List<string>> HandlersAsync(SiteFactory site)
    {
        var descriptors = site.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>().ToList();
        var loader = site.Services.GetRequiredService<PageLoader>();
        var keys = new List<string>();
        foreach (var descriptor in descriptors)
        {
            var compiled = await loader.LoadAsync(descriptor, Microsoft.AspNetCore.Http.EndpointMetadataCollection.Empty);
            var template = descriptor.AttributeRouteInfo!.Template!;

            // A folder's Index page has two templates ("Tenders/Index" and "Tenders"); test it once.
            if (template.EndsWith("/Index", StringComparison.Ordinal) || template == "Index")
            {
                continue;
            }

            // Only GET and POST reach a page (RequestGuardMiddleware answers 405 to the rest); the
            // error page's filter override shows up as a "PAGE" method and is not a handler.
            var methods = compiled.HandlerMethods.Where(h => h.HttpMethod is "Get" or "Post" or "GET" or "POST").Select(h => $"{h.HttpMethod.ToUpperInvariant()} {template}{(h.Name is null ? "" : "?handler=" + h.Name)}").ToList();
            keys.AddRange(methods.Count > 0 ? methods : [$"GET {template}"]);
        }

        Assert.That(keys, Has.Count.GreaterThan(30), "the pages were found");
        return [.. keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static async Task<int> SendAsync(HttpClient client, string key, Dictionary<string, string> values)
    {
        var (method, rest) = (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var path = "/" + rest;
        foreach (var (name, value) in values)
        {
            path = path.Replace(name, value, StringComparison.Ordinal);
        }

        HttpResponseMessage response;
        if (method == "GET")
        {
            response = await client.GetAsync(new Uri(path, UriKind.Relative));
        }
        else
        {
            // A token for this client's identity, from a page every persona can open.
            var token = await SiteFactory.GetAntiforgeryTokenAsync(client, "/account/sign-in");
            using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
            response = await client.PostAsync(new Uri(path, UriKind.Relative), form);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            return status == 302 && response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase) == true ? SignIn : status;
        }
    }

    private static string Email(Persona persona) => persona.ToString().ToLowerInvariant() + "@example.nhs.uk";

    private static async Task SignInAsync(HttpClient client, Persona persona)
    {
        if (persona != Persona.Anonymous)
        {
            await TestAccounts.SignInAsync(client, Email(persona));
        }
    }

    /// <summary>A readiness check saved by the provider's organisation, against the standards.</summary>
    private static async Task<Guid> ReadinessCheckAsync(SiteFactory site)
    {
        var provider = await AwardReady.UserAsync(site, Email(Persona.Provider));
        var saved = await site.Services.GetRequiredService<ReadinessChecks>().SaveAsync(provider, "Self-assessment",
            File.ReadAllText(Commissioning.Tests.Documents.Specification.DocumentFixtures.Example("provider-declarations.json")), site.Services.GetRequiredService<StandardsCatalogue>());
        Assert.That(saved.Succeeded, Is.True);
        return saved.Value;
    }

    /// <summary>The accounts, and a tender with the team on it, the provider's bid linked.</summary>
    private static async Task<Guid> TeamAsync(SiteFactory site)
    {
        await TestAccounts.CreateAsync(site, Email(Persona.NoRole), organisation: "North ICS");
        await TestAccounts.CreateAsync(site, Email(Persona.Administrator), roles: [SiteRoles.Administrator], organisation: "North ICS");
        var owner = await TestAccounts.CreateAsync(site, Email(Persona.Owner), roles: [SiteRoles.Commissioner], organisation: "North ICS");
        foreach (var persona in new[] { Persona.Evaluator, Persona.Moderator, Persona.Observer })
        {
            await TestAccounts.CreateAsync(site, Email(persona), organisation: "North ICS");
        }

        await TestAccounts.CreateAsync(site, Email(Persona.Provider), organisation: "Alpha OH Ltd", organisationKind: OrganisationKind.Provider);
        await TestAccounts.CreateAsync(site, Email(Persona.OtherProvider), organisation: "Delta OH", organisationKind: OrganisationKind.Provider);

        var team = TenderCalls.Of(site.Services);
        var me = (await team.UserAsync(owner))!;
        var id = (await team.ImportAsync(me, TenderFile.Write(StorageTests.ValidSample()))).Value;
        Assert.That((await team.AddPersonAsync(me, id, Email(Persona.Evaluator), TenderRole.Evaluator, "e1", [], null)).Succeeded, Is.True);
        Assert.That((await team.AddPersonAsync(me, id, Email(Persona.Moderator), TenderRole.Moderator, "m1", [], null)).Succeeded, Is.True);
        Assert.That((await team.AddPersonAsync(me, id, Email(Persona.Observer), TenderRole.Observer, null, [], null)).Succeeded, Is.True);
        var alpha = (await team.ProviderOrganisationsAsync(me, id)).Value.Single(o => o.Name == "Alpha OH Ltd");
        var bid = (await team.BidsAsync(me, id)).Value.Single(b => b.Id == "bid-a");
        Assert.That((await team.LinkBidAsync(me, id, "bid-a", alpha.Id, bid.Version, null)).Succeeded, Is.True);
        return id;
    }
}

internal static class ExpectationExtensions
{
    /// <summary>The same expectations, with one person's answer changed.</summary>
    public static Dictionary<AuthorisationMatrixTests.Persona, int> With(this Dictionary<AuthorisationMatrixTests.Persona, int> expected, AuthorisationMatrixTests.Persona persona, int status)
    {
        expected[persona] = status;
        return expected;
    }
}
