using Commissioning.Core.Lifecycle;
using Commissioning.Application.Accounts;
using Commissioning.Tests.Support;
using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// The minimal tender pages in a real browser: a commissioner imports the example tender, gives
/// an evaluator a role, reads the audit trail; a broken file is refused with its problems listed;
/// the evaluator sees the tender without prices. Each page is screenshotted and checked with axe.
/// </summary>
public sealed class TenderPagesBrowserTests : BrowserTest
{
    private static async Task SignInAsync(IPage page, string baseUrl, string email)
    {
        await page.GotoAsync(baseUrl + "/account/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("button[type=submit] >> nth=-1");
    }

    [Test]
    public async Task ImportPeopleAudit_CommissionerAndEvaluator_PagesWorkAndAreAccessible()
    {
        await TestAccounts.CreateAsync(Site, "priya@example.nhs.uk", roles: [SiteRoles.Commissioner], organisation: "North ICS", displayName: "Priya Shah");
        await TestAccounts.CreateAsync(Site, "alex@example.nhs.uk", organisation: "North ICS", displayName: "Alex Evaluator");
        await TestAccounts.CreateAsync(Site, "pat@northgate.example", organisation: "Northgate Occupational Health Ltd", organisationKind: Commissioning.Core.Lifecycle.OrganisationKind.Provider, displayName: "Pat Provider");

        var owner = await NewPageAsync();
        await SignInAsync(owner, BaseUrl, "priya@example.nhs.uk");
        await owner.GotoAsync(BaseUrl + "/tenders");
        Assert.That(await owner.InnerTextAsync("main"), Does.Contain("You have no role on any tender yet."));
        await AssertAccessibleAsync(owner, "tenders-empty");

        // A file with broken JSON paths: every problem listed, nothing saved.
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        var example = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "examples", "ics-tender.json"));
        await File.WriteAllTextAsync(broken, example.Replace("\"qualityWeight\": 60", "\"qualityWeight\": -60", StringComparison.Ordinal).Replace("\"priceWeight\": 40", "\"priceWeight\": \"forty\"", StringComparison.Ordinal));
        await owner.GotoAsync(BaseUrl + "/tenders/import");
        await owner.SetInputFilesAsync("input[type=file][name='Input.File']", broken);
        await owner.ClickAsync("button:has-text('Import')");
        Assert.That(await owner.InnerTextAsync(".nhsuk-error-summary"), Does.Contain("could not be imported"));
        Assert.That(await owner.InnerTextAsync("main"), Does.Contain("Tender → lot 2 → price weight"), "the problems say where they are in the file, in words");
        await AssertAccessibleAsync(owner, "tenders-import-refused");
        File.Delete(broken);
        await owner.GotoAsync(BaseUrl + "/tenders");
        Assert.That(await owner.InnerTextAsync("main"), Does.Contain("You have no role on any tender yet."), "nothing was saved");

        // The example tender imports and the importer owns it.
        await owner.GotoAsync(BaseUrl + "/tenders/import");
        await owner.SetInputFilesAsync("input[type=file][name='Input.File']", Path.Combine(Repository.Root, "examples", "ics-tender.json"));
        await owner.ClickAsync("button:has-text('Import')");
        Assert.That(await owner.InnerTextAsync("#stage-now"), Is.EqualTo("Draft"));
        Assert.That(await owner.InnerTextAsync("main"), Does.Contain("Owner"));
        var tenderUrl = owner.Url;
        await AssertAccessibleAsync(owner, "tender-owner");

        // Give Alex the evaluator role on lot 1.
        await owner.GotoAsync(tenderUrl + "/people");
        await owner.FillAsync("#person-email", "alex@example.nhs.uk");
        await owner.SelectOptionAsync("#person-role", "Evaluator");
        await owner.FillAsync("#person-evaluator-id", "e1");
        await owner.FillAsync("#person-scope", "lot-1");
        await owner.ClickAsync("button:has-text('Give the role')");
        Assert.That(await owner.InnerTextAsync(".nhsuk-notification-banner"), Does.Contain("alex@example.nhs.uk is now an evaluator"));
        Assert.That(await owner.InnerTextAsync("table"), Does.Contain("Alex Evaluator").And.Contain("lot-1"));
        await AssertAccessibleAsync(owner, "tender-people");

        // A mistake in the form: the error summary names it.
        await owner.FillAsync("#person-email", "nobody@example.nhs.uk");
        await owner.SelectOptionAsync("#person-role", "Observer");
        await owner.ClickAsync("button:has-text('Give the role')");
        Assert.That(await owner.InnerTextAsync(".nhsuk-error-summary"), Does.Contain("There is no account with that email address."));
        await AssertAccessibleAsync(owner, "tender-people-error");

        // Link bid-a to Northgate's organisation.
        await owner.GotoAsync(tenderUrl);
        await owner.ClickAsync("a:has-text('Link to a provider organisation'):has-text('of bid bid-a')");
        await owner.SelectOptionAsync("#link-organisation-id", new SelectOptionValue { Label = "Northgate Occupational Health Ltd" });
        await owner.ClickAsync("button:has-text('Save the link')");
        Assert.That(await owner.InnerTextAsync(".nhsuk-notification-banner"), Does.Contain("Bid bid-a is linked"));

        await owner.GotoAsync(tenderUrl + "/scores?bid=bid-b");
        Assert.That(await owner.InnerTextAsync("main"), Does.Contain("Bid bid-b:"));
        await AssertAccessibleAsync(owner, "tender-scores");

        await owner.GotoAsync(tenderUrl + "/audit");
        var audit = await owner.InnerTextAsync("main ol");
        Assert.That(audit, Does.Contain("Priya Shah imported the tender from a file.").And.Contain("Priya Shah gave").And.Contain("evaluator role"));
        await AssertAccessibleAsync(owner, "tender-audit");

        // Alex sees the tender, lot 1's bids only, and no prices.
        var evaluator = await NewPageAsync();
        await SignInAsync(evaluator, BaseUrl, "alex@example.nhs.uk");
        await evaluator.GotoAsync(tenderUrl);
        var seen = await evaluator.InnerTextAsync("main");
        Assert.That(seen, Does.Contain("Evaluator (e1)").And.Contain("Not shown to you").And.Not.Contain("lot-2"));
        Assert.That(await evaluator.Locator("a:has-text('Audit trail')").CountAsync(), Is.Zero);
        await AssertAccessibleAsync(evaluator, "tender-evaluator");
        var audited = await evaluator.GotoAsync(tenderUrl + "/audit");
        Assert.That(audited!.Status, Is.EqualTo(404));

        // Pat, of Northgate, sees the tender with bid-a only, and its price.
        var provider = await NewPageAsync();
        await SignInAsync(provider, BaseUrl, "pat@northgate.example");
        await provider.GotoAsync(BaseUrl + "/tenders");
        Assert.That(await provider.InnerTextAsync("table"), Does.Contain("Bidder"));
        await provider.GotoAsync(tenderUrl);
        var bids = await provider.InnerTextAsync("table");
        Assert.That(bids, Does.Contain("bid-a").And.Contain("£6,035,000").And.Not.Contain("bid-b").And.Not.Contain("bid-f"));
        await AssertAccessibleAsync(provider, "tender-provider");
    }
}
