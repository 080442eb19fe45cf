using Commissioning.Core.Lifecycle;
using System.Text.Json;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Accounts;

/// <summary>A new account as an administrator (or the setup page) asks for it.</summary>
/// <param name="DisplayName">The name shown to others and in the audit trail.</param>
/// <param name="Email">The email address, which is also what the person signs in with.</param>
/// <param name="Password">The initial password; it must meet <see cref="PasswordPolicy"/>.</param>
/// <param name="Roles">Site roles, from <see cref="SiteRoles.All"/>.</param>
/// <param name="OrganisationId">An existing organisation, or null.</param>
/// <param name="NewOrganisationName">The name of an organisation to create for the account, or null.</param>
/// <param name="NewOrganisationKind">Whether the new organisation buys or provides.</param>
public sealed record NewAccount(
    string DisplayName,
    string Email,
    string Password,
    IReadOnlyList<string> Roles,
    Guid? OrganisationId = null,
    string? NewOrganisationName = null,
    OrganisationKind NewOrganisationKind = OrganisationKind.Buyer);

/// <summary>An account as the accounts page lists it.</summary>
/// <param name="Id">The account's id (the user id claim).</param>
/// <param name="DisplayName">Name shown.</param>
/// <param name="Email">Email address.</param>
/// <param name="Organisation">The organisation's name, or null.</param>
/// <param name="Roles">Site roles.</param>
/// <param name="LockedUntil">When the lockout ends, if the account is locked now.</param>
public sealed record AccountSummary(string Id, string DisplayName, string Email, string? Organisation, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil);

/// <summary>An organisation an account can belong to.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Name.</param>
/// <param name="Kind">Buyer or provider.</param>
public sealed record OrganisationChoice(Guid Id, string Name, OrganisationKind Kind);

/// <summary>
/// Accounts: the first administrator, creating accounts, listing them and unlocking them. Every
/// change is saved with its audit entry in one transaction. Pages call this; they hold no rules.
/// </summary>
/// <param name="db">The request's context, the one Identity's stores use.</param>
/// <param name="users">Identity's user manager (it applies <see cref="PasswordPolicy"/> and the lockout settings).</param>
/// <param name="roles">Identity's role manager.</param>
/// <param name="time">The clock for audit entries and lockout.</param>
public sealed class AccountService(CommissioningDbContext db, UserManager<UserAccount> users, RoleManager<IdentityRole> roles, TimeProvider time)
{
    /// <summary>The audit trail's name for an account.</summary>
    public const string AuditEntity = "Account";

    /// <summary>The audit trail's name for an organisation.</summary>
    public const string OrganisationAuditEntity = "Organisation";

    /// <summary>The form field names the errors point at.</summary>
    public static class Fields
    {
        /// <summary>Display name.</summary>
        public const string DisplayName = "Input.DisplayName";
        /// <summary>Email.</summary>
        public const string Email = "Input.Email";
        /// <summary>Password.</summary>
        public const string Password = "Input.Password";
        /// <summary>Roles.</summary>
        public const string Roles = "Input.Roles";
        /// <summary>Existing organisation.</summary>
        public const string Organisation = "Input.OrganisationId";
        /// <summary>New organisation's name.</summary>
        public const string NewOrganisationName = "Input.NewOrganisationName";
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Whether any account exists (while none does, the setup page is open).</summary>
    public Task<bool> AnyAccountAsync(CancellationToken cancel = default) => db.Users.AnyAsync(cancel);

    /// <summary>
    /// Creates the first administrator, only while no account exists. The check and the creation
    /// are one transaction that holds the database's write lock (SQLite: <c>BEGIN IMMEDIATE</c>;
    /// PostgreSQL: a lock on the accounts table), so two people sending the setup form at once
    /// cannot both succeed: the second finds an account and gets <see cref="FailureKind.NotFound"/>.
    /// </summary>
    public async Task<Outcome<AccountSummary>> CreateFirstAdministratorAsync(string displayName, string email, string password, CancellationToken cancel = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            // Conflicts with itself and with writes, not with reads: a second setup waits here.
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"AspNetUsers\" IN SHARE ROW EXCLUSIVE MODE", cancel).ConfigureAwait(false);
        }

