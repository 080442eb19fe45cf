using System.Net;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Web.Evaluate;

/// <summary>
/// The evaluator's pages and the owner's conflicts pages over HTTP: each page's happy path, each
/// validation error, the refusals while scoring is blocked, a save that meets a newer draft, the
/// order chosen kept in every link, two evaluator ids, and blind scoring (no page of Alex's shows
/// Sam's rationale before Alex submits).
/// </summary>
[NonParallelizable]
public sealed class EvaluatePagesTests
{
    private SiteFactory _site = null!;
    private Guid _tender;
    private string _base = null!;

    [SetUp]
    public async Task SetUp()
    {
        _site = new SiteFactory();
        _tender = await EvaluationTender.ArrangeAsync(_site);
        _base = $"/tenders/{_tender}";
    }

    [TearDown]
    public void TearDown() => _site.Dispose();

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(client, email);
        return client;
    }

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, path);
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the page is shown again");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.That(html, Does.Contain("<title>Error: "));
        return html;
    }

    private async Task DeclareNoConflictAsync(HttpClient client)
    {
        using var declared = await PostAsync(client, _base + "/evaluate/declaration", ("Input.HasConflict", "no"));
        Assert.That(declared.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    private string ScorePath(string bid, string order = "bid") => $"{_base}/evaluate/score?evaluator=e1&bid={bid}&question=Q1&order={order}";

    [Test]
    public async Task Journey_DeclareScoreInQuestionOrderCheckSubmit_LocksAndAudits()
    {
        using var alex = await SignedInAsync(EvaluationTender.AlexEmail);
        var before = await GetAsync(alex, _base + "/evaluate");
        Assert.That(before, Does.Contain("Declare whether you have a conflict of interest with any of the bidders before you score."));

        await DeclareNoConflictAsync(alex);
        var after = await GetAsync(alex, _base + "/evaluate?order=question");
        Assert.That(after, Does.Contain("You declared no conflict of interest. You can now score.").And.Contain("0 of 2 scored, 2 left"));
        Assert.That(after, Does.Contain("Q1: Prevention</h3>"), "one question across every bid: a heading per question");
        Assert.That(after, Does.Contain("evaluate/score?evaluator=e1&bid=bid-a&question=Q1&order=question"), "the order is kept in the links");

        // Save and next: to the next bid in the order; from the last, to the check page.
        using (var first = await PostAsync(alex, ScorePath("bid-a", "question"), ("Input.Score", "3"), ("Input.Rationale", "Clinics\nevery weekday."), ("Input.Action", "next")))
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(first.Headers.Location!.OriginalString, Does.Contain("bid=bid-b").And.Contain("order=question"));
        }

        using (var saved = await PostAsync(alex, ScorePath("bid-b", "question"), ("Input.Score", "2"), ("Input.Rationale", "Some evidence."), ("Input.Action", "save")))
        {
            Assert.That(saved.Headers.Location!.OriginalString, Does.Contain("bid=bid-b"), "Save stays on the item");
        }

        var draft = await GetAsync(alex, ScorePath("bid-b", "question"));
        Assert.That(draft, Does.Contain("Your draft score for Q1 of Beta Health's OH's bid is saved"));
        var version = System.Text.RegularExpressions.Regex.Match(draft, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        using (var last = await PostAsync(alex, ScorePath("bid-b", "question"), ("Input.Score", "2"), ("Input.Rationale", "Some evidence, seen again."), ("Input.Version", version), ("Input.Action", "next")))
        {
            Assert.That(last.Headers.Location!.OriginalString, Does.Contain("/evaluate/check").And.Contain("order=question"));
        }

        var check = await GetAsync(alex, _base + "/evaluate/check?order=question");
        Assert.That(check, Does.Contain("2 of 2 scored, 0 left.").And.Contain("Submit your scores").And.Not.Contain("Still to do"));
        using (var submitted = await PostAsync(alex, _base + "/evaluate/check?order=question"))
        {
            Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        var done = await GetAsync(alex, _base + "/evaluate/check");
        Assert.That(done, Does.Contain("Scores submitted").And.Contain("You submitted 2 scores.").And.Not.Contain("Submit your scores</button>"));
        var locked = await GetAsync(alex, ScorePath("bid-a"));
        Assert.That(locked, Does.Contain("You have submitted your scores. They can no longer be changed.").And.Not.Contain("name=\"Input.Rationale\""));
        using (var again = await PostAsync(alex, ScorePath("bid-a").Replace("order=bid", "order=bid", StringComparison.Ordinal), ("Input.Score", "0"), ("Input.Rationale", "Changed my mind.")))
        {
            Assert.That(await ErrorsAsync(again), Does.Contain("has been submitted, so it can no longer be changed"));
        }

        var owner = await EvaluationTender.UserAsync(_site, EvaluationTender.OwnerEmail);
        var audit = (await TenderCalls.Of(_site.Services).AuditAsync(owner, _tender)).Value;
        Assert.That(audit.Where(a => a.Entity == "EvaluatorScore" && a.Key == "e1").Select(a => a.Action), Is.EqualTo(new[] { "Submitted" }));
    }

    [Test]
    public async Task ScoreForm_EachValidationError_IsShownAgainstItsField()
    {
        using var alex = await SignedInAsync(EvaluationTender.AlexEmail);
        await DeclareNoConflictAsync(alex);
        var path = ScorePath("bid-a");

        var empty = await ErrorsAsync(await PostAsync(alex, path));
        Assert.That(empty, Does.Contain("Select the score you give this answer").And.Contain("Enter why you gave this score"));
        var tooLong = await ErrorsAsync(await PostAsync(alex, path, ("Input.Score", "2"), ("Input.Rationale", new string('a', 4001))));
        Assert.That(tooLong, Does.Contain("Why you gave this score must be 4,000 characters or fewer"));
        var notOnTheScale = await ErrorsAsync(await PostAsync(alex, path, ("Input.Score", "7"), ("Input.Rationale", "Strong.")));
        Assert.That(notOnTheScale, Does.Contain("Enter a whole-number score from 0 to 4."));
        var control = await ErrorsAsync(await PostAsync(alex, path, ("Input.Score", "2"), ("Input.Rationale", "Bad\u001b[31m text")));
        Assert.That(control, Does.Contain("Why you gave this score must be plain text"));
        Assert.That((await TenderCalls.Of(_site.Services).WorklistAsync(await EvaluationTender.UserAsync(_site, EvaluationTender.AlexEmail), _tender)).Value.Single().Scored, Is.Zero, "nothing was saved");
    }

    [Test]
    public async Task ScoreForm_SavedSinceInAnotherTab_ExplainsAndShowsTheSavedDraft()
    {
        using var alex = await SignedInAsync(EvaluationTender.AlexEmail);
        await DeclareNoConflictAsync(alex);
        (await PostAsync(alex, ScorePath("bid-a"), ("Input.Score", "3"), ("Input.Rationale", "From the first tab."))).Dispose();

        // A second tab that opened the page before the first save sends no version.
        var stale = await ErrorsAsync(await PostAsync(alex, ScorePath("bid-a"), ("Input.Score", "1"), ("Input.Rationale", "From the older tab.")));

        Assert.That(stale, Does.Contain("was saved in another tab or window after you opened this page, so your change was not saved"));
        Assert.That(stale, Does.Contain("Your draft as it is saved now").And.Contain("From the first tab.").And.Contain("From the older tab."));
        Assert.That(stale, Does.Match("name=\"Input.Version\" value=\"\\d+\""), "the stored version, so saving again replaces it knowingly");
        Assert.That(await GetAsync(alex, ScorePath("bid-a")), Does.Contain("From the first tab."), "nothing was overwritten");
    }

    [Test]
    public async Task Declaration_ConflictWithoutDetails_IsAnErrorAndAConflictPausesScoringUntilTheOwnerDecides()
    {
        using var alex = await SignedInAsync(EvaluationTender.AlexEmail);
        var page = await GetAsync(alex, _base + "/evaluate/declaration");
        Assert.That(page, Does.Contain("Alpha OH Ltd").And.Contain("Beta Health's OH").And.Contain("section 81").And.Contain("section 82"));

        var empty = await ErrorsAsync(await PostAsync(alex, _base + "/evaluate/declaration"));
        Assert.That(empty, Does.Contain("Select whether you have a conflict of interest with any of these bidders"));
        var noDetails = await ErrorsAsync(await PostAsync(alex, _base + "/evaluate/declaration", ("Input.HasConflict", "yes")));
        Assert.That(noDetails, Does.Contain("Describe the conflict of interest: which bidder, and your connection with it."));

        (await PostAsync(alex, _base + "/evaluate/declaration", ("Input.HasConflict", "yes"), ("Input.Details", "My sister works for Beta."))).Dispose();
        var paused = await GetAsync(alex, _base + "/evaluate");
        Assert.That(paused, Does.Contain("The tender's owner must decide whether you may score before you can continue.").And.Contain("Waiting for the owner's decision"));
        var refused = await ErrorsAsync(await PostAsync(alex, ScorePath("bid-a"), ("Input.Score", "3"), ("Input.Rationale", "Clear.")));
        Assert.That(refused, Does.Contain("The tender's owner must decide whether you may score"));
        Assert.That(await GetAsync(alex, ScorePath("bid-a")), Does.Contain("You cannot score yet").And.Not.Contain("We run clinics."), "the bid is not shown while scoring is paused");

        // The owner: every declaration listed; the decision needs a choice, a reason, and the version seen.
        using var owner = await SignedInAsync(EvaluationTender.OwnerEmail);
        var list = await GetAsync(owner, _base + "/conflicts");
        Assert.That(list, Does.Contain("Evaluator e1: Alex Evaluator").And.Contain("My sister works for Beta.").And.Contain("Waiting for a decision")
            .And.Contain("Evaluator e2: Sam Evaluator").And.Contain("No conflict of interest with any of these bidders"));
        var decide = _base + "/conflicts/decide?evaluator=e1";
        Assert.That(await ErrorsAsync(await PostAsync(owner, decide)), Does.Contain("Select whether this evaluator may continue to score"));
        Assert.That(await ErrorsAsync(await PostAsync(owner, decide, ("Input.Decision", "stand-down"), ("Input.Version", "1"))), Does.Contain("Enter why this evaluator is stood down."));
        Assert.That(await ErrorsAsync(await PostAsync(owner, decide, ("Input.Decision", "continue"), ("Input.Reason", "Managed."), ("Input.Version", "99"))), Does.Contain("not saved"), "a decision on a declaration changed since");
        var version = System.Text.RegularExpressions.Regex.Match(await GetAsync(owner, decide), "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        using (var decided = await PostAsync(owner, decide, ("Input.Decision", "stand-down"), ("Input.Reason", "Too close to Beta."), ("Input.Version", version)))
        {
            Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        Assert.That(await GetAsync(owner, _base + "/conflicts"), Does.Contain("Evaluator e1 is stood down from scoring.").And.Contain("Stood down").And.Contain("Too close to Beta."));
        Assert.That(await GetAsync(alex, _base + "/evaluate"), Does.Contain("has stood you down from scoring").And.Contain("Too close to Beta."));
        using var noConflict = await owner.GetAsync(new Uri(_base + "/conflicts/decide?evaluator=e2", UriKind.Relative));
        Assert.That(noConflict.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "Sam declared no conflict: nothing to decide");
        using var observer = await SignedInAsync(EvaluationTender.ObserverEmail);
        Assert.That(await GetAsync(observer, _base + "/conflicts"), Does.Contain("Too close to Beta.").And.Not.Contain("conflicts/decide"), "observers read, without the decision links");
    }

    [Test]
    public async Task Check_WithAnythingUnscored_ListsItLinkedAndTheSubmissionIsRefused()
    {
        using var alex = await SignedInAsync(EvaluationTender.AlexEmail);
        await DeclareNoConflictAsync(alex);
        (await PostAsync(alex, ScorePath("bid-a"), ("Input.Score", "3"), ("Input.Rationale", "Clear."))).Dispose();

        var check = await GetAsync(alex, _base + "/evaluate/check");
        Assert.That(check, Does.Contain("Still to do").And.Contain("Score Q1 (Prevention) for Beta Health's OH").And.Not.Contain("Submit your scores</button>"));
        Assert.That(check, Does.Contain("evaluate/score?evaluator=e1&bid=bid-b&question=Q1"));
        var refused = await ErrorsAsync(await PostAsync(alex, _base + "/evaluate/check"));
        Assert.That(refused, Does.Contain("Score Q1 (Prevention) for Beta Health's OH (bid bid-b) before you submit."));
        Assert.That((await TenderCalls.Of(_site.Services).WorklistAsync(await EvaluationTender.UserAsync(_site, EvaluationTender.AlexEmail), _tender)).Value.Single().Submitted, Is.False);
    }

    [Test]
    public async Task EveryPageOfAnEvaluator_BeforeTheySubmit_NeverShowsAnotherEvaluatorsRationale()
    {
        using var alex = await SignedInAsync(EvaluationTender.AlexEmail);
        await DeclareNoConflictAsync(alex);
        (await PostAsync(alex, ScorePath("bid-a"), ("Input.Score", "3"), ("Input.Rationale", "Alex's own reason."))).Dispose();
        var pages = new[]
        {
            _base + "/evaluate", _base + "/evaluate?order=question", _base + "/evaluate/declaration", ScorePath("bid-a"), ScorePath("bid-b"),
            ScorePath("bid-a", "question"), _base + "/evaluate/check", _base + "/scores", _base + "/scores?bid=bid-b",
        };
        foreach (var path in pages)
        {
            var html = await GetAsync(alex, path);
            Assert.That(html, Does.Not.Contain(EvaluationTender.SamsRationale), path);
        }

        Assert.That(await GetAsync(alex, ScorePath("bid-a")), Does.Contain("Alex's own reason."), "their own draft is shown");
    }

    [TestCase("/evaluate/score?evaluator=e2&bid=bid-a&question=Q1", TestName = "ScorePage_AsAnotherEvaluator_Is404")]
    [TestCase("/evaluate/score?evaluator=e1&bid=bid-a&question=Q2", TestName = "ScorePage_AQuestionNotInTheirQueue_Is404")]
    [TestCase("/evaluate/check?evaluator=e2", TestName = "CheckPage_AsAnotherEvaluator_Is404")]
    [TestCase("/evaluate/declaration?evaluator=e2", TestName = "DeclarationPage_AsAnotherEvaluator_Is404")]
    public async Task EvaluatorPages_SomeoneElsesQueue_Is404(string path)
    {
        using var alex = await SignedInAsync(EvaluationTender.AlexEmail);
        using var response = await alex.GetAsync(new Uri(_base + path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
