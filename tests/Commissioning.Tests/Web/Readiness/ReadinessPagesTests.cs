using Commissioning.Application.Readiness;
using System.Net;
using Commissioning.Application;
using Commissioning.Application.Accounts;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Readiness;
using Commissioning.Core.Standards;
using Commissioning.Data;
using Commissioning.Tests.Documents.Response;
using Commissioning.Tests.Support;
using Commissioning.Tests.Web.Tenders.Stage;
using Commissioning.Web.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Web.Readiness;

/// <summary>
/// A provider checks its bid readiness in the site: against the standards or one lot of a tender
/// its organisation is invited to, with the declarations of a bid entered by hand; the report
/// shows what the engine's readiness check gives for the same declarations, downloads as HTML and
/// Markdown, and is its organisation's alone.
/// </summary>
[NonParallelizable]
public sealed class ReadinessPagesTests
{
    private const string Owner = "olive@example.nhs.uk";
    private const string Pat = "pat@northgate.example";
    private const string Dan = "dan@delta.example";

    private static List<(string, string)> Declared(string title, string target) =>
    [
        ("Input.Title", title), ("Input.Target", target), ("Input.Provider", "Northgate <b>OH</b>"),
        ("Input.Seqohs", "working-towards"), ("Input.SeqohsDate.Day", "1"), ("Input.SeqohsDate.Month", "9"), ("Input.SeqohsDate.Year", "2027"),
        ("Input.Esr", "live"), ("Input.EsrDate.Day", "3"), ("Input.EsrDate.Month", "7"), ("Input.EsrDate.Year", "2023"),
        ("Input.ConsultantQualification", "cct"), ("Input.OccupationalPhysicians", "2.5"), ("Input.OhNurses", "7"),
        ("Input.Modes[SUB-06]", "partner"), ("Input.Partners[SUB-06]", "Radiation Partners Ltd"),
        ("Input.Evidence[0].RequirementId", "GOV-01"), ("Input.Evidence[0].Item", "Clinical governance framework, 2026"),
    ];

