using Commissioning.Tests.Support;

namespace Commissioning.Tests.Web;

/// <summary>
/// The keys that sign antiforgery tokens are kept in a folder, so a form opened before a restart
/// (or on another instance sharing the folder) can still be sent.
/// </summary>
[TestFixtureSource(typeof(SiteFactory), nameof(SiteFactory.Environments))]
public sealed class DataProtectionKeysTests(string environment)
{
    private static KeyValuePair<string, string>[] ValidAnswers() =>
    [
        new("Input.Name", "Riverside Surgery"),
        new("Input.Type", "gp-practice-or-pcn"),
        new("Input.Headcount", "45"),
        new("Input.HostsMedicalTrainees", "no"),
        new("Input.Delivery", "external"),
    ];

    [Test]
    public async Task FormFromOneSite_PostedToAnotherSharingTheKeysFolder_IsAccepted()
    {
        var keys = Directory.CreateTempSubdirectory("shared-keys-");
        try
        {
            FormToken token;
            using (var before = new SiteFactory(environment, keys.FullName))
            {
                token = await RawRequests.GetFormTokenAsync(before.Server, "/specification/profile");
            }

            using var after = new SiteFactory(environment, keys.FullName);
            var response = await RawRequests.SendAsync(after.Server, "POST", "/specification/profile", RawRequests.Form(token, ValidAnswers()));

            Assert.That(response.Status, Is.EqualTo(302), "the form opened before the restart is accepted after it");
            Assert.That(keys.GetFiles("key-*.xml"), Is.Not.Empty, "the key was written to the folder");
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    [Test]
    public async Task FormFromOneSite_PostedToAnotherWithItsOwnKeys_IsRefused()
    {
        using var first = new SiteFactory(environment);
        using var second = new SiteFactory(environment);
        var token = await RawRequests.GetFormTokenAsync(first.Server, "/specification/profile");

        var response = await RawRequests.SendAsync(second.Server, "POST", "/specification/profile", RawRequests.Form(token, ValidAnswers()));

        Assert.That(response.Status, Is.EqualTo(400), "without the first site's keys the token cannot be checked");
        Assert.That(response.Body, Does.Contain("The form could not be sent safely"));
    }
}
