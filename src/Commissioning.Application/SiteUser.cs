using Commissioning.Core.Lifecycle;

namespace Commissioning.Application;

/// <summary>
/// The signed-in person, as the application needs them: their account, the name shown in the
/// audit trail, their site-wide roles and their organisation.
/// </summary>
/// <param name="UserId">The account's id.</param>
/// <param name="Name">The name shown to others and in the audit trail.</param>
/// <param name="IsAdministrator">Manages accounts. Gives no access to any tender by itself.</param>
/// <param name="IsCommissioner">May create and import tenders, and becomes the owner of those.</param>
/// <param name="OrganisationId">The organisation the account belongs to, if any.</param>
/// <param name="OrganisationKind">Whether that organisation buys or provides, if there is one.</param>
public sealed record SiteUser(string UserId, string Name, bool IsAdministrator, bool IsCommissioner, Guid? OrganisationId, OrganisationKind? OrganisationKind)
{
    /// <summary>The account as the audit trail records it.</summary>
    public Actor Actor => new(UserId, Name);

    /// <summary>An account of a provider organisation: it sees only its own organisation's submissions.</summary>
    public bool IsProvider => OrganisationKind == Core.Lifecycle.OrganisationKind.Provider && OrganisationId is not null;
}
