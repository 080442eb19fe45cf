using Microsoft.AspNetCore.DataProtection;

namespace Commissioning.Web.Infrastructure;

/// <summary>
/// Keeps the keys that sign antiforgery tokens and cookies in a folder, so a form opened before a
/// restart can still be sent after it. The folder is <c>DataProtection:KeysPath</c>, relative to
/// the content root, by default <c>App_Data/keys</c> (git-ignored). The keys are written
/// unencrypted: the folder must be readable only by the site. A later change moves them to the
/// database.
/// </summary>
public static class DataProtectionKeys
{
    /// <summary>The configuration key for the folder.</summary>
    public const string PathSetting = "DataProtection:KeysPath";

    /// <summary>The folder used when the setting is empty, relative to the content root.</summary>
    public const string DefaultPath = "App_Data/keys";

    /// <summary>
    /// The application name that keys are isolated by. Fixed, so that the keys still apply when the
    /// site is moved or published to another folder (the default is the content root path).
    /// </summary>
    public const string ApplicationName = "Commissioning.Web";

    /// <summary>Persists the keys to the configured folder, creating it (owner-only on Unix) if needed.</summary>
    public static IServiceCollection AddPersistedDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var folder = ResolveFolder(configuration[PathSetting], environment.ContentRootPath);
        services.AddDataProtection()
            .PersistKeysToFileSystem(folder)
            .SetApplicationName(ApplicationName);
        return services;
    }

    /// <summary>The keys folder for a setting, created if it does not exist.</summary>
    /// <exception cref="InvalidOperationException">The folder cannot be created.</exception>
    public static DirectoryInfo ResolveFolder(string? configured, string contentRoot)
    {
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured, contentRoot);
        try
        {
            return OperatingSystem.IsWindows()
                ? Directory.CreateDirectory(path)
                : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new InvalidOperationException(
                $"The folder for the site's keys, '{path}', could not be created ({ex.Message}). Set {PathSetting} to a folder the site can write to.", ex);
        }
    }
}
