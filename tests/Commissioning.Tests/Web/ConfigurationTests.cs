using Commissioning.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Commissioning.Tests.Web;

/// <summary>
/// Settings for the trusted proxies (start-up refuses a bad value with a message that names the
/// setting and the value), and the data folder kept out of git.
/// </summary>
public sealed class ConfigurationTests
{
    [TestCase("ForwardedHeaders:KnownProxies:0", "proxy.internal", "ForwardedHeaders:KnownProxies:0 is 'proxy.internal', which is not an IP address such as 10.0.0.5.")]
    [TestCase("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks:0 is '10.0.0.0/33', which is not a network such as 10.0.0.0/8.")]
    [TestCase("ForwardedHeaders:KnownNetworks", "10.0.0.0/8, 300.1.0.0/16", "ForwardedHeaders:KnownNetworks is '300.1.0.0/16', which is not a network such as 10.0.0.0/8.")]
    public void TrustedProxies_WithAnInvalidValue_StopStartUpNamingTheSettingAndValue(string setting, string value, string message)
    {
        using var factory = new SiteFactory().WithWebHostBuilder(b => b.UseSetting(setting, value));

        var exception = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.That(exception!.Message, Does.StartWith(message));
    }

    [Test]
    public void GitIgnore_CoversTheDefaultDataFolder()
    {
        var ignored = File.ReadAllLines(Path.Combine(Repository.Root, ".gitignore"));

        Assert.That(ignored, Does.Contain("App_Data/"), "the database (accounts, keys) must never be committed");
    }
}
