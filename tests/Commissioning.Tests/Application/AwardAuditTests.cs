using System.Text.Json;
using Commissioning.Application.Accounts;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Application;

/// <summary>
/// The award decision as the audit trail records it: who approved it, when, the bid and the note,
/// before and after. (They were once lost: the decision was written as an anonymous object, whose
/// get-only properties the stored JSON's options leave out, so every entry recorded <c>{}</c>.)
/// </summary>
[NonParallelizable]
public sealed class AwardAuditTests
{
    [Test]
    public async Task RecordAward_AgainWithAnotherApprover_TheAuditTrailKeepsBothDecisionsInFull()
    {
        using var site = new SiteFactory();
        const string Email = "olive@example.nhs.uk";
        await TestAccounts.CreateAsync(site, Email, roles: [SiteRoles.Commissioner], organisation: "North ICS", displayName: "Olive Owner");
        var owner = await AwardReady.UserAsync(site, Email);
        var id = await AwardReady.TenderAsync(site, owner, act: true);
        var calls = TenderCalls.Of(site.Services);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Assert.That((await calls.RecordAwardAsync(owner, id, "lot-1", "The ICB board", today, "Minute 12 of the board")).Succeeded, Is.True);
        Assert.That((await calls.RecordAwardAsync(owner, id, "lot-1", "The director of finance", today, null)).Succeeded, Is.True);

        var entries = (await calls.AuditAsync(owner, id)).Value.Where(e => e.Entity == "AwardDecision").ToList();
        Assert.That(entries, Has.Count.EqualTo(2));
        var first = JsonDocument.Parse(entries[0].After!).RootElement;
        Assert.That(first.GetProperty("lotId").GetString(), Is.EqualTo("lot-1"));
        Assert.That(first.GetProperty("bidId").GetString(), Is.EqualTo("bid-a"));
        Assert.That(first.GetProperty("approvedBy").GetString(), Is.EqualTo("The ICB board"));
        Assert.That(first.GetProperty("approvedOn").GetString(), Is.EqualTo(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(first.GetProperty("note").GetString(), Is.EqualTo("Minute 12 of the board"));
        Assert.That(entries[1].Before, Is.EqualTo(entries[0].After), "the change keeps the value it replaced");
        Assert.That(JsonDocument.Parse(entries[1].After!).RootElement.GetProperty("approvedBy").GetString(), Is.EqualTo("The director of finance"));

        var names = new AuditNames(new Dictionary<string, string> { ["bid-a"] = "Northgate" }, new Dictionary<string, string>(), new Dictionary<string, string>(),
            new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());
        var readable = AuditNarrative.Describe(entries[1], names);
        Assert.That(readable.Sentence, Does.EndWith($"to Northgate, approved by The director of finance on {TenderLifecycle.Day(today)}."));
        Assert.That(readable.Before.Select(v => v.Value), Does.Contain("The ICB board").And.Contain("Minute 12 of the board"));
    }
}
