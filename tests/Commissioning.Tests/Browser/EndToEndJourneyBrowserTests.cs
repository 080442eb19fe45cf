using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Excel.Matrix;
using Commissioning.Tests.Documents.Matrix;
using Commissioning.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// The whole journey in Chromium, from a fresh database to the award, with nothing arranged
/// through the site's services: the administrator is created on the first-run page and creates
/// the owner, three evaluators and a moderator on the account pages; the owner imports the
/// example tender (a copy without its scores and decisions), gives the roles and opens
/// evaluation; each evaluator, in a browser context of their own, declares no conflict, scores
/// every answer in their queue one at a time and submits (the third with the keyboard alone),
/// and the second is shown nothing of the first's before submitting; the moderator agrees every
/// difference and records every gate and price decision; the owner sees the complete result,
/// downloads the matrix (recalculated by LibreOffice to the engine's figures), the report and
/// every bidder's assessment summary, records the award under the tender's regime, and awards
/// once the site's clock has passed the standstill period; the tender is then locked. Every page
/// state visited is screenshotted and checked with axe (some at 360 pixels wide too), and text
/// written to run script, typed into rationales and reasons, never runs.
/// </summary>
/// <remarks>
/// The evaluators give the scores and the moderator the consensus scores and gate decisions that
/// the example file holds, so at the end the site's result must equal the engine's on the example
/// file itself (with the one price change and price decision below): a check that every score and
/// decision typed into the site was stored as typed.
/// </remarks>
public sealed class EndToEndJourneyBrowserTests : BrowserTest
{
    private const string Hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(1)>";
    private const string Organisation = "Riverside and Vale ICS";
    private const string Password = TestAccounts.Password;

    private static readonly Person Administrator = new("Ada Okafor", "ada.okafor@riverside-vale.example.nhs.uk", null);
    private static readonly Person Owner = new("Olive Owner", "olive.owner@riverside-vale.example.nhs.uk", null);
    private static readonly Person Moderator = new("Robin Hale", "robin.hale@riverside-vale.example.nhs.uk", "m1");

    // The example file's evaluators, by the names and ids it gives them. Jordan Ellis uses the keyboard alone.
    private static readonly Person[] Evaluators =
    [
        new("Alex Morgan", "alex.morgan@riverside-vale.example.nhs.uk", "e1"),
        new("Sam Okonkwo", "sam.okonkwo@riverside-vale.example.nhs.uk", "e2"),
        new("Jordan Ellis", "jordan.ellis@riverside-vale.example.nhs.uk", "e3"),
    ];

    // Meridian's (bid-b's) price in the uploaded copy: low enough to be flagged as possibly
    // abnormally low (below 70% of the lot's median), so that the moderator's price decision is
    // part of the journey. The example's own prices are close together and flag none.
    private static readonly decimal[] LowAnnualPrices = [1_300_000m, 1_320_000m, 1_340_000m];
    private const string LowPricedBid = "bid-b";

