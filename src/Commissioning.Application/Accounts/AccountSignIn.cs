using Commissioning.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Application.Accounts;

/// <summary>How a sign-in with email address and password ended.</summary>
public enum SignInOutcome
{
    /// <summary>Signed in: the sign-in cookie is on the response.</summary>
    SignedIn,

    /// <summary>
    /// No account has that email address, or the password is wrong (or Identity refused for any
    /// other reason than lockout). The two are not told apart, so nobody can learn which addresses have accounts.
    /// </summary>
    WrongDetails,

    /// <summary>
    /// The account is locked: <see cref="IdentitySettings.MaxFailedSignIns"/> wrong passwords in a
    /// row, for <see cref="IdentitySettings.LockoutDuration"/> (the right password is refused too).
    /// </summary>
    LockedOut,
}

/// <summary>
/// Signing in and out through ASP.NET Core Identity, for the site's pages: by email address and
/// password with lockout on failure; by account id straight after the setup page created the
/// account; and out. The sign-in cookie is written to (or removed from) the current request's response.
/// </summary>
/// <param name="signIn">Identity's sign-in manager for the current request.</param>
public sealed class AccountSignIn(SignInManager<UserAccount> signIn)
{
    // An account that does not exist, with a hash of a random password, so that an unknown email
    // address has a password hashed all the same and takes as long to refuse as a wrong password.
    private static readonly UserAccount NoOne = new() { DisplayName = "No one" };

    private static readonly Lazy<string> NoOneHash = new(() => new PasswordHasher<UserAccount>().HashPassword(NoOne, Guid.NewGuid().ToString()));

    /// <summary>
    /// Signs in with an email address (spaces around it ignored) and a password, for a session
    /// cookie (not persistent). A wrong password counts towards the account's lockout.
    /// </summary>
    /// <param name="email">The email address the person typed.</param>
    /// <param name="password">The password the person typed.</param>
    public async Task<SignInOutcome> PasswordSignInAsync(string email, string password)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var user = await signIn.UserManager.FindByNameAsync(email.Trim()).ConfigureAwait(false);
        if (user is null)
        {
            // Hash the password anyway, so an unknown address takes as long to refuse as a wrong password.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(NoOne, NoOneHash.Value, password);
            return SignInOutcome.WrongDetails;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        return result.Succeeded ? SignInOutcome.SignedIn
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : SignInOutcome.WrongDetails;
    }

    /// <summary>Signs in an account that has just been created (by the setup page), without its password, for a session cookie.</summary>
    /// <param name="userId">The account's id (<see cref="AccountSummary.Id"/>).</param>
    /// <exception cref="InvalidOperationException">No account has that id.</exception>
    public async Task SignInAsync(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var user = await signIn.UserManager.FindByIdAsync(userId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"There is no account with the id {userId}.");
        await signIn.SignInAsync(user, isPersistent: false).ConfigureAwait(false);
    }

    /// <summary>Signs out: the response removes the sign-in cookie.</summary>
    public Task SignOutAsync() => signIn.SignOutAsync();
}
