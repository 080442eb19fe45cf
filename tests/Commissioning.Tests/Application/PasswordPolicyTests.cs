using Commissioning.Application.Accounts;

namespace Commissioning.Tests.Application;

/// <summary>The password policy: length over complexity, a deny list, and no email or service name inside.</summary>
public sealed class PasswordPolicyTests
{
    private const string Email = "sarah.jones@example.nhs.uk";

    /// <summary>Each case: the password and the error codes it must get (none when it is acceptable).</summary>
    private static readonly (string Password, string[] Codes)[] Cases =
    [
        ("", [PasswordPolicy.Codes.Missing]),
        ("three words", [PasswordPolicy.Codes.TooShort]),                      // 11 characters
        ("plum garden!", []),                                                  // exactly 12
        (new string('\u263A', 11), [PasswordPolicy.Codes.TooShort]),            // 11 symbols
        (string.Concat(Enumerable.Repeat("\U0001F642", 11)), [PasswordPolicy.Codes.TooShort]), // 11 emoji, 22 UTF-16 units
        ("qwerty123456", [PasswordPolicy.Codes.Common]),
        ("1qaz2wsx3edc", [PasswordPolicy.Codes.Common]),
        ("PASSWORD1234", [PasswordPolicy.Codes.Common]),                       // in any case
        ("password", [PasswordPolicy.Codes.TooShort, PasswordPolicy.Codes.Common]),
        ("sarah.jones rides bikes", [PasswordPolicy.Codes.ContainsEmail]),
        ("SARAH.JONES2027 horse", [PasswordPolicy.Codes.ContainsEmail]),
        ("my commissioning password", [PasswordPolicy.Codes.ContainsServiceName]),
        ("Occupational-Health 4 all", [PasswordPolicy.Codes.ContainsServiceName]),
        ("all lower case words here", []),                                     // no composition rules
        ("violet kettle harbour lantern", []),
        (string.Join(' ', Enumerable.Repeat("purple elephant marmalade", 4)), []), // 103 characters
        (new string('x', 64) + " tail", []),                                   // long passphrase, 69 characters
    ];

    [Test]
    public void Check_EachCase_GivesTheExpectedErrors()
    {
        var checkedCases = 0;
        foreach (var (password, codes) in Cases)
        {
            var errors = PasswordPolicy.Check(password, Email);

            Assert.That(errors.Select(e => e.Code), Is.EqualTo(codes), $"'{password}'");
            Assert.That(errors.All(e => e.Description.Length > 0 && !e.Description.Contains("must have at least one", StringComparison.Ordinal)), Is.True);
            checkedCases++;
        }

        Assert.That(checkedCases, Is.EqualTo(17));
        Assert.That(Cases.Count(c => c.Codes.Length == 0 && c.Password.Length >= 64), Is.EqualTo(2), "passphrases of 64 characters and more are accepted");
    }

    [Test]
    public void Check_ShortFirstPartOfEmail_IsNotLookedFor()
    {
        var errors = PasswordPolicy.Check("jo plays the banjo", "jo@example.nhs.uk");

        Assert.That(errors, Is.Empty, "a two-letter first part would refuse too many passwords");
    }

    [Test]
    public void DenyList_LoadsEveryEntryOfTheShippedFile()
    {
        var file = Path.Combine(Support.Repository.Root, "src", "Commissioning.Application", "Accounts", "common-passwords.txt");
        var distinct = File.ReadAllLines(file).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Count();

        Assert.That(PasswordPolicy.DenyListCount, Is.EqualTo(distinct));
        Assert.That(distinct, Is.GreaterThan(40_000));
    }

    [Test]
    public void Messages_TooShort_SaysTheMinimumLength()
    {
        var error = PasswordPolicy.Check("wren tide", Email).Single();

        Assert.That(error.Description, Does.StartWith("Password must be 12 characters or more"));
    }
}