    [Test]
    public async Task AProvider_ChecksItsReadiness_AgainstAnInvitedTenderAndTheStandards_SeesTheEnginesReport_AndOnlyItsOrganisationSeesIt()
    {
        using var site = new SiteFactory();
        await TestAccounts.CreateAsync(site, Owner, roles: [SiteRoles.Commissioner], organisation: "North ICS", displayName: "Olive Owner");
        await TestAccounts.CreateAsync(site, Pat, organisation: "Northgate OH", organisationKind: OrganisationKind.Provider, displayName: "Pat Provider");
        await TestAccounts.CreateAsync(site, Dan, organisation: "Delta OH", organisationKind: OrganisationKind.Provider, displayName: "Dan Delta");
        var owner = await AwardReady.UserAsync(site, Owner);
        var calls = TenderCalls.Of(site.Services);
        var tender = ResponseWorkbooks.ExamplePack.Tender;
        var id = (await calls.ImportAsync(owner, TenderFile.Write(new Commissioning.Core.Tenders.TenderPack { Tender = tender, Bids = [] }))).Value;
        var version = (await calls.OpenAsync(owner, id))!.Tender.Version;
        Assert.That((await calls.ChangeStageAsync(owner, id, TenderStage.OpenForBids, null, version)).Succeeded, Is.True);
        var northgate = (await calls.ProviderOrganisationsAsync(owner, id)).Value.Single(o => o.Name == "Northgate OH");
        using (var client = site.CreateNonRedirectingClient())
        {
            await TestAccounts.SignInAsync(client, Owner);
            using var invited = await MovePageTests.PostAsync(client, $"/tenders/{id}/bids?handler=Invite", ("Invite.OrganisationId", northgate.Id.ToString()));
            Assert.That(invited.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(await MovePageTests.GetAsync(client, "/readiness"), Does.Contain("your account is not one of a provider"));
            using var ownerNew = await client.GetAsync(new Uri("/readiness/new", UriKind.Relative));
            Assert.That(ownerNew.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a commissioner has no readiness checks");
        }

        using var pat = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(pat, Pat);
        Assert.That(await MovePageTests.GetAsync(pat, "/readiness"), Does.Contain("Your organisation has no readiness checks yet."));
        var form = await MovePageTests.GetAsync(pat, "/readiness/new");
        var lot = tender.Lots[0];
        var target = $"{id:N}/{lot.Id}";
        Assert.That(form, Does.Contain(tender.Title).And.Contain(target), "the invited tender's lots are offered");

        // Nothing typed: each problem on its field, nothing saved.
        using (var refused = await MovePageTests.PostAsync(pat, "/readiness/new", ("Input.Target", $"{Guid.NewGuid():N}/{lot.Id}")))
        {
            var text = await MovePageTests.TextAsync(refused);
            Assert.That(text, Does.Contain("Enter a name for this readiness check").And.Contain("Select the provider's SEQOHS accreditation."));
        }

        // A tender the organisation is not invited to, by a forged value: refused on the field.
        using (var forged = await MovePageTests.PostAsync(pat, "/readiness/new", [.. Declared("Forged", $"{Guid.NewGuid():N}/{lot.Id}")]))
        {
            Assert.That(await MovePageTests.TextAsync(forged), Does.Contain("Choose a tender your organisation is invited to."));
        }

        // The declarations' own rules, each on its field: accredited with no date.
        using (var undated = await MovePageTests.PostAsync(pat, "/readiness/new",
            [.. Declared("Undated", target).Where(f => !f.Item1.StartsWith("Input.SeqohsDate", StringComparison.Ordinal) && f.Item1 != "Input.Seqohs"), ("Input.Seqohs", "accredited")]))
        {
            var html = await undated.Content.ReadAsStringAsync();
            Assert.That(await MovePageTests.TextAsync(undated), Does.Contain("Northgate <b>OH</b> declares SEQOHS accreditation. Enter the date it was awarded."));
            Assert.That(html, Does.Contain("href=\"#seqohs-date"), "the summary links to the date");
        }

        Assert.That(await CountAsync(site), Is.EqualTo(0), "nothing saved");

        using (var saved = await MovePageTests.PostAsync(pat, "/readiness/new", [.. Declared("For the Riverside tender", target)]))
        {
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(saved));
            var address = saved.Headers.Location!.OriginalString;
            var checkId = Guid.Parse(address.Split('/')[^1]);
            var page = await MovePageTests.GetAsync(pat, address);

            // The engine's report for the same declarations, against the same lot.
            var standards = site.Services.GetRequiredService<StandardsCatalogue>();
            var stored = await site.Services.GetRequiredService<ReadinessChecks>().ReportAsync(await AwardReady.UserAsync(site, Pat), checkId, standards);
            var expected = ReadinessCheck.AgainstTender(standards, tender, "Northgate <b>OH</b>", stored.Value.Declarations, lot.Id);
            Assert.That(stored.Value.Declarations.Seqohs, Is.EqualTo(Commissioning.Core.Tenders.SeqohsStatus.WorkingTowards));
            Assert.That(stored.Value.Declarations.SubSpecialisms["SUB-06"].Partner, Is.EqualTo("Radiation Partners Ltd"));
            Assert.That(stored.Value.Declarations.Evidence["GOV-01"], Is.EqualTo(new[] { "Clinical governance framework, 2026" }));
            Assert.That(page, Does.Contain($"{Rounding.Percent(expected.OverallPercent)} ready"));
            Assert.That(expected.GatesFailed, Is.Not.Empty, "working towards SEQOHS fails the tender's SEQOHS gate");
            foreach (var gate in expected.GatesFailed)
            {
                Assert.That(page, Does.Contain($"{gate.Id} {gate.Title}"));
            }

            foreach (var gap in expected.MustGaps.Concat(expected.ShouldGaps))
            {
                Assert.That(page, Does.Contain($"{gap.Requirement.Id} {gap.Requirement.Title}"));
            }

            Assert.That(page, Does.Contain("Gates you would fail"));
            var raw = await pat.GetStringAsync(new Uri(address, UriKind.Relative));
            Assert.That(raw, Does.Contain("Northgate &lt;b&gt;OH&lt;/b&gt;").And.Not.Contain("<b>OH</b>"), "what was typed is shown as text");

            using (var html = await pat.GetAsync(new Uri($"{address}?handler=Download&format=html", UriKind.Relative)))
            {
                Assert.That(html.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(html.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
                Assert.That(html.Content.Headers.ContentDisposition!.FileNameStar ?? html.Content.Headers.ContentDisposition.FileName, Does.EndWith("-readiness.html"));
                Assert.That(await html.Content.ReadAsStringAsync(), Does.Contain(Rounding.Percent(expected.OverallPercent)));
            }

            using (var markdown = await pat.GetAsync(new Uri($"{address}?handler=Download&format=md", UriKind.Relative)))
            {
                Assert.That(markdown.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/markdown"));
            }

            using (var checklist = await pat.GetAsync(new Uri($"{address}?handler=Download&format=xlsx", UriKind.Relative)))
            {
                Assert.That(checklist.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
                using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await checklist.Content.ReadAsByteArrayAsync()));
                var rows = workbook.Worksheet(Commissioning.Documents.Readiness.ReadinessChecklistWorkbook.ChecklistSheet).RowsUsed().Count();
                Assert.That(rows, Is.EqualTo(expected.Items.Count + 1), "a header and one row for each requirement checked");
            }

            // Another provider, a commissioner, and an unknown format: no such check.
            using var dan = site.CreateNonRedirectingClient();
            await TestAccounts.SignInAsync(dan, Dan);
            foreach (var (client, path) in new[] { (dan, address), (dan, $"{address}?handler=Download&format=html"), (pat, $"{address}?handler=Download&format=pdf"), (pat, $"/readiness/{Guid.NewGuid()}") })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
            }

            Assert.That(await MovePageTests.GetAsync(dan, "/readiness"), Does.Contain("Your organisation has no readiness checks yet."));
            Assert.That(await MovePageTests.GetAsync(pat, "/readiness"), Does.Contain("For the Riverside tender"));

            // The invitation withdrawn: the check is still the organisation's, but not shown against the tender.
            Assert.That((await site.Services.GetRequiredService<Commissioning.Application.Tenders.ChangeInvitation>().HandleAsync(owner, id, northgate.Id, invite: false)).Succeeded, Is.True);
            var withdrawn = await MovePageTests.GetAsync(pat, address);
            Assert.That(withdrawn, Does.Contain("This check cannot be shown").And.Contain("no longer invited to the tender"));
            using (var noDownload = await pat.GetAsync(new Uri($"{address}?handler=Download&format=html", UriKind.Relative)))
            {
                Assert.That(noDownload.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            }

            Assert.That((await site.Services.GetRequiredService<Commissioning.Application.Tenders.ChangeInvitation>().HandleAsync(owner, id, northgate.Id, invite: true)).Succeeded, Is.True);
        }

        // Against the standards: every requirement a provider answers.
        using (var standardsCheck = await MovePageTests.PostAsync(pat, "/readiness/new", [.. Declared("Self-assessment", "standards")]))
        {
            Assert.That(standardsCheck.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(standardsCheck));
            var page = await MovePageTests.GetAsync(pat, standardsCheck.Headers.Location!.OriginalString);
            Assert.That(page, Does.Contain($"Checked against {ReadinessCheck.StandardsTarget}."));
        }

        Assert.That(await CountAsync(site), Is.EqualTo(2));
        await using var db = site.Services.GetRequiredService<ICommissioningContextFactory>().Create();
        Assert.That(await db.AuditEntries.CountAsync(a => a.Entity == ReadinessChecks.AuditEntity), Is.EqualTo(2), "each save audited");
    }

    [Test]
    public async Task AProvider_ChecksAgainstATenderFileItWasSent_OneLotOrEvery_AndABrokenFileOrUnknownLotSavesNothing()
    {
        using var site = new SiteFactory();
        await TestAccounts.CreateAsync(site, Pat, organisation: "Northgate OH", organisationKind: OrganisationKind.Provider, displayName: "Pat Provider");
        using var pat = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(pat, Pat);
        var example = await File.ReadAllBytesAsync(Commissioning.Tests.Documents.Specification.DocumentFixtures.Example("ics-tender.json"));
        var tender = Commissioning.Tests.Documents.Specification.DocumentFixtures.Tender();

        async Task<HttpResponseMessage> SendAsync(string fileName, byte[] bytes, string lot)
        {
            var token = await SiteFactory.GetAntiforgeryTokenAsync(pat, "/readiness/new");
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            foreach (var (name, value) in Declared("From the file", ReadinessInput.FileTarget).Append(("Input.FileLot", lot)))
            {
                form.Add(new StringContent(value), name);
            }

            form.Add(new ByteArrayContent(bytes), "Input.TenderFile", fileName);
            return await pat.PostAsync(new Uri("/readiness/new", UriKind.Relative), form);
        }

        using (var notJson = await SendAsync("tender.pdf", "%PDF-1.7"u8.ToArray(), ""))
        {
            Assert.That(await MovePageTests.TextAsync(notJson), Does.Contain("The selected file must be a tender file ending in .json."));
        }

        using (var broken = await SendAsync("tender.json", "{\"format\": \"oh-tender\"}"u8.ToArray(), ""))
        {
            Assert.That(await MovePageTests.TextAsync(broken), Does.Contain("The tender file cannot be read: "));
        }

        using (var noSuchLot = await SendAsync("ics-tender.json", example, "lot-9"))
        {
            Assert.That(await MovePageTests.TextAsync(noSuchLot), Does.Contain($"The tender file has no lot 'lot-9'. Its lots are {tender.Lots[0].Id} ({tender.Lots[0].Title}), {tender.Lots[1].Id} ({tender.Lots[1].Title})"));
        }

        Assert.That(await CountAsync(site), Is.EqualTo(0), "nothing saved");
        foreach (var lot in new[] { tender.Lots[1].Id, "" })
        {
            using var saved = await SendAsync("ics-tender.json", example, lot);
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(saved));
            var checkId = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1]);
            var standards = site.Services.GetRequiredService<StandardsCatalogue>();
            var stored = await site.Services.GetRequiredService<ReadinessChecks>().ReportAsync(await AwardReady.UserAsync(site, Pat), checkId, standards);
            var expected = ReadinessCheck.AgainstTender(standards, tender, "Northgate <b>OH</b>", stored.Value.Declarations, lot.Length == 0 ? null : lot);
            Assert.That(stored.Value.Report.Target, Is.EqualTo(expected.Target));
            Assert.That(stored.Value.Report.Items.Select(i => (i.Requirement.Id, i.Status)), Is.EqualTo(expected.Items.Select(i => (i.Requirement.Id, i.Status))));
            var page = await MovePageTests.GetAsync(pat, saved.Headers.Location!.OriginalString);
            Assert.That(page, Does.Contain($"Checked against {expected.Target}.").And.Contain($"{Rounding.Percent(expected.OverallPercent)} ready"));
        }
    }

