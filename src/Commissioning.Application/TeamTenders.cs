using Commissioning.Application.Accounts;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application;

/// <summary>A tender in someone's list, with what they are on it.</summary>
/// <param name="Tender">The tender.</param>
/// <param name="Roles">Their roles, in words, such as <c>Owner</c> or <c>Evaluator (e1)</c>, or <c>Bidder</c> for a provider.</param>
public sealed record TenderListItem(TenderSummary Tender, IReadOnlyList<string> Roles);

/// <summary>One person's role on a tender, as the tender's people page lists it.</summary>
/// <param name="MembershipId">The role's id, for taking it away.</param>
/// <param name="Version">Its version, sent back when taking it away.</param>
/// <param name="UserId">The account.</param>
/// <param name="Name">The account's display name.</param>
/// <param name="Email">The account's email address.</param>
/// <param name="Role">The role.</param>
/// <param name="EvaluatorId">For an evaluator or moderator, their id in the tender.</param>
/// <param name="Scope">The lots, or sections of lots, covered; empty means all.</param>
public sealed record PersonOnTender(Guid MembershipId, long Version, string UserId, string Name, string Email, TenderRole Role, string? EvaluatorId, IReadOnlyList<LotScope> Scope);

/// <summary>A lot, or one section of it.</summary>
/// <param name="LotId">The lot's id.</param>
/// <param name="SectionId">The section's id, or null for the whole lot.</param>
public sealed record LotScope(string LotId, string? SectionId)
{
    /// <inheritdoc />
    public override string ToString() => SectionId is null ? LotId : $"{LotId}, section {SectionId}";
}

/// <summary>A bid as one person may see it.</summary>
/// <param name="Id">The bid's id.</param>
/// <param name="Version">Its version, sent back when linking it to an organisation.</param>
/// <param name="LotId">The lot bid for.</param>
/// <param name="Provider">The provider's name as the bid gives it.</param>
/// <param name="OrganisationId">The provider organisation on this site that submitted it, once linked.</param>
/// <param name="OrganisationName">That organisation's name.</param>
/// <param name="Price">The prices, or null when this person may not see them.</param>
/// <param name="Answers">How many questions the bid answers.</param>
public sealed record BidOnTender(string Id, long Version, string LotId, string Provider, Guid? OrganisationId, string? OrganisationName, PriceSchedule? Price, int Answers);

/// <summary>An evaluator's score as one person may see it.</summary>
/// <param name="Score">The score.</param>
/// <param name="Submitted">Whether the evaluator has submitted it.</param>
/// <param name="Version">Its version, sent back with a change.</param>
public sealed record ScoreOnTender(EvaluatorScore Score, bool Submitted, long Version);

/// <summary>
/// The tenders a team works on, as each person may see and change them. Every method takes the
/// signed-in person and checks their roles on the tender before reading or changing anything:
/// a person with no role on a tender is told there is no such tender (so a guessed address
/// shows nothing), and a change their roles do not allow is refused with the reason. The
/// changes themselves are made by <see cref="TenderStore"/>, which checks the stage, writes the
/// audit entry and guards against overwriting someone else's save.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="store">Saves changes.</param>
public sealed class TeamTenders(ICommissioningContextFactory contexts, TenderStore store)
{
    private const string NoSuchTender = "There is no such tender.";

