using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;

namespace Commissioning.Application.Tenders;

/// <summary>A tender as listed: id, title, stage, and the version to send back with a stage change.</summary>
/// <param name="Id">The tender's id.</param>
/// <param name="Title">Title.</param>
/// <param name="Stage">The lifecycle stage.</param>
/// <param name="Version">The tender row's version.</param>
/// <param name="StandstillEndsOn">The last day of standstill, once notices are sent.</param>
/// <param name="CancellationReason">Why it was cancelled, if it was.</param>
public sealed record TenderSummary(Guid Id, string Title, TenderStage Stage, long Version, DateOnly? StandstillEndsOn, string? CancellationReason);

/// <summary>A saved row's new version, to send back with the next change to it.</summary>
/// <param name="Version">The version now stored.</param>
public sealed record Saved(long Version);

/// <summary>A tender in someone's list, with what they are on it.</summary>
/// <param name="Tender">The tender.</param>
/// <param name="Roles">Their roles, in words, such as <c>Owner</c> or <c>Evaluator (e1)</c>, or <c>Bidder</c> for a provider.</param>
/// <param name="Reference">The buyer's reference, if any.</param>
/// <param name="CreatedAt">When the tender was created or imported here: with the reference, what tells two tenders of one title apart.</param>
public sealed record TenderListItem(TenderSummary Tender, IReadOnlyList<string> Roles, string? Reference = null, DateTimeOffset? CreatedAt = null);

/// <summary>A lot, or one section of it.</summary>
/// <param name="LotId">The lot's id.</param>
/// <param name="SectionId">The section's id, or null for the whole lot.</param>
public sealed record LotScope(string LotId, string? SectionId)
{
    /// <inheritdoc />
    public override string ToString() => SectionId is null ? LotId : $"{LotId}, section {SectionId}";
}

/// <summary>One of a person's roles on a tender, as the permissions need it.</summary>
/// <param name="Role">The role.</param>
/// <param name="EvaluatorId">For an evaluator or moderator, their id in the tender.</param>
/// <param name="Scope">The lots, or sections of lots, covered; empty means all.</param>
public sealed record RoleOnTender(TenderRole Role, string? EvaluatorId, IReadOnlyList<LotScope> Scope);

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

/// <summary>A bid as one person may see it.</summary>
/// <param name="Id">The bid's id.</param>
/// <param name="Version">Its version, sent back when linking it to an organisation.</param>
/// <param name="LotId">The lot bid for.</param>
/// <param name="Provider">The provider's name as the bid gives it.</param>
/// <param name="OrganisationId">The provider organisation on this site that submitted it, once linked.</param>
/// <param name="OrganisationName">That organisation's name.</param>
/// <param name="Price">The prices, or null when this person may not see them.</param>
/// <param name="Answers">How many questions the bid answers.</param>
/// <param name="RowId">Its row's key in storage: the address of its own pages, whatever its id holds.</param>
/// <param name="ReceivedAt">When it was received in the site from a workbook; null for a bid from a tender file.</param>
/// <param name="ReceivedLate">True when it was received after the bid deadline.</param>
public sealed record BidOnTender(string Id, long Version, string LotId, string Provider, Guid? OrganisationId, string? OrganisationName, PriceSchedule? Price, int Answers, Guid RowId, DateTimeOffset? ReceivedAt = null, bool ReceivedLate = false);

/// <summary>An evaluator's score as one person may see it.</summary>
/// <param name="Score">The score.</param>
/// <param name="Submitted">Whether the evaluator has submitted it.</param>
/// <param name="Version">Its version, sent back with a change.</param>
public sealed record ScoreOnTender(EvaluatorScore Score, bool Submitted, long Version);

/// <summary>A provider organisation on the site, for linking a bid to it.</summary>
/// <param name="Id">The organisation's id.</param>
/// <param name="Name">Its name.</param>
public sealed record ProviderOrganisation(Guid Id, string Name);
