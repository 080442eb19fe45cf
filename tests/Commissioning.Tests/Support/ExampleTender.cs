using System.Text.Json.Nodes;
using Commissioning.Application;
using Commissioning.Application.Accounts;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;
using Commissioning.Data.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Support;

/// <summary>
/// The example tender (<c>examples/ics-tender.json</c>) in a running site, with its panel as
/// accounts: an owner (a commissioner), evaluators e1 to e3, moderator m1 and an observer, each
/// with their role on every lot. Imported scores are drafts until each evaluator submits them;
/// <see cref="CompleteAsync"/> has every evaluator submit and moves the tender on, after which
/// the result is complete (the file holds every consensus and gate decision).
/// </summary>
internal sealed class ExampleTender
{
    public const string OwnerEmail = "olive.owner@example.nhs.uk";
    public const string ObserverEmail = "oscar.observer@example.nhs.uk";
    public const string ModeratorEmail = "robin.moderator@example.nhs.uk";

    /// <summary>Each evaluator's id in the tender and email.</summary>
    public static readonly IReadOnlyList<(string EvaluatorId, string Email, string Name)> Evaluators =
    [
        ("e1", "alex.evaluator@example.nhs.uk", "Alex Morgan"),
        ("e2", "sam.evaluator@example.nhs.uk", "Sam Okonkwo"),
        ("e3", "jordan.evaluator@example.nhs.uk", "Jordan Ellis"),
    ];

    private readonly IServiceProvider _services;

    private ExampleTender(IServiceProvider services, Guid id, SiteUser owner)
    {
        _services = services;
        Id = id;
        Owner = owner;
    }

    /// <summary>The tender's id.</summary>
    public Guid Id { get; }

    /// <summary>The owner, as the application layer sees them.</summary>
    public SiteUser Owner { get; }

    /// <summary>The example's text, read from the repository.</summary>
    public static string Json() => File.ReadAllText(Path.Combine(Repository.Root, "examples", "ics-tender.json"));

    /// <summary>The example with changes made to its JSON (a provider's name, a decision taken away).</summary>
    public static string Json(Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var json = JsonNode.Parse(Json())!.AsObject();
        change(json);
        return json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Creates the accounts (once per site), imports the tender as the owner and gives the panel its roles.</summary>
    public static async Task<ExampleTender> ImportAsync(SiteFactory site, string? json = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        var calls = TenderCalls.Of(site.Services);
        var ownerId = await AccountAsync(site, OwnerEmail, "Olive Owner", [SiteRoles.Commissioner]);
        await AccountAsync(site, ObserverEmail, "Oscar Observer");
        await AccountAsync(site, ModeratorEmail, "Robin Hale");
        foreach (var (_, email, name) in Evaluators)
        {
            await AccountAsync(site, email, name);
        }

        var owner = (await calls.UserAsync(ownerId))!;
        var imported = await calls.ImportAsync(owner, json ?? Json());
        Assert.That(imported.Succeeded, Is.True, () => string.Join(" ", imported.Errors.Select(e => e.Message)));
        var id = imported.Value;
        foreach (var (evaluatorId, email, _) in Evaluators)
        {
            Check(await calls.AddPersonAsync(owner, id, email, TenderRole.Evaluator, evaluatorId, [], null), $"giving {email} the evaluator role");
        }

        Check(await calls.AddPersonAsync(owner, id, ModeratorEmail, TenderRole.Moderator, "m1", [], null), "giving the moderator role");
        Check(await calls.AddPersonAsync(owner, id, ObserverEmail, TenderRole.Observer, null, [], null), "giving the observer role");
        return new ExampleTender(site.Services, id, owner);
    }

    /// <summary>
    /// Opens the tender for bids and evaluation; each evaluator declares no conflict and submits
    /// every score; then moderation and, unless told otherwise, award recommended.
    /// </summary>
    public async Task CompleteAsync(TenderStage until = TenderStage.AwardRecommended)
    {
        var calls = TenderCalls.Of(_services);
        await MoveAsync([.. new[] { TenderStage.OpenForBids, TenderStage.Evaluation }.Where(s => s > Stage)]);
        foreach (var (evaluatorId, email, _) in Evaluators)
        {
            var evaluator = await UserAsync(email);
            Check(await _services.GetRequiredService<DeclareConflicts>().HandleAsync(evaluator, Id, evaluatorId, hasConflict: false, details: null), $"{evaluatorId} declaring");
            Check(await calls.SubmitScoresAsync(evaluator, Id, evaluatorId), $"{evaluatorId} submitting");
        }

        await MoveAsync([.. new[] { TenderStage.Moderation, TenderStage.AwardRecommended }.Where(s => s <= until)]);
    }

    /// <summary>The stage the tender is at (as last moved here).</summary>
    public TenderStage Stage { get; private set; } = TenderStage.Draft;

    /// <summary>Moves the tender through the stages given, as the owner.</summary>
    public async Task MoveAsync(params TenderStage[] stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var calls = TenderCalls.Of(_services);
        foreach (var stage in stages)
        {
            var version = (await calls.OpenAsync(Owner, Id))!.Tender.Version;
            Check(await calls.ChangeStageAsync(Owner, Id, stage, null, version), $"moving to {stage}");
            Stage = stage;
        }
    }

    /// <summary>Lets evaluators and moderators see prices, or not.</summary>
    public async Task EvaluatorsSeePricesAsync(bool see)
    {
        var calls = TenderCalls.Of(_services);
        var version = (await calls.OpenAsync(Owner, Id))!.Tender.Version;
        Check(await calls.SetEvaluatorsSeePricesAsync(Owner, Id, see, version, null), "changing who sees prices");
    }

    /// <summary>An account of the panel, as the application layer sees it.</summary>
    public async Task<SiteUser> UserAsync(string email)
    {
        using var scope = _services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<UserAccount>>();
        var account = await users.FindByEmailAsync(email);
        return (await TenderCalls.Of(_services).UserAsync(account!.Id))!;
    }

    /// <summary>A client of the site signed in as one of the panel.</summary>
    public static async Task<HttpClient> SignedInAsync(SiteFactory site, string email)
    {
        ArgumentNullException.ThrowIfNull(site);
        var client = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(client, email);
        return client;
    }

    private static async Task<string> AccountAsync(SiteFactory site, string email, string name, IReadOnlyList<string>? roles = null)
    {
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<UserAccount>>();
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                return existing.Id;
            }
        }

        return await TestAccounts.CreateAsync(site, email, roles: roles, organisation: "Riverside and Vale ICS", displayName: name);
    }

    private static void Check<T>(Outcome<T> outcome, string what) =>
        Assert.That(outcome.Succeeded, Is.True, () => $"{what}: {string.Join(" ", outcome.Errors.Select(e => e.Message))}");
}
