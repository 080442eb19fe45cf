using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Support;

/// <summary>
/// Every tender handler behind one object, for tests that walk several use cases as signed-in
/// people: each method is one handler's <c>HandleAsync</c>, nothing more.
/// </summary>
internal sealed class TenderCalls(Func<Type, object> resolve)
{
    /// <summary>Handlers made over a database and a clock, as the site's container makes them.</summary>
    public static TenderCalls Over(DatabaseSettings settings, TimeProvider time, StandardsCatalogue? standards = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICommissioningContextFactory>(new CommissioningContextFactory(settings));
        services.AddSingleton(time);
        if (standards is not null)
        {
            services.AddSingleton(standards);
        }

        services.AddTenderHandlers();
        var provider = services.BuildServiceProvider();
        return new TenderCalls(provider.GetRequiredService);
    }

    /// <summary>The handlers of a running site.</summary>
    public static TenderCalls Of(IServiceProvider services) => new(services.GetRequiredService);

    private T Get<T>() => (T)resolve(typeof(T));

    public Task<SiteUser?> UserAsync(string userId) => Get<FindUser>().HandleAsync(userId);

    public Task<IReadOnlyList<TenderListItem>> ListAsync(SiteUser user) => Get<ListTenders>().HandleAsync(user);

    public Task<TenderPermissions?> OpenAsync(SiteUser user, Guid id) => Get<OpenTender>().HandleAsync(user, id);

    public Task<Outcome<TenderPermissions>> RequireAsync(SiteUser user, Guid id, TenderOperation operation) => Get<OpenTender>().RequireAsync(user, id, operation);

    public Task<Outcome<Guid>> ImportAsync(SiteUser user, string json) => Get<ImportTender>().HandleAsync(user, json);

    public Task<Outcome<IReadOnlyList<PersonOnTender>>> PeopleAsync(SiteUser user, Guid id) => Get<ListPeople>().HandleAsync(user, id);

    public Task<Outcome<Guid>> AddPersonAsync(SiteUser user, Guid id, string email, TenderRole role, string? evaluatorId, IReadOnlyList<LotScope> scope, string? reason) =>
        Get<AddPerson>().HandleAsync(user, id, email, role, evaluatorId, scope, reason);

    public Task<Outcome<bool>> RemovePersonAsync(SiteUser user, Guid id, Guid membershipId, long version, string? reason) =>
        Get<RemovePerson>().HandleAsync(user, id, membershipId, version, reason);

    public Task<Outcome<IReadOnlyList<BidOnTender>>> BidsAsync(SiteUser user, Guid id) => Get<ListBids>().HandleAsync(user, id);

    public Task<Outcome<Saved>> LinkBidAsync(SiteUser user, Guid id, string bidId, Guid? organisationId, long version, string? reason) =>
        Get<LinkBid>().HandleAsync(user, id, bidId, organisationId, version, reason);

    public Task<Outcome<Saved>> SetEvaluatorsSeePricesAsync(SiteUser user, Guid id, bool see, long version, string? reason) =>
        Get<SetPriceVisibility>().HandleAsync(user, id, see, version, reason);

    public Task<Outcome<IReadOnlyList<ScoreOnTender>>> ScoresAsync(SiteUser user, Guid id, string? bidId = null) => Get<ListScores>().HandleAsync(user, id, bidId);

