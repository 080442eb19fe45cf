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
}