    /// <summary>The account as the application sees it, with its site-wide roles and organisation; null when there is no such account.</summary>
    public async Task<SiteUser?> UserAsync(string userId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        await using var db = contexts.Create();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.OrganisationId, Kind = u.Organisation == null ? (OrganisationKind?)null : u.Organisation.Kind })
            .SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        if (account is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name).ToListAsync(cancel).ConfigureAwait(false);
        var name = string.IsNullOrWhiteSpace(account.DisplayName) ? account.Email ?? account.Id : account.DisplayName;
        return new SiteUser(account.Id, name, roles.Contains(SiteRoles.Administrator), roles.Contains(SiteRoles.Commissioner), account.OrganisationId, account.Kind);
    }

    /// <summary>The tenders this person has a role on, or that their provider organisation bid for; newest first.</summary>
    public async Task<IReadOnlyList<TenderListItem>> ListAsync(SiteUser user, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = contexts.Create();
        var roles = await db.TenderMemberships.AsNoTracking().Where(m => m.UserId == user.UserId)
            .Select(m => new { m.TenderId, m.Role, m.EvaluatorKey }).ToListAsync(cancel).ConfigureAwait(false);
        var bidFor = user.IsProvider
            ? await db.Bids.AsNoTracking().Where(b => b.ProviderOrganisationId == user.OrganisationId).Select(b => b.TenderId).Distinct().ToListAsync(cancel).ConfigureAwait(false)
            : [];
        var ids = roles.Select(r => r.TenderId).Concat(bidFor).ToHashSet();
        var tenders = await db.Tenders.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new TenderSummary(t.Id, t.Title, t.Stage, t.Version, t.StandstillEndsOn, t.CancellationReason))
            .ToListAsync(cancel).ConfigureAwait(false);
        return [.. tenders.OrderByDescending(t => t.Id).Select(t => new TenderListItem(t,
        [
            .. roles.Where(r => r.TenderId == t.Id).OrderBy(r => r.Role).Select(r => r.EvaluatorKey is null ? r.Role.ToString() : $"{r.Role} ({r.EvaluatorKey})"),
            .. bidFor.Contains(t.Id) ? ["Bidder"] : Array.Empty<string>(),
        ]))];
    }

    /// <summary>What this person may do on a tender; null when there is no such tender or they have no role on it.</summary>
    public async Task<TenderPermissions?> OpenAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = contexts.Create();
        return await OpenAsync(db, user, tenderId, cancel).ConfigureAwait(false);
    }

    private static async Task<TenderPermissions?> OpenAsync(CommissioningDbContext db, SiteUser user, Guid tenderId, CancellationToken cancel)
    {
        var tender = await db.Tenders.AsNoTracking().Where(t => t.Id == tenderId)
            .Select(t => new { Summary = new TenderSummary(t.Id, t.Title, t.Stage, t.Version, t.StandstillEndsOn, t.CancellationReason), t.EvaluatorsSeePrices })
            .SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return null;
        }

        var roles = await db.TenderMemberships.AsNoTracking().Include(m => m.Scope)
            .Where(m => m.TenderId == tenderId && m.UserId == user.UserId).ToListAsync(cancel).ConfigureAwait(false);
        var ownBids = user.IsProvider
            ? await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId && b.ProviderOrganisationId == user.OrganisationId).Select(b => b.Key).ToListAsync(cancel).ConfigureAwait(false)
            : [];
        var permissions = new TenderPermissions(tender.Summary, user, roles, ownBids.ToHashSet(StringComparer.Ordinal), tender.EvaluatorsSeePrices);
        return permissions.Allows(TenderOperation.View) ? permissions : null;
    }

    /// <summary>
    /// Opens the tender for one operation: not found when the person has no role on it (or the
    /// role does not cover the operation), so nothing says the tender exists.
    /// </summary>
    public async Task<Outcome<TenderPermissions>> RequireAsync(SiteUser user, Guid tenderId, TenderOperation operation, CancellationToken cancel = default)
    {
        var permissions = await OpenAsync(user, tenderId, cancel).ConfigureAwait(false);
        return permissions is not null && permissions.Allows(operation)
            ? Outcome<TenderPermissions>.Success(permissions)
            : Outcome<TenderPermissions>.Fail(FailureKind.NotFound, NoSuchTender);
    }

    /// <summary>
    /// Imports a tender file as a new draft tender that this person owns. Only a commissioner may;
    /// the tender and the owner's role are saved in one transaction, or nothing is.
    /// </summary>
    public async Task<Outcome<Guid>> ImportAsync(SiteUser user, string json, StandardsCatalogue? standards, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsCommissioner
            ? Outcome<Guid>.Fail(FailureKind.Refused, "Only a commissioner can import a tender. Ask an administrator to give your account the commissioner role.")
            : await store.ImportAsync(json, user.Actor, standards, owner: user.UserId, cancel).ConfigureAwait(false);
    }

    /// <summary>The tender's people, for its owner and observers.</summary>
    public async Task<Outcome<IReadOnlyList<PersonOnTender>>> PeopleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        var access = await RequireAsync(user, tenderId, TenderOperation.ViewPeople, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<IReadOnlyList<PersonOnTender>>();
        }

        await using var db = contexts.Create();
        var rows = await (from m in db.TenderMemberships.AsNoTracking().Include(m => m.Scope)
                          join u in db.Users on m.UserId equals u.Id
                          where m.TenderId == tenderId
                          select new { m, u.DisplayName, u.Email }).ToListAsync(cancel).ConfigureAwait(false);
        return Outcome<IReadOnlyList<PersonOnTender>>.Success(
        [
            .. rows.OrderBy(r => r.m.Role).ThenBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase)
                .Select(r => new PersonOnTender(r.m.Id, r.m.Version, r.m.UserId, r.DisplayName, r.Email ?? string.Empty, r.m.Role, r.m.EvaluatorKey,
                    [.. r.m.Scope.OrderBy(s => s.LotKey, StringComparer.Ordinal).ThenBy(s => s.SectionKey, StringComparer.Ordinal).Select(s => new LotScope(s.LotKey, s.SectionKey))])),
        ]);
    }

    /// <summary>Gives the account with this email address a role on the tender. Only the owner may.</summary>
    public async Task<Outcome<Guid>> AddPersonAsync(SiteUser user, Guid tenderId, string email, TenderRole role, string? evaluatorId, IReadOnlyList<LotScope> scope, string? reason, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(scope);
        var access = await RequireAsync(user, tenderId, TenderOperation.ManagePeople, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Guid>();
        }

        await using var db = contexts.Create();
        var normalised = email.Trim().ToUpperInvariant();
        var account = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised).Select(u => new { u.Id, Kind = u.Organisation == null ? (OrganisationKind?)null : u.Organisation.Kind })
            .SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        if (account is null)
        {
            return Outcome<Guid>.Fail(FailureKind.Invalid, "There is no account with that email address. Ask an administrator to create one first.", new FormFieldLocation("Email"));
        }

        if (account.Kind == OrganisationKind.Provider)
        {
            return Outcome<Guid>.Fail(FailureKind.Invalid, "This account belongs to a provider. A provider cannot have a role on a tender it may bid for; link its organisation to its bid instead.", new FormFieldLocation("Email"));
        }

        return await store.AddMembershipAsync(tenderId, user.Actor, account.Id, role, Blank(evaluatorId), [.. scope.Select(s => (s.LotId, s.SectionId))], Blank(reason), cancel).ConfigureAwait(false);
    }

    /// <summary>Takes a role away. Only the owner may, and the last owner cannot be removed.</summary>
    public async Task<Outcome<bool>> RemovePersonAsync(SiteUser user, Guid tenderId, Guid membershipId, long expectedVersion, string? reason, CancellationToken cancel = default)
    {
        var access = await RequireAsync(user, tenderId, TenderOperation.ManagePeople, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<bool>();
        }

        await using var db = contexts.Create();
        var owners = await db.TenderMemberships.AsNoTracking().Where(m => m.TenderId == tenderId && m.Role == TenderRole.Owner).Select(m => m.Id).ToListAsync(cancel).ConfigureAwait(false);
        return owners is [var only] && only == membershipId
            ? Outcome<bool>.Fail(FailureKind.Refused, "This is the tender's only owner. Give someone else the owner role before taking this one away.")
            : await store.RemoveMembershipAsync(tenderId, user.Actor, membershipId, expectedVersion, Blank(reason), cancel).ConfigureAwait(false);
    }

    /// <summary>The bids this person may see, with prices only where they may see them.</summary>
    public async Task<Outcome<IReadOnlyList<BidOnTender>>> BidsAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        var access = await RequireAsync(user, tenderId, TenderOperation.View, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<IReadOnlyList<BidOnTender>>();
        }

        var permissions = access.Value;
        await using var db = contexts.Create();
        var rows = await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId).OrderBy(b => b.Position)
            .Select(b => new { b.Key, b.Version, b.LotKey, b.Provider, b.ProviderOrganisationId, Organisation = db.Organisations.Where(o => o.Id == b.ProviderOrganisationId).Select(o => o.Name).FirstOrDefault(), Answers = b.Answers.Count })
            .ToListAsync(cancel).ConfigureAwait(false);
        var visible = rows.Where(b => permissions.MaySeeBid(b.Key, b.LotKey)).ToList();
        var priced = visible.Where(b => permissions.MaySeePrices(b.Key, b.LotKey)).Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        var prices = new Dictionary<string, PriceSchedule>(StringComparer.Ordinal);
        if (priced.Count > 0)
        {
            var bids = await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId && priced.Contains(b.Key)).Include(b => b.Prices).ToListAsync(cancel).ConfigureAwait(false);
            foreach (var bid in bids)
            {
                prices[bid.Key] = TenderMapping.ToPriceSchedule(bid);
            }
        }

        return Outcome<IReadOnlyList<BidOnTender>>.Success(
            [.. visible.Select(b => new BidOnTender(b.Key, b.Version, b.LotKey, b.Provider, b.ProviderOrganisationId, b.Organisation, prices.GetValueOrDefault(b.Key), b.Answers))]);
    }

    /// <summary>
    /// Records which provider organisation on this site submitted a bid (or clears it), so that its
    /// accounts can see that bid and nothing else. Only the owner may; audited.
    /// </summary>
    public async Task<Outcome<Saved>> LinkBidAsync(SiteUser user, Guid tenderId, string bidId, Guid? organisationId, long expectedVersion, string? reason, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(bidId);
        var access = await RequireAsync(user, tenderId, TenderOperation.ManagePeople, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Saved>();
        }

        return await store.LinkBidAsync(tenderId, user.Actor, bidId, organisationId, expectedVersion, Blank(reason), cancel).ConfigureAwait(false);
    }

    /// <summary>Lets evaluators and moderators see prices, or keeps prices from them. Only the owner may; audited.</summary>
    public async Task<Outcome<Saved>> SetEvaluatorsSeePricesAsync(SiteUser user, Guid tenderId, bool evaluatorsSeePrices, long expectedVersion, string? reason, CancellationToken cancel = default)
    {
        var access = await RequireAsync(user, tenderId, TenderOperation.ManagePeople, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Saved>();
        }

        return await store.SetEvaluatorsSeePricesAsync(tenderId, user.Actor, evaluatorsSeePrices, expectedVersion, Blank(reason), cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// The scores this person may see (all bids, or one): an evaluator sees their own until they
    /// have submitted them all, then also others' submitted scores on what they cover; a moderator
    /// every score on what they moderate; owners and observers every score.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<ScoreOnTender>>> ScoresAsync(SiteUser user, Guid tenderId, string? bidId = null, CancellationToken cancel = default)
    {
        var access = await RequireAsync(user, tenderId, TenderOperation.ViewScores, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<IReadOnlyList<ScoreOnTender>>();
        }

        var permissions = access.Value;
        await using var db = contexts.Create();
        var layout = await LayoutAsync(db, tenderId, cancel).ConfigureAwait(false);
        var query = db.EvaluatorScores.AsNoTracking().Where(s => s.TenderId == tenderId);
        if (bidId is not null)
        {
            query = query.Where(s => s.BidKey == bidId);
        }

        var own = permissions.EvaluatorKeys;
        var ownRows = await db.EvaluatorScores.AsNoTracking().Where(s => s.TenderId == tenderId && own.Contains(s.EvaluatorKey))
            .GroupBy(s => s.Submitted).Select(g => g.Key).ToListAsync(cancel).ConfigureAwait(false);
        var ownSubmitted = ownRows is [true];
        var rows = await query.OrderBy(s => s.Position).ToListAsync(cancel).ConfigureAwait(false);
        var visible = new List<ScoreOnTender>();
        foreach (var row in rows)
        {
            var score = TenderMapping.ToScore(row);
            if (layout.Where(score) is { } where && permissions.MaySeeBid(score.BidId, where.LotId)
                && permissions.MaySeeScore(score, row.Submitted, where.LotId, where.SectionId, ownSubmitted))
            {
                visible.Add(new ScoreOnTender(score, row.Submitted, row.Version));
            }
        }

        return Outcome<IReadOnlyList<ScoreOnTender>>.Success(visible);
    }

    /// <summary>Saves one of this person's own scores, on a question they are assigned. See <see cref="TenderStore.SaveScoreAsync"/>.</summary>
    public async Task<Outcome<Saved>> SaveScoreAsync(SiteUser user, Guid tenderId, EvaluatorScore score, long? expectedVersion, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        var access = await RequireAsync(user, tenderId, TenderOperation.Score, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Saved>();
        }

        await using var db = contexts.Create();
        var where = await PlaceAsync(db, tenderId, score.BidId, score.QuestionId, cancel).ConfigureAwait(false);
        return where is not null && !access.Value.MayScoreAs(score.EvaluatorId, where.LotId, where.SectionId)
            ? Outcome<Saved>.Fail(FailureKind.Refused, $"You can save scores only as yourself, on the lots and sections you are assigned to evaluate. You are not assigned to score {score.QuestionId} of bid {score.BidId} as {score.EvaluatorId}.")
            : await store.SaveScoreAsync(tenderId, user.Actor, score, expectedVersion, cancel).ConfigureAwait(false);
    }

    /// <summary>Submits this person's own scores as <paramref name="evaluatorId"/>.</summary>
    public async Task<Outcome<int>> SubmitScoresAsync(SiteUser user, Guid tenderId, string evaluatorId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(evaluatorId);
        var access = await RequireAsync(user, tenderId, TenderOperation.Score, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<int>();
        }

        return !access.Value.EvaluatorKeys.Contains(evaluatorId, StringComparer.Ordinal)
            ? Outcome<int>.Fail(FailureKind.Refused, $"You can submit only your own scores; you are not {evaluatorId} on this tender.")
            : await store.SubmitScoresAsync(tenderId, user.Actor, evaluatorId, cancel).ConfigureAwait(false);
    }

    /// <summary>Records a consensus score, as this person's own moderator id, on a lot they moderate.</summary>
    public async Task<Outcome<Saved>> ModerateAsync(SiteUser user, Guid tenderId, ModeratedScore moderated, long? expectedVersion, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(moderated);
        var access = await RequireAsync(user, tenderId, TenderOperation.Moderate, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Saved>();
        }

        await using var db = contexts.Create();
        var where = await PlaceAsync(db, tenderId, moderated.BidId, moderated.QuestionId, cancel).ConfigureAwait(false);
        if (where is null)
        {
            return Outcome<Saved>.Fail(FailureKind.Invalid, $"This tender has no question {moderated.QuestionId} for bid {moderated.BidId}.", new FormFieldLocation("QuestionId"));
        }

        return !access.Value.MayModerateAs(moderated.ModeratorId, where.LotId, where.SectionId)
            ? Outcome<Saved>.Fail(FailureKind.Refused, $"You can record consensus scores only as yourself, on the lots you moderate. You do not moderate {moderated.QuestionId} of bid {moderated.BidId} as {moderated.ModeratorId}.")
            : await store.RecordModerationAsync(tenderId, user.Actor, moderated, expectedVersion, cancel).ConfigureAwait(false);
    }

    /// <summary>Records a gate decision. Only the owner may.</summary>
    public async Task<Outcome<Saved>> RecordGateDecisionAsync(SiteUser user, Guid tenderId, GateDecision decision, long? expectedVersion, CancellationToken cancel = default)
    {
        var access = await RequireAsync(user, tenderId, TenderOperation.Decide, cancel).ConfigureAwait(false);
        return access.Succeeded
            ? await store.RecordGateDecisionAsync(tenderId, user.Actor, decision, expectedVersion, cancel).ConfigureAwait(false)
            : access.As<Saved>();
    }

    /// <summary>Moves the tender to another stage. Only the owner may.</summary>
    public async Task<Outcome<TenderSummary>> ChangeStageAsync(SiteUser user, Guid tenderId, TenderStage to, string? reason, long expectedVersion, DateOnly? noticesSentOn = null, CancellationToken cancel = default)
    {
        var access = await RequireAsync(user, tenderId, TenderOperation.ChangeStage, cancel).ConfigureAwait(false);
        return access.Succeeded
            ? await store.ChangeStageAsync(tenderId, user.Actor, to, Blank(reason), expectedVersion, noticesSentOn, cancel).ConfigureAwait(false)
            : access.As<TenderSummary>();
    }

    /// <summary>The tender's audit trail, for its owner and observers.</summary>
    public async Task<Outcome<IReadOnlyList<AuditEntryRow>>> AuditAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        var access = await RequireAsync(user, tenderId, TenderOperation.ViewAudit, cancel).ConfigureAwait(false);
        return access.Succeeded
            ? Outcome<IReadOnlyList<AuditEntryRow>>.Success(await store.AuditAsync(tenderId, cancel).ConfigureAwait(false))
            : access.As<IReadOnlyList<AuditEntryRow>>();
    }

    /// <summary>The whole tender as an <c>oh-tender</c> file, for its owner and observers.</summary>
    public async Task<Outcome<string>> ExportAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        var access = await RequireAsync(user, tenderId, TenderOperation.Export, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<string>();
        }

        var json = await store.ExportAsync(tenderId, cancel).ConfigureAwait(false);
        return json is null ? Outcome<string>.Fail(FailureKind.NotFound, NoSuchTender) : Outcome<string>.Success(json);
    }

    /// <summary>The provider organisations, for linking a bid.</summary>
    public async Task<IReadOnlyList<OrganisationRow>> ProviderOrganisationsAsync(CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var rows = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Provider).ToListAsync(cancel).ConfigureAwait(false);
        return [.. rows.OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Where each bid and question sits: a bid's lot, and a lot's question's section.</summary>
    private sealed class Layout(Dictionary<string, string> bidLots, Dictionary<(string Lot, string Question), string> sections)
    {
        public Place? Where(EvaluatorScore score) =>
            bidLots.TryGetValue(score.BidId, out var lot) && sections.TryGetValue((lot, score.QuestionId), out var section) ? new Place(lot, section) : null;
    }

    private sealed record Place(string LotId, string SectionId);

    private static async Task<Layout> LayoutAsync(CommissioningDbContext db, Guid tenderId, CancellationToken cancel)
    {
        var bids = await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId).Select(b => new { b.Key, b.LotKey }).ToListAsync(cancel).ConfigureAwait(false);
        var questions = await (from q in db.Questions
                               join s in db.Sections on q.SectionId equals s.Id
                               join l in db.Lots on s.LotId equals l.Id
                               where l.TenderId == tenderId
                               select new { Lot = l.Key, Section = s.Key, Question = q.Key }).ToListAsync(cancel).ConfigureAwait(false);
        return new Layout(
            bids.ToDictionary(b => b.Key, b => b.LotKey, StringComparer.Ordinal),
            questions.ToDictionary(q => (q.Lot, q.Question), q => q.Section));
    }

    /// <summary>Where one bid's question sits (its lot and section), or null when the tender has no such bid or question: one query, for a single save.</summary>
    private static async Task<Place?> PlaceAsync(CommissioningDbContext db, Guid tenderId, string bidId, string questionId, CancellationToken cancel)
    {
        var place = await (from b in db.Bids
                           join l in db.Lots on new { b.TenderId, Key = b.LotKey } equals new { l.TenderId, l.Key }
                           join s in db.Sections on l.Id equals s.LotId
                           join q in db.Questions on s.Id equals q.SectionId
                           where b.TenderId == tenderId && b.Key == bidId && q.Key == questionId
                           select new { Lot = l.Key, Section = s.Key }).FirstOrDefaultAsync(cancel).ConfigureAwait(false);
        return place is null ? null : new Place(place.Lot, place.Section);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
