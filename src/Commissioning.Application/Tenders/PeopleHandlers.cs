using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>The tender's people, for its owner and observers.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class ListPeople(ICommissioningContextFactory contexts)
{
    /// <summary>Every role on the tender, owners first, then by name.</summary>
    public async Task<Outcome<IReadOnlyList<PersonOnTender>>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ViewPeople, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<IReadOnlyList<PersonOnTender>>();
        }

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
}

/// <summary>
/// Gives the account with an email address a role on the tender: owner, evaluator or moderator
/// (with the evaluator id in the tender that is theirs and the lots or sections they cover; none
/// means all), or observer. Only the owner may; from evaluation on a reason is required; refused
/// once the tender is locked. Audited.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail.</param>
public sealed class AddPerson(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Adds the role; the new role's id.</summary>
    public async Task<Outcome<Guid>> HandleAsync(SiteUser user, Guid tenderId, string email, TenderRole role, string? evaluatorId, IReadOnlyList<LotScope> scope, string? reason, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(scope);
        evaluatorId = TenderGate.Blank(evaluatorId);
        reason = TenderGate.Blank(reason);
        await using var db = contexts.Create();
        var tender = await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return TenderChanges.NotFound<Guid>();
        }

        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ManagePeople, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Guid>();
        }

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


        if (TenderChanges.Refused<Guid>(tender.Stage, TenderChange.People, reason) is { } refused)
        {
            return refused;
        }

        var errors = new List<AppError>();
        if (role is TenderRole.Evaluator or TenderRole.Moderator)
        {
            if (evaluatorId is null || !await db.Evaluators.AnyAsync(e => e.TenderId == tenderId && e.Key == evaluatorId, cancel).ConfigureAwait(false))
            {
                errors.Add(new AppError("Choose which of the tender's evaluators this person is.", new FormFieldLocation("EvaluatorId")));
            }
            else if (await db.TenderMemberships.AnyAsync(m => m.TenderId == tenderId && m.EvaluatorKey == evaluatorId && m.UserId != account.Id, cancel).ConfigureAwait(false))
            {
                // One place, one person: a second account holding the same place would see the first's unsubmitted scores.
                errors.Add(new AppError($"Someone else already holds the evaluator place {evaluatorId}. Each place is one person's; take it away from them first.", new FormFieldLocation("EvaluatorId")));
            }
            else if (await db.TenderMemberships.AnyAsync(m => m.TenderId == tenderId && m.UserId == account.Id && m.EvaluatorKey != null && m.EvaluatorKey != evaluatorId, cancel).ConfigureAwait(false))
            {
                errors.Add(new AppError("This person already holds another evaluator place on this tender. A person holds one place per tender.", new FormFieldLocation("EvaluatorId")));
            }
        }
        else if (evaluatorId is not null || scope.Count > 0)
        {
            errors.Add(new AppError($"An {role.ToString().ToLowerInvariant()} is not an evaluator: leave the evaluator and the lots empty.", new FormFieldLocation("EvaluatorId")));
        }

        var lots = await db.Lots.AsNoTracking().Where(l => l.TenderId == tenderId).Include(l => l.Sections).ToListAsync(cancel).ConfigureAwait(false);
        foreach (var (lotId, sectionId) in scope)
        {
            var lot = lots.FirstOrDefault(l => l.Key == lotId);
            if (lot is null || (sectionId is not null && lot.Sections.All(x => x.Key != sectionId)))
            {
                errors.Add(new AppError(lot is null ? $"The tender has no lot '{lotId}'." : $"Lot {lotId} has no section '{sectionId}'.", new FormFieldLocation("Scope")));
            }
        }

        if (await db.TenderMemberships.AnyAsync(m => m.TenderId == tenderId && m.UserId == account.Id && m.Role == role, cancel).ConfigureAwait(false))
        {
            errors.Add(new AppError($"This person is already {(role == TenderRole.Owner ? "an owner" : "a " + role.ToString().ToLowerInvariant())} of this tender.", new FormFieldLocation("Role")));
        }

        if (errors.Count > 0)
        {
            return Outcome<Guid>.Fail(FailureKind.Invalid, errors);
        }

        var row = new TenderMembershipRow { TenderId = tenderId, UserId = account.Id, Role = role, EvaluatorKey = evaluatorId };
        row.Scope.AddRange(scope.Select(x => new MembershipScopeRow { MembershipId = row.Id, LotKey = x.LotId, SectionKey = x.SectionId }));
        db.TenderMemberships.Add(row);
        var key = $"{account.Id}/{role}";
        AuditTrail.Add(db, time, user.Actor, tenderId, "TenderMembership", key, "Created", null,
            System.Text.Json.JsonSerializer.Serialize(new { userId = account.Id, role = role.ToString(), evaluatorId, scope = scope.Select(x => new { lotId = x.LotId, sectionId = x.SectionId }) }), reason);
        return await TenderChanges.SaveAsync(db, tenderId, "TenderMembership", key, null, () => row.Id, cancel).ConfigureAwait(false);
    }
}

