using System.Net;
using Commissioning.Application;
using Commissioning.Application.Accounts;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Web.Tenders.Stage;

/// <summary>
/// The stage move confirmation page: what each move means, what stands in its way, the reason or
/// notice date it needs, and the move itself only on "Confirm".
/// </summary>
[NonParallelizable]
public sealed class MovePageTests
{
    private const string Owner = "olive@example.nhs.uk";

    private static async Task<(SiteFactory Site, HttpClient Client, SiteUser Owner)> SiteAsync(ShiftedClock? clock = null)
    {
        var site = new SiteFactory(clock: clock);
        await TestAccounts.CreateAsync(site, Owner, roles: [SiteRoles.Commissioner], organisation: "North ICS", displayName: "Olive Owner");
        var client = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(client, Owner);
        return (site, client, await AwardReady.UserAsync(site, Owner));
    }

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, path);
        using var form = new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", token)]);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    internal static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    internal static async Task<string> GetAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(path, UriKind.Relative)));

    private static async Task<long> VersionAsync(SiteFactory site, SiteUser owner, Guid id) => (await TenderCalls.Of(site.Services).OpenAsync(owner, id))!.Tender.Version;

    private static async Task<TenderStage> StageAsync(SiteFactory site, SiteUser owner, Guid id) => (await TenderCalls.Of(site.Services).OpenAsync(owner, id))!.Tender.Stage;

    [Test]
    public async Task OpenForBids_ShowsWhatItMeans_AndMovesOnlyOnConfirm()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var id = (await TenderCalls.Of(site.Services).ImportAsync(owner, AwardReady.ExampleFile(act: true))).Value;
            var path = $"/tenders/{id}/stage/open-for-bids";

            var page = await GetAsync(client, path);
            Assert.That(page, Does.Contain("Move the tender to Open for bids").And.Contain("Bids can be received. The lots, award criteria and weights are then fixed.").And.Contain(">Confirm<"));
            Assert.That(page, Does.Not.Contain("Why are you").And.Not.Contain("was published"), "no reason or date is asked for");
            Assert.That(await StageAsync(site, owner, id), Is.EqualTo(TenderStage.Draft), "opening the page changes nothing");

            using var moved = await PostAsync(client, path, ("Move.Version", (await VersionAsync(site, owner, id)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(moved.Headers.Location!.OriginalString, Is.EqualTo($"/tenders/{id}"));
            Assert.That(await StageAsync(site, owner, id), Is.EqualTo(TenderStage.OpenForBids));
            Assert.That(await GetAsync(client, $"/tenders/{id}"), Does.Contain("The tender is now at the stage: Open for bids."));
        }
    }

    [Test]
    public async Task Cancel_NeedsAReason_AndAStageNotOfferedOrUnknown_Is404OrRefused()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var id = (await TenderCalls.Of(site.Services).ImportAsync(owner, AwardReady.ExampleFile(act: true))).Value;
            var path = $"/tenders/{id}/stage/cancelled";
            var version = (await VersionAsync(site, owner, id)).ToString(System.Globalization.CultureInfo.InvariantCulture);

            Assert.That(await GetAsync(client, path), Does.Contain("Cancel the tender").And.Contain("Why are you cancelling the tender?"));
            using var empty = await PostAsync(client, path, ("Move.Version", version));
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await TextAsync(empty), Does.Contain("Enter why the tender is being cancelled."));
            Assert.That(await StageAsync(site, owner, id), Is.EqualTo(TenderStage.Draft));

            using var cancelled = await PostAsync(client, path, ("Move.Version", version), ("Move.Reason", "The members agreed to extend the current contracts."));
            Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(await StageAsync(site, owner, id), Is.EqualTo(TenderStage.Cancelled));

            using var unknown = await client.GetAsync(new Uri($"/tenders/{id}/stage/AwardRecommended", UriKind.Relative));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "only the page's own names for stages");
            var notOffered = await GetAsync(client, $"/tenders/{id}/stage/open-for-bids");
            Assert.That(notOffered, Does.Contain("You cannot make this move yet").And.Contain("The tender is cancelled, so it cannot become open for bids").And.Not.Contain(">Confirm<"));
        }
    }

    [Test]
    public async Task AwardRecommended_WhileTheResultIsProvisional_IsRefusedListingWhy()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            // In evaluation with no score submitted, then moderation: every score is still a draft.
            var id = await AwardReady.TenderAsync(site, owner, act: true, until: TenderStage.Evaluation);
            await AwardReady.MoveAsync(TenderCalls.Of(site.Services), owner, id, TenderStage.Moderation);
            var path = $"/tenders/{id}/stage/award-recommended";

            var page = await GetAsync(client, path);
            Assert.That(page, Does.Contain("You cannot make this move yet").And.Contain("The result is provisional:").And.Contain("still outstanding"));
            Assert.That(page, Does.Contain("Each of these stops the tender being recommended for award"));
            Assert.That(page, Does.Contain("Northgate Occupational Health Ltd (bid-a): question Q1.1 Prevention and health surveillance has no submitted score."));
            Assert.That(page, Does.Contain("question Q1.2 Timely intervention and rehabilitation: a consensus is recorded but no evaluator's own submitted score."));
            Assert.That(page, Does.Contain("lot-1: Trusts").And.Contain("lot-2: Primary care and hospice"));
            Assert.That(page, Does.Not.Contain(">Confirm<"), "no button for a move that is refused");
            Assert.That(page, Does.Not.Contain("nhsuk-error-summary"), "what is outstanding is not an error of the owner's");

            // Sent anyway (say, from a page open before a score was withdrawn): refused as an error.
            using var refused = await PostAsync(client, path, ("Move.Version", (await VersionAsync(site, owner, id)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var text = await TextAsync(refused);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text, Does.Contain("nhsuk-error-summary").And.Contain("The result is provisional"));
            Assert.That(await StageAsync(site, owner, id), Is.EqualTo(TenderStage.Moderation));
        }
    }

    [Test]
    public async Task AwardRecommended_OnceTheResultIsComplete_IsConfirmedAndLandsOnTheAwardPage()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var id = await AwardReady.TenderAsync(site, owner, act: true, until: TenderStage.Moderation);
            var path = $"/tenders/{id}/stage/award-recommended";
            var page = await GetAsync(client, path);
            Assert.That(page, Does.Contain("The result is final").And.Contain(">Confirm<").And.Not.Contain("What is still outstanding"));

            using var moved = await PostAsync(client, path, ("Move.Version", (await VersionAsync(site, owner, id)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(moved.Headers.Location!.OriginalString, Is.EqualTo($"/tenders/{id}/award"));
            Assert.That(await StageAsync(site, owner, id), Is.EqualTo(TenderStage.AwardRecommended));
        }
    }

    [Test]
    public async Task Standstill_UnderTheAct_IsRefusedWithoutAwardDecisions_ThenWithoutTheSummariesDate()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var team = TenderCalls.Of(site.Services);
            var id = await AwardReady.TenderAsync(site, owner, act: true);
            var path = $"/tenders/{id}/stage/standstill";

            var before = await GetAsync(client, path);
            Assert.That(before, Does.Contain("Record the award decision for lot lot-1 (Trusts).").And.Contain("Record the award decision for lot lot-2 (Primary care and hospice)."));
            Assert.That(before, Does.Contain("Record the day the assessment summaries were given to every assessed bidder"));
            Assert.That(before, Does.Not.Contain(">Confirm<"));

            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            foreach (var lot in new[] { "lot-1", "lot-2" })
            {
                Assert.That((await team.RecordAwardAsync(owner, id, lot, "The ICS board", today, null)).Succeeded, Is.True);
            }

            var awarded = await GetAsync(client, path);
            Assert.That(awarded, Does.Not.Contain("Record the award decision for lot"));
            Assert.That(awarded, Does.Contain("Record the day the assessment summaries were given to every assessed bidder: under the Procurement Act 2023 they are given before the contract award notice is published (s.50)."));

            Assert.That((await team.RecordNoticeDateAsync(owner, id, RecordNoticeDate.Kind.AssessmentSummariesSent, today, await VersionAsync(site, owner, id))).Succeeded, Is.True);
            var ready = await GetAsync(client, path);
            Assert.That(ready, Does.Contain("The date the contract award notice was published").And.Contain("first of the 8 working days").And.Contain(">Confirm<"));
        }
    }

    [TestCase("", "", "", "Enter the date the notice of intention to award was published")]
    [TestCase("14", "", "2026", "The date the notice of intention to award was published must include a month")]
    [TestCase("31", "2", "2026", "The date the notice of intention to award was published must be a real date")]
    [TestCase("1", "1", "26", "Year must include 4 numbers")]
    [TestCase("future", "", "", "The day the notice was published must be today or in the past.")]
    public async Task Standstill_UnderThePsr_TheNoticeDateIsChecked(string day, string month, string year, string message)
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var team = TenderCalls.Of(site.Services);
            var id = await AwardReady.TenderAsync(site, owner, act: false);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            foreach (var lot in new[] { "lot-1", "lot-2" })
            {
                Assert.That((await team.RecordAwardAsync(owner, id, lot, "The ICS board", today, null)).Succeeded, Is.True);
            }

            if (day == "future")
            {
                var tomorrow = today.AddDays(1);
                (day, month, year) = (tomorrow.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), tomorrow.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), tomorrow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var path = $"/tenders/{id}/stage/standstill";
            Assert.That(await GetAsync(client, path), Does.Contain("The date the notice of intention to award was published").And.Contain("The standstill period begins the day after."));
            using var refused = await PostAsync(client, path, ("Move.Version", (await VersionAsync(site, owner, id)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Move.NoticesSentOn.Day", day), ("Move.NoticesSentOn.Month", month), ("Move.NoticesSentOn.Year", year));

            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await TextAsync(refused), Does.Contain(message));
            Assert.That(await StageAsync(site, owner, id), Is.EqualTo(TenderStage.AwardRecommended));
        }
    }

    [Test]
    public async Task GoingBack_NeedsAReason_AndTheReasonIsShownEncoded()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var id = await AwardReady.TenderAsync(site, owner, act: true);
            var path = $"/tenders/{id}/stage/moderation";
            Assert.That(await GetAsync(client, path), Does.Contain("Why is the tender going back to moderation?"));
            const string Hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(1)>";

            using var moved = await PostAsync(client, path, ("Move.Version", (await VersionAsync(site, owner, id)).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Move.Reason", Hostile));
            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            var audit = await client.GetStringAsync(new Uri($"/tenders/{id}/audit", UriKind.Relative));
            Assert.That(audit, Does.Not.Contain("<script>alert(1)</script>").And.Not.Contain("<img src=x"));
            Assert.That(WebUtility.HtmlDecode(audit), Does.Contain(Hostile), "shown, as text");
        }
    }
}
