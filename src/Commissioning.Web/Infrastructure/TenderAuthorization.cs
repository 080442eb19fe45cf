using System.Security.Claims;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Infrastructure;

/// <summary>A resource-based requirement: the signed-in person may do one operation on the tender given as the resource.</summary>
public sealed class TenderRequirement : IAuthorizationRequirement
{
    private static readonly Dictionary<TenderOperation, TenderRequirement> Instances =
        Enum.GetValues<TenderOperation>().ToDictionary(o => o, o => new TenderRequirement(o));

    private TenderRequirement(TenderOperation operation) => Operation = operation;

    /// <summary>The operation.</summary>
    public TenderOperation Operation { get; }

    /// <summary>The requirement for an operation.</summary>
    public static TenderRequirement For(TenderOperation operation) => Instances[operation];
}

/// <summary>
/// Decides a <see cref="TenderRequirement"/> from the person's permissions on the tender, worked
/// out by the application layer (<see cref="OpenTender"/>). The permissions must be
/// the signed-in person's own.
/// </summary>
public sealed class TenderAuthorizationHandler : AuthorizationHandler<TenderRequirement, TenderPermissions>
{
    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TenderRequirement requirement, TenderPermissions resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) == resource.User.UserId && resource.Allows(requirement.Operation))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The signed-in person as the application layer sees them.</summary>
public static class SignedIn
{
    /// <summary>The account behind the request's user, or null when not signed in or the account has gone.</summary>
    public static async Task<SiteUser?> UserAsync(this FindUser users, ClaimsPrincipal principal, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id ? await users.HandleAsync(id, cancel) : null;
    }
}

/// <summary>What every tender page needs to open its tender: who is asking, and what they may do on it.</summary>
/// <param name="users">Finds the signed-in account.</param>
/// <param name="tenders">Works out the permissions on a tender.</param>
/// <param name="authorization">Checks an operation against the permissions.</param>
public sealed class TenderPageServices(FindUser users, OpenTender tenders, IAuthorizationService authorization)
{
    /// <summary>Finds the signed-in account.</summary>
    public FindUser Users => users;

    /// <summary>Works out the permissions on a tender.</summary>
    public OpenTender Tenders => tenders;

    /// <summary>Checks an operation against the permissions.</summary>
    public IAuthorizationService Authorization => authorization;
}

/// <summary>
/// A page about one tender. <see cref="OpenAsync"/> finds the signed-in person's permissions and
/// checks the operation through <see cref="IAuthorizationService"/>; a person with no role on the
/// tender, or whose roles do not allow the operation, gets 404, exactly as for a tender that does
/// not exist, so a guessed address shows nothing.
/// </summary>
public abstract class TenderPageModel(TenderPageServices pages) : PageModel
{

    /// <summary>The signed-in person.</summary>
    public SiteUser Me { get; private set; } = null!;

    /// <summary>What they may do on this tender.</summary>
    public TenderPermissions Access { get; private set; } = null!;

    /// <summary>The tender's id, from the address.</summary>
    [FromRoute(Name = "id")]
    public Guid TenderId { get; set; }

    /// <summary>Opens the tender for <paramref name="operation"/>; false means answer 404.</summary>
    protected async Task<bool> OpenAsync(TenderOperation operation, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(pages);
        if (await pages.Users.UserAsync(User, cancel) is not { } me || await pages.Tenders.HandleAsync(me, TenderId, cancel) is not { } access)
        {
            return false;
        }

        var decision = await pages.Authorization.AuthorizeAsync(User, access, TenderRequirement.For(operation));
        if (!decision.Succeeded)
        {
            return false;
        }

        Me = me;
        Access = access;
        return true;
    }

    /// <summary>
    /// The one path of every form on a tender page: check the input with its validator, then make
    /// the change; true when it was made. Otherwise every problem (the validator's, or the
    /// application's with the field it names) is in ModelState under <paramref name="prefix"/>.
    /// </summary>
    protected async Task<bool> TryChangeAsync<TInput, T>(TInput input, FluentValidation.IValidator<TInput> validator, string prefix, Func<Task<Outcome<T>>> change, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(change);
        ModelState.Clear();
        var checkedInput = await validator.ValidateAsync(input, cancel);
        if (!checkedInput.IsValid)
        {
            checkedInput.AddToModelState(ModelState, prefix);
            return false;
        }

        var changed = await change();
        if (!changed.Succeeded)
        {
            AddErrors(changed.Errors, prefix);
        }

        return changed.Succeeded;
    }

    /// <summary>
    /// Copies an application failure's problems into ModelState, keyed by the form field each
    /// names, or by the form's prefix for a problem with the form as a whole (the error summary
    /// then links it to the form's first field).
    /// </summary>
    protected void AddErrors(IEnumerable<AppError> errors, string prefix)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            var key = error.Location is FormFieldLocation field ? $"{prefix}.{field.Field}" : prefix;
            ModelState.AddModelError(key, error.Message);
        }
    }
}