    private static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } };

    private readonly ShiftedClock _clock = new();
    private readonly List<string> _dialogs = [];
    private readonly List<IBrowserContext> _contexts = [];
    private readonly Stopwatch _watch = new();
    private readonly JsonObject _example = JsonNode.Parse(ExampleTender.Json())!.AsObject();
    private TimeSpan _lap;

    private protected override TimeProvider? Clock => _clock;

    private sealed record Person(string Name, string Email, string? TenderId);

    [Test]
    public async Task ExampleTender_FromAFreshDatabaseToAward_EntirelyThroughTheSite()
    {
        _watch.Start();
        try
        {
            await AdministratorSetsUpTheSiteAndCreatesTheAccountsAsync();
            Lap("the administrator set up the site and created 5 accounts");

            var (owner, tender) = await OwnerImportsTheTenderGivesRolesAndOpensEvaluationAsync();
            Lap("the owner imported the tender, gave 4 roles and opened evaluation");

            var first = await EvaluatorScoresAndSubmitsAsync(Evaluators[0], tender);
            Lap("evaluator 1 scored and submitted with the mouse");

            await SecondEvaluatorScoresIsShownNothingOfTheFirstsAndSubmitsAsync(Evaluators[1], tender);
            Lap("evaluator 2 scored, was shown nothing of evaluator 1's, and submitted");

            await EvaluatorScoresAndSubmitsWithTheKeyboardAloneAsync(Evaluators[2], tender);
            Lap("evaluator 3 scored and submitted with the keyboard alone");

            await MoveAsync(owner, tender, TenderStage.Moderation, check: "owner-confirm-moderation");
            var moderator = await ModeratorResolvesEverythingAsync(tender);
            Lap("the moderator agreed every difference and recorded every gate and price decision");

            await OwnerSeesTheCompleteResultAndDownloadsEverythingAsync(owner, tender);
            Lap("the owner saw the complete result, downloaded every document and LibreOffice recalculated the matrix");

            await OwnerRecordsTheAwardAndAwardsAfterStandstillAsync(owner, tender);
            await TheTenderIsLockedAsync(owner, moderator, first, tender);
            Lap("the owner recorded the award, passed standstill with the clock and awarded; the tender is locked");

            Assert.That(_dialogs, Is.Empty, "no script from the text typed into the site ran");
            TestContext.Out.WriteLine($"The journey took {_watch.Elapsed.TotalSeconds:0} s, with {AccessibilityChecks} page states checked with axe.");
        }
        finally
        {
            foreach (var context in _contexts)
            {
                await context.CloseAsync();
            }
        }
    }

    // 1. The administrator, from the first-run page.
    private async Task AdministratorSetsUpTheSiteAndCreatesTheAccountsAsync()
    {
        var page = await NewPersonAsync();
        await page.GotoAsync(BaseUrl + "/");
        await Assertions.Expect(page.Locator("#setup-needed")).ToContainTextAsync("This service has no accounts.");
        await CheckAsync(page, "start-no-accounts");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up the first administrator" }).ClickAsync();
        await CheckAsync(page, "setup", narrow: true);

        await page.GetByLabel("Full name").FillAsync(Administrator.Name);
        await page.GetByLabel("Email address").FillAsync(Administrator.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync("not the same " + Password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await CheckAsync(page, "setup-errors");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Accounts");

        // The owner is a commissioner of a new buyer organisation; the panel belongs to it too.
        await page.ClickAsync("main a:has-text('Create an account')");
        await CheckAsync(page, "admin-create-account");
        await page.GetByLabel("Full name").FillAsync(Owner.Name);
        await page.GetByLabel("Email address").FillAsync(Owner.Email);
        await page.CheckAsync("input[name='Input.Roles'][value='Commissioner']");
        await page.GetByLabel("A new organisation").CheckAsync();
        await page.GetByLabel("Name of the new organisation").FillAsync(Organisation);
        await page.GetByLabel("Buys (an NHS organisation)").CheckAsync();
        await page.GetByLabel("Initial password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm initial password").FillAsync(Password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"Account created for {Owner.Name}.");

        foreach (var person in Evaluators.Append(Moderator))
        {
            await page.ClickAsync("main a:has-text('Create an account')");
            await page.GetByLabel("Full name").FillAsync(person.Name);
            await page.GetByLabel("Email address").FillAsync(person.Email);
            await page.GetByLabel("An organisation already on this service").CheckAsync();
            await page.SelectOptionAsync("main select", new SelectOptionValue { Label = $"{Organisation} (buyer)" });
            await page.GetByLabel("Initial password", new() { Exact = true }).FillAsync(Password);
            await page.GetByLabel("Confirm initial password").FillAsync(Password);
            await page.ClickAsync("main button[type=submit]");
            await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"Account created for {person.Name}.");
        }

        Assert.That(await page.Locator("main table tbody tr").CountAsync(), Is.EqualTo(6));
        await CheckAsync(page, "admin-accounts", narrow: true);
        var setupAgain = await page.GotoAsync(BaseUrl + "/setup");
        Assert.That(setupAgain!.Status, Is.EqualTo(404), "the first-run page is gone once an account exists");
    }

    // 2. The owner: import a copy of the example without its scores and decisions, give the roles, open evaluation.
    private async Task<(IPage Page, string Tender)> OwnerImportsTheTenderGivesRolesAndOpensEvaluationAsync()
    {
        var page = await SignedInAsync(Owner);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tenders", Exact = true }).ClickAsync();
        await CheckAsync(page, "owner-tenders-none");
        await page.ClickAsync("main a:has-text('Import a tender file')");
        await CheckAsync(page, "owner-import");

        // The example file holds the panel's finished work: every evaluator's scores and
        // rationales (imported as drafts, so the evaluators would find their queues already
        // scored), the moderator's consensus scores and the gate decisions (and an empty list of
        // price decisions). The copy leaves all of them out, so that every score and decision in
        // this journey is typed into the site by the person whose work it is. The copy's only
        // other change is Meridian's lower price (see LowAnnualPrices).
        var upload = Path.Combine(Folder(), "ics-tender-to-evaluate.json");
        await File.WriteAllTextAsync(upload, ExampleTender.Json(file =>
        {
            foreach (var finished in new[] { "scores", "moderation", "gateDecisions", "lowPriceDecisions" })
            {
                Assert.That(file.Remove(finished), Is.True, $"the example file has {finished}");
            }

            LowerThePrice(file);
        }));
        await page.SetInputFilesAsync("input[type=file][name='Input.File']", upload);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("#stage-now")).ToHaveTextAsync("Draft");
        var tender = page.Url;
        Assert.That(tender, Does.Match(@"/tenders/[0-9a-f-]{36}$"));
        await CheckAsync(page, "owner-tender-draft", narrow: true);

        await page.GetByRole(AriaRole.Link, new() { Name = "People and roles" }).ClickAsync();
        foreach (var (person, role) in Evaluators.Select(e => (e, "Evaluator")).Append((Moderator, "Moderator")))
        {
            await page.FillAsync("#person-email", person.Email);
            await page.SelectOptionAsync("#person-role", role);
            await page.FillAsync("#person-evaluator-id", person.TenderId!);
            await page.ClickAsync("button:has-text('Give the role')");
            await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"{person.Email} is now {(role == "Evaluator" ? "an evaluator" : "a moderator")} on this tender.");
        }

        var people = await page.InnerTextAsync("main table");
        Assert.That(people, Does.Contain("Evaluator (e1)").And.Contain("Evaluator (e2)").And.Contain("Evaluator (e3)").And.Contain("Moderator (m1)"));
        await CheckAsync(page, "owner-people");

        // Scoring is open only in evaluation: two moves, each through its confirmation page.
        await MoveAsync(page, tender, TenderStage.OpenForBids, check: "owner-confirm-open-for-bids");
        await MoveAsync(page, tender, TenderStage.Evaluation);
        return (page, tender);
    }

    private sealed record Scoring(IPage Page, List<string> Pages);

    // 3. An evaluator with the mouse: declare, score every answer, submit.
    private async Task<IPage> EvaluatorScoresAndSubmitsAsync(Person evaluator, string tender)
    {
        var scoring = await EvaluatorScoresAsync(evaluator, tender, firstOfThePanel: true);
        await SubmitAsync(scoring.Page, tender, evaluator);
        await Assertions.Expect(scoring.Page.Locator(".nhsuk-panel")).ToContainTextAsync($"You submitted {ItemCount} scores.");
        await CheckAsync(scoring.Page, "evaluator-submitted");
        return scoring.Page;
    }

    private async Task<Scoring> EvaluatorScoresAsync(Person evaluator, string tender, bool firstOfThePanel = false, bool keepPages = false)
    {
        var page = await SignedInAsync(evaluator);
        await page.GotoAsync(tender);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Evaluator ({evaluator.TenderId})");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Not shown to you");
        if (firstOfThePanel)
        {
            await CheckAsync(page, "evaluator-tender");
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Your scoring" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-card--warning")).ToContainTextAsync("Declare whether you have a conflict of interest");
        if (firstOfThePanel)
        {
            await CheckAsync(page, "evaluator-worklist-undeclared");
        }

        await page.ClickAsync("main a:has-text('Declare conflicts of interest')");
        foreach (var provider in Providers.Values.Distinct())
        {
            await Assertions.Expect(page.Locator("#bidders")).ToContainTextAsync(provider);
        }

        if (firstOfThePanel)
        {
            await CheckAsync(page, "evaluator-declaration");
        }

        await page.GetByLabel("I have no conflict of interest with any of these bidders").CheckAsync();
        await page.ClickAsync("button:has-text('Save your declaration')");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("You declared no conflict of interest");
        await Assertions.Expect(page.Locator("#progress")).ToHaveTextAsync($"0 of {ItemCount} scored, {ItemCount} left");
        if (firstOfThePanel)
        {
            await CheckAsync(page, "evaluator-worklist-declared");
        }

        await page.Locator("main a.nhsuk-task-list__link").First.ClickAsync();
        await Assertions.Expect(page.Locator("#position")).ToContainTextAsync($"1 of {ItemCount} in your queue");
        var pages = new List<string>();
        for (var n = 1; n <= ItemCount; n++)
        {
            // Where the page says the answer is in the queue, and that nothing is filled in: not
            // another evaluator's score, nor anything left from the last page.
            var (bid, question) = ItemOf(page.Url);
            var shown = await page.EvaluateAsync<string[]>("() => [document.querySelector('#position').textContent, String(document.querySelectorAll(\"input[name='Input.Score']:checked\").length), document.querySelector('#rationale').value]");
            Assert.That(shown, Is.EqualTo(new[] { shown[0], "0", string.Empty }), $"{evaluator.TenderId}: nothing is filled in on {bid} {question}");
            Assert.That(shown[0], Does.StartWith($"{n} of {ItemCount} in your queue"));
            if (keepPages)
            {
                pages.Add(await ShownAsync(page));
            }

            if (firstOfThePanel && n == 1)
            {
                await CheckAsync(page, "evaluator-score", narrow: true);
                await page.ClickAsync("button[value='next']");
                await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter why you gave this score");
                await CheckAsync(page, "evaluator-score-errors");
            }

            var (score, rationale) = ScoreOf(evaluator, bid, question);
            await page.CheckAsync($"input[name='Input.Score'][value='{score}']");
            await page.FillAsync("#rationale", rationale);
            await page.ClickAsync("button[value='next']");
            if (n < ItemCount)
            {
                await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"Your draft score for {question} of {Providers[bid]}'s bid is saved");
            }
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your scores before you submit");
        await Assertions.Expect(page.Locator("#progress")).ToHaveTextAsync($"{ItemCount} of {ItemCount} scored, 0 left.");
        if (keepPages)
        {
            pages.Add(await ShownAsync(page));
        }

        if (firstOfThePanel)
        {
            await CheckAsync(page, "evaluator-check");
        }

        return new Scoring(page, pages);
    }

    private static async Task SubmitAsync(IPage page, string tender, Person evaluator)
    {
        await page.GotoAsync($"{tender}/evaluate/check?evaluator={evaluator.TenderId}");
        await page.ClickAsync("button:has-text('Submit your scores')");
    }

    // 4. Blind: evaluator 2, before submitting, sees nothing of evaluator 1's submitted work; once submitted, sees it.
    private async Task SecondEvaluatorScoresIsShownNothingOfTheFirstsAndSubmitsAsync(Person evaluator, string tender)
    {
        var (page, seen) = await EvaluatorScoresAsync(evaluator, tender, keepPages: true);
        await page.GotoAsync(tender);
        seen.Add(await ShownAsync(page));
        await page.GotoAsync(tender + "/evaluate");
        seen.Add(await ShownAsync(page));
        foreach (var (bid, lot) in Providers.Keys.Select(b => (b, LotOf(b))))
        {
            await page.GotoAsync($"{tender}/scores?bid={bid}");
            var own = lot == "lot-1" ? 12 : 7;
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Bid {bid}: {own} scores you can see.");
            seen.Add(await ShownAsync(page));
        }

        await CheckAsync(page, "evaluator-scores-before-submitting");

        var firsts = Scores().Where(s => s.Evaluator == "e1").Select(s => Rationale(s.Rationale, "e1", s.Bid, s.Question)).ToList();
        Assert.That(firsts, Has.Count.EqualTo(ItemCount));
        var shown = firsts.Where(r => seen.Any(html => html.Contains(r, StringComparison.Ordinal))).ToList();
        Assert.That(shown, Is.Empty, $"evaluator 2 saw evaluator 1's rationales on one of {seen.Count} pages before submitting");

        // The pages that hold others' scores, guessed: each answers 404.
        var guessed = new[]
        {
            "/moderate",
            "/moderate?lot=lot-2",
            "/moderate/consensus?bid=bid-a&question=Q1.2",
            "/moderate/gate?bid=bid-a&gate=G4",
            "/results",
            "/results/downloads",
            "/results/downloads?handler=Matrix",
            "/evaluate/check?evaluator=e1",
            "/evaluate/score?evaluator=e1&bid=bid-a&question=Q1.2",
            "/audit",
            "/export",
            "/conflicts",
        };
        foreach (var path in guessed)
        {
            var response = await page.GotoAsync(tender + path);
            Assert.That(response!.Status, Is.EqualTo(404), $"{path} for evaluator 2");
            var html = await ShownAsync(page);
            Assert.That(firsts.Where(r => html.Contains(r, StringComparison.Ordinal)), Is.Empty, path);
        }

        await CheckAsync(page, "evaluator-guessed-results-not-found");

        await SubmitAsync(page, tender, evaluator);
        await Assertions.Expect(page.Locator(".nhsuk-panel")).ToContainTextAsync($"You submitted {ItemCount} scores.");
        await page.GotoAsync($"{tender}/scores?bid=bid-a");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Bid bid-a: 24 scores you can see.");
    }

    // 3, keyboard only: Jordan signs in, declares, scores and submits with Tab, Shift+Tab, Space, Enter and the arrows.
    private async Task EvaluatorScoresAndSubmitsWithTheKeyboardAloneAsync(Person evaluator, string tender)
    {
        var page = await NewPersonAsync();
        await page.GotoAsync(BaseUrl + "/account/sign-in");
        await TabToAsync(page, id: "email");
        await page.Keyboard.TypeAsync(evaluator.Email);
        await page.Keyboard.PressAsync("Tab");
        Assert.That(await FocusedIdAsync(page), Is.EqualTo("password"));
        await page.Keyboard.TypeAsync(Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));

        await TabToAsync(page, text: "Tenders");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your tenders");
        await LoadedAsync(page);
        await TabToAsync(page, text: "Occupational health services for Riverside");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Evaluator ({evaluator.TenderId})");
        await LoadedAsync(page);
        Assert.That(page.Url, Is.EqualTo(tender));
        await TabToAsync(page, text: "Your scoring");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your scoring");
        await LoadedAsync(page);
        await TabToAsync(page, text: "Declare conflicts of interest");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Conflicts of interest");
        await LoadedAsync(page);
        await TabToAsync(page, id: "has-conflict");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#has-conflict")).ToBeCheckedAsync();
        await TabToAsync(page, text: "Save your declaration");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("You declared no conflict of interest");
        await LoadedAsync(page);

        // Back up the page with Shift+Tab to the first answer (the queue lists it first).
        await TabToAsync(page, text: "Q4.2:");
        await TabToAsync(page, text: "Q1.1:", key: "Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        for (var n = 1; n <= ItemCount; n++)
        {
            await Assertions.Expect(page.Locator("#position")).ToContainTextAsync($"{n} of {ItemCount} in your queue");
            await LoadedAsync(page);
            var (bid, question) = ItemOf(page.Url);
            var (score, _) = ScoreOf(evaluator, bid, question);

            // The radios are one stop: Space chooses the first (0), each arrow the next.
            await TabToAsync(page, id: "score");
            await page.Keyboard.PressAsync("Space");
            for (var step = 0; step < score; step++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }

            await page.Keyboard.PressAsync("Tab");
            Assert.That(await FocusedIdAsync(page), Is.EqualTo("rationale"));
            await page.Keyboard.TypeAsync(KeyboardRationale(question, score));
            await TabToAsync(page, text: "Save and next");
            await page.Keyboard.PressAsync("Enter");
            if (n < ItemCount)
            {
                await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"Your draft score for {question} of {Providers[bid]}'s bid is saved");
            }

            if (n == 1)
            {
                // Back to the first with the pagination's Previous link: the score went in as chosen.
                await TabToAsync(page, text: "Previous");
                await page.Keyboard.PressAsync("Enter");
                await Assertions.Expect(page.Locator($"input[name='Input.Score'][value='{score}']")).ToBeCheckedAsync();
                await LoadedAsync(page);
                await CheckAsync(page, "evaluator-score-keyboard-draft");
                await TabToAsync(page, text: "Next");
                await page.Keyboard.PressAsync("Enter");
            }
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your scores before you submit");
        await LoadedAsync(page);
        await TabToAsync(page, text: "Submit your scores", most: 4 * ItemCount);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".nhsuk-panel")).ToContainTextAsync($"You submitted {ItemCount} scores.");
    }

    // 5. The moderator: every difference agreed, every gate and price decided.
    private async Task<IPage> ModeratorResolvesEverythingAsync(string tender)
    {
        var page = await SignedInAsync(Moderator);
        await page.GotoAsync(tender);
        await CheckAsync(page, "moderator-tender");
        await page.GetByRole(AriaRole.Link, new() { Name = "Moderation", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#lot-heading")).ToHaveTextAsync("Trusts");
        await CheckAsync(page, "moderator-overview");

        var differences = Differences();
        foreach (var (lot, title) in new[] { ("lot-1", "Trusts"), ("lot-2", "Primary care and hospice") })
        {
            if (lot != "lot-1")
            {
                await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
                await Assertions.Expect(page.Locator("#lot-heading")).ToHaveTextAsync(title);
            }

            var toAgree = differences.Count(d => LotOf(d.Bid) == lot);
            await Assertions.Expect(page.Locator("#progress-consensus")).ToContainTextAsync($"0 of {toAgree} agreed");
            Assert.That(await page.Locator("main tr:has(.nhsuk-tag:has-text('Large spread'))").CountAsync(), Is.EqualTo(differences.Count(d => LotOf(d.Bid) == lot && d.Flagged)));
            for (var agreed = 0; agreed < toAgree; agreed++)
            {
                // The flagged spreads come first, then the other differences.
                var link = page.Locator("main tr:has(.nhsuk-tag:has-text('To agree')) a:has-text('Record a consensus')").First;
                var (bid, question) = ItemOf(await link.GetAttributeAsync("href") ?? string.Empty);
                Assert.That(agreed < differences.Count(d => LotOf(d.Bid) == lot && d.Flagged), Is.EqualTo(differences.Single(d => d.Bid == bid && d.Question == question).Flagged), $"{bid} {question} in order");
                await link.ClickAsync();
                await Assertions.Expect(page.Locator("#independent-scores")).ToContainTextAsync("Jordan Ellis");
                if (bid == "bid-a" && question == "Q1.2")
                {
                    await Assertions.Expect(page.Locator("#independent-scores")).ToContainTextAsync(Hostile);
                }

                var (score, reason) = ConsensusOf(bid, question);
                if (agreed == 0 && lot == "lot-1")
                {
                    await Assertions.Expect(page.Locator("#spread")).ToContainTextAsync("Large spread");
                    await CheckAsync(page, "moderator-consensus", narrow: true);
                    await page.ClickAsync("button:has-text('Save the consensus score')");
                    await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Select the consensus score.");
                    await CheckAsync(page, "moderator-consensus-errors");
                }

                await page.CheckAsync($"input[name='Input.Score'][value='{score}']");
                await page.FillAsync("#reason", reason);
                await page.ClickAsync("button:has-text('Save the consensus score')");
                await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"The consensus score for {question} of {bid} is saved.");
            }

            await Assertions.Expect(page.Locator("#progress-consensus")).ToContainTextAsync($"{toAgree} of {toAgree} agreed");
            Assert.That(await page.Locator("main tr:has(.nhsuk-tag:has-text('To agree'))").CountAsync(), Is.Zero);

            // Each gate the bids' declarations cannot decide, as the example's panel decided it.
            var gates = page.Locator("main a[href*='/moderate/gate']:has-text('Record the decision')");
            var gateCount = await gates.CountAsync();
            Assert.That(gateCount, Is.EqualTo(GateDecisions().Count(g => LotOf(g.Bid) == lot)), $"the gates to decide on {lot}");
            for (var decided = 0; decided < gateCount; decided++)
            {
                var link = gates.First;
                var href = await link.GetAttributeAsync("href") ?? string.Empty;
                var bid = Query(href, "bid");
                var gate = Query(href, "gate");
                var decision = GateDecisions().Single(g => g.Bid == bid && g.Gate == gate);
                await link.ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Gate {gate}:");
                if (decided == 0)
                {
                    await CheckAsync(page, "moderator-gate");
                }

                await page.GetByLabel(decision.Passed ? "Yes, it passes" : "No, it fails").CheckAsync();
                await page.FillAsync("#reason", decided == 0 ? $"{decision.Reason} {Hostile}" : decision.Reason);
                await page.ClickAsync("button:has-text('Save the decision')");
                await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"The decision on gate {gate} for {bid} is saved.");
            }

            // The price flagged as possibly abnormally low: the bidder explained it; the panel accepted.
            var prices = page.Locator("main a[href*='/moderate/price']:has-text('Record the decision')");
            Assert.That(await prices.CountAsync(), Is.EqualTo(lot == "lot-1" ? 1 : 0), $"the prices to decide on {lot}");
            if (lot == "lot-1")
            {
                await prices.First.ClickAsync();
                await Assertions.Expect(page.Locator("#price-figures")).ToContainTextAsync("£3,960,000.00 over 3 years");
                await CheckAsync(page, "moderator-price", narrow: true);
                await page.GetByLabel("Explanation accepted").CheckAsync();
                await page.FillAsync("#reason", PriceReason);
                await page.ClickAsync("button:has-text('Save the decision')");
                await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"The decision on the price of {LowPricedBid} is saved.");
            }

            await Assertions.Expect(page.Locator("#progress-gates")).ToContainTextAsync(gateCount == 0 ? "None needed" : $"{gateCount} of {gateCount} recorded");
            await Assertions.Expect(page.Locator("#progress-prices")).ToContainTextAsync(lot == "lot-1" ? "1 of 1 recorded" : "None needed");
            if (lot == "lot-1")
            {
                await page.GetByText("Rationales").First.ClickAsync();
                await CheckAsync(page, "moderator-overview-done");
            }
        }

        // What was typed is shown as text where it is read again.
        await page.GotoAsync($"{tender}/moderate/consensus?bid=bid-a&question=Q1.2");
        await Assertions.Expect(page.Locator("#consensus-recorded")).ToContainTextAsync(Hostile);
        await CheckAsync(page, "moderator-consensus-recorded");
        return page;
    }

    // 6. The owner: the complete result, every download, the matrix recalculated by LibreOffice.
    private async Task OwnerSeesTheCompleteResultAndDownloadsEverythingAsync(IPage page, string tender)
    {
        await page.GotoAsync(tender);
        await page.GetByRole(AriaRole.Link, new() { Name = "Results", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main .nhsuk-inset-text")).ToContainTextAsync("The result is complete: nothing is outstanding.");
        Assert.That(await page.Locator("main .nhsuk-card--warning").CountAsync(), Is.Zero, "not provisional");
        await Assertions.Expect(page.Locator("main strong.nhsuk-tag:has-text('Complete')")).ToHaveCountAsync(2);
        await CheckAsync(page, "owner-results-complete", narrow: true);

        // The site's evaluation of what was typed in equals the engine's on the example file.
        var evaluation = await EvaluationAsync(tender);
        Assert.That(evaluation.Complete, Is.True);
        var expected = TenderEvaluator.Evaluate(ExpectedPack());
        foreach (var lot in evaluation.Result.Lots)
        {
            var expectedLot = expected.Lots.Single(l => l.Lot.Id == lot.Lot.Id);
            Assert.That(expectedLot.Complete, Is.True);
            foreach (var bid in lot.Bids)
            {
                var other = expectedLot.Bids.Single(b => b.Bid.Id == bid.Bid.Id);
                Assert.That((bid.Eligible, bid.QualityPercent, bid.Total, bid.Rank), Is.EqualTo((other.Eligible, other.QualityPercent, other.Total, other.Rank)), $"{lot.Lot.Id} {bid.Bid.Id}");
            }

            // The results page shows the engine's totals.
            var table = page.Locator($"main table:has(caption:text-is('Ranking: {lot.Lot.Title}'))");
            foreach (var bid in lot.Bids.Where(b => b.Eligible))
            {
                var row = await table.Locator("tbody tr").Filter(new() { HasText = bid.Bid.Provider }).InnerTextAsync();
                Assert.That(row, Does.Contain(Rounding.Number(bid.Total!.Value)), $"{bid.Bid.Id}'s total on the results page");
            }
        }

        Assert.That(evaluation.Result.Lots.Select(l => l.Leader?.Bid.Id), Is.EqualTo(new[] { "bid-a", "bid-e" }), "Northgate leads the trusts' lot and Primacy the primary care lot, as in the example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Download the evaluation matrix, the report and the assessment summaries" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Download the results");
        Assert.That(await page.Locator("main .nhsuk-warning-callout").CountAsync(), Is.Zero, "no provisional warning");
        await CheckAsync(page, "owner-downloads", narrow: true);

        var folder = Folder();
        var matrix = Path.Combine(folder, "journey-matrix.xlsx");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Download the evaluation matrix (Excel)"));
        Assert.That(download.SuggestedFilename, Does.EndWith("-evaluation-matrix.xlsx"));
        await download.SaveAsAsync(matrix);

        var report = await DownloadTextAsync(page, "text=Download the evaluation report (HTML, ready to print)", folder);
        var reportMarkdown = await DownloadTextAsync(page, "text=Download the evaluation report (Markdown)", folder);
        foreach (var text in new[] { report.Text, reportMarkdown.Text })
        {
            Assert.That(text, Does.Contain("The result is complete: every score, consensus and decision it needs is recorded."));
            Assert.That(text, Does.Contain($"The panel recommends awarding Trusts to {Providers["bid-a"]}"));
            Assert.That(text, Does.Not.Contain("provisional"));
        }

        var summaries = page.Locator("main table a");
        Assert.That(await summaries.CountAsync(), Is.EqualTo(2 * Providers.Count), "an HTML and a Markdown summary for every bidder");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 2 * Providers.Count; i++)
        {
            var summary = await DownloadTextAsync(page, summaries.Nth(i), folder);
            names.Add(summary.Name);
            var bid = Providers.Keys.Single(b => summary.Name.Contains($"-assessment-summary-{b}.", StringComparison.Ordinal));
            Assert.That(summary.Text, Does.Contain(Providers[bid]), summary.Name);
            Assert.That(summary.Text, Does.Not.Contain("This is a draft."), summary.Name);
        }

        Assert.That(names, Has.Count.EqualTo(2 * Providers.Count));

        // The downloaded HTML opened as a reader would: what was typed stays text.
        foreach (var html in new[] { report.Path, Path.Combine(folder, names.Single(n => n.EndsWith("-assessment-summary-bid-a.html", StringComparison.Ordinal))) })
        {
            var reader = await NewPersonAsync();
            await reader.GotoAsync(new Uri(html).AbsoluteUri);
            Assert.That(await reader.Locator("img[src='x'], body script").CountAsync(), Is.Zero, html);
            await reader.CloseAsync();
        }

        // LibreOffice recalculates the downloaded matrix: every figure equals the engine's.
        var csv = Path.Combine(folder, "csv");
        Directory.CreateDirectory(csv);
        LibreOffice.ConvertToCsv([matrix], csv);
        var standards = Site.Services.GetService<DocumentStandards>()?.Files ?? [];
        var model = MatrixBuilder.Build(evaluation.Pack, evaluation.Result, evaluation.Robustness, new MatrixProvenance { GeneratedAt = DateTimeOffset.UnixEpoch, ToolkitVersion = "test", Standards = standards });
        var sheets = new Dictionary<string, List<List<string>>>(StringComparer.Ordinal);
        var failures = new List<string>();
        var compared = MatrixCheck.Compare(evaluation.Result, model, place =>
        {
            if (!sheets.TryGetValue(place.Sheet, out var rows))
            {
                rows = sheets[place.Sheet] = LibreOffice.ReadCsv(Path.Combine(csv, $"journey-matrix-{place.Sheet}.csv"));
            }

            return LibreOffice.Cell(rows, place.Row, place.Column);
        }, failures, "the downloaded matrix");
        Assert.That(failures, Is.Empty);
        Assert.That(compared, Is.EqualTo(MatrixCheck.Expected(evaluation.Result)));
    }

    // 7. The owner: award recommended, each lot's decision, the notice, standstill, the award.
    private async Task OwnerRecordsTheAwardAndAwardsAfterStandstillAsync(IPage page, string tender)
    {
        var regime = (await EvaluationAsync(tender)).Pack.Tender.Regime.Regime;
        Assert.That(regime, Is.EqualTo(ProcurementRegime.ProviderSelectionRegime2023), "the example is under the Provider Selection Regime, so there is no assessment summaries date to record (that step is the Act's)");
        var today = _clock.Today;

        await MoveAsync(page, tender, TenderStage.AwardRecommended, check: "owner-confirm-award-recommended");
        await Assertions.Expect(page.Locator("#stage-now")).ToHaveTextAsync("Award recommended");
        await CheckAsync(page, "owner-award-recommended");

        foreach (var (lot, approver, note) in new[] { ("lot-1", "The ICS board", "Board minute 2026/41. " + Hostile), ("lot-2", "The ICS board", null) })
        {
            await page.CheckAsync($"input[name='Award.LotId'][value='{lot}']");
            await page.FillAsync("#award-approved-by", approver);
            await FillDateAsync(page, "award-approved-on", today);
            if (note is not null)
            {
                await page.FillAsync("#award-note", note);
            }

            await page.ClickAsync("button:has-text('Record the award decision')");
            await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"The award decision for {lot} is recorded.");
        }

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Note: Board minute 2026/41. " + Hostile);
        await CheckAsync(page, "owner-award-decisions-recorded");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Publish the notice of intention to award") }).ClickAsync();
        await Assertions.Expect(page.Locator("legend")).ToContainTextAsync("The date the notice of intention to award was published");
        await CheckAsync(page, "owner-confirm-standstill");
        await FillDateAsync(page, "move-notices-sent-on", today);
        await page.ClickAsync("button:has-text('Confirm')");
        var period = Standstill.For(regime, today, BankHolidays.ForWorkingDays(regime));
        await Assertions.Expect(page.Locator("#stage-now")).ToHaveTextAsync("Standstill");
        await Assertions.Expect(page.Locator("#representations-deadline")).ToHaveTextAsync($"Midnight at the end of {TenderLifecycle.Day(period.RepresentationsDeadline!.Value)}");
        await Assertions.Expect(page.Locator("#contract-from")).ToHaveTextAsync(TenderLifecycle.Day(period.ContractMayBeEnteredFrom));
        await CheckAsync(page, "owner-standstill", narrow: true);

        // Refused while the standstill period runs.
        await page.GotoAsync(tender + "/stage/awarded");
        await Assertions.Expect(page.Locator("#refusals")).ToContainTextAsync($"The contract can be awarded from {TenderLifecycle.Day(period.ContractMayBeEnteredFrom)}.");
        Assert.That(await page.Locator("main button:has-text('Confirm')").CountAsync(), Is.Zero);
        await CheckAsync(page, "owner-confirm-award-refused");

        // The site's clock moves on to the first day the contract may be entered into.
        _clock.Offset = TimeSpan.FromDays(period.ContractMayBeEnteredFrom.DayNumber - today.DayNumber);
        await OpenSignedInAsync(page, Owner, tender + "/stage/awarded");
        await CheckAsync(page, "owner-confirm-award");
        await page.ClickAsync("button:has-text('Confirm')");
        await Assertions.Expect(page.Locator("#locked")).ToContainTextAsync("The tender is locked");
        Assert.That(await page.Locator("main form").CountAsync(), Is.Zero, "nothing to record once awarded");
        await CheckAsync(page, "owner-awarded", narrow: true);

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^What the notice of intention to award needs") }).ClickAsync();
        await CheckAsync(page, "owner-notices");
    }

    // 7, the end: nothing can change.
    private async Task TheTenderIsLockedAsync(IPage owner, IPage moderator, IPage evaluator, string tender)
    {
        await owner.GotoAsync(tender);
        await Assertions.Expect(owner.Locator("#stage-now")).ToHaveTextAsync("Awarded");
        Assert.That(await owner.Locator("main a:has-text('Go back to')").CountAsync(), Is.Zero, "no stage to go back to");
        Assert.That(await owner.Locator("main form").CountAsync(), Is.Zero, "no setting can change");
        await Assertions.Expect(owner.Locator("#settings-closed")).ToContainTextAsync("The tender is awarded, so nothing about it can be changed.");
        await CheckAsync(owner, "owner-tender-awarded");
        await owner.GotoAsync(tender + "/people");
        Assert.That(await owner.Locator("main form").CountAsync(), Is.Zero, "no role can change");
        await CheckAsync(owner, "owner-people-awarded");
        await owner.GotoAsync(tender + "/stage/moderation");
        await Assertions.Expect(owner.Locator("#refusals")).ToContainTextAsync("The tender is awarded, so it cannot become in moderation");
        Assert.That(await owner.Locator("main form").CountAsync(), Is.Zero);

        await owner.GotoAsync(tender + "/audit");
        await Assertions.Expect(owner.Locator("main")).ToContainTextAsync($"{Moderator.Name}");
        await Assertions.Expect(owner.Locator("main")).ToContainTextAsync(Hostile);
        await CheckAsync(owner, "owner-audit");

        await OpenSignedInAsync(moderator, Moderator, $"{tender}/moderate/consensus?bid=bid-a&question=Q1.2");
        await Assertions.Expect(moderator.Locator("#consensus-recorded")).ToBeVisibleAsync();
        Assert.That(await moderator.Locator("main form").CountAsync(), Is.Zero, "no consensus can change");

        await OpenSignedInAsync(evaluator, Evaluators[0], $"{tender}/evaluate/score?evaluator=e1&bid=bid-a&question=Q1.1");
        Assert.That(await evaluator.Locator("main form").CountAsync(), Is.Zero, "no score can change");
        await evaluator.GotoAsync(tender + "/results");
        await Assertions.Expect(evaluator.Locator("main .nhsuk-inset-text")).ToContainTextAsync("The result is complete");
        await Assertions.Expect(evaluator.Locator("main")).Not.ToContainTextAsync("£");
        await CheckAsync(evaluator, "evaluator-results-after-award");
    }

    // Helpers: people, pages and checks.

    private async Task<IPage> NewPersonAsync()
    {
        var context = await Browser.NewContextAsync(Desktop);
        _contexts.Add(context);
        var page = await NewPageAsync(context);
        page.SetDefaultTimeout(15_000);
        page.Dialog += async (_, dialog) =>
        {
            _dialogs.Add($"{page.Url}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        return page;
    }

    private async Task<IPage> SignedInAsync(Person person)
    {
        var page = await NewPersonAsync();
        await SignInAsync(page, person);
        return page;
    }

    private async Task SignInAsync(IPage page, Person person)
    {
        await page.GotoAsync(BaseUrl + "/account/sign-in");
        await page.FillAsync("#email", person.Email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));
    }

    /// <summary>Opens a page; signs in again first if the moved clock has ended the session.</summary>
    private async Task OpenSignedInAsync(IPage page, Person person, string url)
    {
        await page.GotoAsync(url);
        if (page.Url.Contains("sign-in", StringComparison.Ordinal))
        {
            await SignInAsync(page, person);
            await page.GotoAsync(url);
        }
    }

    private async Task MoveAsync(IPage page, string tender, TenderStage to, string? check = null)
    {
        await page.GotoAsync(tender);
        var name = to switch
        {
            TenderStage.OpenForBids => "Open for bids",
            TenderStage.AwardRecommended => "Award recommended",
            _ => to.ToString(),
        };
        await page.GetByRole(AriaRole.Link, new() { Name = "Move to " + name, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Move the tender to " + name);
        if (check is not null)
        {
            await CheckAsync(page, check);
        }

        await page.ClickAsync("button:has-text('Confirm')");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"The tender is now at the stage: {name}.");
    }

    /// <summary>Axe, the policy and a screenshot at 1280 pixels wide; with <paramref name="narrow"/>, a screenshot at 360 too.</summary>
    private async Task CheckAsync(IPage page, string name, bool narrow = false)
    {
        Assert.That(await page.Locator("img[src='x']").CountAsync(), Is.Zero, $"{name}: typed markup became an element");
        await AssertAccessibleAsync(page, "journey-" + name);
        if (narrow)
        {
            await page.SetViewportSizeAsync(360, 800);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("journey-" + name + "-360"), FullPage = true });
            await page.SetViewportSizeAsync(1280, 900);
        }
    }

    private static async Task<string> ShownAsync(IPage page) => WebUtility.HtmlDecode(await page.ContentAsync());

    private static async Task<(string Name, string Path, string Text)> DownloadTextAsync(IPage page, string selector, string folder) =>
        await DownloadTextAsync(page, page.Locator(selector), folder);

    private static async Task<(string Name, string Path, string Text)> DownloadTextAsync(IPage page, ILocator link, string folder)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(folder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        // The text as a reader sees it: HTML's entities decoded, Markdown's backslash escapes dropped.
        var text = await File.ReadAllTextAsync(path);
        text = path.EndsWith(".md", StringComparison.Ordinal) ? text.Replace("\\", string.Empty, StringComparison.Ordinal) : WebUtility.HtmlDecode(text);
        Assert.That(text, Is.Not.Empty, download.SuggestedFilename);
        return (download.SuggestedFilename, path, text);
    }

    private static async Task FillDateAsync(IPage page, string id, DateOnly day)
    {
        await page.FillAsync($"#{id}-day", day.Day.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync($"#{id}-month", day.Month.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync($"#{id}-year", day.Year.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Waits for the page the last key press opened to finish loading: the frontend's script then
    /// has run, and it moves the focus to a success banner, so a key pressed before that could
    /// land on the old focus.
    /// </summary>
    private static Task LoadedAsync(IPage page) => page.WaitForLoadStateAsync(LoadState.Load);

    private static async Task<string> FocusedIdAsync(IPage page) =>
        await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");

    /// <summary>Presses Tab (or <paramref name="key"/>) until the focused element's id is <paramref name="id"/>, or its text starts with <paramref name="text"/>.</summary>
    private static async Task TabToAsync(IPage page, string? id = null, string? text = null, string key = "Tab", int most = 80)
    {
        for (var presses = 0; presses <= most; presses++)
        {
            var focused = await page.EvaluateAsync<string[]>("() => { const e = document.activeElement; return e ? [e.id || '', (e.textContent || '').trim().replace(/\\s+/g, ' ')] : ['', '']; }");
            if ((id is not null && focused[0] == id) || (text is not null && focused[1].StartsWith(text, StringComparison.Ordinal)))
            {
                return;
            }

            await page.Keyboard.PressAsync(key);
        }

        Assert.Fail($"{key} never reached {id ?? text} on {page.Url}");
    }

    private void Lap(string what)
    {
        var now = _watch.Elapsed;
        TestContext.Out.WriteLine($"{(now - _lap).TotalSeconds,6:0.0} s  {what}");
        _lap = now;
    }

    private static string Folder()
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "TestResults", "journey");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private async Task<TenderEvaluation> EvaluationAsync(string tender)
    {
        var owner = await AwardReady.UserAsync(Site, Owner.Email);
        var evaluated = await Site.Services.GetRequiredService<EvaluateTender>().HandleAsync(owner, Guid.Parse(tender.Split('/')[^1]));
        Assert.That(evaluated.Succeeded, Is.True);
        return evaluated.Value;
    }

    // Helpers: the example file's data.

    /// <summary>How many answers each evaluator scores: every question of every bid (4 bids × 12 questions on lot 1, 2 × 7 on lot 2).</summary>
    private const int ItemCount = 62;

    private const string PriceReason = "Meridian showed its staffing model and costs: salaried clinicians on NHS terms, and a lower overhead from sharing premises with two of the trusts.";

    private Dictionary<string, string> Providers => _example["bids"]!.AsArray().ToDictionary(b => (string)b!["id"]!, b => (string)b!["provider"]!, StringComparer.Ordinal);

    private string LotOf(string bid) => (string)_example["bids"]!.AsArray().Single(b => (string)b!["id"]! == bid)!["lotId"]!;

    private IEnumerable<(string Evaluator, string Bid, string Question, int Score, string Rationale)> Scores() =>
        _example["scores"]!.AsArray().Select(s => ((string)s!["evaluatorId"]!, (string)s["bidId"]!, (string)s["questionId"]!, (int)s["score"]!, (string)s["rationale"]!));

    private List<(string Bid, string Question, bool Flagged)> Differences() =>
    [
        .. Scores().GroupBy(s => (s.Bid, s.Question))
            .Where(g => g.Select(s => s.Score).Distinct().Count() > 1)
            .Select(g => (g.Key.Bid, g.Key.Question, g.Max(s => s.Score) - g.Min(s => s.Score) >= 2)),
    ];

    private List<(string Bid, string Gate, bool Passed, string Reason)> GateDecisions() =>
        [.. _example["gateDecisions"]!.AsArray().Select(g => ((string)g!["bidId"]!, (string)g["gateId"]!, (bool)g["passed"]!, (string)g["reason"]!))];

    /// <summary>
    /// The example's score for one answer, and the rationale the evaluator types (the example's,
    /// with the hostile text in one). The example's panel differs on 24 of the 62 answers, 5 of
    /// them by 2 points or more (the spread the tender flags), so moderation has real work.
    /// </summary>
    private (int Score, string Rationale) ScoreOf(Person evaluator, string bid, string question)
    {
        var score = Scores().Single(s => s.Evaluator == evaluator.TenderId && s.Bid == bid && s.Question == question);
        return (score.Score, Rationale(score.Rationale, score.Evaluator, bid, question));
    }

    private static string Rationale(string example, string evaluator, string bid, string question) =>
        evaluator == "e1" && bid == "bid-a" && question == "Q1.2" ? $"{example} {Hostile}" : example;

    /// <summary>What the keyboard evaluator types: short, since each character is a key press.</summary>
    private static string KeyboardRationale(string question, int score) => $"{question}: {score} against the descriptor.";

    private (int Score, string Reason) ConsensusOf(string bid, string question)
    {
        var agreed = _example["moderation"]!.AsArray().Single(m => (string)m!["bidId"]! == bid && (string)m["questionId"]! == question)!;
        var reason = (string)agreed["reason"]!;
        return ((int)agreed["score"]!, bid == "bid-a" && question == "Q1.2" ? $"{reason} {Hostile}" : reason);
    }

    private static void LowerThePrice(JsonObject file)
    {
        var bid = file["bids"]!.AsArray().Single(b => (string)b!["id"]! == LowPricedBid)!;
        bid["price"]!["annualPrices"] = new JsonArray([.. LowAnnualPrices.Select(p => JsonValue.Create(p))]);
    }

    /// <summary>The example file as the panel's work in this journey should leave it: its scores and decisions, the lower price, and the price decision.</summary>
    private static TenderPack ExpectedPack()
    {
        var read = TenderFile.Read(ExampleTender.Json(LowerThePrice));
        Assert.That(read.Succeeded, Is.True);
        return read.Value with
        {
            LowPriceDecisions = [new LowPriceDecision { BidId = LowPricedBid, Outcome = LowPriceOutcome.Accepted, Reason = PriceReason, DecidedBy = "m1" }],
        };
    }

    private static (string Bid, string Question) ItemOf(string url) => (Query(url, "bid"), Query(url, "question"));

    private static string Query(string url, string name)
    {
        var match = Regex.Match(url, $@"[?&]{name}=([^&#]+)");
        Assert.That(match.Success, Is.True, $"{name} in {url}");
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }
}
