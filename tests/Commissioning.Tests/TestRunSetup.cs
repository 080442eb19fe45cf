namespace Commissioning.Tests;

/// <summary>
/// Once, before any test: sites built by the tests do not watch their configuration files. Each
/// watching host takes an inotify instance, which it gives back only when disposed, and Linux
/// allows a user 128 of them; the page tests build hundreds of sites, so watching would end in
/// "the configured user limit (128) on the number of inotify instances has been reached".
/// Nothing in a test changes a configuration file while its site runs, so nothing is lost.
/// </summary>
[SetUpFixture]
public sealed class TestRunSetup
{
    /// <summary>Turns configuration reloading off for every host this process builds.</summary>
    [OneTimeSetUp]
    public void NoConfigurationWatching()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
