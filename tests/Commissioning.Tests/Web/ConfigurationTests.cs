using Commissioning.Tests.Support;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Commissioning.Tests.Web;

/// <summary>
/// Settings for the keys folder and the trusted proxies: their defaults, and start-up refusing a
/// bad value with a message that names the setting and the value.
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
    public void KeysFolder_NotSet_IsAppDataKeysUnderTheContentRoot()
    {
        var root = Directory.CreateTempSubdirectory("content-root-");
        try
        {
            var folder = DataProtectionKeys.ResolveFolder(null, root.FullName);

            Assert.That(folder.FullName, Is.EqualTo(Path.Combine(root.FullName, "App_Data", "keys")));
            Assert.That(folder.Exists, Is.True);
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(folder.FullName), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), "only the site's own user can read the keys");
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Test]
    public void KeysFolder_ThatCannotBeCreated_StopsStartUpNamingTheSetting()
    {
        var file = Path.GetTempFileName();
        try
        {
            var underAFile = Path.Combine(file, "keys");
            using var factory = new SiteFactory(keysFolder: underAFile);

            var exception = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

            Assert.That(exception!.Message, Does.StartWith($"The folder for the site's keys, '{underAFile}', could not be created").And.EndWith("Set DataProtection:KeysPath to a folder the site can write to."));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void GitIgnore_CoversTheDefaultKeysFolder()
    {
        var ignored = File.ReadAllLines(Path.Combine(Repository.Root, ".gitignore"));

        Assert.That(ignored, Does.Contain("App_Data/"), "keys must never be committed");
    }
}