        if (await db.Users.AnyAsync(cancel).ConfigureAwait(false))
        {
            return Outcome<AccountSummary>.Fail(FailureKind.NotFound, "The first administrator has already been set up. Sign in instead.");
        }

        // Administrator and commissioner: on a new service the first person usually both sets up
        // accounts and runs the first tender (the toolkit's judgement; more people get accounts later).
        var account = new NewAccount(displayName, email, password, [SiteRoles.Administrator, SiteRoles.Commissioner]);
        var user = NewUser(account, organisationId: null);
        var created = await CreateAsync(new Actor(user.Id, account.DisplayName.Trim()), account, user, cancel).ConfigureAwait(false);
        if (created.Succeeded)
        {
            await transaction.CommitAsync(cancel).ConfigureAwait(false);
        }

        return created;
    }

    /// <summary>
    /// Creates an account for an administrator: checks the roles, the organisation (an existing one,
    /// or a new one created with it), the email address (unique) and the password policy, then
    /// saves the account, its roles, any new organisation and their audit entries in one transaction.
    /// </summary>
    public async Task<Outcome<AccountSummary>> CreateAsync(Actor actor, NewAccount account, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        var errors = new List<AppError>();
        Guid? organisationId = account.OrganisationId;
        if (account.OrganisationId is { } existing && !await db.Organisations.AnyAsync(o => o.Id == existing, cancel).ConfigureAwait(false))
        {
            errors.Add(new AppError("Select an organisation from the list", new FormFieldLocation(Fields.Organisation)));
        }

        if (!string.IsNullOrWhiteSpace(account.NewOrganisationName))
        {
            var name = account.NewOrganisationName.Trim();
            var taken = await db.Organisations.AnyAsync(o => o.Name == name, cancel).ConfigureAwait(false);
            if (taken)
            {
                errors.Add(new AppError($"An organisation called {name} already exists. Select it from the list instead", new FormFieldLocation(Fields.NewOrganisationName)));
            }
            else if (errors.Count == 0)
            {
                var organisation = new OrganisationRow { Name = name, Kind = account.NewOrganisationKind };
                db.Organisations.Add(organisation);
                AuditTrail.Add(db, time, actor, null, OrganisationAuditEntity, name, "Created", null,
                    JsonSerializer.Serialize(new { name, kind = account.NewOrganisationKind.ToString() }, Json));
                organisationId = organisation.Id;
            }
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Outcome<AccountSummary>.Fail(FailureKind.Invalid, errors);
        }

        var created = await CreateAsync(actor, account, NewUser(account, organisationId), cancel).ConfigureAwait(false);
        if (created.Succeeded)
        {
            await transaction.CommitAsync(cancel).ConfigureAwait(false);
        }

        return created;
    }

    /// <summary>Every account, by name, with its organisation, roles and whether it is locked now.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancel = default)
    {
        var accounts = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, u.Email, Organisation = u.Organisation == null ? null : u.Organisation.Name, u.LockoutEnd })
            .ToListAsync(cancel).ConfigureAwait(false);
        var roleNames = await (from link in db.UserRoles
                               join role in db.Roles on link.RoleId equals role.Id
                               select new { link.UserId, role.Name })
            .ToListAsync(cancel).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return [.. accounts
            .Select(a => new AccountSummary(
                a.Id,
                a.DisplayName,
                a.Email ?? string.Empty,
                a.Organisation,
                [.. SiteRoles.All.Where(r => roleNames.Any(n => n.UserId == a.Id && n.Name == r))],
                a.LockoutEnd > now ? a.LockoutEnd : null))
            .OrderBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(a => a.Email, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The organisations, by name.</summary>
    public async Task<IReadOnlyList<OrganisationChoice>> OrganisationsAsync(CancellationToken cancel = default)
    {
        var list = await db.Organisations.AsNoTracking()
            .Select(o => new OrganisationChoice(o.Id, o.Name, o.Kind))
            .ToListAsync(cancel).ConfigureAwait(false);
        return [.. list.OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Ends an account's lockout and clears its count of failed sign-ins, with an audit entry.</summary>
    public async Task<Outcome<AccountSummary>> UnlockAsync(Actor actor, string userId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
        {
            return Outcome<AccountSummary>.Fail(FailureKind.NotFound, "There is no such account.");
        }

        var before = user.LockoutEnd;
        AuditTrail.Add(db, time, actor, null, AuditEntity, user.Email ?? user.Id, "Unlocked",
            JsonSerializer.Serialize(new { lockedUntil = before, failedSignIns = user.AccessFailedCount }, Json),
            JsonSerializer.Serialize(new { lockedUntil = (DateTimeOffset?)null, failedSignIns = 0 }, Json));
        var result = await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Outcome<AccountSummary>.Fail(FailureKind.Refused, result.Errors.Select(e => new AppError(e.Description)));
        }

        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return Outcome<AccountSummary>.Success((await ListAsync(cancel).ConfigureAwait(false)).Single(a => a.Id == user.Id));
    }

    /// <summary>Makes sure each site role exists (within the caller's transaction).</summary>
    private async Task EnsureRolesAsync()
    {
        foreach (var role in SiteRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                var result = await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"The site role {role} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }

    private static UserAccount NewUser(NewAccount account, Guid? organisationId)
    {
        var email = account.Email.Trim();
        return new UserAccount
        {
            UserName = email,
            Email = email,
            DisplayName = account.DisplayName.Trim(),
            OrganisationId = organisationId,
            LockoutEnabled = true,
        };
    }

    private async Task<Outcome<AccountSummary>> CreateAsync(Actor actor, NewAccount account, UserAccount user, CancellationToken cancel)
    {
        var errors = new List<AppError>();
        var unknownRoles = account.Roles.Where(r => !SiteRoles.All.Contains(r, StringComparer.Ordinal)).ToList();
        if (unknownRoles.Count > 0)
        {
            errors.Add(new AppError("Select roles from the list", new FormFieldLocation(Fields.Roles)));
        }

        if (string.IsNullOrWhiteSpace(account.DisplayName))
        {
            errors.Add(new AppError("Enter the person's name", new FormFieldLocation(Fields.DisplayName)));
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Outcome<AccountSummary>.Fail(FailureKind.Invalid, errors);
        }

        await EnsureRolesAsync().ConfigureAwait(false);
        var roleList = SiteRoles.All.Where(account.Roles.Contains).ToList();
        AuditTrail.Add(db, time, actor, null, AuditEntity, user.Email!, "Created", null,
            JsonSerializer.Serialize(new { displayName = user.DisplayName, email = user.Email, organisationId = user.OrganisationId, roles = roleList }, Json));

        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, account.Password).ConfigureAwait(false);
            if (result.Succeeded && roleList.Count > 0)
            {
                result = await users.AddToRolesAsync(user, roleList).ConfigureAwait(false);
            }
        }
        catch (DbUpdateException)
        {
            // Someone else created the same email address in the moment between the check and the save.
            db.ChangeTracker.Clear();
            return Outcome<AccountSummary>.Fail(FailureKind.Conflict, "An account with this email address already exists", new FormFieldLocation(Fields.Email));
        }

        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Outcome<AccountSummary>.Fail(FailureKind.Invalid, Describe(result.Errors));
        }

        var organisation = user.OrganisationId is { } id ? await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync(cancel).ConfigureAwait(false) : null;
        return Outcome<AccountSummary>.Success(new AccountSummary(user.Id, user.DisplayName, user.Email!, organisation, roleList, null));
    }

    /// <summary>Identity's errors as the form shows them, each on its field, each message once.</summary>
    private static IEnumerable<AppError> Describe(IEnumerable<IdentityError> errors) => errors
        .Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
                new AppError("An account with this email address already exists", new FormFieldLocation(Fields.Email)),
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
                new AppError("Enter an email address in the correct format, like name@example.com", new FormFieldLocation(Fields.Email)),
            _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => new AppError(e.Description, new FormFieldLocation(Fields.Password)),
            _ => new AppError(e.Description),
        })
        .Distinct();
}
