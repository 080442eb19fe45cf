using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Commissioning.Application;
using Commissioning.Application.Accounts;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Excel.Response;
using Commissioning.Tests.Documents.Response;
using Commissioning.Tests.Support;
using Commissioning.Tests.Web.Tenders.Stage;
using Commissioning.Application.Tenders;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Web.Tenders.Bids;

/// <summary>
/// Receiving bids in the site: the owner downloads each lot's response workbook, uploads filled
/// ones several at once (each received or refused on its own, every problem against its sheet and
/// cell, nothing saved from a workbook with a problem), late bids only with a reason; and links a
/// bid to its provider organisation on a page of its own, whatever the tender's size or the bid's id.
/// </summary>
[NonParallelizable]
public sealed class BidsPagesTests
{
    private const string Owner = "olive@example.nhs.uk";
    private const string Other = "oscar@example.nhs.uk";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<(SiteFactory Site, HttpClient Client, SiteUser Owner)> SiteAsync()
    {
        var site = new SiteFactory();
        await TestAccounts.CreateAsync(site, Owner, roles: [SiteRoles.Commissioner], organisation: "North ICS", displayName: "Olive Owner");
        await TestAccounts.CreateAsync(site, Other, roles: [SiteRoles.Commissioner], organisation: "South ICS", displayName: "Oscar Other");
        var client = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(client, Owner);
        return (site, client, await AwardReady.UserAsync(site, Owner));
    }

