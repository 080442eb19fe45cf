using System.Globalization;
using System.Net;
using Commissioning.Application;
using Commissioning.Application.Accounts;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;
using Commissioning.Tests.Web.Tenders.Stage;

namespace Commissioning.Tests.Web.Tenders.Award;

/// <summary>
/// The award page and what the notices need: the award decision per lot, the regime's steps and
/// their dates (the Act's summaries and standstill, the PSR's representations and further
/// decision), the lock after award, and the notices' content with the downloads.
/// </summary>
[NonParallelizable]
public sealed class AwardPageTests
{
    private const string Owner = "olive@example.nhs.uk";
    private const string Hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(1)>";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<(SiteFactory Site, HttpClient Client, SiteUser Owner)> SiteAsync(ShiftedClock? clock = null)
    {
        var site = new SiteFactory(clock: clock);
        await TestAccounts.CreateAsync(site, Owner, roles: [SiteRoles.Commissioner], organisation: "North ICS", displayName: "Olive Owner");
        var client = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(client, Owner);
        return (site, client, await AwardReady.UserAsync(site, Owner));
    }

    private static (string, string)[] Date(string prefix, DateOnly day) =>
        [($"{prefix}.Day", Text(day.Day)), ($"{prefix}.Month", Text(day.Month)), ($"{prefix}.Year", Text(day.Year))];

    private static async Task<long> VersionAsync(SiteFactory site, SiteUser owner, Guid id) => (await TenderCalls.Of(site.Services).OpenAsync(owner, id))!.Tender.Version;

    [Test]
    public async Task RecordAward_ShowsTheMostAdvantageousTender_RecordsTheDecision_AndShowsTheNoteEncoded()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var id = await AwardReady.TenderAsync(site, owner, act: true);
            var path = $"/tenders/{id}/award";
            var page = await MovePageTests.GetAsync(client, path);
            Assert.That(page, Does.Contain("Northgate Occupational Health Ltd (bid-a)").And.Contain("82.23").And.Contain("£6,035,000.00 over 3 years"));
            Assert.That(page, Does.Contain("Record an award decision").And.Contain("0 of 2 lots recorded"));

            using (var empty = await MovePageTests.PostAsync(client, path + "?handler=Award"))
            {
                var errors = await MovePageTests.TextAsync(empty);
                Assert.That(errors, Does.Contain("Select the lot the award decision is for.").And.Contain("Enter who approved the award").And.Contain("Enter the date the award was approved"));
            }

            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            using (var future = await MovePageTests.PostAsync(client, path + "?handler=Award", [("Award.LotId", "lot-1"), ("Award.ApprovedBy", "The ICS board"), .. Date("Award.ApprovedOn", today.AddDays(2))]))
            {
                Assert.That(await MovePageTests.TextAsync(future), Does.Contain("The date the award was approved must be today or in the past."));
            }

            using var recorded = await MovePageTests.PostAsync(client, path + "?handler=Award", [("Award.LotId", "lot-1"), ("Award.ApprovedBy", Hostile), ("Award.Note", Hostile), .. Date("Award.ApprovedOn", today)]);
            Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            var raw = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.That(raw, Does.Not.Contain("<script>alert(1)</script>").And.Not.Contain("<img src=x"));
            var shown = WebUtility.HtmlDecode(raw);
            Assert.That(shown, Does.Contain("The award decision for lot-1 is recorded.").And.Contain($"Approved by {Hostile} on {TenderLifecycle.Day(today)}").And.Contain("1 of 2 lots recorded"));