    /// <summary>Saves a score, declaring no conflict of interest for the evaluator first when they have declared nothing (these tests are about other rules).</summary>
    public async Task<Outcome<Saved>> SaveScoreAsync(SiteUser user, Guid id, EvaluatorScore score, long? version)
    {
        await using (var db = Get<ICommissioningContextFactory>().Create())
        {
            if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.ConflictDeclarations, c => c.TenderId == id && c.EvaluatorKey == score.EvaluatorId))
            {
                await Get<DeclareConflicts>().HandleAsync(user, id, score.EvaluatorId, hasConflict: false, details: null);
            }
        }

        return await Get<SaveScore>().HandleAsync(user, id, score, version);
    }

    public Task<Outcome<int>> SubmitScoresAsync(SiteUser user, Guid id, string evaluatorId) => Get<SubmitScores>().HandleAsync(user, id, evaluatorId);

    public Task<Outcome<IReadOnlyList<EvaluatorWorklist>>> WorklistAsync(SiteUser user, Guid id) => Get<ReadWorklist>().HandleAsync(user, id);

    public Task<Outcome<Saved>> DeclareAsync(SiteUser user, Guid id, string evaluatorId, bool hasConflict, string? details) =>
        Get<DeclareConflicts>().HandleAsync(user, id, evaluatorId, hasConflict, details);

    public Task<Outcome<IReadOnlyList<ConflictDeclaration>>> ConflictsAsync(SiteUser user, Guid id) => Get<ListConflictDeclarations>().HandleAsync(user, id);

    public Task<Outcome<Saved>> DecideConflictAsync(SiteUser user, Guid id, string evaluatorId, bool mayContinue, string? reason, long version) =>
        Get<DecideConflict>().HandleAsync(user, id, evaluatorId, mayContinue, reason, version);

    /// <summary>
    /// Saves a score with a rationale for everything in the evaluator's queue not yet scored with
    /// one (submitting needs the whole queue done); how many were saved.
    /// </summary>
    public async Task<int> ScoreTheRestAsync(SiteUser user, Guid id, string evaluatorId, decimal score = 2m)
    {
        var saved = 0;
        var queue = (await WorklistAsync(user, id)).Value.Single(q => q.EvaluatorId == evaluatorId);
        foreach (var item in queue.Items.Where(i => !i.Done))
        {
            var version = item.Score is null ? null : (await Get<ReadScoringItem>().HandleAsync(user, id, evaluatorId, item.BidId, item.QuestionId)).Value.Version;
            var outcome = await SaveScoreAsync(user, id, new EvaluatorScore { EvaluatorId = evaluatorId, BidId = item.BidId, QuestionId = item.QuestionId, Score = score, Rationale = $"{evaluatorId} on {item.BidId} {item.QuestionId}." }, version);
            NUnit.Framework.Assert.That(outcome.Errors.Select(e => e.Message), NUnit.Framework.Is.Empty, $"{evaluatorId} scoring {item.BidId} {item.QuestionId}");
            saved++;
        }

        return saved;
    }

    public Task<Outcome<Saved>> ModerateAsync(SiteUser user, Guid id, ModeratedScore moderated, long? version) => Get<RecordConsensus>().HandleAsync(user, id, moderated, version);

    public Task<Outcome<Saved>> RecordGateDecisionAsync(SiteUser user, Guid id, GateDecision decision, long? version) => Get<RecordGateDecision>().HandleAsync(user, id, decision, version);

    public Task<Outcome<Saved>> RecordLowPriceDecisionAsync(SiteUser user, Guid id, string bidId, LowPriceOutcome outcome, string? reason, long? version) =>
        Get<RecordLowPriceDecision>().HandleAsync(user, id, bidId, outcome, reason, version);

    public Task<Outcome<ModerationState>> ModerationAsync(SiteUser user, Guid id) => Get<ReadModeration>().HandleAsync(user, id);

    public Task<Outcome<TenderSummary>> ChangeStageAsync(SiteUser user, Guid id, TenderStage to, string? reason, long version, DateOnly? noticesSentOn = null) =>
        Get<ChangeStage>().HandleAsync(user, id, to, reason, version, noticesSentOn);

    public Task<Outcome<Saved>> RecordAwardAsync(SiteUser user, Guid id, string lotId, string? approvedBy, DateOnly? approvedOn, string? note) =>
        Get<RecordAward>().HandleAsync(user, id, lotId, approvedBy, approvedOn, note);

    public Task<Outcome<TenderSummary>> RecordNoticeDateAsync(SiteUser user, Guid id, RecordNoticeDate.Kind kind, DateOnly? day, long version) =>
        Get<RecordNoticeDate>().HandleAsync(user, id, kind, day, version);

    public Task<Outcome<AwardOverview>> AwardOverviewAsync(SiteUser user, Guid id) => Get<ReadAwardOverview>().HandleAsync(user, id);

    public Task<Outcome<IReadOnlyList<AuditRecord>>> AuditAsync(SiteUser user, Guid id) => Get<ReadAuditTrail>().HandleAsync(user, id);

    public Task<Outcome<string>> ExportAsync(SiteUser user, Guid id) => Get<ExportTender>().HandleAsync(user, id);

    public Task<Outcome<IReadOnlyList<ProviderOrganisation>>> ProviderOrganisationsAsync(SiteUser user, Guid id) => Get<ListProviderOrganisations>().HandleAsync(user, id);

    public Task<Outcome<string>> InviteAsync(SiteUser user, Guid id, Guid organisationId) => Get<ChangeInvitation>().HandleAsync(user, id, organisationId, invite: true);
}