    /// <summary>The example tender with no bids, imported by the owner and (unless told not to) opened for bids.</summary>
    private static async Task<Guid> TenderAsync(SiteFactory site, SiteUser owner, DateOnly? bidDeadline = null, bool open = true, IReadOnlyList<Bid>? bids = null)
    {
        var tender = ResponseWorkbooks.ExamplePack.Tender;
        if (bidDeadline is { } deadline)
        {
            tender = tender with { ClarificationDeadline = deadline.AddDays(-7), BidDeadline = deadline };
        }

        var calls = TenderCalls.Of(site.Services);
        var id = (await calls.ImportAsync(owner, TenderFile.Write(new TenderPack { Tender = tender, Bids = bids ?? [] }))).Value;
        if (open)
        {
            var version = (await calls.OpenAsync(owner, id))!.Tender.Version;
            var opened = await calls.ChangeStageAsync(owner, id, TenderStage.OpenForBids, null, version);
            Assert.That(opened.Succeeded, Is.True, opened.Succeeded ? null : opened.Errors[0].Message);
        }

        return id;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, IEnumerable<(string Name, byte[] Bytes)> files, string? lateReason = null, string page = "bids")
    {
        var path = $"/tenders/{id}/{page}";
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, path);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
            form.Add(content, "Upload.Files", name);
        }

        if (lateReason is not null)
        {
            form.Add(new StringContent(lateReason), "Upload.LateReason");
        }

        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    [Test]
    public async Task Workbooks_DownloadedPerLot_FilledAndUploadedTogether_EachReceivedOrRefusedOnItsOwn()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var id = await TenderAsync(site, owner);
            var page = await MovePageTests.GetAsync(client, $"/tenders/{id}");
            Assert.That(page, Does.Contain($"href=\"/tenders/{id}/bids\""), "the tender page leads to receiving bids");
            var bids = await MovePageTests.GetAsync(client, $"/tenders/{id}/bids");
            Assert.That(bids, Does.Contain("Download the response workbook for Trusts").And.Contain("Download the response workbook for Primary care and hospice").And.Contain("No bids yet."));

            // The workbook downloaded for lot 2 is the one the command line makes for it.
            using (var download = await client.GetAsync(new Uri($"/tenders/{id}/bids?handler=Workbook&lot=lot-2", UriKind.Relative)))
            {
                Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(download.Content.Headers.ContentType!.MediaType, Is.EqualTo(XlsxType));
                Assert.That(download.Content.Headers.ContentDisposition!.FileName, Does.EndWith("lot-2-response-workbook.xlsx"));
                var bytes = await download.Content.ReadAsByteArrayAsync();
                var filled = ResponseWorkbooks.Edit(bytes, book => ResponseWorkbooks.Fill(book, ResponseLayout.For(ResponseWorkbooks.ExamplePack.Tender, "lot-2", Repository.Standards), ResponseWorkbooks.ExampleBid("lot-2", "bid-from-download")));
                using var received = await UploadAsync(client, id, [("lot-2 filled.xlsx", filled)]);
                Assert.That(await MovePageTests.TextAsync(received), Does.Contain("1 bid received").And.Contain("bid-from-download"));
            }

            using (var questionnaire = await client.GetAsync(new Uri($"/tenders/{id}/bids?handler=Questionnaire", UriKind.Relative)))
            {
                Assert.That(questionnaire.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
                var html = await questionnaire.Content.ReadAsStringAsync();
                var expected = Commissioning.Documents.Questionnaire.QuestionnaireDocuments.Render(Commissioning.Documents.Templates.TemplateSet.Shipped, Repository.Standards, ResponseWorkbooks.ExamplePack.Tender, null, Commissioning.Documents.Specification.OutputFormat.Html);
                Assert.That(html, Is.EqualTo(expected), "the questionnaire the command line renders");
            }

            using (var markdown = await client.GetAsync(new Uri($"/tenders/{id}/bids?handler=Questionnaire&format=md", UriKind.Relative)))
            {
                Assert.That(markdown.Content.Headers.ContentDisposition!.FileName, Does.EndWith("-questionnaire.md"));
            }

            using (var missing = await client.GetAsync(new Uri($"/tenders/{id}/bids?handler=Workbook&lot=lot-9", UriKind.Relative)))
            {
                Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            }

            // Three at once: two sound, one with a price in words and a formula in an answer.
            var northgate = ResponseWorkbooks.Filled(ResponseWorkbooks.ExampleBid("lot-1", "bid-northgate"));
            var southgate = ResponseWorkbooks.Filled(ResponseWorkbooks.ExampleBid("lot-1", "bid-southgate") with { Provider = "Southgate OH" });
            var broken = ResponseWorkbooks.Filled(ResponseWorkbooks.ExampleBid("lot-1", "bid-broken"), book =>
            {
                book.Worksheet(ResponseLayout.PricesSheet).Cell("B5").Value = "£1.2m";
                book.Worksheet(ResponseLayout.AnswersSheet).Cell("F6").FormulaA1 = "1+1";
            });
            using var response = await UploadAsync(client, id, [("northgate.xlsx", northgate), ("broken.xlsx", broken), ("southgate.xlsx", southgate)]);
            var text = await MovePageTests.TextAsync(response);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text, Does.Contain("2 bids received").And.Contain("bid-northgate").And.Contain("bid-southgate"));
            Assert.That(text, Does.Contain("1 of 3 workbooks was not received: broken.xlsx").And.Contain("broken.xlsx was not received"));
            Assert.That(text, Does.Contain("Sheet Prices, cell B5").And.Contain("Should be a number; found '£1.2m'").And.Contain("Sheet Answers, cell F6").And.Contain("Holds a formula"));
            Assert.That(text, Does.Contain(Convert.ToHexStringLower(SHA256.HashData(northgate))), "the receipt carries the file's checksum");

            var stored = (await TenderCalls.Of(site.Services).BidsAsync(owner, id)).Value;
            Assert.That(stored.Select(b => b.Id), Is.EqualTo(new[] { "bid-from-download", "bid-northgate", "bid-southgate" }), "nothing from the broken workbook");
            var audit = (await TenderCalls.Of(site.Services).AuditAsync(owner, id)).Value;
            Assert.That(audit.Count(a => a.Entity == "Bid" && a.Action == "Received"), Is.EqualTo(3));
            Assert.That(audit.Single(a => a.Key == "bid-northgate").After, Does.Contain(Convert.ToHexStringLower(SHA256.HashData(northgate))).And.Contain("northgate.xlsx"));

            var auditPage = await MovePageTests.GetAsync(client, $"/tenders/{id}/audit");
            Assert.That(auditPage, Does.Contain($"Olive Owner received Northgate Occupational Health Ltd's bid for lot lot-1 (Trusts) from the response workbook northgate.xlsx (SHA-256 {Convert.ToHexStringLower(SHA256.HashData(northgate))})."));

            // The same workbook again: its reference is taken, so it is refused against its cell.
            using var again = await UploadAsync(client, id, [("northgate.xlsx", northgate)]);
            Assert.That(await MovePageTests.TextAsync(again), Does.Contain("northgate.xlsx was not received").And.Contain("already has a bid with this reference"));
            Assert.That((await TenderCalls.Of(site.Services).BidsAsync(owner, id)).Value, Has.Count.EqualTo(3));
        }
    }

    [Test]
    public async Task TheHostileWorkbookCorpus_UploadedOverHttp_EachRefusedWithItsMessageAndPlace_NothingSaved_NoErrorPage()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var calls = TenderCalls.Of(site.Services);
            var bare = await TenderAsync(site, owner);
            var full = await TenderAsync(site, owner, bids: ResponseWorkbooks.ExamplePack.Bids);
            var (bareAudit, fullAudit) = ((await calls.AuditAsync(owner, bare)).Value.Count, (await calls.AuditAsync(owner, full)).Value.Count);
            var failures = new List<string>();
            var tried = 0;
            foreach (var hostile in HostileWorkbooks.Cases)
            {
                // The command line imports into the lot named on its command line, so a workbook for
                // lot 2 is refused there; the site takes the lot from the workbook's signed identity,
                // so the same file is a sound bid for lot 2 (received in another test).
                if (hostile.Name == "workbook for lot 2 imported as lot 1")
                {
                    continue;
                }

                var id = hostile.IntoFullExample ? full : bare;
                var name = $"case-{tried}.xlsx";
                using var response = await UploadAsync(client, id, [(name, hostile.Bytes)]);
                var text = await MovePageTests.TextAsync(response);
                var where = hostile.Location == "the file" ? "The file"
                    : hostile.Location.Split('!') is [var sheet, var cell] ? $"Sheet {sheet}, cell {cell}"
                    : "Sheet " + hostile.Location["sheet ".Length..];

                // An empty or oversized file is stopped by the upload form before it is read, with the form's own words.
                var (heading, message) = hostile.Name switch
                {
                    "empty file" => ("There is a problem", $"The file {name} is empty."),
                    "oversized file" => ("There is a problem", $"The file {name} is larger than 10 MB"),
                    _ => ($"{name} was not received", hostile.Message),
                };
                if (response.StatusCode != HttpStatusCode.OK || text.Contains("Sorry, there is a problem with the service", StringComparison.Ordinal)
                    || !text.Contains(heading, StringComparison.Ordinal) || !text.Contains(message, StringComparison.Ordinal)
                    || (heading.EndsWith("not received", StringComparison.Ordinal) && !text.Contains(where, StringComparison.Ordinal)))
                {
                    failures.Add($"{hostile.Name}: {(int)response.StatusCode}, expected '{where}' and '{message}'");
                }

                tried++;
            }

            Assert.That(failures, Is.Empty);
            Assert.That(tried, Is.EqualTo(HostileWorkbookTests.CorpusSize - 1));
            Assert.That((await calls.BidsAsync(owner, bare)).Value, Is.Empty, "nothing saved from any of them");
            Assert.That((await calls.BidsAsync(owner, full)).Value.Select(b => b.Id), Is.EqualTo(ResponseWorkbooks.ExamplePack.Bids.Select(b => b.Id)));
            Assert.That(((await calls.AuditAsync(owner, bare)).Value.Count, (await calls.AuditAsync(owner, full)).Value.Count), Is.EqualTo((bareAudit, fullAudit)), "no audit entry either");
        }
    }

    [Test]
    public async Task Bids_OnlyWhileOpen_LateOnlyWithAReason_AndNeverByAnotherCommissioner()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
            var withDates = ResponseWorkbooks.ExamplePack.Tender with { ClarificationDeadline = deadline.AddDays(-7), BidDeadline = deadline };
            var workbook = ResponseWorkbooks.Filled(ResponseWorkbooks.ExampleBid("lot-1", "bid-late"), tender: withDates);

            // A draft: the workbooks can be downloaded to check them, but no bid is received.
            var draft = await TenderAsync(site, owner, bidDeadline: deadline, open: false);
            Assert.That(await MovePageTests.GetAsync(client, $"/tenders/{draft}/bids"), Does.Contain("Bids can only be received or changed while it is open for bids").And.Not.Contain("Upload and check"));
            using (var sent = await UploadAsync(client, draft, [("late.xlsx", workbook)]))
            {
                Assert.That(await MovePageTests.TextAsync(sent), Does.Contain("Bids can only be received or changed while it is open for bids"));
            }

            Assert.That((await TenderCalls.Of(site.Services).BidsAsync(owner, draft)).Value, Is.Empty);

            // The deadline passed ten days ago: refused without a reason, received and recorded as late with one.
            var late = await TenderAsync(site, owner, bidDeadline: deadline);
            Assert.That(await MovePageTests.GetAsync(client, $"/tenders/{late}/bids"), Does.Contain("Why are these late bids being accepted?"));
            using (var noReason = await UploadAsync(client, late, [("late.xlsx", workbook)]))
            {
                var text = await MovePageTests.TextAsync(noReason);
                Assert.That(text, Does.Contain("nhsuk-error-summary").And.Contain("has passed. Enter why a late bid is being accepted").And.Contain("href=\"#upload-late-reason\""));
            }

            Assert.That((await TenderCalls.Of(site.Services).BidsAsync(owner, late)).Value, Is.Empty);
            using (var withReason = await UploadAsync(client, late, [("late.xlsx", workbook)], lateReason: "The provider's portal upload failed on the day; evidence of the attempt is on file."))
            {

                Assert.That(await MovePageTests.TextAsync(withReason), Does.Contain("1 bid received").And.Contain("(late)"));
            }

            var audit = (await TenderCalls.Of(site.Services).AuditAsync(owner, late)).Value.Single(a => a.Entity == "Bid");
            Assert.That(audit.Action, Is.EqualTo("ReceivedLate"));
            Assert.That(audit.Reason, Does.Contain("portal upload failed"));

            // Another commissioner finds nothing there at all.
            using var other = site.CreateNonRedirectingClient();
            await TestAccounts.SignInAsync(other, Other);
            foreach (var path in new[] { $"/tenders/{late}/bids", $"/tenders/{late}/bids?handler=Workbook&lot=lot-1" })
            {
                using var response = await other.GetAsync(new Uri(path, UriKind.Relative));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
            }

            var bid = (await TenderCalls.Of(site.Services).BidsAsync(owner, late)).Value.Single();
            using (var link = await other.GetAsync(new Uri($"/tenders/{late}/bids/{bid.RowId}/link", UriKind.Relative)))
            {
                Assert.That(link.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            }

            using (var guessed = await client.GetAsync(new Uri($"/tenders/{late}/bids/{Guid.NewGuid()}/link", UriKind.Relative)))
            {
                Assert.That(guessed.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a bid the tender does not have");
            }
        }
    }

    [Test]
    public async Task BidLink_ATenderOf1200Bids_OneWithAnIdOf100000Characters_EveryBidCanBeLinked()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            await TestAccounts.CreateAsync(site, "pat@northgate.example", organisation: "Northgate OH", organisationKind: OrganisationKind.Provider, displayName: "Pat Provider");
            var template = ResponseWorkbooks.ExampleBid("lot-1", "x") with { Answers = [] };
            var longId = "bid-" + new string('n', 100_000 - 4);
            List<Bid> many = [template with { Id = longId }, .. Enumerable.Range(1, 1199).Select(i => template with { Id = $"bid-{i:0000}", Provider = $"Provider {i}" })];
            var id = await TenderAsync(site, owner, open: false, bids: many);

            var calls = TenderCalls.Of(site.Services);
            var stored = (await calls.BidsAsync(owner, id)).Value;
            Assert.That(stored, Has.Count.EqualTo(1200));
            var tenderPage = await MovePageTests.GetAsync(client, $"/tenders/{id}");
            Assert.That(tenderPage, Does.Contain($"/tenders/{id}/bids/{stored[1199].RowId}/link"), "every bid has its own link page");

            foreach (var bid in new[] { stored[0], stored[1199] })
            {
                var linkPage = $"/tenders/{id}/bids/{bid.RowId}/link";
                Assert.That(await MovePageTests.GetAsync(client, linkPage), Does.Contain("Northgate OH"));
                var organisation = (await calls.ProviderOrganisationsAsync(owner, id)).Value.Single();
                using var linked = await MovePageTests.PostAsync(client, linkPage, ("Link.OrganisationId", organisation.Id.ToString()), ("Link.Version", bid.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                Assert.That(linked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(linked));
                Assert.That(string.Join(";", linked.Headers.GetValues("Set-Cookie")), Has.Length.LessThan(4096), "the confirmation's cookie stays small whatever the bid's id");
            }

            stored = (await calls.BidsAsync(owner, id)).Value;
            Assert.That(stored.Count(b => b.OrganisationName == "Northgate OH"), Is.EqualTo(2));
            Assert.That(stored[0].Id, Has.Length.EqualTo(100_000));

            // A link made from a page shown before another change is refused, not overwritten.
            using var stale = await MovePageTests.PostAsync(client, $"/tenders/{id}/bids/{stored[0].RowId}/link", ("Link.OrganisationId", string.Empty), ("Link.Version", "1"));
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await calls.BidsAsync(owner, id)).Value[0].OrganisationName, Is.EqualTo("Northgate OH"));
        }
    }

    [Test]
    public async Task AnInvitedProvider_DownloadsAndUploadsItsOwnBid_GetsAReceipt_AndSeesNoOtherBid()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            await TestAccounts.CreateAsync(site, "pat@northgate.example", organisation: "Northgate OH", organisationKind: OrganisationKind.Provider, displayName: "Pat Provider");
            await TestAccounts.CreateAsync(site, "dan@delta.example", organisation: "Delta OH", organisationKind: OrganisationKind.Provider, displayName: "Dan Delta");
            var calls = TenderCalls.Of(site.Services);
            var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
            var id = await TenderAsync(site, owner, bidDeadline: deadline, open: false);
            var northgate = (await calls.ProviderOrganisationsAsync(owner, id)).Value.Single(o => o.Name == "Northgate OH");

            // Invited while a draft: the provider sees nothing until the tender is published.
            using (var invited = await MovePageTests.PostAsync(client, $"/tenders/{id}/bids?handler=Invite", ("Invite.OrganisationId", northgate.Id.ToString())))
            {
                Assert.That(invited.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(invited));
            }

            using var pat = site.CreateNonRedirectingClient();
            await TestAccounts.SignInAsync(pat, "pat@northgate.example");
            using (var draft = await pat.GetAsync(new Uri($"/tenders/{id}/respond", UriKind.Relative)))
            {
                Assert.That(draft.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a draft is the buyer's alone");
            }

            var version = (await calls.OpenAsync(owner, id))!.Tender.Version;
            Assert.That((await calls.ChangeStageAsync(owner, id, TenderStage.OpenForBids, null, version)).Succeeded, Is.True);
            Assert.That(await MovePageTests.GetAsync(pat, "/tenders"), Does.Contain("Invited to bid"));
            Assert.That(await MovePageTests.GetAsync(pat, $"/tenders/{id}"), Does.Contain($"href=\"/tenders/{id}/respond\""));
            var respond = await MovePageTests.GetAsync(pat, $"/tenders/{id}/respond");
            Assert.That(respond, Does.Contain("Download the response workbook for Trusts").And.Contain("None received yet."));

            // The owner receives a bid from another provider by upload; Pat never sees it.
            var tender = ResponseWorkbooks.ExamplePack.Tender with { ClarificationDeadline = deadline.AddDays(-7), BidDeadline = deadline };
            using (var other = await UploadAsync(client, id, [("meridian.xlsx", ResponseWorkbooks.Filled(ResponseWorkbooks.ExampleBid("lot-1", "bid-meridian") with { Provider = "Meridian Workplace Health" }, tender: tender))]))
            {
                Assert.That(await MovePageTests.TextAsync(other), Does.Contain("1 bid received"));
            }

            byte[] blank;
            using (var download = await pat.GetAsync(new Uri($"/tenders/{id}/respond?handler=Workbook&lot=lot-1", UriKind.Relative)))
            {
                Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                blank = await download.Content.ReadAsByteArrayAsync();
            }

            var filled = ResponseWorkbooks.Edit(blank, book => ResponseWorkbooks.Fill(book, ResponseLayout.For(tender, "lot-1", Repository.Standards), ResponseWorkbooks.ExampleBid("lot-1", "bid-northgate")));
            using (var mistaken = await UploadAsync(pat, id, [("ours.xlsx", ResponseWorkbooks.Edit(filled, book => book.Worksheet(ResponseLayout.PricesSheet).Cell("B5").Value = "about a million"))], page: "respond"))
            {
                var text = await MovePageTests.TextAsync(mistaken);
                Assert.That(text, Does.Contain("ours.xlsx was not received").And.Contain("Sheet Prices, cell B5"));
            }

            using (var sent = await UploadAsync(pat, id, [("ours.xlsx", filled)], page: "respond"))
            {
                var text = await MovePageTests.TextAsync(sent);
                Assert.That(text, Does.Contain("Your bid was received").And.Contain(Convert.ToHexStringLower(SHA256.HashData(filled))).And.Contain("ours.xlsx"));
            }

            var seen = (await calls.BidsAsync((await AwardReady.UserAsync(site, "pat@northgate.example")), id)).Value;
            Assert.That(seen.Select(b => b.Id), Is.EqualTo(new[] { "bid-northgate" }), "the provider sees its own bid only");
            var page = await MovePageTests.GetAsync(pat, $"/tenders/{id}");
            Assert.That(page, Does.Contain("bid-northgate").And.Not.Contain("bid-meridian").And.Not.Contain("Meridian"));
            var all = (await calls.BidsAsync(owner, id)).Value;
            Assert.That(all.Single(b => b.Id == "bid-northgate").OrganisationName, Is.EqualTo("Northgate OH"), "linked to the organisation that uploaded it");
            Assert.That((await calls.AuditAsync(owner, id)).Value.Single(a => a.Key == "bid-northgate").Action, Is.EqualTo("Submitted"));

            // A provider not invited finds nothing.
            using var dan = site.CreateNonRedirectingClient();
            await TestAccounts.SignInAsync(dan, "dan@delta.example");
            foreach (var path in new[] { $"/tenders/{id}", $"/tenders/{id}/respond", $"/tenders/{id}/respond?handler=Workbook&lot=lot-1" })
            {
                using var response = await dan.GetAsync(new Uri(path, UriKind.Relative));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
            }

            Assert.That(await MovePageTests.GetAsync(dan, "/tenders"), Does.Not.Contain(tender.Title));
        }
    }

    [Test]
    public async Task BeforeTheDeadline_AProviderReplacesOrWithdrawsItsOwnBid_TheOwnerWithdrawsWithAReason_AndNoOneElseCan()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            await TestAccounts.CreateAsync(site, "pat@northgate.example", organisation: "Northgate OH", organisationKind: OrganisationKind.Provider, displayName: "Pat Provider");
            await TestAccounts.CreateAsync(site, "dan@delta.example", organisation: "Delta OH", organisationKind: OrganisationKind.Provider, displayName: "Dan Delta");
            var calls = TenderCalls.Of(site.Services);
            var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
            var id = await TenderAsync(site, owner, bidDeadline: deadline);
            var organisations = (await calls.ProviderOrganisationsAsync(owner, id)).Value;
            foreach (var organisation in organisations)
            {
                Assert.That((await site.Services.GetRequiredService<ChangeInvitation>().HandleAsync(owner, id, organisation.Id, invite: true)).Succeeded, Is.True);
            }

            var tender = ResponseWorkbooks.ExamplePack.Tender with { ClarificationDeadline = deadline.AddDays(-7), BidDeadline = deadline };
            using var pat = site.CreateNonRedirectingClient();
            await TestAccounts.SignInAsync(pat, "pat@northgate.example");
            var first = ResponseWorkbooks.Filled(ResponseWorkbooks.ExampleBid("lot-1", "bid-northgate"), tender: tender);
            using (var sent = await UploadAsync(pat, id, [("first.xlsx", first)], page: "respond"))
            {
                Assert.That(await MovePageTests.TextAsync(sent), Does.Contain("Your bid was received"));
            }

            // A second workbook for the same lot, under the same reference, replaces the first.
            var second = ResponseWorkbooks.Filled(ResponseWorkbooks.ExampleBid("lot-1", "bid-northgate") with { Provider = "Northgate Occupational Health" }, tender: tender);
            using (var replaced = await UploadAsync(pat, id, [("second.xlsx", second)], page: "respond"))
            {
                Assert.That(await MovePageTests.TextAsync(replaced), Does.Contain("Your bid was received").And.Contain(Convert.ToHexStringLower(SHA256.HashData(second))));
            }

            var bids = (await calls.BidsAsync(owner, id)).Value;
            Assert.That(bids.Select(b => (b.Id, b.Provider)), Is.EqualTo(new[] { ("bid-northgate", "Northgate Occupational Health") }), "one bid, the second");
            var audit = (await calls.AuditAsync(owner, id)).Value.Where(a => a.Key == "bid-northgate").Select(a => a.Action).ToList();
            Assert.That(audit, Is.EqualTo(new[] { "Submitted", "Replaced", "Submitted" }).Or.EqualTo(new[] { "Submitted", "Submitted", "Replaced" }));

            // Another provider, and another commissioner, cannot reach the withdrawal page; the owner must give a reason.
            var row = bids.Single().RowId;
            var withdrawPath = $"/tenders/{id}/bids/{row}/withdraw";
            using var dan = site.CreateNonRedirectingClient();
            await TestAccounts.SignInAsync(dan, "dan@delta.example");
            using var oscar = site.CreateNonRedirectingClient();
            await TestAccounts.SignInAsync(oscar, Other);
            foreach (var stranger in new[] { dan, oscar })
            {
                using var response = await stranger.GetAsync(new Uri(withdrawPath, UriKind.Relative));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            }

            using (var noReason = await MovePageTests.PostAsync(client, withdrawPath, ("Input.Reason", " ")))
            {
                Assert.That(await MovePageTests.TextAsync(noReason), Does.Contain("Enter why the bid is being withdrawn"));
            }

            Assert.That((await calls.BidsAsync(owner, id)).Value, Has.Count.EqualTo(1), "nothing removed without a reason");

            // The provider withdraws its own, with no reason needed, and is back on its page.
            Assert.That(await MovePageTests.GetAsync(pat, $"/tenders/{id}/respond"), Does.Contain($"href=\"{withdrawPath}\""));
            using (var withdrawn = await MovePageTests.PostAsync(pat, withdrawPath))
            {
                Assert.That(withdrawn.Headers.Location!.OriginalString, Is.EqualTo($"/tenders/{id}/respond"));
            }

            Assert.That(await MovePageTests.GetAsync(pat, $"/tenders/{id}/respond"), Does.Contain("Bid bid-northgate (Northgate Occupational Health) was withdrawn.").And.Contain("None received yet."));
            Assert.That((await calls.BidsAsync(owner, id)).Value, Is.Empty);
            var trail = await MovePageTests.GetAsync(client, $"/tenders/{id}/audit");
            Assert.That(trail, Does.Contain("withdrew bid bid-northgate (Northgate Occupational Health)").And.Contain(Convert.ToHexStringLower(SHA256.HashData(second))));

            // The owner withdraws a bid it received, giving the reason.
            using (var received = await UploadAsync(client, id, [("meridian.xlsx", ResponseWorkbooks.Filled(ResponseWorkbooks.ExampleBid("lot-1", "bid-meridian") with { Provider = "Meridian Workplace Health" }, tender: tender))]))
            {
                Assert.That(await MovePageTests.TextAsync(received), Does.Contain("1 bid received"));
            }

            var meridian = (await calls.BidsAsync(owner, id)).Value.Single();
            using (var byOwner = await MovePageTests.PostAsync(client, $"/tenders/{id}/bids/{meridian.RowId}/withdraw", ("Input.Reason", "Meridian's letter of 3 March asked for it.")))
            {
                Assert.That(byOwner.Headers.Location!.OriginalString, Is.EqualTo($"/tenders/{id}/bids"));
            }

            Assert.That((await calls.AuditAsync(owner, id)).Value.Single(a => a.Key == "bid-meridian" && a.Action == "Withdrawn").Reason, Is.EqualTo("Meridian's letter of 3 March asked for it."));

            // Once evaluation begins nothing is withdrawn.
            using (var again = await UploadAsync(client, id, [("meridian.xlsx", ResponseWorkbooks.Filled(ResponseWorkbooks.ExampleBid("lot-1", "bid-meridian") with { Provider = "Meridian Workplace Health" }, tender: tender))]))
            {
                Assert.That(await MovePageTests.TextAsync(again), Does.Contain("1 bid received"));
            }

            var version = (await calls.OpenAsync(owner, id))!.Tender.Version;
            Assert.That((await calls.ChangeStageAsync(owner, id, TenderStage.Evaluation, null, version)).Succeeded, Is.True);
            var kept = (await calls.BidsAsync(owner, id)).Value.Single();
            Assert.That(await MovePageTests.GetAsync(client, $"/tenders/{id}/bids/{kept.RowId}/withdraw"), Does.Not.Contain("Withdraw the bid</button>"));
            using (var closed = await MovePageTests.PostAsync(client, $"/tenders/{id}/bids/{kept.RowId}/withdraw", ("Input.Reason", "Too late.")))
            {
                Assert.That(await MovePageTests.TextAsync(closed), Does.Not.Contain("was withdrawn"));
            }

            Assert.That((await calls.BidsAsync(owner, id)).Value, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task AfterTheDeadline_TheProvidersUploadIsClosed_AndOnlyTheOwnerAddsALateBid()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            await TestAccounts.CreateAsync(site, "pat@northgate.example", organisation: "Northgate OH", organisationKind: OrganisationKind.Provider, displayName: "Pat Provider");
            var calls = TenderCalls.Of(site.Services);
            var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
            var id = await TenderAsync(site, owner, bidDeadline: deadline);
            var northgate = (await calls.ProviderOrganisationsAsync(owner, id)).Value.Single();
            Assert.That((await site.Services.GetRequiredService<ChangeInvitation>().HandleAsync(owner, id, northgate.Id, invite: true)).Succeeded, Is.True);

            using var pat = site.CreateNonRedirectingClient();
            await TestAccounts.SignInAsync(pat, "pat@northgate.example");
            var respond = await MovePageTests.GetAsync(pat, $"/tenders/{id}/respond");
            Assert.That(respond, Does.Contain("has passed, so the upload is closed").And.Not.Contain("Upload and check"));
            var tender = ResponseWorkbooks.ExamplePack.Tender with { ClarificationDeadline = deadline.AddDays(-7), BidDeadline = deadline };
            var workbook = ResponseWorkbooks.Filled(ResponseWorkbooks.ExampleBid("lot-1", "bid-northgate"), tender: tender);
            using (var late = await UploadAsync(pat, id, [("ours.xlsx", workbook)], page: "respond"))
            {
                Assert.That(await MovePageTests.TextAsync(late), Does.Contain("has passed, so the upload is closed"));
            }

            Assert.That((await calls.BidsAsync(owner, id)).Value, Is.Empty, "nothing saved from a provider after the deadline");
        }
    }

    [Test]
    public async Task ABidEnteredByHand_IsCheckedAsAWorkbookIs_EachProblemOnItsField_ThenSavedWhole()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var id = await TenderAsync(site, owner);
            var bids = await MovePageTests.GetAsync(client, $"/tenders/{id}/bids");
            Assert.That(bids, Does.Contain($"href=\"/tenders/{id}/bids/new?lot=lot-2\""));
            var path = $"/tenders/{id}/bids/new?lot=lot-2";
            var form = await MovePageTests.GetAsync(client, path);
            var lot = ResponseWorkbooks.ExamplePack.Tender.FindLot("lot-2")!;
            var questions = lot.Sections.SelectMany(s => s.Questions).ToList();
            Assert.That(form, Does.Contain("Enter a bid by hand").And.Contain(questions[0].Text).And.Contain("Annual price for extension year 1"));

            (string, string)[] Fields(string price1, string seqohs, string partner) =>
            [
                ("Entry.BidId", "bid-paper"), ("Entry.Provider", "Hillside OH Partnership"),
                ("Entry.Seqohs", seqohs), ("Entry.SeqohsDate.Day", ""), ("Entry.SeqohsDate.Month", ""), ("Entry.SeqohsDate.Year", ""),
                ("Entry.Esr", "live"), ("Entry.EsrDate.Day", "1"), ("Entry.EsrDate.Month", "4"), ("Entry.EsrDate.Year", "2024"),
                ("Entry.ConsultantQualification", "cct"), ("Entry.OccupationalPhysicians", "1.5"), ("Entry.OhNurses", "4"),
                ("Entry.Modes[SUB-06]", "partner"), ("Entry.Partners[SUB-06]", partner),
                ("Entry.Evidence[0].RequirementId", "GOV-01"), ("Entry.Evidence[0].Item", "Clinical governance policy 2025"),
                ($"Entry.Answers[{questions[0].Id}]", "We run a named-nurse model with monthly reports."),
                .. Enumerable.Range(0, lot.Price.ContractYears).Select(i => ($"Entry.AnnualPrices[{i}]", i == 0 ? price1 : "£410,000")),
                .. Enumerable.Range(0, lot.Price.ExtensionYears).Select(i => ($"Entry.ExtensionPrices[{i}]", "420000")),
            ];

            // The form's own checks: a price in words.
            using (var words = await MovePageTests.PostAsync(client, path, Fields("about 400k", "none", "Radiation Partners Ltd")))
            {
                var text = await MovePageTests.TextAsync(words);
                Assert.That(text, Does.Contain("nhsuk-error-summary").And.Contain("Enter the annual price for contract year 1 in pounds").And.Contain("href=\"#entry-annual-prices-0\""));
            }

            // The tender's rules, placed on their fields: accreditation with no date, a partner mode with no partner.
            using (var rules = await MovePageTests.PostAsync(client, path, Fields("400,000", "accredited", "")))
            {
                var text = await MovePageTests.TextAsync(rules);
                Assert.That(text, Does.Contain("declares SEQOHS accreditation").And.Contain("href=\"#entry-seqohs-date"));
                Assert.That(text, Does.Contain("Name the partner").And.Contain("href=\"#entry-partners-sub-06\""));
            }

            Assert.That((await TenderCalls.Of(site.Services).BidsAsync(owner, id)).Value, Is.Empty, "nothing saved while anything is wrong");

            // The request limits: a long bid typed by hand passes the 1 MB an ordinary form may send.
            Assert.That(Commissioning.Web.Infrastructure.RequestLimits.BodyLimitFor(new Microsoft.AspNetCore.Http.PathString($"/tenders/{id}/bids/new")), Is.GreaterThan(Commissioning.Web.Infrastructure.RequestLimits.MaxBodyBytes));
            Assert.That(Commissioning.Web.Infrastructure.RequestLimits.BodyLimitFor(new Microsoft.AspNetCore.Http.PathString($"/tenders/{id}/bids/new/x")), Is.EqualTo(Commissioning.Web.Infrastructure.RequestLimits.MaxBodyBytes));

            using (var saved = await MovePageTests.PostAsync(client, path, Fields("£400,000.50", "none", "Radiation Partners Ltd")))
            {
                Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(saved));
            }

            var export = (await TenderCalls.Of(site.Services).ExportAsync(owner, id)).Value;
            var bid = TenderFile.Read(export).Value.Bids.Single();
            Assert.Multiple(() =>
            {
                Assert.That(bid.Id, Is.EqualTo("bid-paper"));
                Assert.That(bid.LotId, Is.EqualTo("lot-2"));
                Assert.That(bid.Price.AnnualPrices[0], Is.EqualTo(400_000.50m));
                Assert.That(bid.Price.AnnualPrices.Skip(1), Is.All.EqualTo(410_000m));
                Assert.That(bid.Declarations.Esr, Is.EqualTo(EsrInterface.Live));
                Assert.That(bid.Declarations.EsrDate, Is.EqualTo(new DateOnly(2024, 4, 1)));
                Assert.That(bid.Declarations.SubSpecialisms["SUB-06"].Partner, Is.EqualTo("Radiation Partners Ltd"));
                Assert.That(bid.Declarations.Evidence["GOV-01"], Is.EqualTo(new[] { "Clinical governance policy 2025" }));
                Assert.That(bid.Answers.Select(a => a.QuestionId), Is.EqualTo(new[] { questions[0].Id }));
            });
            Assert.That(await MovePageTests.GetAsync(client, $"/tenders/{id}/audit"), Does.Contain("Olive Owner entered Hillside OH Partnership's bid for lot lot-2"));
        }
    }
}