    [Test]
    public void AgainstTheStandards_EveryProviderRequirementIsChecked_AtItsRuleSetStrength_WithWhoAsksForIt()
    {
        var standards = Repository.Standards;
        var (provider, declared) = Commissioning.Tests.Documents.Specification.DocumentFixtures.Declarations();
        var report = ReadinessCheck.AgainstStandards(standards, provider, declared);
        var providers = standards.Requirements.Where(r => !r.IsCommissionerDuty).ToList();
        Assert.That(report.Items.Select(i => i.Requirement.Id), Is.EqualTo(providers.Select(r => r.Id)));
        Assert.That(report.Items.Select(i => i.Strength), Is.EqualTo(providers.Select(r => r.Strength)));
        Assert.That(report.Target, Is.EqualTo(ReadinessCheck.StandardsTarget));
        var conditional = report.Items.First(i => i.Requirement.AppliesWhen is not Commissioning.Core.Conditions.AlwaysCondition);
        Assert.That(conditional.Why, Does.StartWith("Buyers ask for it where it applies: ").And.Contain(conditional.Requirement.AppliesWhen.Describe()));
        Assert.That(report.Items.First(i => i.Requirement.AppliesWhen is Commissioning.Core.Conditions.AlwaysCondition).Why, Does.StartWith("Every buyer can ask for it."));
        var essential = report.Items.FirstOrDefault(i => i.Requirement.EssentialWhen is not null);
        Assert.That(essential?.Why, Does.Contain("becomes a must and a pass or fail gate for buyers where"));
        Assert.That(report.Gates.Select(g => g.Id), Is.EqualTo(report.Items.Where(i => i.Evaluation == EvaluationMethod.Gate).Select(i => i.Requirement.Id)));
    }

    private static async Task<int> CountAsync(SiteFactory site)
    {
        await using var db = site.Services.GetRequiredService<ICommissioningContextFactory>().Create();
        return await db.ReadinessChecks.CountAsync();
    }
}
