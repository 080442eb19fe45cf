using System.Text.Json;
using Commissioning.Core.Lifecycle;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>A provider organisation invited to bid.</summary>
/// <param name="OrganisationId">The organisation.</param>
/// <param name="Name">Its name.</param>
/// <param name="InvitedAt">When it was invited.</param>
/// <param name="Bids">How many bids it has submitted or been linked to.</param>
public sealed record Invitation(Guid OrganisationId, string Name, DateTimeOffset InvitedAt, int Bids);

/// <summary>The invitations of a tender, and the provider organisations that could be invited.</summary>
/// <param name="Invited">The organisations invited, by name.</param>
/// <param name="Others">Provider organisations on this site not yet invited, by name.</param>
public sealed record Invitations(IReadOnlyList<Invitation> Invited, IReadOnlyList<ProviderOrganisation> Others);

/// <summary>The invitations to bid; for the owner.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class ListInvitations(ICommissioningContextFactory contexts)
{
    /// <summary>Who is invited and who could be.</summary>
    public async Task<Outcome<Invitations>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ReceiveBids, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Invitations>();
        }

        var invited = await (from i in db.TenderInvitations.AsNoTracking()
                             join o in db.Organisations.AsNoTracking() on i.OrganisationId equals o.Id
                             where i.TenderId == tenderId
                             select new { i.OrganisationId, o.Name, i.InvitedAt, Bids = db.Bids.Count(b => b.TenderId == tenderId && b.ProviderOrganisationId == i.OrganisationId) })
            .ToListAsync(cancel).ConfigureAwait(false);
        var invitedIds = invited.Select(i => i.OrganisationId).ToHashSet();
        var providers = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Provider).Select(o => new ProviderOrganisation(o.Id, o.Name)).ToListAsync(cancel).ConfigureAwait(false);
        return Outcome<Invitations>.Success(new Invitations(
            [.. invited.OrderBy(i => i.Name, StringComparer.CurrentCultureIgnoreCase).Select(i => new Invitation(i.OrganisationId, i.Name, i.InvitedAt, i.Bids))],
            [.. providers.Where(p => !invitedIds.Contains(p.Id)).OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)]));
    }
}

/// <summary>
/// Invites a provider organisation on this site to bid, or withdraws the invitation. The owner
/// only, while the tender is a draft or open for bids; audited. Withdrawing an invitation leaves
/// any bid the organisation has submitted where it is (and still theirs to see).
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the invitation and the audit trail.</param>
public sealed class ChangeInvitation(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Invites (<paramref name="invite"/> true) or withdraws the invitation; the organisation's name when done.</summary>
    public async Task<Outcome<string>> HandleAsync(SiteUser user, Guid tenderId, Guid organisationId, bool invite, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = contexts.Create();
        var tender = await TenderChanges.ReadForStageDependentChangeAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return TenderChanges.NotFound<string>();
        }

        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ReceiveBids, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<string>();
        }

        if (tender.Stage is not (TenderStage.Draft or TenderStage.OpenForBids))
        {
            return Outcome<string>.Fail(FailureKind.Refused, "Providers are invited while the tender is a draft or open for bids, and it is neither now.");
        }

        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancel).ConfigureAwait(false);
        if (organisation is null || organisation.Kind != OrganisationKind.Provider)
        {
            return Outcome<string>.Fail(FailureKind.Invalid, "Choose a provider organisation.", new FormFieldLocation("OrganisationId"));
        }

        var existing = await db.TenderInvitations.SingleOrDefaultAsync(i => i.TenderId == tenderId && i.OrganisationId == organisationId, cancel).ConfigureAwait(false);
        var details = JsonSerializer.Serialize(new { organisationId, organisation = organisation.Name });
        if (invite)
        {
            if (existing is not null)
            {
                return Outcome<string>.Fail(FailureKind.Invalid, $"{organisation.Name} is already invited.", new FormFieldLocation("OrganisationId"));
            }

            db.TenderInvitations.Add(new TenderInvitationRow { TenderId = tenderId, OrganisationId = organisationId, InvitedAt = time.GetUtcNow() });
            AuditTrail.Add(db, time, user.Actor, tenderId, "Invitation", organisationId.ToString(), "Created", null, details);
        }
        else
        {
            if (existing is null)
            {
                return Outcome<string>.Fail(FailureKind.Invalid, $"{organisation.Name} is not invited.", new FormFieldLocation("OrganisationId"));
            }

            db.TenderInvitations.Remove(existing);
            AuditTrail.Add(db, time, user.Actor, tenderId, "Invitation", organisationId.ToString(), "Removed", details, null);
        }

        return await TenderChanges.SaveAsync(db, tenderId, "Invitation", organisationId.ToString(), expectedVersion: null, () => organisation.Name, cancel).ConfigureAwait(false);
    }
}