/// <summary>Takes a role on a tender away. Only the owner may; the last owner cannot be removed; from evaluation on a reason is required. Audited.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail.</param>
public sealed class RemovePerson(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Removes the role.</summary>
    public async Task<Outcome<bool>> HandleAsync(SiteUser user, Guid tenderId, Guid membershipId, long expectedVersion, string? reason, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        reason = TenderGate.Blank(reason);
        await using var db = contexts.Create();
        var tender = await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return TenderChanges.NotFound<bool>();
        }

        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ManagePeople, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<bool>();
        }

        var owners = await db.TenderMemberships.AsNoTracking().Where(m => m.TenderId == tenderId && m.Role == TenderRole.Owner).Select(m => m.Id).ToListAsync(cancel).ConfigureAwait(false);
        if (owners is [var only] && only == membershipId)
        {
            return Outcome<bool>.Fail(FailureKind.Refused, "This is the tender's only owner. Give someone else the owner role before taking this one away.");
        }

        var row = await db.TenderMemberships.Include(m => m.Scope).SingleOrDefaultAsync(m => m.Id == membershipId && m.TenderId == tenderId, cancel).ConfigureAwait(false);
        if (row is null)
        {
            return TenderChanges.NotFound<bool>();
        }

        if (TenderChanges.Refused<bool>(tender.Stage, TenderChange.People, reason) is { } refused)
        {
            return refused;
        }

        var key = $"{row.UserId}/{row.Role}";
        if (row.Version != expectedVersion)
        {
            return await TenderChanges.ConflictAsync<bool>(db, tenderId, "TenderMembership", key, expectedVersion, cancel).ConfigureAwait(false);
        }

        db.TenderMemberships.Remove(row);
        AuditTrail.Add(db, time, user.Actor, tenderId, "TenderMembership", key, "Removed",
            System.Text.Json.JsonSerializer.Serialize(new { userId = row.UserId, role = row.Role.ToString(), evaluatorId = row.EvaluatorKey }), null, reason);
        return await TenderChanges.SaveAsync(db, tenderId, "TenderMembership", key, expectedVersion, () => true, cancel).ConfigureAwait(false);
    }
}

/// <summary>The bids a person may see, with prices only where they may see them.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class ListBids(ICommissioningContextFactory contexts)
{
    /// <summary>The visible bids, in bid order.</summary>
    public async Task<Outcome<IReadOnlyList<BidOnTender>>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.View, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<IReadOnlyList<BidOnTender>>();
        }

        var permissions = access.Value;
        var rows = await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId).OrderBy(b => b.Position)
            .Select(b => new { b.Id, b.Key, b.Version, b.LotKey, b.ReceivedAt, b.ReceivedLate, b.Provider, b.ProviderOrganisationId, Organisation = db.Organisations.Where(o => o.Id == b.ProviderOrganisationId).Select(o => o.Name).FirstOrDefault(), Answers = b.Answers.Count })
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
            [.. visible.Select(b => new BidOnTender(b.Key, b.Version, b.LotKey, b.Provider, b.ProviderOrganisationId, b.Organisation, prices.GetValueOrDefault(b.Key), b.Answers, b.Id, b.ReceivedAt, b.ReceivedLate))]);
    }
}

