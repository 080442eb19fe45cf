using Commissioning.Core.Lifecycle;
using Commissioning.Application.Accounts;
using Commissioning.Data.Entities;
using Commissioning.Tests.Support;
using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// Every page of the site, and every form's error state, as the people who use them see them in
/// Chromium: each saved as a screenshot and checked with axe (WCAG 2.2 A and AA, and no content
/// outside a landmark) and for content security policy violations. The states are counted.
/// </summary>
public sealed class EveryPageBrowserTests : BrowserTest
{
    private const string Password = TestAccounts.Password;

    private readonly List<string> _states = [];

    private async Task CheckAsync(IPage page, string name)
    {
        await AssertAccessibleAsync(page, "every-" + name);
        _states.Add(name);
    }

    private async Task ErrorStateAsync(IPage page, string name, string expected)
    {
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync(expected);
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await CheckAsync(page, name);
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(BaseUrl + "/account/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));
        return page;
    }

    [Test]
    public async Task EveryPageAndFormErrorState_PassesAxe_WithNoPolicyViolation()
    {
        // First run: the start page says nobody can sign in; the setup form and its errors.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync(BaseUrl + "/");
        await CheckAsync(visitor, "start-first-run");
        await visitor.GotoAsync(BaseUrl + "/setup");
        await CheckAsync(visitor, "setup");
        await visitor.ClickAsync("main button[type=submit]");
        await ErrorStateAsync(visitor, "setup-errors", "Enter the person's full name");
        await visitor.FillAsync("#display-name", "Alex Admin");
        await visitor.FillAsync("#email", "alex@example.nhs.uk");
        await visitor.FillAsync("#password", Password);
        await visitor.FillAsync("#confirm-password", Password);
        await visitor.ClickAsync("main button[type=submit]");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Accounts");
        await CheckAsync(visitor, "accounts");

        // Anyone: the start page, standards, the specification journey, sign-in, error pages.
        var anyone = await NewPageAsync();
        foreach (var (path, name) in new[]
        {
            ("/", "start"), ("/standards", "standards"), ("/standards/information-exchange", "rule-set"), ("/standards/requirements/inf-03", "requirement"),
            ("/standards/glossary", "glossary"), ("/standards/guide-questions", "guide-questions"), ("/standards/sources", "sources"),
            ("/specification/profile", "profile"), ("/account/sign-in", "sign-in"), ("/no-such-page", "not-found"),
            ("/specification?name=Riverside+Surgery&type=gp-practice-or-pcn&headcount=45&hostsmedicaltrainees=no&delivery=external", "specification"),
        })
        {
            await anyone.GotoAsync(BaseUrl + path);
            await CheckAsync(anyone, name);
        }

        await anyone.GotoAsync(BaseUrl + "/specification?name=Riverside&headcount=lots");
        await ErrorStateAsync(anyone, "specification-incomplete-address", "There is a problem with the answers");
        await anyone.GotoAsync(BaseUrl + "/specification/profile");
        await anyone.ClickAsync("main button[type=submit]");
        await ErrorStateAsync(anyone, "profile-errors", "Enter the name of the organisation");
        await anyone.GotoAsync(BaseUrl + "/account/sign-in");
        await anyone.ClickAsync("main button[type=submit]");
        await ErrorStateAsync(anyone, "sign-in-errors", "Enter your email address");

        // The administrator: create an account, with its errors (a new organisation without a name shows the revealed fields in error).
        var admin = await SignedInAsync("alex@example.nhs.uk");
        await admin.GotoAsync(BaseUrl + "/admin/accounts/create");
        await CheckAsync(admin, "create-account");
        await admin.ClickAsync("main button[type=submit]");
        await ErrorStateAsync(admin, "create-account-errors", "Enter the person's full name");
        await admin.GetByLabel("A new organisation").CheckAsync();
        await admin.ClickAsync("main button[type=submit]");
        await ErrorStateAsync(admin, "create-account-new-organisation-errors", "Enter the organisation's name");
        await admin.GotoAsync(BaseUrl + "/account/sign-out");
        await CheckAsync(admin, "sign-out");

        await TestAccounts.CreateAsync(Site, "sam@example.nhs.uk", organisation: "North ICS", displayName: "Sam Evaluator");
        await TestAccounts.CreateAsync(Site, "pat@northgate.example", organisation: "Northgate Occupational Health Ltd", organisationKind: OrganisationKind.Provider, displayName: "Pat Provider");

        // The commissioner (the administrator is one): import, with a refused file; the tender's forms and their errors.
        await admin.GotoAsync(BaseUrl + "/tenders");
        await CheckAsync(admin, "tenders-empty");
        await admin.GotoAsync(BaseUrl + "/tenders/import");
        await CheckAsync(admin, "import");
        await admin.ClickAsync("main button[type=submit]");
        await ErrorStateAsync(admin, "import-no-file", "Select a tender file (.json) to import.");
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        var example = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "examples", "ics-tender.json"));
        await File.WriteAllTextAsync(broken, example.Replace("\"qualityWeight\": 60", "\"qualityWeight\": -60", StringComparison.Ordinal).Replace("\"priceWeight\": 40", "\"priceWeight\": \"forty\"", StringComparison.Ordinal));
        await admin.SetInputFilesAsync("input[type=file][name='Input.File']", broken);
        await admin.ClickAsync("main button[type=submit]");
        await ErrorStateAsync(admin, "import-refused", "could not be imported");
        File.Delete(broken);
        await admin.SetInputFilesAsync("input[type=file][name='Input.File']", Path.Combine(Repository.Root, "examples", "ics-tender.json"));
        await admin.ClickAsync("main button[type=submit]");
        await Assertions.Expect(admin.Locator("#stage-now")).ToHaveTextAsync("Draft");
        var tender = admin.Url;
        await CheckAsync(admin, "tender-owner");

