using System.Globalization;
using System.Reflection;
using System.Text;
using Commissioning.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Application.Accounts;

/// <summary>
/// The password policy, after the NCSC's guidance (docs/accounts.md): length over complexity. A
/// password must be at least <see cref="MinimumLength"/> characters, has no composition rules and
/// no maximum length below the site's request limit, and is refused when it is on the deny list of
/// common passwords, or contains the first part of the account's email address or the service's name.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<UserAccount>
{
    /// <summary>
    /// The fewest characters (Unicode scalar values, so an emoji counts once). Twelve is the
    /// length the Cyber Essentials requirements accept on its own, with no maximum; the deny list
    /// and lockout come on top (the toolkit's judgement: docs/accounts.md).
    /// </summary>
    public const int MinimumLength = 12;

    /// <summary>The shortest first part of an email address that is checked for: shorter ones (such as <c>jo</c>) would refuse too much.</summary>
    public const int ShortestCheckedEmailPart = 3;

    /// <summary>Identity error codes, so callers can tell which rule refused a password.</summary>
    public static class Codes
    {
        /// <summary>Nothing entered.</summary>
        public const string Missing = "PasswordMissing";
        /// <summary>Shorter than <see cref="MinimumLength"/>.</summary>
        public const string TooShort = "PasswordTooShort";
        /// <summary>On the deny list.</summary>
        public const string Common = "PasswordCommon";
        /// <summary>Contains the first part of the email address.</summary>
        public const string ContainsEmail = "PasswordContainsEmail";
        /// <summary>Contains the service's name.</summary>
        public const string ContainsServiceName = "PasswordContainsServiceName";
    }

    /// <summary>Words of the service's name that a password may not contain (compared as letters only, in any case).</summary>
    public static IReadOnlyList<string> ServiceWords { get; } = ["commission", "occupationalhealth"];

    private static readonly Lazy<HashSet<string>> DenyList = new(LoadDenyList);

    /// <summary>How many passwords are on the deny list.</summary>
    public static int DenyListCount => DenyList.Value.Count;

    /// <summary>Whether a password is on the deny list (in any case).</summary>
    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return DenyList.Value.Contains(password) || DenyList.Value.Contains(password.Trim());
    }

    /// <summary>
    /// Every rule the password breaks for an account with this email address, as Identity errors
    /// with plain-English messages; empty when the password is acceptable.
    /// </summary>
    public static IReadOnlyList<IdentityError> Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return [new IdentityError { Code = Codes.Missing, Description = "Enter a password" }];
        }

        var errors = new List<IdentityError>();
        var length = password.EnumerateRunes().Count();
        if (length < MinimumLength)
        {
            errors.Add(new IdentityError
            {
                Code = Codes.TooShort,
                Description = string.Create(CultureInfo.InvariantCulture, $"Password must be {MinimumLength} characters or more. Try 3 random words, such as a phrase only you would think of"),
            });
        }

        if (IsCommon(password))
        {
            errors.Add(new IdentityError { Code = Codes.Common, Description = "Password is too common and easy to guess. Choose a different password, such as 3 random words" });
        }

        var local = email?.Split('@')[0].Trim();
        if (local is { Length: >= ShortestCheckedEmailPart } && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = Codes.ContainsEmail, Description = "Password must not contain your email address" });
        }

        var letters = LettersOnly(password);
        if (ServiceWords.Any(w => letters.Contains(w, StringComparison.Ordinal)))
        {
            errors.Add(new IdentityError { Code = Codes.ContainsServiceName, Description = "Password must not contain the name of this service" });
        }

        return errors;
    }

    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = Check(password, user.Email);
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static string LettersOnly(string text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }

        return letters.ToString();
    }

    private static HashSet<string> LoadDenyList()
    {
        const string name = "Commissioning.Application.Accounts.common-passwords.txt";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The deny list of common passwords ({name}) is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