            var notices = await client.GetStringAsync(new Uri(path + "/notices", UriKind.Relative));
            Assert.That(notices, Does.Not.Contain("<script>alert(1)</script>").And.Not.Contain("<img src=x"));
            var markdown = await client.GetStringAsync(new Uri(path + "/notices?handler=Markdown", UriKind.Relative));
            Assert.That(markdown, Does.Contain(@"\<script\>alert\(1\)\</script\> ""\>\<img src=x onerror=alert\(1\)\>").And.Not.Contain("\"><img"), "escaped for Markdown");
            var html = await client.GetStringAsync(new Uri(path + "/notices?handler=Html", UriKind.Relative));
            Assert.That(html, Does.Not.Contain("<script>").And.Not.Contain("<img src"), "escaped for HTML");
        }
    }

    [Test]
    public async Task ProcurementAct_StepsInOrder_SummariesThenNoticeThenStandstillThenAward_ThenLocked()
    {
        var clock = new ShiftedClock();
        var (site, client, owner) = await SiteAsync(clock);
        using (site)
        using (client)
        {
            var team = TenderCalls.Of(site.Services);
            var id = await AwardReady.TenderAsync(site, owner, act: true);
            var path = $"/tenders/{id}/award";
            var today = clock.Today;
            var page = await MovePageTests.GetAsync(client, path);
            Assert.That(Order(page, "Record the award decision for each lot", "Give an assessment summary to every assessed bidder", "Publish the contract award notice", "Standstill period", "Enter into the contract and record the award", "Publish the contract details notice"), Is.True, "the Act's steps in order");
            Assert.That(page, Does.Contain("6 bids were assessed"));

            foreach (var lot in new[] { "lot-1", "lot-2" })
            {
                Assert.That((await team.RecordAwardAsync(owner, id, lot, "The ICS board", today, null)).Succeeded, Is.True);
            }

            using (var empty = await MovePageTests.PostAsync(client, path + "?handler=Summaries", ("Summaries.Version", (await VersionAsync(site, owner, id)).ToString(CultureInfo.InvariantCulture))))
            {
                Assert.That(await MovePageTests.TextAsync(empty), Does.Contain("Enter the date the assessment summaries were given"));
            }

            using (var given = await MovePageTests.PostAsync(client, path + "?handler=Summaries", [("Summaries.Version", (await VersionAsync(site, owner, id)).ToString(CultureInfo.InvariantCulture)), .. Date("Summaries.Day", today)]))
            {
                Assert.That(given.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            }

            page = await MovePageTests.GetAsync(client, path);
            Assert.That(page, Does.Contain($"Given on {TenderLifecycle.Day(today)}."));
            Assert.That(page, Does.Contain($"/tenders/{id}/stage/standstill"), "the notice step links to the move's confirmation");

            using (var published = await MovePageTests.PostAsync(client, $"/tenders/{id}/stage/standstill", [("Move.Version", (await VersionAsync(site, owner, id)).ToString(CultureInfo.InvariantCulture)), .. Date("Move.NoticesSentOn", today)]))
            {
                Assert.That(published.Headers.Location!.OriginalString, Is.EqualTo(path));
            }

            var period = Standstill.For(ProcurementRegime.ProcurementAct2023, today, BankHolidays.ForWorkingDays(ProcurementRegime.ProcurementAct2023));
            page = await MovePageTests.GetAsync(client, path);
            Assert.That(page, Does.Contain($"Last day {TenderLifecycle.Day(period.LastDay)}. The contract may be entered into from {TenderLifecycle.Day(period.ContractMayBeEnteredFrom)}."));
            Assert.That(page, Does.Contain("8 working days beginning with the day the contract award notice was published (Procurement Act 2023 s.51)").And.Contain("(s.123)"));
            Assert.That(page, Does.Contain($"By {TenderLifecycle.Day(Standstill.ContractDetailsNoticeDue(period.ContractMayBeEnteredFrom))} if the contract is entered into on {TenderLifecycle.Day(period.ContractMayBeEnteredFrom)}"));

            var early = await MovePageTests.GetAsync(client, $"/tenders/{id}/stage/awarded");
            Assert.That(early, Does.Contain($"The standstill period ends at the end of {TenderLifecycle.Day(period.LastDay)}.").And.Not.Contain(">Confirm<"));

            clock.Offset = TimeSpan.FromDays(period.ContractMayBeEnteredFrom.DayNumber - today.DayNumber);
            await TestAccounts.SignInAsync(client, Owner);
            using (var awarded = await MovePageTests.PostAsync(client, $"/tenders/{id}/stage/awarded", ("Move.Version", (await VersionAsync(site, owner, id)).ToString(CultureInfo.InvariantCulture))))
            {
                Assert.That(awarded.Headers.Location!.OriginalString, Is.EqualTo(path));
            }

            page = await MovePageTests.GetAsync(client, path);
            Assert.That(page, Does.Contain("The tender is locked").And.Not.Contain("Record an award decision").And.Not.Contain("<form method=\"post\" action=\"/tenders/" + id));
            using var late = await MovePageTests.PostAsync(client, path + "?handler=Award", [("Award.LotId", "lot-1"), ("Award.ApprovedBy", "Someone else"), .. Date("Award.ApprovedOn", clock.Today)]);
            Assert.That(await MovePageTests.TextAsync(late), Does.Contain("Award decisions are recorded while it is recommended for award"), "refused once locked");
        }
    }

    [Test]
    public async Task ProviderSelectionRegime_RepresentationsThenFurtherDecision_KeepTheStandstillOpenFor5WorkingDays()
    {
        var clock = new ShiftedClock();
        var (site, client, owner) = await SiteAsync(clock);
        using (site)
        using (client)
        {
            var team = TenderCalls.Of(site.Services);
            var id = await AwardReady.TenderAsync(site, owner, act: false);
            var path = $"/tenders/{id}/award";
            var today = clock.Today;
            var page = await MovePageTests.GetAsync(client, path);
            Assert.That(Order(page, "Record the award decision for each lot", "Publish the notice of intention to award", "Standstill period: representations", "If representations were made: record the further decision", "Wait 5 working days after the further decision", "Award the contract"), Is.True, "the PSR's steps in order");
            Assert.That(page, Does.Not.Contain("assessment summary"), "no assessment summaries under the PSR");

            foreach (var lot in new[] { "lot-1", "lot-2" })
            {
                Assert.That((await team.RecordAwardAsync(owner, id, lot, "The ICS board", today, null)).Succeeded, Is.True);
            }

            // The notice went out 3 days ago; representations came in and were decided today.
            var published = today.AddDays(-3);
            using (var moved = await MovePageTests.PostAsync(client, $"/tenders/{id}/stage/standstill", [("Move.Version", (await VersionAsync(site, owner, id)).ToString(CultureInfo.InvariantCulture)), .. Date("Move.NoticesSentOn", published)]))
            {
                Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            }

            var calendar = BankHolidays.ForWorkingDays(ProcurementRegime.ProviderSelectionRegime2023);
            var period = Standstill.For(ProcurementRegime.ProviderSelectionRegime2023, published, calendar);
            page = await MovePageTests.GetAsync(client, path);
            Assert.That(page, Does.Contain($"Midnight at the end of {TenderLifecycle.Day(period.RepresentationsDeadline!.Value)}"));
            Assert.That(page, Does.Contain($"Began on {TenderLifecycle.Day(period.Begins)}."));
            Assert.That(page, Does.Contain("If representations were made").And.Contain("The date the further decision was notified"));

            using (var partial = await MovePageTests.PostAsync(client, path + "?handler=FurtherDecision", ("Further.Version", (await VersionAsync(site, owner, id)).ToString(CultureInfo.InvariantCulture)), ("Further.Day.Day", "3")))
            {
                Assert.That(await MovePageTests.TextAsync(partial), Does.Contain("The date the further decision was notified must include a month and year"));
            }

            using (var decided = await MovePageTests.PostAsync(client, path + "?handler=FurtherDecision", [("Further.Version", (await VersionAsync(site, owner, id)).ToString(CultureInfo.InvariantCulture)), .. Date("Further.Day", today)]))
            {
                Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            }

            var after = period.AfterFurtherDecision(today, calendar);
            page = await MovePageTests.GetAsync(client, path);
            Assert.That(page, Does.Contain($"Notified on {TenderLifecycle.Day(today)}."));
            Assert.That(page, Does.Contain($"Last day {TenderLifecycle.Day(after.LastDay)}; the contract may be entered into from {TenderLifecycle.Day(after.ContractMayBeEnteredFrom)}"));
            Assert.That(await MovePageTests.GetAsync(client, $"/tenders/{id}/stage/awarded"), Does.Contain($"The standstill period ends at the end of {TenderLifecycle.Day(after.LastDay)}."));

            clock.Offset = TimeSpan.FromDays(after.ContractMayBeEnteredFrom.DayNumber - today.DayNumber);
            await TestAccounts.SignInAsync(client, Owner);
            using (var awarded = await MovePageTests.PostAsync(client, $"/tenders/{id}/stage/awarded", ("Move.Version", (await VersionAsync(site, owner, id)).ToString(CultureInfo.InvariantCulture))))
            {
                Assert.That(awarded.Headers.Location!.OriginalString, Is.EqualTo(path));
            }

            page = await MovePageTests.GetAsync(client, path);
            Assert.That(page, Does.Contain("The tender is locked").And.Not.Contain("If representations were made</h2>"));
        }
    }

    [Test]
    public async Task Notices_UnderEachRegime_FollowTheirRegulation_FilledFromTheTender()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var team = TenderCalls.Of(site.Services);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var act = await AwardReady.TenderAsync(site, owner, act: true);
            var psr = await AwardReady.TenderAsync(site, owner, act: false);
            foreach (var id in new[] { act, psr })
            {
                Assert.That((await team.RecordAwardAsync(owner, id, "lot-1", "The ICS board", today, "Minute 14/2026")).Succeeded, Is.True);
            }

            var contractAward = await MovePageTests.GetAsync(client, $"/tenders/{act}/award/notices");
            Assert.That(contractAward, Does.Contain("What the contract award notice needs"));
            Assert.That(contractAward, Does.Contain("Procurement Regulations 2024, reg. 27(2)(b)").And.Contain("Occupational health services for Riverside and Vale ICS members 2027-2030"));
            Assert.That(contractAward, Does.Contain("reg. 27(2)(e)(i)").And.Contain("Northgate Occupational Health Ltd").And.Contain("Primacy Occupational Health CIC"));
            Assert.That(contractAward, Does.Contain("Enter in the service").And.Contain("check the regulation itself"));
            Assert.That(contractAward, Does.Contain("£6,035,000.00 over the 3 evaluated years").And.Contain("Approved by The ICS board").And.Contain("Quality 70% of the total"));
            Assert.That(contractAward, Does.Contain("Your own reference for the tender is RV-ICS-OH-2026-014"));

            var intention = await MovePageTests.GetAsync(client, $"/tenders/{psr}/award/notices");
            Assert.That(intention, Does.Contain("What the notice of intention to award needs").And.Contain("Schedule 10"));
            Assert.That(intention, Does.Contain("Schedule 10, para. 8").And.Contain("Northgate Occupational Health Ltd offered the most advantageous tender: ranked first of 3 eligible bids with 82.23 of 100"));
            Assert.That(intention, Does.Contain("£10,230,000.00"), "lifetime value at the bid's prices, extension years included");
            Assert.That(intention, Does.Contain("The Health Care Services (Provider Selection Regime) Regulations 2023 (SI 2023/1348)"));

            using var markdown = await client.GetAsync(new Uri($"/tenders/{psr}/award/notices?handler=Markdown", UriKind.Relative));
            Assert.That(markdown.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/markdown"));
            Assert.That(markdown.Content.Headers.ContentDisposition!.FileName, Does.StartWith("notice-of-intention-to-award-"));
            var text = await markdown.Content.ReadAsStringAsync();
            Assert.That(text, Does.StartWith("# Notice of intention to award: what it needs from this tender").And.Contain(@"Schedule 10, para\. 8"));

            using var html = await client.GetAsync(new Uri($"/tenders/{act}/award/notices?handler=Html", UriKind.Relative));
            Assert.That(html.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
            Assert.That(await html.Content.ReadAsStringAsync(), Does.StartWith("<!DOCTYPE html>").And.Contain("reg. 27(2)(e)(i)"));
        }
    }

    [Test]
    public async Task AnEvaluator_OnceRecommendedForAward_ReadsTheAward_WithoutPricesOrForms()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var id = await AwardReady.TenderAsync(site, owner, act: true);
            using var evaluator = site.CreateNonRedirectingClient();
            await TestAccounts.SignInAsync(evaluator, $"e1-{id:N}@example.nhs.uk");

            var page = await MovePageTests.GetAsync(evaluator, $"/tenders/{id}/award");
            Assert.That(page, Does.Contain("Northgate Occupational Health Ltd (bid-a)").And.Contain("Not shown to you").And.Not.Contain("£6,035,000.00"));
            Assert.That(page, Does.Not.Contain("Record an award decision").And.Not.Contain("<form method=\"post\""));
            Assert.That(page, Does.Not.Contain("needs from this tender"), "the notices are for the owner and observers");
            using var notices = await evaluator.GetAsync(new Uri($"/tenders/{id}/award/notices", UriKind.Relative));
            Assert.That(notices.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            using var stage = await evaluator.GetAsync(new Uri($"/tenders/{id}/stage/standstill", UriKind.Relative));
            Assert.That(stage.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    /// <summary>True when the texts appear in the page in this order.</summary>
    private static bool Order(string page, params string[] texts)
    {
        var at = 0;
        foreach (var text in texts)
        {
            var found = page.IndexOf(text, at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + text.Length;
        }

        return true;
    }
}