        await admin.FillAsync("#prices-reason", new string('a', 2001));
        await admin.ClickAsync("button:has-text('Save the setting')");
        await ErrorStateAsync(admin, "tender-prices-errors", "The reason must be 2,000 characters or fewer.");
        await admin.GotoAsync(tender + "/bids");
        await CheckAsync(admin, "bids-draft");
        await admin.GotoAsync(tender);
        await admin.ClickAsync("a:has-text('Link to a provider organisation'):has-text('of bid bid-a')");
        await CheckAsync(admin, "bid-link");
        await admin.SelectOptionAsync("#link-organisation-id", new SelectOptionValue { Label = "Northgate Occupational Health Ltd" });
        await admin.ClickAsync("button:has-text('Save the link')");
        await Assertions.Expect(admin.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Bid bid-a is linked");
        await CheckAsync(admin, "tender-linked");

        await admin.GotoAsync(tender + "/people");
        await CheckAsync(admin, "people");
        await admin.ClickAsync("button:has-text('Give the role')");
        await ErrorStateAsync(admin, "people-add-errors", "Enter the email address of the person's account.");
        await admin.FillAsync("#person-email", "sam@example.nhs.uk");
        await admin.SelectOptionAsync("#person-role", "Evaluator");
        await admin.FillAsync("#person-evaluator-id", "e1");
        await admin.FillAsync("#person-scope", "lot-1");
        await admin.ClickAsync("button:has-text('Give the role')");
        await Assertions.Expect(admin.Locator(".nhsuk-notification-banner")).ToContainTextAsync("sam@example.nhs.uk is now an evaluator");
        await CheckAsync(admin, "people-added");
        await admin.Locator("input[name^='Remove.Reasons[']").Last.FillAsync(new string('a', 2001));
        await admin.Locator("button:has-text('Take away')").Last.ClickAsync();
        await ErrorStateAsync(admin, "people-remove-errors", "The reason must be 2,000 characters or fewer.");

        await admin.GotoAsync(tender + "/scores?bid=bid-b");
        await CheckAsync(admin, "scores");
        await admin.GotoAsync(tender + "/audit");
        await CheckAsync(admin, "audit");
        await admin.GotoAsync(BaseUrl + "/tenders");
        await CheckAsync(admin, "tenders");

        // The award: a stage move's confirmation, and a cancellation's errors.
        await admin.GotoAsync(tender + "/stage/open-for-bids");
        await CheckAsync(admin, "stage-move");
        await admin.GotoAsync(tender + "/stage/cancelled");
        await admin.ClickAsync("main button:has-text('Confirm')");
        await ErrorStateAsync(admin, "stage-cancel-errors", "Enter why the tender is being cancelled.");
        await admin.GotoAsync(tender + "/award");
        await CheckAsync(admin, "award-not-started");

        // A tender whose scores are all drafts, in moderation: award recommended is refused, listing why.
        var owner = await AwardReady.UserAsync(Site, "alex@example.nhs.uk");
        var provisional = await AwardReady.TenderAsync(Site, owner, act: false, until: TenderStage.Evaluation);
        await AwardReady.MoveAsync(TenderCalls.Of(Site.Services), owner, provisional, TenderStage.Moderation);
        await admin.GotoAsync($"{BaseUrl}/tenders/{provisional}/stage/award-recommended");
        await CheckAsync(admin, "stage-award-refused");

        // A complete tender under the Act, recommended for award: standstill refused, the award page and its errors, the notices.
        var act = $"{BaseUrl}/tenders/{await AwardReady.TenderAsync(Site, owner, act: true)}";
        await admin.GotoAsync(act + "/stage/standstill");
        await CheckAsync(admin, "stage-standstill-refused");
        await admin.GotoAsync(act + "/award");
        await CheckAsync(admin, "award-recommended");
        await admin.ClickAsync("button:has-text('Record the award decision')");
        await ErrorStateAsync(admin, "award-errors", "Enter who approved the award");
        await admin.ClickAsync("button:has-text('Record the date')");
        await ErrorStateAsync(admin, "award-summaries-errors", "Enter the date the assessment summaries were given");
        await admin.GotoAsync(act + "/award/notices");
        await CheckAsync(admin, "award-notices");

        // The evaluator and the provider.
        var evaluator = await SignedInAsync("sam@example.nhs.uk");
        await evaluator.GotoAsync(tender);
        await CheckAsync(evaluator, "tender-evaluator");
        await evaluator.GotoAsync(tender + "/scores");
        await CheckAsync(evaluator, "scores-evaluator");

        // The evaluator's journey and the owner's decision on a conflict: a draft first, then in evaluation.
        await evaluator.GotoAsync(tender + "/evaluate");
        await CheckAsync(evaluator, "evaluate-worklist-draft");
        foreach (var stage in new[] { "open-for-bids", "evaluation" })
        {
            await admin.GotoAsync($"{tender}/stage/{stage}");
            await admin.ClickAsync("main button:has-text('Confirm')");
            await Assertions.Expect(admin.Locator(".nhsuk-notification-banner")).ToBeVisibleAsync();
        }

        await evaluator.GotoAsync(tender + "/evaluate/declaration");
        await CheckAsync(evaluator, "evaluate-declaration");
        await evaluator.ClickAsync("button:has-text('Save your declaration')");
        await ErrorStateAsync(evaluator, "evaluate-declaration-errors", "Select whether you have a conflict of interest");
        await evaluator.GetByLabel("I have a conflict of interest to declare").CheckAsync();
        await evaluator.ClickAsync("button:has-text('Save your declaration')");
        await ErrorStateAsync(evaluator, "evaluate-declaration-details-errors", "Describe the conflict of interest");
        await evaluator.FillAsync("#details", "My partner works for Meridian Workplace Health LLP.");
        await evaluator.ClickAsync("button:has-text('Save your declaration')");
        await Assertions.Expect(evaluator.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your scoring is paused");
        await CheckAsync(evaluator, "evaluate-worklist-paused");
        await admin.GotoAsync(tender + "/conflicts");
        await CheckAsync(admin, "conflicts");
        await admin.ClickAsync("a:has-text('Decide')");
        await CheckAsync(admin, "conflicts-decide");
        await admin.ClickAsync("button:has-text('Save the decision')");
        await ErrorStateAsync(admin, "conflicts-decide-errors", "Select whether this evaluator may continue to score");
        await admin.GetByLabel("Yes, they may continue to score").CheckAsync();
        await admin.FillAsync("#reason", "Sam will not score Meridian's bid alone; the moderator reviews it.");
        await admin.ClickAsync("button:has-text('Save the decision')");
        await Assertions.Expect(admin.Locator(".nhsuk-notification-banner")).ToContainTextAsync("may continue to score");
        await CheckAsync(admin, "conflicts-decided");
        await evaluator.GotoAsync(tender + "/evaluate");
        await CheckAsync(evaluator, "evaluate-worklist");
        await evaluator.GotoAsync(tender + "/evaluate/score?bid=bid-a&question=Q1.1");
        await CheckAsync(evaluator, "evaluate-score");
        await evaluator.FillAsync("#rationale", "");
        await evaluator.ClickAsync("button:has-text('Save and next')");
        await ErrorStateAsync(evaluator, "evaluate-score-errors", "Enter why you gave this score");
        await evaluator.GotoAsync(tender + "/evaluate/check");
        await CheckAsync(evaluator, "evaluate-check");
        var provider = await SignedInAsync("pat@northgate.example");
        await provider.GotoAsync(BaseUrl + "/tenders");
        await CheckAsync(provider, "tenders-provider");
        await provider.GotoAsync(tender);
        await CheckAsync(provider, "tender-provider");

        // Results: the administrator's tender has nothing submitted (provisional); the example
        // tender with its panel, every score submitted, is complete.
        await admin.GotoAsync(tender + "/results");
        await CheckAsync(admin, "results-provisional");
        await admin.GotoAsync(tender + "/results/downloads");
        await CheckAsync(admin, "results-downloads");
        var complete = await ExampleTender.ImportAsync(Site);
        await complete.CompleteAsync(TenderStage.Moderation);
        var exampleOwner = await SignedInAsync(ExampleTender.OwnerEmail);
        await exampleOwner.GotoAsync($"{BaseUrl}/tenders/{complete.Id}/results");
        await CheckAsync(exampleOwner, "results-complete");


        // Moderation: a tender in moderation; its lot-1 moderator's pages and their errors; the owner's view of lot 2.
        var moderated = await ModerationTender.CreateAsync(Site);
        var moderation = $"{BaseUrl}/tenders/{moderated}/moderate";
        var moderator = await SignedInAsync(ModerationTender.ModeratorLotOne);
        await moderator.GotoAsync(moderation);
        await CheckAsync(moderator, "moderate");
        await moderator.GotoAsync(moderation + "/consensus?bid=bid-a&question=Q1");
        await CheckAsync(moderator, "moderate-consensus");
        await moderator.ClickAsync("button:has-text('Save the consensus score')");
        await ErrorStateAsync(moderator, "moderate-consensus-errors", "Select the consensus score.");
        await moderator.GotoAsync(moderation + "/gate?bid=bid-b&gate=G2");
        await CheckAsync(moderator, "moderate-gate");
        await moderator.ClickAsync("button:has-text('Save the decision')");
        await ErrorStateAsync(moderator, "moderate-gate-errors", "Select whether the bid passes or fails this gate.");
        await moderator.GotoAsync(moderation + "/price?bid=bid-b");
        await CheckAsync(moderator, "moderate-price");
        await moderator.ClickAsync("button:has-text('Save the decision')");
        await ErrorStateAsync(moderator, "moderate-price-errors", "Select whether the bidder's explanation was accepted or the bid is excluded.");
        var moderationOwner = await SignedInAsync(ModerationTender.Owner);
        await moderationOwner.GotoAsync(moderation + "?lot=lot-2");
        await CheckAsync(moderationOwner, "moderate-owner");
        await moderationOwner.GotoAsync(moderation + "/consensus?bid=bid-d&question=Q1");
        await CheckAsync(moderationOwner, "moderate-consensus-owner");

        TestContext.Out.WriteLine($"{_states.Count} page states checked: {string.Join(", ", _states)}");
        Assert.That(_states, Has.Count.EqualTo(76));
    }
}
