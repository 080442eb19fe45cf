using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;

namespace Commissioning.Tests.Support;

/// <summary>
/// The example tender brought to where the award pages start, through the handlers as the people
/// on it: imported by the owner (under the Procurement Act 2023 or, as the file has it, the
/// Provider Selection Regime), three evaluators (e1 to e3) given their roles, the tender moved to
/// evaluation, every evaluator's scores submitted (the file's scores are stored as drafts on
/// import), then to moderation (the file's consensus scores and gate decisions complete the
/// result) and, if asked, to award recommended.
/// </summary>
internal static class AwardReady
{
    /// <summary>The example file, under the regime asked for.</summary>
    public static string ExampleFile(bool act)
    {
        var json = File.ReadAllText(Path.Combine(Repository.Root, "examples", "ics-tender.json"));
        return act
            ? json.Replace("\"provider-selection-regime-2023\"", "\"procurement-act-2023\"", StringComparison.Ordinal)
                .Replace("\"procedure\": \"Competitive process\"", "\"procedure\": \"Open procedure\"", StringComparison.Ordinal)
            : json;
    }

    /// <summary>Imports and walks the tender; its id.</summary>
    public static async Task<Guid> TenderAsync(SiteFactory site, SiteUser owner, bool act, TenderStage until = TenderStage.AwardRecommended)
    {
        var team = TenderCalls.Of(site.Services);
        var imported = await team.ImportAsync(owner, ExampleFile(act));
        Assert.That(imported.Succeeded, Is.True, () => string.Join(" ", imported.Errors.Select(e => e.Message)));
        var id = imported.Value;
        var evaluators = new List<(SiteUser User, string Key)>();
        foreach (var key in new[] { "e1", "e2", "e3" })
        {
            var email = $"{key}-{id:N}@example.nhs.uk";
            var userId = await TestAccounts.CreateAsync(site, email, organisation: "North ICS", displayName: $"Evaluator {key}");
            Assert.That((await team.AddPersonAsync(owner, id, email, TenderRole.Evaluator, key, [], null)).Succeeded, Is.True, $"role for {key}");
            evaluators.Add(((await team.UserAsync(userId))!, key));
        }

        await MoveAsync(team, owner, id, TenderStage.OpenForBids);
        await MoveAsync(team, owner, id, TenderStage.Evaluation);
        if (until == TenderStage.Evaluation)
        {
            return id;
        }

        foreach (var (user, key) in evaluators)
        {
            var submitted = await team.SubmitScoresAsync(user, id, key);
            Assert.That(submitted.Succeeded, Is.True, () => $"{key} submits: " + string.Join(" ", submitted.Errors.Select(e => e.Message)));
        }

        await MoveAsync(team, owner, id, TenderStage.Moderation);
        if (until >= TenderStage.AwardRecommended)
        {
            await MoveAsync(team, owner, id, TenderStage.AwardRecommended);
        }

        return id;
    }

    /// <summary>Moves the tender through the handler, failing the test if refused.</summary>
    public static async Task MoveAsync(TenderCalls team, SiteUser owner, Guid id, TenderStage to, DateOnly? noticeDate = null, string? reason = null)
    {
        var version = (await team.OpenAsync(owner, id))!.Tender.Version;
        var moved = await team.ChangeStageAsync(owner, id, to, reason, version, noticeDate);
        Assert.That(moved.Succeeded, Is.True, () => $"moving to {to}: " + string.Join(" ", moved.Errors.Select(e => e.Message)));
    }

    /// <summary>The owner's account as the handlers see it, by email address.</summary>
    public static async Task<SiteUser> UserAsync(SiteFactory site, string email)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(site.Services);
        var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Commissioning.Data.Entities.UserAccount>>(scope.ServiceProvider);
        var account = await users.FindByEmailAsync(email);
        Assert.That(account, Is.Not.Null, email);
        return (await TenderCalls.Of(site.Services).UserAsync(account!.Id))!;
    }
}