/// <summary>The provider organisations on the site, for linking a bid; for a tender's owner.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class ListProviderOrganisations(ICommissioningContextFactory contexts)
{
    /// <summary>By name.</summary>
    public async Task<Outcome<IReadOnlyList<ProviderOrganisation>>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ManagePeople, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<IReadOnlyList<ProviderOrganisation>>();
        }

        var rows = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Provider).Select(o => new ProviderOrganisation(o.Id, o.Name)).ToListAsync(cancel).ConfigureAwait(false);
        return Outcome<IReadOnlyList<ProviderOrganisation>>.Success([.. rows.OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase)]);
    }
}

/// <summary>
/// Records which provider organisation on this site submitted a bid, or clears it, so that its
/// accounts see that bid and nothing else. Only the owner may; a change of who may see what, so
/// the stage rules for people apply. Audited.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail.</param>
public sealed class LinkBid(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Links (or, with no organisation, unlinks) the bid.</summary>
    public async Task<Outcome<Saved>> HandleAsync(SiteUser user, Guid tenderId, string bidId, Guid? organisationId, long expectedVersion, string? reason, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(bidId);
        reason = TenderGate.Blank(reason);
        await using var db = contexts.Create();
        var tender = await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return TenderChanges.NotFound<Saved>();
        }

        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ManagePeople, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Saved>();
        }


        if (TenderChanges.Refused<Saved>(tender.Stage, TenderChange.People, reason) is { } refused)
        {
            return refused;
        }

        var bid = await db.Bids.SingleOrDefaultAsync(b => b.TenderId == tenderId && b.Key == bidId, cancel).ConfigureAwait(false);
        if (bid is null)
        {
            return Outcome<Saved>.Fail(FailureKind.NotFound, $"This tender has no bid '{bidId}'.", new FormFieldLocation("BidId"));
        }

        string? name = null;
        if (organisationId is { } id)
        {
            var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancel).ConfigureAwait(false);
            if (organisation is null || organisation.Kind != OrganisationKind.Provider)
            {
                return Outcome<Saved>.Fail(FailureKind.Invalid, "Choose a provider organisation.", new FormFieldLocation("OrganisationId"));
            }

            name = organisation.Name;
        }

        var before = System.Text.Json.JsonSerializer.Serialize(new { organisationId = bid.ProviderOrganisationId });
        TenderChanges.Touch(db, bid, expectedVersion);
        bid.ProviderOrganisationId = organisationId;
        AuditTrail.Add(db, time, user.Actor, tenderId, "Bid", bidId, "OrganisationLinked", before,
            System.Text.Json.JsonSerializer.Serialize(new { organisationId, organisation = name }), reason);
        return await TenderChanges.SaveAsync(db, tenderId, "Bid", bidId, expectedVersion, () => new Saved(bid.Version), cancel).ConfigureAwait(false);
    }
}

/// <summary>
/// Lets evaluators and moderators see bids' prices, or keeps prices from them. Only the owner may;
/// a change of who may see what, so the stage rules for people apply; the version is the tender's,
/// so a stage change since the owner looked is a conflict. Audited.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail.</param>
public sealed class SetPriceVisibility(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Saves the setting.</summary>
    public async Task<Outcome<Saved>> HandleAsync(SiteUser user, Guid tenderId, bool evaluatorsSeePrices, long expectedVersion, string? reason, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        reason = TenderGate.Blank(reason);
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ManagePeople, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Saved>();
        }

        var tender = await db.Tenders.SingleOrDefaultAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return TenderChanges.NotFound<Saved>();
        }

        if (TenderChanges.Refused<Saved>(tender.Stage, TenderChange.People, reason) is { } refused)
        {
            return refused;
        }

        var key = tenderId.ToString();
        var before = System.Text.Json.JsonSerializer.Serialize(new { evaluatorsSeePrices = tender.EvaluatorsSeePrices });
        TenderChanges.Touch(db, tender, expectedVersion);
        tender.EvaluatorsSeePrices = evaluatorsSeePrices;
        AuditTrail.Add(db, time, user.Actor, tenderId, "Tender", key, "SettingChanged", before, System.Text.Json.JsonSerializer.Serialize(new { evaluatorsSeePrices }), reason);
        return await TenderChanges.SaveAsync(db, tenderId, "Tender", key, expectedVersion, () => new Saved(tender.Version), cancel).ConfigureAwait(false);
    }
}