/// <summary>One of a provider's own bids on a tender, with its receipt.</summary>
/// <param name="Id">The bid's reference.</param>
/// <param name="LotId">The lot.</param>
/// <param name="LotTitle">The lot's title.</param>
/// <param name="Provider">The provider's name as the bid gives it.</param>
/// <param name="Answers">How many questions it answers.</param>
/// <param name="ReceivedAt">When it was received; null for a bid the buyer added from a file.</param>
/// <param name="File">The workbook's name as uploaded.</param>
/// <param name="Sha256">The workbook's SHA-256.</param>
/// <param name="Bytes">The workbook's size.</param>
/// <param name="RowId">The bid's stored row, which addresses its withdrawal page.</param>
public sealed record OwnSubmission(string Id, string LotId, string LotTitle, string Provider, int Answers, DateTimeOffset? ReceivedAt, string? File, string? Sha256, int? Bytes, Guid RowId);

/// <summary>What a provider invited to bid sees of a tender: its lots, its deadline, and its own bids.</summary>
/// <param name="Tender">The tender.</param>
/// <param name="Lots">Each lot, by id and title.</param>
/// <param name="BidDeadline">The bid deadline, if the tender has one.</param>
/// <param name="Closed">Why no bid can be submitted now; null while the upload is open.</param>
/// <param name="Own">The provider organisation's own bids, each with its receipt.</param>
public sealed record Response(TenderSummary Tender, IReadOnlyList<(string Id, string Title)> Lots, DateOnly? BidDeadline, string? Closed, IReadOnlyList<OwnSubmission> Own);

/// <summary>A provider's view of a tender it is invited to: never another organisation's bid.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock, for the deadline.</param>
public sealed class ReadResponse(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>The lots, the deadline and the organisation's own bids.</summary>
    public async Task<Outcome<Response>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.SubmitBid, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<Response>();
        }

        var tender = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
        var organisation = user.OrganisationId;
        var own = await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId && b.ProviderOrganisationId == organisation).OrderBy(b => b.Position)
            .Select(b => new { b.Id, b.Key, b.LotKey, b.Provider, Answers = b.Answers.Count, b.ReceivedAt, b.ReceivedFile, b.ReceivedSha256, b.ReceivedBytes })
            .ToListAsync(cancel).ConfigureAwait(false);
        var stage = TenderLifecycle.Check(access.Value.Tender.Stage, TenderChange.Bid);
        string? closed = !stage.Allowed
            ? stage.Refusal
            : BidReceiving.IsLate(tender.BidDeadline, BidReceiving.UkToday(time))
                ? BidReceiving.ProviderUploadClosed(tender.BidDeadline!.Value)
                : null;
        return Outcome<Response>.Success(new Response(
            access.Value.Tender,
            [.. tender.Lots.Select(l => (l.Id, l.Title))],
            tender.BidDeadline,
            closed,
            [.. own.Select(b => new OwnSubmission(b.Key, b.LotKey, tender.FindLot(b.LotKey)?.Title ?? b.LotKey, b.Provider, b.Answers, b.ReceivedAt, b.ReceivedFile, b.ReceivedSha256, b.ReceivedBytes, b.Id))]));
    }
}
