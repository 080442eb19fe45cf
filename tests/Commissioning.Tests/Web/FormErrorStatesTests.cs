using Commissioning.Application.Tenders;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Commissioning.Application.Accounts;
using Commissioning.Data.Entities;
using Commissioning.Tests.Support;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Web;

/// <summary>
/// Every form of the site, sent empty and with one wrong value, as a person would send it: each
/// field with an error has its error class, an error message whose id is in the field's
/// <c>aria-describedby</c> (the fieldset's, for a group of radios, checkboxes or a date), and a
/// link to its id in the error summary; the summary links nowhere else; the title starts with
/// "Error: ". A form a person can send empty without error (the prices setting) is shown to be
/// accepted. Every POST handler of the site is tried, or named here with the reason it has no
/// fields to get wrong.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class FormErrorStatesTests
{
    /// <summary>POST handlers with nothing to type or choose: a button alone.</summary>
    private static readonly Dictionary<string, string> WithoutFields = new(StringComparer.Ordinal)
    {
        ["POST account/sign-out"] = "one button; signing out cannot be wrong",
        ["POST admin/accounts?handler=Unlock"] = "one button per locked account; the account is in the address",
        ["POST tenders/{id}/evaluate/check"] = "one button to submit; what is unscored is listed on the page, linked to where it is scored",
        ["POST tenders/{id}/setup/members?handler=Remove"] = "one button per member organisation; which one is in a hidden field",
        ["POST tenders/{id}/setup/people?handler=Remove"] = "one button per person on the panel; which role is in a hidden field",
        ["POST tenders/{id}/bids?handler=Uninvite"] = "one button per invited organisation; which one is in a hidden field",
    };

    private static readonly HtmlParser Parser = new();

    private readonly List<string> _covered = [];
    private readonly List<string> _report = [];

    [Test]
    public async Task EveryForm_EmptyAndWithOneWrongValue_EveryErrorLinkedForScreenReaders()
    {
        using var site = new SiteFactory(SiteFactory.Development);
        using var admin = site.CreateNonRedirectingClient();

        // First run: the setup form, before any account exists.
        await CheckAsync(admin, "POST setup", "/setup", null, Empty, expectErrors: 4);
        await CheckAsync(admin, "POST setup", "/setup", null, With(("Input.DisplayName", "Alex Admin"), ("Input.Email", "alex@example.nhs.uk"), ("Input.Password", "short"), ("Input.ConfirmPassword", "short")), expectErrors: 1);
        await SendAsync(admin, "/setup", null, With(("Input.DisplayName", "Alex Admin"), ("Input.Email", "alex@example.nhs.uk"), ("Input.Password", TestAccounts.Password), ("Input.ConfirmPassword", TestAccounts.Password)));

        using (var visitor = site.CreateNonRedirectingClient())
        {
            await CheckAsync(visitor, "POST account/sign-in", "/account/sign-in", null, Empty, expectErrors: 2);
            await CheckAsync(visitor, "POST account/sign-in", "/account/sign-in", null, With(("Input.Email", "alex@example.nhs.uk"), ("Input.Password", "not the password")), expectErrors: 1);
        }

        await TestAccounts.SignInAsync(admin, "alex@example.nhs.uk");
        await CheckAsync(admin, "POST admin/accounts/create", "/admin/accounts/create", null, Empty, expectErrors: 5);
        await CheckAsync(admin, "POST admin/accounts/create", "/admin/accounts/create", null,
            With(("Input.DisplayName", "Sam Evaluator"), ("Input.Email", "sam@example.nhs.uk"), ("Input.OrganisationChoice", "new"), ("Input.Password", TestAccounts.Password), ("Input.ConfirmPassword", TestAccounts.Password)), expectErrors: 2);

        await CheckAsync(admin, "POST specification/profile", "/specification/profile", null, Empty, expectErrors: 5);
        await CheckAsync(admin, "POST specification/profile", "/specification/profile", null,
            With(("Input.Name", "Riverside Surgery"), ("Input.Type", "gp-practice-or-pcn"), ("Input.Headcount", "forty five"), ("Input.HostsMedicalTrainees", "no"), ("Input.Delivery", "external")), expectErrors: 1);

        await CheckUploadAsync(admin, null, expectErrors: 1);
        await CheckUploadAsync(admin, ("tender.txt", "{}"u8.ToArray()), expectErrors: 1);
        var tender = await ImportAsync(admin);

        await CheckAsync(admin, "POST tenders/{id}?handler=Prices", tender, "Prices", Empty, expectErrors: 0);
        await CheckAsync(admin, "POST tenders/{id}?handler=Prices", tender, "Prices", With(("Prices.Reason", new string('a', 2001))), expectErrors: 1);
        var calls = TenderCalls.Of(site.Services);
        var owner = await AwardReady.UserAsync(site, "alex@example.nhs.uk");
        var bidA = (await calls.BidsAsync(owner, Guid.Parse(tender.Split('/')[2]))).Value[0];
        var linkPage = $"{tender}/bids/{bidA.RowId}/link";
        await CheckAsync(admin, "POST tenders/{id}/bids/{bid:guid}/link", linkPage, null, With(("Link.OrganisationId", "Northgate")), expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/bids/{bid:guid}/link", linkPage, null, With(("Link.Reason", "Linked \u202Eevil")), expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/bids/{bid:guid}/link", linkPage, null, Empty, expectErrors: 0);

        // Receiving bids: a tender open for bids, with none yet.
        await TestAccounts.CreateAsync(site, "pat@northgate.example", organisation: "Northgate OH", organisationKind: Commissioning.Core.Lifecycle.OrganisationKind.Provider, displayName: "Pat Provider");
        var open = await ImportOpenForBidsAsync(site, admin, owner);
        await CheckAsync(admin, "POST tenders/{id}/bids?handler=Invite", open + "/bids", "Invite", Empty, expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/bids?handler=Invite", open + "/bids", "Invite", With(("Invite.OrganisationId", "Northgate OH")), expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/bids?handler=Invite", open + "/bids", "Invite",
            (form, element) => form["Invite.OrganisationId"] = [element.QuerySelectorAll("option")[^1].GetAttribute("value")!], expectErrors: 0);
        using (var pat = site.CreateNonRedirectingClient())
        {
            await TestAccounts.SignInAsync(pat, "pat@northgate.example");
            await CheckWorkbooksAsync(pat, open, [], expectErrors: 1, page: "respond");
            await CheckWorkbooksAsync(pat, open, [("bid.pdf", "%PDF-1.7"u8.ToArray())], expectErrors: 1, page: "respond");
            await CheckAsync(pat, "POST readiness/new", "/readiness/new", null, Empty, expectErrors: 6);
            await CheckAsync(pat, "POST readiness/new", "/readiness/new", null,
                With(("Input.Title", "Self-assessment"), ("Input.Target", "standards"), ("Input.Provider", "Northgate OH"), ("Input.Seqohs", "accredited"), ("Input.Esr", "live"),
                    ("Input.ConsultantQualification", "cct"), ("Input.OccupationalPhysicians", "two")), expectErrors: 1);
        }

        await CheckWorkbooksAsync(admin, open, [], expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/bids/new", open + "/bids/new?lot=lot-1", null, Empty, expectErrors: 5 + ContractAndExtensionYears("lot-1"));
        await CheckAsync(admin, "POST tenders/{id}/bids/new", open + "/bids/new?lot=lot-1", null,
            (form, element) =>
            {
                form["Entry.BidId"] = ["bid-x"];
                form["Entry.Provider"] = ["X Ltd"];
                foreach (var key in form.Keys.Where(k => k.Contains("Prices[", StringComparison.Ordinal)).ToList())
                {
                    form[key] = ["1000000"];
                }

                form["Entry.OhNurses"] = ["seven"];
            }, expectErrors: 1);
        await CheckWorkbooksAsync(admin, open, [("bid.pdf", "%PDF-1.7"u8.ToArray())], expectErrors: 1);
        await CheckWorkbooksAsync(admin, open, [("empty.xlsx", [])], expectErrors: 1);
        await CheckWorkbooksAsync(admin, open, [("blank.xlsx", Commissioning.Tests.Documents.Response.ResponseWorkbooks.Blank())], expectErrors: 1);
        var openId = Guid.Parse(open.Split('/')[2]);
        var filled = Commissioning.Tests.Documents.Response.ResponseWorkbooks.Filled(Commissioning.Tests.Documents.Response.ResponseWorkbooks.ExampleBid("lot-1", "bid-withdrawn"));
        Assert.That((await site.Services.GetRequiredService<ReceiveBidWorkbooks>().HandleAsync(owner, openId, [new WorkbookUpload("w.xlsx", filled)], null)).Value.Single().Received, Is.True);
        var withdrawPage = $"{open}/bids/{(await calls.BidsAsync(owner, openId)).Value.Single().RowId}/withdraw";
        await CheckAsync(admin, "POST tenders/{id}/bids/{bid:guid}/withdraw", withdrawPage, null, Empty, expectErrors: 1); // the owner gives a reason
        await CheckAsync(admin, "POST tenders/{id}/bids/{bid:guid}/withdraw", withdrawPage, null, With(("Input.Reason", "Asked \u202Eevil")), expectErrors: 1);

        await TestAccounts.CreateAsync(site, "sam@example.nhs.uk", displayName: "Sam Evaluator");
        await CheckAsync(admin, "POST tenders/{id}/people?handler=Add", tender + "/people", "Add", Empty, expectErrors: 2);
        await CheckAsync(admin, "POST tenders/{id}/people?handler=Add", tender + "/people", "Add", With(("Person.Email", "nobody@example.nhs.uk"), ("Person.Role", "Observer")), expectErrors: 1);
        await SendAsync(admin, tender + "/people", "Add", With(("Person.Email", "sam@example.nhs.uk"), ("Person.Role", "Observer")));
        await CheckAsync(admin, "POST tenders/{id}/people?handler=Remove", tender + "/people", "Remove", WrongReason, expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/people?handler=Remove", tender + "/people", "Remove", Empty, expectErrors: 0);

        // Creating a tender in the site and its set-up tasks.
        await CheckAsync(admin, "POST tenders/new", "/tenders/new", null, Empty, expectErrors: 4);
        var details = With(("Input.Title", "OH for Riverside"), ("Input.Regime", "pa2023"), ("Input.Procedure", "Open procedure"), ("Input.Rationale", "Not a health care service."));
        await CheckAsync(admin, "POST tenders/new", "/tenders/new", null, (form, element) => { details(form, element); form["Input.Reference"] = [new string('R', 101)]; }, expectErrors: 1);
        string created;
        using (var made = await SendAsync(admin, "/tenders/new", null, details))
        {
            created = made.Headers.Location!.OriginalString.Replace("/setup", string.Empty, StringComparison.Ordinal);
        }

        await CheckAsync(admin, "POST tenders/{id}/setup/details", created + "/setup/details", null, Empty, expectErrors: 4);
        await CheckAsync(admin, "POST tenders/{id}/setup/details", created + "/setup/details", null, With(("Input.Procedure", new string('p', 201))), expectErrors: 1);
        var member = With(("Input.Name", "Riverside Surgery"), ("Input.Type", "gp-practice-or-pcn"), ("Input.Headcount", "45"), ("Input.HostsMedicalTrainees", "no"), ("Input.Delivery", "external"));
        await CheckAsync(admin, "POST tenders/{id}/setup/members/add", created + "/setup/members/add", null, Empty, expectErrors: 5);
        await CheckAsync(admin, "POST tenders/{id}/setup/members/add", created + "/setup/members/add", null, (form, element) => { member(form, element); form["Input.Headcount"] = ["forty five"]; }, expectErrors: 1);
        (await SendAsync(admin, created + "/setup/members/add", null, member)).Dispose();
        await CheckAsync(admin, "POST tenders/{id}/setup/members?handler=Upload", created + "/setup/members", "Upload", Empty, expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/setup/members?handler=Saved", created + "/setup/members", "Saved", Empty, expectErrors: 1); // the imported tender's members are offered
        await CheckAsync(admin, "POST tenders/{id}/setup/members?handler=Complete", created + "/setup/members", "Complete", Empty, expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/setup/members?handler=Complete", created + "/setup/members", "Complete", With(("Completion.Completed", "yes")), expectErrors: 0);
        await CheckAsync(admin, "POST tenders/{id}/setup/lots", created + "/setup/lots", null, (_, _) => { }, expectErrors: 0); // the first lot as the page offers it
        await CheckAsync(admin, "POST tenders/{id}/setup/lots", created + "/setup/lots", null, Empty, expectErrors: 2);
        await CheckAsync(admin, "POST tenders/{id}/setup/lots", created + "/setup/lots", null, With(("Input.Lots[0].Title", new string('t', 201))), expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/setup/lots?handler=Complete", created + "/setup/lots", "Complete", Empty, expectErrors: 1);
        var alex = await AwardReady.UserAsync(site, "alex@example.nhs.uk");
        var drafted = (await site.Services.GetRequiredService<ReadTenderSetup>().HandleAsync(alex, Guid.Parse(created.Split('/')[2]))).Value.Tender.Lots[0];
        await CheckAsync(admin, "POST tenders/{id}/setup/criteria", created + "/setup/criteria", null, Empty, expectErrors: 2); // quality and price; the section and question fields are then absent
        await CheckAsync(admin, "POST tenders/{id}/setup/criteria", created + "/setup/criteria", null, With(($"Input.Questions[{drafted.Sections[0].Questions[0].Id}]", "lots")), expectErrors: 1);
        // Emptied, every kept section lacks its title.
        await CheckAsync(admin, "POST tenders/{id}/setup/criteria/questions", created + "/setup/criteria/questions", null, Empty, expectErrors: drafted.Sections.Count);
        await CheckAsync(admin, "POST tenders/{id}/setup/criteria/questions", created + "/setup/criteria/questions", null, With(("Input.Sections[0].Questions[0].Order", "second"), ("Input.NewSection.Title", "Social value")), expectErrors: 3);
        var wording = $"{created}/setup/question?lot={drafted.Id}&question={drafted.Sections[0].Questions[0].Id}";
        await CheckAsync(admin, "POST tenders/{id}/setup/question", wording, null, Empty, expectErrors: 2);
        await CheckAsync(admin, "POST tenders/{id}/setup/question", wording, null, With(("Input.Text", new string('q', 4001))), expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/setup/gates", created + "/setup/gates", null, Empty, expectErrors: 2 * drafted.Gates.Count);
        await CheckAsync(admin, "POST tenders/{id}/setup/gates", created + "/setup/gates", null, With(("Input.Gates[0].Title", "")), expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/setup/price", created + "/setup/price", null, Empty, expectErrors: 5);
        await CheckAsync(admin, "POST tenders/{id}/setup/price", created + "/setup/price", null, With(("Input.Method", "Linear")), expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/setup/scale", created + "/setup/scale", null, Empty, expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/setup/scale", created + "/setup/scale", null, With(("Input.Spread", "-1")), expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/setup/dates", created + "/setup/dates", null, Empty, expectErrors: 0); // both may be left for later
        await CheckAsync(admin, "POST tenders/{id}/setup/dates", created + "/setup/dates", null, With(("Input.Bids.Day", "31"), ("Input.Bids.Month", "2"), ("Input.Bids.Year", "2027")), expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/setup/people", created + "/setup/people", null, Empty, expectErrors: 2);
        await CheckAsync(admin, "POST tenders/{id}/setup/people", created + "/setup/people", null, With(("Input.AccountId", "no-such-account"), ("Input.Role", "Evaluator")), expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/setup/people?handler=Complete", created + "/setup/people", "Complete", Empty, expectErrors: 1);

        // Moderation: a tender in moderation, its lot-1 moderator, and the owner's forms.
        var moderated = await ModerationTender.CreateAsync(site);
        using (var moderator = site.CreateNonRedirectingClient())
        {
            await TestAccounts.SignInAsync(moderator, ModerationTender.ModeratorLotOne);
            var consensus = $"/tenders/{moderated}/moderate/consensus?bid=bid-a&question=Q1";
            await CheckAsync(moderator, "POST tenders/{id}/moderate/consensus", consensus, null, Empty, expectErrors: 2);
            await CheckAsync(moderator, "POST tenders/{id}/moderate/consensus", consensus, null, With(("Input.Score", "2"), ("Input.Reason", new string('a', 2001))), expectErrors: 1);
            var gate = $"/tenders/{moderated}/moderate/gate?bid=bid-b&gate=G2";
            await CheckAsync(moderator, "POST tenders/{id}/moderate/gate", gate, null, Empty, expectErrors: 2);
            await CheckAsync(moderator, "POST tenders/{id}/moderate/gate", gate, null, With(("Input.Outcome", "maybe"), ("Input.Reason", "Seen.")), expectErrors: 1);
            var price = $"/tenders/{moderated}/moderate/price?bid=bid-b";
            await CheckAsync(moderator, "POST tenders/{id}/moderate/price", price, null, Empty, expectErrors: 2);
            await CheckAsync(moderator, "POST tenders/{id}/moderate/price", price, null, With(("Input.Outcome", "Excluded"), ("Input.Reason", "Costs\u001b[2J")), expectErrors: 1);
        }

        // A stage move's confirmation: cancelling needs a reason, and the reason is checked.
        await CheckAsync(admin, "POST tenders/{id}/stage/{to}", tender + "/stage/cancelled", null, Empty, expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/stage/{to}", tender + "/stage/cancelled", null, With(("Move.Reason", new string('a', 2001))), expectErrors: 1);

        // The award: a tender under the Act whose result is complete, recommended for award.
        var act = $"/tenders/{await AwardReady.TenderAsync(site, owner, act: true)}";
        await CheckAsync(admin, "POST tenders/{id}/award?handler=Award", act + "/award", "Award", Empty, expectErrors: 3);
        await CheckAsync(admin, "POST tenders/{id}/award?handler=Award", act + "/award", "Award",
            With(("Award.ApprovedBy", "The ICS board"), ("Award.ApprovedOn.Day", "31"), ("Award.ApprovedOn.Month", "2"), ("Award.ApprovedOn.Year", "2026")), expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/award?handler=Summaries", act + "/award", "Summaries", Empty, expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/award?handler=Summaries", act + "/award", "Summaries", With(("Summaries.Day.Day", "14"), ("Summaries.Day.Year", "2026")), expectErrors: 1);

        // Under the PSR: the notice date of the move to standstill, then the further decision in standstill.
        var team = TenderCalls.Of(site.Services);
        var psrId = await AwardReady.TenderAsync(site, owner, act: false);
        var psr = $"/tenders/{psrId}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var lot in new[] { "lot-1", "lot-2" })
        {
            Assert.That((await team.RecordAwardAsync(owner, psrId, lot, "The ICS board", today, null)).Succeeded, Is.True);
        }

        await CheckAsync(admin, "POST tenders/{id}/stage/{to}", psr + "/stage/standstill", null, With(("Move.NoticesSentOn.Day", "14"), ("Move.NoticesSentOn.Year", "2026")), expectErrors: 1);
        await AwardReady.MoveAsync(team, owner, psrId, Commissioning.Core.Lifecycle.TenderStage.Standstill, today);
        await CheckAsync(admin, "POST tenders/{id}/award?handler=FurtherDecision", psr + "/award", "FurtherDecision", Empty, expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/award?handler=FurtherDecision", psr + "/award", "FurtherDecision", With(("Further.Day.Month", "3")), expectErrors: 1);
        // The evaluator's forms and the owner's decision on a conflict, with the tender in evaluation.
        await TestAccounts.CreateAsync(site, "eve@example.nhs.uk", displayName: "Eve Evaluator");
        await SendAsync(admin, tender + "/people", "Add", With(("Person.Email", "eve@example.nhs.uk"), ("Person.Role", "Evaluator"), ("Person.EvaluatorId", "e1")));
        (await SendAsync(admin, tender + "/stage/open-for-bids", null, Empty)).Dispose();
        (await SendAsync(admin, tender + "/stage/evaluation", null, Empty)).Dispose();
        using var evaluator = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(evaluator, "eve@example.nhs.uk");
        await CheckAsync(evaluator, "POST tenders/{id}/evaluate/declaration", tender + "/evaluate/declaration", null, Empty, expectErrors: 1);
        await CheckAsync(evaluator, "POST tenders/{id}/evaluate/declaration", tender + "/evaluate/declaration", null, With(("Input.HasConflict", "yes")), expectErrors: 1);
        (await SendAsync(evaluator, tender + "/evaluate/declaration", null, With(("Input.HasConflict", "yes"), ("Input.Details", "My partner works for bid-b's provider.")))).Dispose();
        await CheckAsync(admin, "POST tenders/{id}/conflicts/decide", tender + "/conflicts/decide?evaluator=e1", null, Empty, expectErrors: 1);
        await CheckAsync(admin, "POST tenders/{id}/conflicts/decide", tender + "/conflicts/decide?evaluator=e1", null, With(("Input.Decision", "continue")), expectErrors: 1);
        (await SendAsync(admin, tender + "/conflicts/decide?evaluator=e1", null, With(("Input.Decision", "continue"), ("Input.Reason", "They do not score bid-b alone.")))).Dispose();
        await CheckAsync(evaluator, "POST tenders/{id}/evaluate/score", tender + "/evaluate/score?bid=bid-a&question=Q1.1", null, Empty, expectErrors: 2);
        await CheckAsync(evaluator, "POST tenders/{id}/evaluate/score", tender + "/evaluate/score?bid=bid-a&question=Q1.1", null, With(("Input.Score", "9"), ("Input.Rationale", "Strong answer.")), expectErrors: 1);

        TestContext.Out.WriteLine(string.Join(Environment.NewLine, _report));
        var handlers = await PostHandlersAsync(site);
        Assert.Multiple(() =>
        {
            Assert.That(handlers.Except(_covered, StringComparer.OrdinalIgnoreCase).Except(WithoutFields.Keys, StringComparer.OrdinalIgnoreCase), Is.Empty, "POST handlers no case tries");
            Assert.That(WithoutFields.Keys.Except(handlers, StringComparer.OrdinalIgnoreCase), Is.Empty, "handlers named as having no fields that the site no longer has");
            Assert.That(_report, Has.Count.EqualTo(86), "cases tried");
        });
    }

    /// <summary>Clears every field a person fills in; keeps what the page put in hidden fields.</summary>
    private static void Empty(Dictionary<string, List<string>> form, IElement element)
    {
        foreach (var control in element.QuerySelectorAll("input, select, textarea"))
        {
            if (control is IHtmlInputElement { Type: "hidden" })
            {
                continue;
            }

            form.Remove(control.GetAttribute("name") ?? string.Empty);
        }
    }

    /// <summary>The first row's reason box, far too long.</summary>
    private static void WrongReason(Dictionary<string, List<string>> form, IElement element)
    {
        var reason = element.QuerySelector("input[name^='Remove.Reasons[']")!.GetAttribute("name")!;
        form[reason] = [new string('a', 2001)];
    }

    private static Action<Dictionary<string, List<string>>, IElement> With(params (string Name, string Value)[] values) => (form, _) =>
    {
        foreach (var (name, value) in values)
        {
            form[name] = [value];
        }
    };

    /// <summary>Opens the page, fills its form as a browser would (then changes it), sends it and checks the answer.</summary>
    private async Task CheckAsync(HttpClient client, string handler, string path, string? formHandler, Action<Dictionary<string, List<string>>, IElement> change, int expectErrors)
    {
        _covered.Add(handler);
        using var response = await SendAsync(client, path, formHandler, change);
        var name = $"{handler} ({(expectErrors == 0 ? "accepted" : $"{expectErrors} errors")})";
        if (expectErrors == 0)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{name}: the form is accepted");
            _report.Add($"{name}: accepted");
            return;
        }

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{name}: the page is shown again");
        var html = await response.Content.ReadAsStringAsync();
        var checkedFields = ErrorStates(html, name);
        Assert.That(checkedFields, Is.EqualTo(expectErrors), $"{name}: fields in error");
        _report.Add($"{name}: {checkedFields} fields in error, each linked");
    }

    /// <summary>How many price fields a lot of the example tender has.</summary>
    private static int ContractAndExtensionYears(string lotId)
    {
        var lot = Commissioning.Core.Files.TenderFile.Read(File.ReadAllText(Path.Combine(Repository.Root, "examples", "ics-tender.json"))).Value.Tender.FindLot(lotId)!;
        return lot.Price.ContractYears + lot.Price.ExtensionYears;
    }

    /// <summary>The example tender without its bids, imported and opened for bids; its address.</summary>
    private static async Task<string> ImportOpenForBidsAsync(SiteFactory site, HttpClient client, Commissioning.Application.SiteUser owner)
    {
        var pack = Commissioning.Core.Files.TenderFile.Read(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "examples", "ics-tender.json"))).Value;
        var json = Commissioning.Core.Files.TenderFile.Write(new Commissioning.Core.Tenders.TenderPack { Tender = pack.Tender });
        using var imported = await UploadAsync(client, ("no-bids.json", System.Text.Encoding.UTF8.GetBytes(json)));
        var address = imported.Headers.Location!.OriginalString;
        var id = Guid.Parse(address.Split('/')[2]);
        var calls = TenderCalls.Of(site.Services);
        var version = (await calls.OpenAsync(owner, id))!.Tender.Version;
        Assert.That((await calls.ChangeStageAsync(owner, id, Commissioning.Core.Lifecycle.TenderStage.OpenForBids, null, version)).Succeeded, Is.True);
        return address;
    }

    /// <summary>Uploads workbooks to a tender's bids page, and checks the errors shown.</summary>
    private async Task CheckWorkbooksAsync(HttpClient client, string tender, IReadOnlyList<(string Name, byte[] Bytes)> files, int expectErrors, string page = "bids")
    {
        var handler = "POST tenders/{id}/" + page;
        _covered.Add(handler);
        var path = tender + "/" + page;
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, path);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (fileName, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            form.Add(content, "Upload.Files", fileName);
        }

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var name = $"{handler} ({(files.Count == 0 ? "no file" : string.Join(", ", files.Select(f => f.Name)))})";
        Assert.That(ErrorStates(await response.Content.ReadAsStringAsync(), name), Is.EqualTo(expectErrors));
        _report.Add($"{name}: {expectErrors} fields in error, each linked");
    }

    private async Task CheckUploadAsync(HttpClient client, (string Name, byte[] Bytes)? file, int expectErrors)
    {
        _covered.Add("POST tenders/import");
        using var response = await UploadAsync(client, file);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var name = $"POST tenders/import ({(file is null ? "no file" : file.Value.Name)})";
        Assert.That(ErrorStates(await response.Content.ReadAsStringAsync(), name), Is.EqualTo(expectErrors));
        _report.Add($"{name}: {expectErrors} fields in error, each linked");
    }

    /// <summary>
    /// Checks the page's error states and returns how many fields are in error. Fails on any field
    /// in error without its class, message or description, any summary link that leads nowhere or
    /// to a field not in error, and any field in error the summary does not link to.
    /// </summary>
    private static int ErrorStates(string html, string name)
    {
        var document = Parser.ParseDocument(html);
        var problems = new List<string>();
        if (!document.Title!.StartsWith("Error: ", StringComparison.Ordinal))
        {
            problems.Add($"the title does not start with 'Error: ': {document.Title}");
        }

        var links = document.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.GetAttribute("href")!).ToList();
        if (links.Count == 0)
        {
            problems.Add("the error summary links to nothing");
        }

        // A form group in error with a message of its own is one field (a date's parts are groups in error without one).
        var fields = document.QuerySelectorAll(".nhsuk-form-group--error").Where(g => g.QuerySelector(":scope > .nhsuk-error-message, :scope > fieldset > .nhsuk-error-message") is not null).ToList();
        foreach (var group in fields)
        {
            var message = group.QuerySelector(":scope > .nhsuk-error-message, :scope > fieldset > .nhsuk-error-message")!;
            var messageId = message.Id;
            var label = group.QuerySelector("label, legend")?.TextContent.Trim();
            if (string.IsNullOrEmpty(messageId))
            {
                problems.Add($"'{label}': the error message has no id");
                continue;
            }

            var described = group.QuerySelector(":scope > fieldset") ?? group.QuerySelector(":scope > input, :scope > select, :scope > textarea, :scope > .nhsuk-input-wrapper > input");
            if (described is null || !(described.GetAttribute("aria-describedby") ?? string.Empty).Split(' ').Contains(messageId))
            {
                problems.Add($"'{label}': the error message {messageId} is not in the field's aria-describedby");
            }

            if (group.QuerySelector(":scope > fieldset") is null && described is not null && !described.ClassList.Any(c => c.EndsWith("--error", StringComparison.Ordinal)) && !described.ClassList.Contains("nhsuk-file-upload__input"))
            {
                problems.Add($"'{label}': the field has no error class");
            }

            if (!links.Any(href => href.Length > 1 && group.QuerySelector($"[id='{href[1..]}']") is { } target && target.LocalName is "input" or "select" or "textarea"))
            {
                problems.Add($"'{label}': the error summary has no link to it");
            }
        }

        foreach (var href in links)
        {
            var target = href.StartsWith('#') ? document.GetElementById(href[1..]) : null;
            if (target is null || target.LocalName is not ("input" or "select" or "textarea") || target.Closest(".nhsuk-form-group--error") is null)
            {
                problems.Add($"the summary link {href} does not lead to a field in error");
            }
        }

        foreach (var control in document.QuerySelectorAll(".nhsuk-input--error, .nhsuk-select--error, .nhsuk-textarea--error"))
        {
            if (control.Closest(".nhsuk-form-group--error") is null)
            {
                problems.Add($"{control.Id}: an error class outside a form group in error");
            }
        }

        if (links.Count != fields.Count)
        {
            problems.Add($"{links.Count} summary links for {fields.Count} fields in error");
        }

        Assert.That(problems, Is.Empty, name);
        return fields.Count;
    }

    /// <summary>Opens the page, fills the form as a browser would (hidden fields, values shown, chosen options), changes it and sends it.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? formHandler, Action<Dictionary<string, List<string>>, IElement> change)
    {
        var page = Parser.ParseDocument(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
        var form = page.QuerySelectorAll("main form[method='post']")
            .Single(f => formHandler is null ? !(f.GetAttribute("action") ?? string.Empty).Contains("handler=", StringComparison.Ordinal) : (f.GetAttribute("action") ?? string.Empty).Contains($"handler={formHandler}", StringComparison.Ordinal)
                && (formHandler != "Remove" || f == page.QuerySelectorAll($"main form[action*='handler=Remove']")[0]));
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var control in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = control.GetAttribute("name");
            if (name is null || control.HasAttribute("disabled"))
            {
                continue;
            }

            var value = control switch
            {
                IHtmlInputElement { Type: "radio" or "checkbox" } box => box.IsChecked ? box.Value : null,
                IHtmlInputElement input => input.Value,
                IHtmlSelectElement select => select.Options.FirstOrDefault(o => o.IsSelected)?.Value ?? (select.Options.Length > 0 ? select.Options[0].Value : null),
                IHtmlTextAreaElement area => area.Value,
                _ => null,
            };
            if (value is not null)
            {
                (values.TryGetValue(name, out var list) ? list : values[name] = []).Add(value);
            }
        }

        change(values, form);
        var action = form.GetAttribute("action") is { Length: > 0 } given ? given : path;
        using var content = new FormUrlEncodedContent(values.SelectMany(v => v.Value.Select(x => new KeyValuePair<string, string>(v.Key, x))));
        return await client.PostAsync(new Uri(WebUtility.HtmlDecode(action), UriKind.Relative), content);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, (string Name, byte[] Bytes)? file)
    {
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, "/tenders/import");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (file is { } f)
        {
            var bytes = new ByteArrayContent(f.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(bytes, "Input.File", f.Name);
        }

        return await client.PostAsync(new Uri("/tenders/import", UriKind.Relative), form);
    }

    private static async Task<string> ImportAsync(HttpClient client)
    {
        var example = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "examples", "ics-tender.json"));
        using var imported = await UploadAsync(client, ("ics-tender.json", example));
        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return imported.Headers.Location!.OriginalString;
    }

    /// <summary>Every POST handler of the site, as "POST template[?handler=Name]".</summary>
    private static async Task<List<string>> PostHandlersAsync(SiteFactory site)
    {
        var descriptors = site.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>().ToList();
        var loader = site.Services.GetRequiredService<PageLoader>();
        var keys = new List<string>();
        foreach (var descriptor in descriptors)
        {
            var compiled = await loader.LoadAsync(descriptor, Microsoft.AspNetCore.Http.EndpointMetadataCollection.Empty);
            var template = descriptor.AttributeRouteInfo!.Template!;
            keys.AddRange(compiled.HandlerMethods.Where(h => h.HttpMethod.Equals("Post", StringComparison.OrdinalIgnoreCase))
                .Select(h => $"POST {(template.EndsWith("/Index", StringComparison.Ordinal) ? template[..^"/Index".Length] : template)}{(h.Name is null ? "" : "?handler=" + h.Name)}"));
        }

        return [.. keys.Select(k => k.Replace("{id:guid}", "{id}", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];
    }
}
