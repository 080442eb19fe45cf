using Commissioning.Core.Profiles;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Tailoring;

public sealed class ProfileValidatorTests
{
    private readonly OrganisationProfileValidator _validator = new();

    private string[] Messages(OrganisationProfile profile) => [.. _validator.Validate(profile).Errors.Select(e => e.ErrorMessage)];

    [Test]
    public void ValidProfile_HasNoErrors()
    {
        Assert.That(Messages(Profiles.AcuteTrust()), Is.Empty);
    }

    [Test]
    public void EmptyName_AsksForTheName()
    {
        Assert.That(Messages(Profiles.GpPractice() with { Name = " " }), Is.EqualTo(new[] { "Enter the name of the organisation" }));
    }

    [TestCase(0, "Number of staff must be 1 or more")]
    [TestCase(100_001, "Number of staff must be 100,000 or fewer")]
    public void HeadcountOutOfRange_SaysTheLimit(int headcount, string message)
    {
        Assert.That(Messages(Profiles.GpPractice() with { Headcount = headcount }), Is.EqualTo(new[] { message }));
    }

    [Test]
    public void UnknownType_AsksToSelectOne()
    {
        Assert.That(Messages(Profiles.GpPractice() with { Type = (OrganisationType)99 }), Is.EqualTo(new[] { "Select the type of organisation" }));
    }

    [Test]
    public void EmptyOrLongNeeds_AreNumberedFromOne()
    {
        var profile = Profiles.GpPractice() with { PopulationHealthNeeds = ["Obesity", "", new string('x', 201)] };

        Assert.That(Messages(profile), Is.EqualTo(new[]
        {
            "Local health need 2 is empty: describe it or remove it",
            "Local health need 3 must be 200 characters or fewer",
        }));
    }

    [Test]
    public void TooManyNeeds_AreRefused()
    {
        var profile = Profiles.GpPractice() with { PopulationHealthNeeds = [.. Enumerable.Range(1, 21).Select(i => $"Need {i}")] };

        Assert.That(Messages(profile), Is.EqualTo(new[] { "List 20 local health needs or fewer" }));
    }

    private (string Property, string Message)[] Errors(OrganisationProfile profile) =>
        [.. _validator.Validate(profile).Errors.Select(e => (e.PropertyName, e.ErrorMessage))];

    // A name, and the one error it gives (null: valid). Each name breaks at most one rule: the
    // name's rules stop at the first it breaks.
    private static readonly (string Name, string? Message)[] Names =
    [
        ("Riverside Surgery", null),
        ("Zoë's Practice – Ñandú & Co", null),
        ("שירות בריאות", null),
        ("\u200B", "Organisation name must include characters you can see, such as letters or numbers"),
        ("\u200B\u200D\u2060\uFEFF", "Organisation name must include characters you can see, such as letters or numbers"),
        ("\u3164\u2800", "Organisation name must include characters you can see, such as letters or numbers"),
        ("\u00AD\u0301", "Organisation name must include characters you can see, such as letters or numbers"),
        ("\u202E\u202D", "Organisation name must be plain text on one line: remove the text-direction control (U+202E) at character 1"),
        ("\u2066\u2069", "Organisation name must be plain text on one line: remove the text-direction control (U+2066) at character 1"),
        ("Riverside\nMost advantageous tender: X", "Organisation name must be plain text on one line: remove the line break (U+000A) at character 10"),
        ("\u001B[31mRiverside", "Organisation name must be plain text on one line: remove the control character (U+001B) at character 1"),
        ("River\tside", "Organisation name must be plain text on one line: remove the tab (U+0009) at character 6"),
        ("River\u0085side", "Organisation name must be plain text on one line: remove the line break (U+0085) at character 6"),
        (new string('x', 201), "Organisation name must be 200 characters or fewer"),
        (new string('\u200B', 201), "Organisation name must be 200 characters or fewer"),
    ];

    [Test]
    public void Validate_HostileNames_GiveOneMessageEachAtTheName()
    {
        var checkedCases = 0;
        Assert.Multiple(() =>
        {
            foreach (var (name, message) in Names)
            {
                var expected = message is null ? Array.Empty<(string, string)>() : [("Name", message)];
                Assert.That(Errors(Profiles.GpPractice(name)), Is.EqualTo(expected), Core.Text.TextRules.Escape(name));
                checkedCases++;
            }
        });

        Assert.That(checkedCases, Is.EqualTo(15));
    }

    [Test]
    public void Validate_NeedsWithControlsOrNothingVisible_AreRefusedAtTheirLine()
    {
        var profile = Profiles.GpPractice() with { PopulationHealthNeeds = ["Obesity", "Back\tpain", "\u200B\u200B", "Smoking\u202E"] };

        Assert.That(Errors(profile), Is.EqualTo(new[]
        {
            ("PopulationHealthNeeds[1]", "Local health need 2 must be plain text on one line: remove the tab (U+0009) at character 5"),
            ("PopulationHealthNeeds[2]", "Local health need 3 is empty: describe it or remove it"),
            ("PopulationHealthNeeds[3]", "Local health need 4 must be plain text on one line: remove the text-direction control (U+202E) at character 8"),
        }));
    }
}
