using Commissioning.Core.Lifecycle;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Data.Entities;

/// <summary>An organisation with accounts on the site.</summary>
public sealed class OrganisationRow : EditableRow
{
    /// <summary>Name.</summary>
    public required string Name { get; set; }
    /// <summary>Buyer or provider.</summary>
    public OrganisationKind Kind { get; set; }
}

/// <summary>
/// A person's account (ASP.NET Core Identity). A provider's user belongs to exactly one provider
/// organisation and sees only its data; a buyer's user may belong to a buyer organisation.
/// </summary>
public sealed class UserAccount : IdentityUser
{
    /// <summary>The name shown to others and in the audit trail.</summary>
    public string DisplayName { get; set; } = string.Empty;
    /// <summary>The organisation the account belongs to.</summary>
    public Guid? OrganisationId { get; set; }
    /// <summary>The organisation.</summary>
    public OrganisationRow? Organisation { get; set; }
}

/// <summary>One person's role on one tender. A person may hold several roles on a tender, one row each.</summary>
public sealed class TenderMembershipRow : EditableRow
{
    /// <summary>The tender.</summary>
    public Guid TenderId { get; set; }
    /// <summary>The account.</summary>
    public required string UserId { get; set; }
    /// <summary>The role.</summary>
    public TenderRole Role { get; set; }
    /// <summary>For an evaluator or moderator: the evaluator id in the tender whose scores are theirs.</summary>
    public string? EvaluatorKey { get; set; }
    /// <summary>For an evaluator or moderator: the lots, or sections of lots, it covers. None means the whole tender.</summary>
    public List<MembershipScopeRow> Scope { get; set; } = [];
}

/// <summary>A lot, or one section of a lot, that an evaluator or moderator covers.</summary>
public sealed class MembershipScopeRow
{
    /// <summary>Key.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The membership.</summary>
    public Guid MembershipId { get; set; }
    /// <summary>The lot's id.</summary>
    public required string LotKey { get; set; }
    /// <summary>The section's id, or null for the whole lot.</summary>
    public string? SectionKey { get; set; }
}

/// <summary>
/// One entry of the append-only audit trail: who changed what, when, from what to what, and why.
/// Written in the same transaction as the change; the database refuses to update or delete it.
/// </summary>
public sealed class AuditEntryRow
{
    /// <summary>Sequence number: the order the entries were written in.</summary>
    public long Id { get; set; }
    /// <summary>When (from the injected clock).</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>The account that made the change, or null for the system.</summary>
    public string? UserId { get; set; }
    /// <summary>The name shown for who made the change.</summary>
    public required string UserName { get; set; }
    /// <summary>The tender the change belongs to, if any.</summary>
    public Guid? TenderId { get; set; }
    /// <summary>What kind of thing changed, such as <c>EvaluatorScore</c>.</summary>
    public required string Entity { get; set; }
    /// <summary>Which one, in words people can follow, such as <c>e1/bid-a/Q1.1</c>.</summary>
    public required string EntityKey { get; set; }
    /// <summary>What was done, such as <c>Created</c>, <c>Changed</c>, <c>Submitted</c>, <c>StageChanged</c>.</summary>
    public required string Action { get; set; }
    /// <summary>The value before, as JSON; null when it was created.</summary>
    public string? Before { get; set; }
    /// <summary>The value after, as JSON; null when it was removed.</summary>
    public string? After { get; set; }
    /// <summary>Why, where a reason is required.</summary>
    public string? Reason { get; set; }
}

/// <summary>
/// A provider's readiness check: the declarations its organisation made against the standards,
/// kept so that the organisation's accounts can come back to it. Seen only by accounts of the
/// same provider organisation.
/// </summary>
public sealed class ReadinessCheckRow : EditableRow
{
    /// <summary>The provider organisation it belongs to.</summary>
    public Guid OrganisationId { get; set; }
    /// <summary>A name the provider gives it, such as the tender it prepares for.</summary>
    public required string Title { get; set; }
    /// <summary>The provider's name as the declarations give it.</summary>
    public required string Provider { get; set; }
    /// <summary>The declarations, as an <c>oh-declarations</c> file.</summary>
    public required string DeclarationsJson { get; set; }
    /// <summary>
    /// The tender it checks against, one the organisation is invited to; null when it checks
    /// against the standards or an uploaded tender file.
    /// </summary>
    public Guid? TenderId { get; set; }
    /// <summary>The lot of that tender (or of the uploaded file) it checks against.</summary>
    public string? LotKey { get; set; }
    /// <summary>An uploaded <c>oh-tender</c> file it checks against, as uploaded; null otherwise.</summary>
    public string? TenderFileJson { get; set; }
    /// <summary>When it was saved (from the injected clock).</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The account that saved it.</summary>
    public required string CreatedBy { get; set; }
}

/// <summary>
/// A provider organisation invited to bid for a tender: its accounts see the tender, download the
/// response workbooks and upload their own bids until the bid deadline, and see nothing of others'.
/// </summary>
public sealed class TenderInvitationRow
{
    /// <summary>Key.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The tender.</summary>
    public Guid TenderId { get; set; }
    /// <summary>The provider organisation.</summary>
    public Guid OrganisationId { get; set; }
    /// <summary>When it was invited.</summary>
    public DateTimeOffset InvitedAt { get; set; }
}
